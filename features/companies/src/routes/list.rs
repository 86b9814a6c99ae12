//! The company list (R-LST, R-EXP-1/2/5): search, sort, paging and exports of the result.

use futures::TryStreamExt;
use hih_db::access::AccessAction;
use hih_db::search::text_matches;
use hih_kernel::AppError;
use hih_web::export::{Cell, ExportWriter};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebError, WebResult, iso};
use poem::handler;
use poem::web::{Path, Query};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use serde::Serialize;

use super::record::status_key;
use crate::entities::company;
use crate::scope::{sees_deactivated, visible_companies};
use crate::service::{KMU_LIMIT, STATUSES};
use hih_reference::lists::{self};

pub(crate) const COLUMNS: [&str; 5] = ["name", "plz", "status", "employees", "updated"];
pub(crate) const FILTERS: [&str; 5] = ["q", "status", "industry", "size", "inactive"];

pub(crate) fn filtered(ctx: &Ctx, params: &ListParams) -> Select<company::Entity> {
    let mut cond = Condition::all().add(visible_companies(&ctx.actor));
    if let Some(q) = params.filter("q") {
        let backend = hih_db::backend(&ctx.services().db);
        cond = cond.add(text_matches(
            backend,
            "company",
            company::Column::SearchText,
            q,
        ));
    }
    if let Some(s) = params.filter("status") {
        cond = cond.add(company::Column::Status.eq(s));
    }
    if let Some(i) = params.filter("industry") {
        cond = cond.add(company::Column::Industry.eq(i));
    }
    match params.filter("size") {
        Some("kmu") => cond = cond.add(company::Column::Employees.lt(KMU_LIMIT)),
        Some("gross") => cond = cond.add(company::Column::Employees.gte(KMU_LIMIT)),
        _ => {}
    }
    // Deactivated companies are never found, except by admins who ask for them (R-LST-2).
    if !(sees_deactivated(&ctx.actor) && params.filter("inactive").is_some()) {
        cond = cond.add(company::Column::Active.eq(true));
    }
    let col = match params.sort.as_str() {
        "plz" => company::Column::Plz,
        "status" => company::Column::Status,
        "employees" => company::Column::Employees,
        "updated" => company::Column::UpdatedAt,
        _ => company::Column::SortName,
    };
    let order = if params.desc {
        sea_orm::Order::Desc
    } else {
        sea_orm::Order::Asc
    };
    company::Entity::find()
        .filter(cond)
        .order_by(col, order)
        .order_by_asc(company::Column::Id)
}

#[derive(Serialize)]
struct Row {
    id: i64,
    name: String,
    address: String,
    kreis: String,
    status_key: String,
    employees: Option<i32>,
    active: bool,
    updated: String,
}

/// The company list.
#[handler]
pub async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let params = ListParams::parse(&ctx, "companies", &query, &FILTERS, &COLUMNS);
    let select = filtered(&ctx, &params);
    let (total, page) = hih_web::fetch_page(select, &params, &ctx.services().db).await?;
    let rows: Vec<Row> = page
        .into_iter()
        .map(|c| Row {
            id: c.id,
            address: format!("{} {}, {} {}", c.street, c.house_number, c.plz, c.ort),
            kreis: c.kreis.clone().unwrap_or_default(),
            status_key: status_key(&c.status),
            employees: c.employees,
            active: c.active,
            updated: iso(c.updated_at),
            name: c.name,
        })
        .collect();
    ctx.log_access(
        AccessAction::Search,
        "company",
        None,
        serde_json::json!(params.filters),
        Some(total as i64),
    )
    .await;
    let industries = lists::options(ctx.services(), "industry", ctx.locale).await?;
    ctx.render("companies/list.html", context! {
        rows => Serde(rows),
        list => params.view(total, &COLUMNS),
        q => params.filter("q").unwrap_or(""),
        status => params.filter("status").unwrap_or(""),
        industry => params.filter("industry").unwrap_or(""),
        size => params.filter("size").unwrap_or(""),
        inactive => params.filter("inactive").is_some(),
        statuses => Serde(STATUSES.to_vec()),
        industries => Serde(industries.into_iter().map(|(c, l)| (c, String::new(), l)).collect::<Vec<_>>()),
        may_see_deactivated => sees_deactivated(&ctx.actor),
    })
    .await
}

/// Export of the current search result (`export.csv`, `export.xlsx`): exactly the rows the
/// search finds, only fields the role may see, formulas neutralised, access logged.
#[handler]
pub async fn export(
    ctx: Ctx,
    Path(file): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> WebResult {
    let Some(format) = hih_web::export::ExportFormat::from_file_name(&file)
        .filter(|_| file.starts_with("export."))
    else {
        return Err(WebError(AppError::NotFound));
    };
    let params = ListParams::parse(&ctx, "companies-export", &query, &FILTERS, &COLUMNS);
    let header: Vec<String> = EXPORT_HEADERS.iter().map(|k| ctx.t(k)).collect();
    let mut out = ExportWriter::new(format, &ctx.t("companies-sheet"), &header)?;
    // Only the exported columns, streamed: the search text and the rows never sit in memory.
    let mut rows = filtered(&ctx, &params)
        .select_only()
        .columns(EXPORT_COLUMNS)
        .into_model::<ExportRow>()
        .stream(&ctx.services().db)
        .await?;
    while let Some(c) = rows.try_next().await? {
        out.push(&[
            Cell::Text(c.name),
            Cell::Text(c.legal_form),
            Cell::Text(c.street),
            Cell::Text(c.house_number),
            Cell::Text(c.plz),
            Cell::Text(c.ort),
            Cell::Text(c.kreis.unwrap_or_default()),
            Cell::Text(c.industry),
            c.employees
                .map(|e| Cell::Number(f64::from(e)))
                .unwrap_or(Cell::Text(String::new())),
            Cell::Text(ctx.t(&status_key(&c.status))),
            Cell::Date(c.status_since),
            Cell::Text(c.email),
            Cell::Text(c.phone),
        ])?;
    }
    drop(rows);
    out.respond(
        &ctx,
        "unternehmen",
        "company",
        serde_json::json!({ "file": file, "filter": params.filters }),
    )
    .await
}

/// Column headers of the company export (text keys), in the order of [`EXPORT_COLUMNS`].
const EXPORT_HEADERS: [&str; 13] = [
    "companies-field-name",
    "companies-field-legal-form",
    "companies-field-street",
    "companies-field-house-number",
    "companies-field-plz",
    "companies-field-ort",
    "companies-col-kreis",
    "companies-field-industry",
    "companies-field-employees",
    "companies-field-status",
    "companies-field-status-since",
    "companies-field-email",
    "companies-field-phone",
];

/// The columns an export reads.
const EXPORT_COLUMNS: [company::Column; 13] = [
    company::Column::Name,
    company::Column::LegalForm,
    company::Column::Street,
    company::Column::HouseNumber,
    company::Column::Plz,
    company::Column::Ort,
    company::Column::Kreis,
    company::Column::Industry,
    company::Column::Employees,
    company::Column::Status,
    company::Column::StatusSince,
    company::Column::Email,
    company::Column::Phone,
];

/// One exported company (the fields every role that sees companies may see).
#[derive(sea_orm::FromQueryResult)]
struct ExportRow {
    name: String,
    legal_form: String,
    street: String,
    house_number: String,
    plz: String,
    ort: String,
    kreis: Option<String>,
    industry: String,
    employees: Option<i32>,
    status: String,
    status_since: chrono::NaiveDate,
    email: String,
    phone: String,
}

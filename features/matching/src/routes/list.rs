//! The list of matches `/vermittlungen` (R-MAT, R-LST, R-EXP): free-text search and status
//! filter, sort, paging, CSV/XLSX export of exactly the result. Every role gets the same
//! columns, and of the company only its name — so AHK staff never see another company field.

use futures::TryStreamExt;
use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_db::access::AccessAction;
use hih_db::fold::contains_all_words;
use hih_kernel::AppError;
use hih_reference::lists::{self, label_of};
use hih_web::export::{Cell, ExportFormat, ExportWriter};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebError, WebResult};
use poem::handler;
use poem::web::{Path, Query};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Select,
};
use serde::Serialize;

use crate::entities::placement;
use crate::scope::visible_placements;
use crate::service::{STATUSES, status_key};

const COLUMNS: [&str; 4] = ["date", "company", "applicant", "status"];
const FILTERS: [&str; 2] = ["q", "status"];

/// One row of the list and the export (the company's name is its only field here).
#[derive(sea_orm::FromQueryResult)]
struct Found {
    company_id: i64,
    applicant_id: i64,
    company_name: String,
    applicant_code: Option<String>,
    first_names: String,
    last_name: String,
    placed_on: chrono::NaiveDate,
    position: String,
    status: String,
}

fn filtered(ctx: &Ctx, params: &ListParams) -> Select<placement::Entity> {
    let mut cond = Condition::all().add(visible_placements(&ctx.actor));
    if let Some(q) = params.filter("q") {
        cond = cond.add(contains_all_words(placement::Column::SearchText, q));
    }
    if let Some(s) = params.filter("status") {
        cond = cond.add(placement::Column::Status.eq(s));
    }
    let order = if params.desc {
        sea_orm::Order::Desc
    } else {
        sea_orm::Order::Asc
    };
    let select = placement::Entity::find()
        .select_only()
        .column(placement::Column::CompanyId)
        .column(placement::Column::ApplicantId)
        .column_as(company::Column::Name, "company_name")
        .column_as(applicant::Column::ApplicantId, "applicant_code")
        .column(applicant::Column::FirstNames)
        .column(applicant::Column::LastName)
        .column(placement::Column::PlacedOn)
        .column(placement::Column::Position)
        .column(placement::Column::Status)
        .inner_join(company::Entity)
        .inner_join(applicant::Entity)
        .filter(cond);
    let select = match params.sort.as_str() {
        "company" => select.order_by(company::Column::SortName, order),
        "applicant" => select.order_by(applicant::Column::IdNumber, order),
        "status" => select.order_by(placement::Column::Status, order),
        _ => select.order_by(placement::Column::PlacedOn, order),
    };
    select.order_by_asc(placement::Column::Id)
}

#[derive(Serialize)]
struct Row {
    company_name: String,
    company_href: Option<String>,
    applicant_href: String,
    applicant_code: String,
    applicant_name: String,
    placed_on: chrono::NaiveDate,
    position: String,
    status_key: &'static str,
}

/// The list of matches.
#[handler]
pub async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let params = ListParams::parse(&ctx, "matches", &query, &FILTERS, &COLUMNS);
    let db = &ctx.services().db;
    let select = filtered(&ctx, &params);
    let total = select.clone().count(db).await?;
    let found = params
        .paged(select, total)
        .into_model::<Found>()
        .all(db)
        .await?;
    let opens_companies = crate::scope::company_fields_visible(&ctx.actor);
    let occupations = lists::options(ctx.services(), "occupation", ctx.locale).await?;
    let rows: Vec<Row> = found
        .into_iter()
        .map(|f| Row {
            company_href: opens_companies.then(|| format!("/unternehmen/{}", f.company_id)),
            company_name: f.company_name,
            applicant_href: format!("/bewerber/{}", f.applicant_id),
            applicant_code: f.applicant_code.unwrap_or_default(),
            applicant_name: format!("{} {}", f.first_names, f.last_name),
            placed_on: f.placed_on,
            position: label_of(&occupations, &f.position),
            status_key: status_key(&f.status),
        })
        .collect();
    ctx.log_access(
        AccessAction::Search,
        "placement",
        None,
        serde_json::json!(params.filters),
        Some(total as i64),
    )
    .await;
    ctx.render(
        "matching/list.html",
        context! {
            rows => Serde(rows),
            list => params.view(total, &COLUMNS),
            q => params.filter("q").unwrap_or(""),
            status => params.filter("status").unwrap_or(""),
            statuses => Serde(STATUSES.to_vec()),
        },
    )
    .await
}

/// Column headers of the export (text keys).
const EXPORT_HEADERS: [&str; 6] = [
    "matching-col-date",
    "matching-col-company",
    "matching-col-applicant-id",
    "matching-col-applicant-name",
    "matching-field-position",
    "matching-field-status",
];

/// Export of the current result (`export.csv`, `export.xlsx`), access logged.
#[handler]
pub async fn export(
    ctx: Ctx,
    Path(file): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> WebResult {
    let Some(format) = ExportFormat::from_file_name(&file).filter(|_| file.starts_with("export."))
    else {
        return Err(WebError(AppError::NotFound));
    };
    let params = ListParams::parse(&ctx, "export:matches", &query, &FILTERS, &COLUMNS);
    let header: Vec<String> = EXPORT_HEADERS.iter().map(|k| ctx.t(k)).collect();
    let mut out = ExportWriter::new(format, &ctx.t("matching-sheet"), &header)?;
    let occupations = lists::options(ctx.services(), "occupation", ctx.locale).await?;
    let mut rows = filtered(&ctx, &params)
        .into_model::<Found>()
        .stream(&ctx.services().db)
        .await?;
    while let Some(f) = rows.try_next().await? {
        out.push(&[
            Cell::Date(f.placed_on),
            Cell::Text(f.company_name),
            Cell::Text(f.applicant_code.unwrap_or_default()),
            Cell::Text(format!("{} {}", f.first_names, f.last_name)),
            Cell::Text(label_of(&occupations, &f.position)),
            Cell::Text(ctx.t(status_key(&f.status))),
        ])?;
    }
    drop(rows);
    out.respond(
        &ctx,
        "vermittlungen",
        "placement",
        serde_json::json!({ "file": file, "filter": params.filters }),
    )
    .await
}

//! The applicant list (R-LST): filters, free-text search on the trigram index, sort, paging,
//! and exports of exactly the current result (R-EXP-1/2/5).

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

use crate::entities::applicant;
use crate::routes::record::{label_of, labels};
use crate::scope::{sees_deactivated, visible_applicants};
use crate::service::{LEVELS, STATUSES, key_of};

const COLUMNS: [&str; 6] = ["id", "name", "country", "status", "level", "updated"];
const FILTERS: [&str; 6] = ["q", "status", "country", "occupation", "level", "inactive"];

/// The applicants of the list and the export: in scope, filtered, sorted.
fn filtered(ctx: &Ctx, params: &ListParams) -> Select<applicant::Entity> {
    let mut cond = Condition::all().add(visible_applicants(&ctx.actor));
    if let Some(q) = params.filter("q") {
        let backend = hih_db::backend(&ctx.services().db);
        cond = cond.add(text_matches(
            backend,
            "applicant",
            applicant::Column::SearchText,
            q,
        ));
    }
    if let Some(s) = params.filter("status") {
        cond = cond.add(applicant::Column::Status.eq(s));
    }
    // The country filter narrows an admin's view; AHK staff are bound to theirs by the scope.
    if let Some(c) = params.filter("country") {
        cond = cond.add(applicant::Column::Country.eq(c));
    }
    if let Some(o) = params.filter("occupation") {
        cond = cond.add(applicant::Column::TargetOccupation.eq(o));
    }
    if let Some(l) = params.filter("level") {
        cond = cond.add(applicant::Column::GermanLevel.eq(l));
    }
    // Deactivated applicants are never found, except by admins who ask for them (R-LST-2).
    if !(sees_deactivated(&ctx.actor) && params.filter("inactive").is_some()) {
        cond = cond.add(applicant::Column::Active.eq(true));
    }
    let order = if params.desc {
        sea_orm::Order::Desc
    } else {
        sea_orm::Order::Asc
    };
    let select = applicant::Entity::find().filter(cond);
    let select = match params.sort.as_str() {
        // By ID: country, then the running number (HIH-VN-10000 after HIH-VN-9999).
        "id" => select
            .order_by(applicant::Column::Country, order.clone())
            .order_by(applicant::Column::IdNumber, order),
        "country" => select
            .order_by(applicant::Column::Country, order)
            .order_by_asc(applicant::Column::SortName),
        "status" => select.order_by(applicant::Column::Status, order),
        "level" => select.order_by(applicant::Column::GermanLevel, order),
        "updated" => select.order_by(applicant::Column::UpdatedAt, order),
        _ => select.order_by(applicant::Column::SortName, order),
    };
    select.order_by_asc(applicant::Column::Id)
}

#[derive(Serialize)]
struct Row {
    id: i64,
    applicant_id: String,
    name: String,
    country: String,
    status_key: &'static str,
    occupation: String,
    level: String,
    active: bool,
    updated: String,
}

/// The applicant list.
#[handler]
pub async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let params = ListParams::parse(&ctx, "applicants", &query, &FILTERS, &COLUMNS);
    let select = filtered(&ctx, &params);
    let (total, page) = hih_web::fetch_page(select, &params, &ctx.services().db).await?;
    let countries = labels(&ctx, "country").await?;
    let occupations = labels(&ctx, "occupation").await?;
    let rows: Vec<Row> = page
        .into_iter()
        .map(|a| Row {
            id: a.id,
            applicant_id: a.applicant_id.clone().unwrap_or_default(),
            name: format!("{}, {}", a.last_name, a.first_names),
            country: label_of(&countries, &a.country),
            status_key: key_of(&STATUSES, &a.status),
            occupation: if a.target_occupation.is_empty() {
                String::new()
            } else {
                label_of(&occupations, &a.target_occupation)
            },
            level: a.german_level.clone(),
            active: a.active,
            updated: iso(a.updated_at),
        })
        .collect();
    ctx.log_access(
        AccessAction::Search,
        "applicant",
        None,
        serde_json::json!(params.filters),
        Some(total as i64),
    )
    .await;
    let triple = |l: Vec<(String, String)>| {
        l.into_iter()
            .map(|(c, t)| (c, String::new(), t))
            .collect::<Vec<_>>()
    };
    ctx.render(
        "applicants/list.html",
        context! {
            rows => Serde(rows),
            list => params.view(total, &COLUMNS),
            q => params.filter("q").unwrap_or(""),
            status => params.filter("status").unwrap_or(""),
            country => params.filter("country").unwrap_or(""),
            occupation => params.filter("occupation").unwrap_or(""),
            level => params.filter("level").unwrap_or(""),
            inactive => params.filter("inactive").is_some(),
            statuses => Serde(STATUSES.to_vec()),
            levels => Serde(LEVELS.to_vec()),
            countries => Serde(triple(countries)),
            occupations => Serde(triple(occupations)),
            may_see_deactivated => sees_deactivated(&ctx.actor),
            may_filter_country => sees_deactivated(&ctx.actor),
            may_create => crate::permissions::APPLICANTS.allows(&ctx.actor),
        },
    )
    .await
}

/// Column headers of the export (text keys), in the order of [`EXPORT_COLUMNS`].
const EXPORT_HEADERS: [&str; 16] = [
    "applicants-field-applicant-id",
    "applicants-field-last-name",
    "applicants-field-first-names",
    "applicants-field-birth-date",
    "applicants-field-nationality",
    "applicants-field-country",
    "applicants-field-residence",
    "applicants-field-email",
    "applicants-field-phone",
    "applicants-field-status",
    "applicants-field-status-since",
    "applicants-field-occupation",
    "applicants-field-german-level",
    "applicants-field-entry-date",
    "applicants-field-work-start",
    "applicants-field-experience",
];

/// The columns an export reads: the fields every role with access to applicants (admins, AHK
/// staff of the country) may see. When IHK staff get access through matches, their export
/// gets its own, smaller column set here.
const EXPORT_COLUMNS: [applicant::Column; 16] = [
    applicant::Column::ApplicantId,
    applicant::Column::LastName,
    applicant::Column::FirstNames,
    applicant::Column::BirthDate,
    applicant::Column::Nationality,
    applicant::Column::Country,
    applicant::Column::Residence,
    applicant::Column::Email,
    applicant::Column::Phone,
    applicant::Column::Status,
    applicant::Column::StatusSince,
    applicant::Column::TargetOccupation,
    applicant::Column::GermanLevel,
    applicant::Column::EntryDate,
    applicant::Column::WorkStart,
    applicant::Column::ExperienceYears,
];

/// One exported applicant.
#[derive(sea_orm::FromQueryResult)]
struct ExportRow {
    applicant_id: Option<String>,
    last_name: String,
    first_names: String,
    birth_date: chrono::NaiveDate,
    nationality: String,
    country: String,
    residence: String,
    email: String,
    phone: String,
    status: String,
    status_since: chrono::NaiveDate,
    target_occupation: String,
    german_level: String,
    entry_date: Option<chrono::NaiveDate>,
    work_start: Option<chrono::NaiveDate>,
    experience_years: Option<i32>,
}

fn date_cell(d: Option<chrono::NaiveDate>) -> Cell {
    d.map(Cell::Date).unwrap_or(Cell::Text(String::new()))
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
    let params = ListParams::parse(&ctx, "export:applicants", &query, &FILTERS, &COLUMNS);
    let header: Vec<String> = EXPORT_HEADERS.iter().map(|k| ctx.t(k)).collect();
    let countries = labels(&ctx, "country").await?;
    let occupations = labels(&ctx, "occupation").await?;
    let mut out = ExportWriter::new(format, &ctx.t("applicants-sheet"), &header)?;
    let mut rows = filtered(&ctx, &params)
        .select_only()
        .columns(EXPORT_COLUMNS)
        .into_model::<ExportRow>()
        .stream(&ctx.services().db)
        .await?;
    while let Some(a) = rows.try_next().await? {
        out.push(&[
            Cell::Text(a.applicant_id.unwrap_or_default()),
            Cell::Text(a.last_name),
            Cell::Text(a.first_names),
            Cell::Date(a.birth_date),
            Cell::Text(a.nationality),
            Cell::Text(label_of(&countries, &a.country)),
            Cell::Text(a.residence),
            Cell::Text(a.email),
            Cell::Text(a.phone),
            Cell::Text(ctx.t(key_of(&STATUSES, &a.status))),
            Cell::Date(a.status_since),
            Cell::Text(if a.target_occupation.is_empty() {
                String::new()
            } else {
                label_of(&occupations, &a.target_occupation)
            }),
            Cell::Text(a.german_level),
            date_cell(a.entry_date),
            date_cell(a.work_start),
            a.experience_years
                .map(|e| Cell::Number(f64::from(e)))
                .unwrap_or(Cell::Text(String::new())),
        ])?;
    }
    drop(rows);
    out.respond(
        &ctx,
        "bewerber",
        "applicant",
        serde_json::json!({ "file": file, "filter": params.filters }),
    )
    .await
}

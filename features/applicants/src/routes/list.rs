//! The applicant list (R-LST, R-EXP-1/2/4/5) as a [`ListSpec`]: filters, free-text search on
//! the trigram index, sort by every column, paging, exports of exactly the current result with
//! labels (country names, not codes), the distribution list (the applicants' e-mail addresses)
//! and the global search's applicant section — all from the same query.

use hih_kernel::{Actor, AppError, SearchHit, Services};
use hih_web::export::Cell;
use hih_web::list::{
    Distribution, Export, ListInfo, ListParams, ListSpec, ListView, Recipient, TextColumn,
    active_unless_asked, search_with_inactive,
};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult, iso};
use sea_orm::{ColumnTrait, Condition, Order, QueryOrder, Select};
use serde::Serialize;

use crate::entities::applicant;
use crate::permissions::APPLICANTS_READ;
use crate::routes::record::{label_of, labels};
use crate::scope::{kept_count, page_scope, sees_deactivated, visible_applicants};
use crate::service::{LEVELS, SALUTATIONS, STATUSES, key_of};

/// Sort keys of the columns; the first is the default.
const COLUMNS: [&str; 7] = [
    "name",
    "id",
    "country",
    "status",
    "occupation",
    "level",
    "updated",
];

/// The applicant list.
pub struct ApplicantList;

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

/// Column headers of the export (text keys): the fields every role with access to applicants
/// (admins, AHK staff of the country) may see.
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

/// The list page.
async fn show(
    ctx: &Ctx,
    params: &ListParams,
    total: u64,
    page: Vec<applicant::Model>,
) -> WebResult {
    let countries = labels(ctx, "country").await?;
    let occupations = labels(ctx, "occupation").await?;
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
            statuses => Serde(STATUSES.to_vec()),
            levels => Serde(LEVELS.to_vec()),
            countries => Serde(triple(countries)),
            occupations => Serde(triple(occupations)),
            may_see_deactivated => sees_deactivated(&ctx.actor),
            may_filter_country => sees_deactivated(&ctx.actor),
            may_create => crate::permissions::APPLICANTS.allows(&ctx.actor),
            ..params.filter_values(ApplicantList::INFO.filters)
        },
    )
    .await
}

fn date_cell(d: Option<chrono::NaiveDate>) -> Cell {
    d.map(Cell::Date).unwrap_or(Cell::Text(String::new()))
}

#[async_trait::async_trait]
impl ListView for ApplicantList {
    type Row = applicant::Model;

    const INFO: ListInfo = ListInfo {
        key: "applicants",
        path: "/bewerber",
        entity: "applicant",
        permission: APPLICANTS_READ,
        filters: &["q", "status", "country", "occupation", "level", "inactive"],
        columns: &COLUMNS,
        newest_first: false,
    };

    async fn render(
        &self,
        ctx: &Ctx,
        params: &ListParams,
        total: u64,
        page: Vec<applicant::Model>,
    ) -> WebResult {
        show(ctx, params, total, page).await
    }

    fn export(&self) -> Option<Export> {
        Some(Export {
            file: "bewerber",
            sheet_key: "applicants-sheet",
        })
    }

    fn export_headers(&self, _actor: &Actor) -> Vec<&'static str> {
        EXPORT_HEADERS.to_vec()
    }

    async fn export_rows(
        &self,
        ctx: &Ctx,
        batch: Vec<applicant::Model>,
    ) -> WebResult<Vec<Vec<Cell>>> {
        let countries = labels(ctx, "country").await?;
        let occupations = labels(ctx, "occupation").await?;
        Ok(batch
            .into_iter()
            .map(|a| {
                vec![
                    Cell::Text(a.applicant_id.unwrap_or_default()),
                    Cell::Text(a.last_name),
                    Cell::Text(a.first_names),
                    Cell::Date(a.birth_date),
                    Cell::Text(label_of(&countries, &a.nationality)),
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
                ]
            })
            .collect())
    }

    fn distribution(&self) -> Option<Distribution> {
        Some(Distribution {
            title_key: "applicants-distribution-title",
            intro_key: "applicants-distribution-intro",
            without_key: "applicants-distribution-without",
            back_key: "applicants-distribution-back",
            record_key: "applicants-field-applicant-id",
            sheet_key: "applicants-distribution-sheet",
            file: "verteiler-bewerber",
        })
    }

    async fn recipients(
        &self,
        _ctx: &Ctx,
        batch: Vec<applicant::Model>,
    ) -> WebResult<Vec<Option<Recipient>>> {
        Ok(batch
            .into_iter()
            .map(|a| {
                (!a.email.trim().is_empty()).then(|| Recipient {
                    record: a.applicant_id.clone().unwrap_or_default(),
                    salutation_key: SALUTATIONS
                        .iter()
                        .find(|(v, _)| *v == a.salutation)
                        .map(|(_, k)| k.to_string())
                        .unwrap_or_default(),
                    first_name: a.first_names.clone(),
                    last_name: a.last_name.clone(),
                    email: a.email.trim().to_string(),
                })
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl ListSpec for ApplicantList {
    type Entity = applicant::Entity;

    fn text_column(&self) -> Option<TextColumn<applicant::Entity>> {
        Some(TextColumn {
            indexed: Some("applicant"),
            column: applicant::Column::SearchText,
        })
    }

    fn scope(&self, actor: &Actor) -> Condition {
        visible_applicants(actor)
    }

    /// The unfiltered count from the kept counts ([`kept_count`]).
    async fn scope_count(
        &self,
        db: &sea_orm::DatabaseConnection,
        actor: &Actor,
    ) -> Result<Option<u64>, sea_orm::DbErr> {
        kept_count(db, actor).await
    }

    /// IHK staff's page written for its cheaper plan ([`page_scope`]).
    async fn page_scope(
        &self,
        db: &sea_orm::DatabaseConnection,
        actor: &Actor,
        params: &ListParams,
        known: u64,
    ) -> Result<Condition, sea_orm::DbErr> {
        let page_end = params.page_end(known);
        page_scope(db, actor, params.sort == "name", page_end, known).await
    }

    fn condition(&self, actor: &Actor, params: &ListParams) -> Condition {
        let mut cond = Condition::all();
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
        cond.add(active_unless_asked(
            applicant::Column::Active,
            sees_deactivated(actor),
            params,
        ))
    }

    fn order(
        &self,
        select: Select<applicant::Entity>,
        key: &str,
        order: Order,
    ) -> Select<applicant::Entity> {
        match key {
            // By ID: country, then the running number (HIH-VN-10000 after HIH-VN-9999).
            "id" => select
                .order_by(applicant::Column::Country, order.clone())
                .order_by(applicant::Column::IdNumber, order),
            "country" => select
                .order_by(applicant::Column::Country, order.clone())
                .order_by(applicant::Column::SortName, order),
            "status" => select.order_by(applicant::Column::Status, order),
            "occupation" => select.order_by(applicant::Column::TargetOccupation, order),
            "level" => select.order_by(applicant::Column::GermanLevel, order),
            "updated" => select.order_by(applicant::Column::UpdatedAt, order),
            _ => select.order_by(applicant::Column::SortName, order),
        }
    }

    fn search_label(&self) -> Option<&'static str> {
        Some("applicants-search-section")
    }

    /// Admins find deactivated applicants too (marked; R-LST-2): the list with `inactive=on`.
    fn search_query(&self, actor: &Actor, query: &str) -> Vec<(String, String)> {
        search_with_inactive(sees_deactivated(actor), query)
    }

    async fn hits(
        &self,
        _services: &Services,
        found: Vec<applicant::Model>,
    ) -> Result<Vec<SearchHit>, AppError> {
        Ok(found
            .into_iter()
            .map(|a| SearchHit {
                href: format!("/bewerber/{}", a.id),
                context: format!(
                    "{} · {}",
                    a.applicant_id.clone().unwrap_or_default(),
                    a.residence
                ),
                badge_key: (!a.active).then_some("applicants-deactivated-badge"),
                title: format!("{} {}", a.first_names, a.last_name),
            })
            .collect())
    }
}

//! Lists of entries (R-CH-1) as a [`ListSpec`]: all entries in the caller's scope (`/kontakte`:
//! free text — which also finds type and topic labels —, type, topic, author, date range,
//! company or applicant named by number, Bewerberkennung or name ([`super::named`]); newest
//! first; every column sortable; CSV/XLSX export; the global
//! search's section), and one record's history (the same list with the record as filter).

use chrono::NaiveDate;
use hih_applicants::entities::applicant;
use hih_applicants::scope::visible_applicants;
use hih_companies::entities::company;
use hih_companies::scope::visible_companies;
use hih_kernel::{Actor, AppError, FieldErrors, SearchHit, Services};
use hih_reference::lists::{self, label_of};
use hih_web::export::Cell;
use hih_web::list::{Export, ListInfo, ListParams, ListSpec, ListView, TextColumn};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::handler;
use poem::web::{Path, Query};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, Order, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use serde::Serialize;

use crate::entities::contact_entry;
use crate::permissions::CONTACTS;
use crate::routes::named::Named;
use crate::routes::{Record, applicant_record, company_record};
use crate::scope::{page_scope, scope_count, visible_authors, visible_entries};

/// Sort keys; the first (the default) is the date, newest first.
const COLUMNS: [&str; 5] = ["date", "staff", "entry", "type", "topic"];

/// At most this many characters of the entry text as a search hit's context.
const CONTEXT_CHARS: usize = 120;

/// The contact-history list.
pub struct ContactList;

/// A date filter (`JJJJ-MM-TT`), `None` if empty or malformed.
fn date(params: &ListParams, name: &str) -> Option<NaiveDate> {
    params
        .filter(name)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// The id of the record a company/applicant filter names ([`ContactList::prepare`]); a value
/// naming no single record in scope finds nothing rather than everything.
fn id(params: &ListParams, name: &str) -> Option<i64> {
    params.filter(name).map(|_| {
        params
            .resolved(name)
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(-1)
    })
}

/// Where [`ContactList::prepare`] notes why a record filter names no single record.
fn error_slot(field: &str) -> String {
    format!("{field}:error")
}

/// Errors of the filters, shown next to the fields: malformed dates (not applied) and record
/// filters naming no single record in scope.
fn filter_errors(params: &ListParams) -> FieldErrors {
    let mut e = FieldErrors::new();
    for name in ["from", "to"] {
        if params.filter(name).is_some() && date(params, name).is_none() {
            e.add(name, "contacts-error-filter-date");
        }
    }
    for named in Named::ALL {
        if let Some(key) = params.resolved(&error_slot(named.field())) {
            e.add(named.field(), key);
        }
    }
    e
}

#[derive(Serialize)]
struct Row {
    id: i64,
    date: NaiveDate,
    staff: String,
    entry: String,
    contact_type: String,
    topic: String,
}

/// The authors of the entries `actor` sees, for the author filter.
async fn authors(ctx: &Ctx) -> WebResult<Vec<String>> {
    Ok(visible_authors(&ctx.services().db, &ctx.actor).await?)
}

/// The list page, with the record's frame when it is one record's history.
async fn show(
    ctx: &Ctx,
    params: &ListParams,
    total: u64,
    page: Vec<contact_entry::Model>,
    record: Option<Record>,
) -> WebResult {
    let types = lists::options(ctx.services(), "contact_type", ctx.locale).await?;
    let topics = lists::options(ctx.services(), "contact_topic", ctx.locale).await?;
    let rows: Vec<Row> = page
        .into_iter()
        .map(|e| Row {
            id: e.id,
            date: e.contact_date,
            staff: e.author_name,
            entry: e.remarks,
            contact_type: label_of(&types, &e.contact_type),
            topic: label_of(&topics, &e.topic),
        })
        .collect();
    let authors = if record.is_none() {
        authors(ctx).await?
    } else {
        Vec::new()
    };
    let choices = |o: Vec<(String, String)>| {
        o.into_iter()
            .map(|(c, l)| (c, String::new(), l))
            .collect::<Vec<_>>()
    };
    let keys = ContactList.sort_keys(&ctx.actor);
    ctx.render(
        "contact_history/list.html",
        context! {
            rows => Serde(rows),
            list => params.view(total, &keys),
            contact_type => params.filter("type").unwrap_or(""),
            types => Serde(choices(types)),
            topics => Serde(choices(topics)),
            authors => Serde(authors.into_iter().map(|a| (a.clone(), String::new(), a)).collect::<Vec<_>>()),
            errors => ctx.errors(&filter_errors(params)),
            new_href => record.as_ref().map(|r| format!("{}/neu", r.contacts_href())),
            tabs => record.as_ref().map(|r| hih_web::tabs::record_tabs(ctx, r.kind, r.id)),
            record => record.map(Serde),
            ..params.filter_values(ContactList::INFO.filters)
        },
    )
    .await
}

#[async_trait::async_trait]
impl ListView for ContactList {
    type Row = contact_entry::Model;

    const INFO: ListInfo = ListInfo {
        key: "contacts",
        path: "/kontakte",
        entity: "contact_entry",
        permission: CONTACTS,
        filters: &[
            "q",
            "type",
            "topic",
            "author",
            "from",
            "to",
            "company",
            "applicant",
        ],
        columns: &COLUMNS,
        newest_first: true,
    };

    /// The company and applicant filters name one record in the caller's scope by number,
    /// Bewerberkennung or name; the query filters by its id.
    async fn prepare(&self, ctx: &Ctx, params: &mut ListParams) -> WebResult<()> {
        for named in Named::ALL {
            let Some(value) = params.filter(named.field()).map(str::to_string) else {
                continue;
            };
            match named.resolve(ctx, &value).await? {
                Ok(id) => params.resolve(named.field(), id.to_string()),
                Err(why) => {
                    params.resolve(&error_slot(named.field()), named.error_key(why).into());
                }
            }
        }
        Ok(())
    }

    async fn render(
        &self,
        ctx: &Ctx,
        params: &ListParams,
        total: u64,
        rows: Vec<contact_entry::Model>,
    ) -> WebResult {
        show(ctx, params, total, rows, None).await
    }

    fn export(&self) -> Option<Export> {
        Some(Export {
            file: "kontakthistorie",
            sheet_key: "contacts-sheet",
        })
    }

    fn export_headers(&self, _actor: &Actor) -> Vec<&'static str> {
        vec![
            "contacts-col-date",
            "contacts-col-type",
            "contacts-field-topic",
            "contacts-col-staff",
            "contacts-field-company",
            "contacts-export-applicant-code",
            "contacts-field-remarks",
        ]
    }

    /// Labels instead of codes; the company's name and the Bewerberkennung only where the
    /// caller may see that record.
    async fn export_rows(
        &self,
        ctx: &Ctx,
        batch: Vec<contact_entry::Model>,
    ) -> WebResult<Vec<Vec<Cell>>> {
        let db = &ctx.services().db;
        let types = lists::options(ctx.services(), "contact_type", ctx.locale).await?;
        let topics = lists::options(ctx.services(), "contact_topic", ctx.locale).await?;
        let company_ids: Vec<i64> = batch.iter().filter_map(|e| e.company_id).collect();
        let applicant_ids: Vec<i64> = batch.iter().filter_map(|e| e.applicant_id).collect();
        let companies: std::collections::HashMap<i64, String> = company::Entity::find()
            .select_only()
            .columns([company::Column::Id, company::Column::Name])
            .filter(company::Column::Id.is_in(company_ids))
            .filter(visible_companies(&ctx.actor))
            .into_tuple::<(i64, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let applicants: std::collections::HashMap<i64, Option<String>> = applicant::Entity::find()
            .select_only()
            .columns([applicant::Column::Id, applicant::Column::ApplicantId])
            .filter(applicant::Column::Id.is_in(applicant_ids))
            .filter(visible_applicants(&ctx.actor))
            .into_tuple::<(i64, Option<String>)>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        Ok(batch
            .into_iter()
            .map(|e| {
                vec![
                    Cell::Date(e.contact_date),
                    Cell::Text(label_of(&types, &e.contact_type)),
                    Cell::Text(label_of(&topics, &e.topic)),
                    Cell::Text(e.author_name),
                    Cell::Text(
                        e.company_id
                            .and_then(|c| companies.get(&c).cloned())
                            .unwrap_or_default(),
                    ),
                    Cell::Text(
                        e.applicant_id
                            .and_then(|a| applicants.get(&a).cloned().flatten())
                            .unwrap_or_default(),
                    ),
                    Cell::Text(e.remarks),
                ]
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl ListSpec for ContactList {
    type Entity = contact_entry::Entity;

    fn text_column(&self) -> Option<TextColumn<contact_entry::Entity>> {
        Some(TextColumn {
            indexed: Some("contact_entry"),
            column: contact_entry::Column::SearchText,
        })
    }

    fn scope(&self, actor: &Actor) -> Condition {
        visible_entries(actor)
    }

    /// IHK staff's unfiltered count is their district's range of `contact_visibility`.
    async fn scope_count(
        &self,
        db: &DatabaseConnection,
        actor: &Actor,
    ) -> Result<Option<u64>, DbErr> {
        scope_count(db, actor).await
    }

    /// IHK staff's page written for its cheaper plan ([`page_scope`]).
    async fn page_scope(
        &self,
        db: &DatabaseConnection,
        actor: &Actor,
        params: &ListParams,
        known: u64,
    ) -> Result<Condition, DbErr> {
        let page_end = params.page_end(known);
        page_scope(db, actor, params.sort == "date", page_end, known).await
    }

    fn condition(&self, _actor: &Actor, params: &ListParams) -> Condition {
        let mut cond = Condition::all();
        if let Some(t) = params.filter("type") {
            cond = cond.add(contact_entry::Column::ContactType.eq(t));
        }
        if let Some(t) = params.filter("topic") {
            cond = cond.add(contact_entry::Column::Topic.eq(t));
        }
        if let Some(a) = params.filter("author") {
            cond = cond.add(contact_entry::Column::AuthorName.eq(a));
        }
        if let Some(d) = date(params, "from") {
            cond = cond.add(contact_entry::Column::ContactDate.gte(d));
        }
        if let Some(d) = date(params, "to") {
            cond = cond.add(contact_entry::Column::ContactDate.lte(d));
        }
        if let Some(c) = id(params, "company") {
            cond = cond.add(contact_entry::Column::CompanyId.eq(c));
        }
        if let Some(a) = id(params, "applicant") {
            cond = cond.add(contact_entry::Column::ApplicantId.eq(a));
        }
        cond
    }

    fn order(
        &self,
        select: Select<contact_entry::Entity>,
        key: &str,
        order: Order,
    ) -> Select<contact_entry::Entity> {
        let column = match key {
            "staff" => contact_entry::Column::AuthorName,
            "entry" => contact_entry::Column::Remarks,
            "type" => contact_entry::Column::ContactType,
            "topic" => contact_entry::Column::Topic,
            _ => contact_entry::Column::ContactDate,
        };
        select.order_by(column, order)
    }

    fn search_label(&self) -> Option<&'static str> {
        Some("contacts-search-section")
    }

    async fn hits(
        &self,
        _services: &Services,
        found: Vec<contact_entry::Model>,
    ) -> Result<Vec<SearchHit>, AppError> {
        Ok(found
            .into_iter()
            .map(|e| SearchHit {
                title: format!("{} · {}", e.contact_date.format("%d.%m.%Y"), e.author_name),
                context: e.remarks.chars().take(CONTEXT_CHARS).collect(),
                href: format!("/kontakte/{}", e.id),
                badge_key: None,
            })
            .collect())
    }
}

/// One record's history: the list with the record as its filter.
async fn record_list(ctx: &Ctx, query: &[(String, String)], record: Record) -> WebResult {
    let mut query: Vec<(String, String)> = query
        .iter()
        .filter(|(k, _)| k != "company" && k != "applicant")
        .cloned()
        .collect();
    query.push((record.kind.to_string(), record.id.to_string()));
    let keys = ContactList.sort_keys(&ctx.actor);
    let mut params = ListParams::parse_sorted(
        ctx,
        ContactList::INFO.key,
        &query,
        ContactList::INFO.filters,
        &keys,
        ContactList::INFO.newest_first,
    );
    ContactList.prepare(ctx, &mut params).await?;
    let (total, page) = hih_web::list::fetch(&ContactList, ctx, &params).await?;
    ctx.log_access(
        hih_db::access::AccessAction::Search,
        "contact_entry",
        Some(format!("{}:{}", record.kind, record.id)),
        serde_json::json!(params.filters),
        Some(total as i64),
    )
    .await;
    show(ctx, &params, total, page, Some(record)).await
}

/// A company's history.
#[handler]
pub async fn company_list(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<Vec<(String, String)>>,
) -> WebResult {
    let r = company_record(&ctx, id).await?;
    record_list(&ctx, &query, r).await
}

/// An applicant's history.
#[handler]
pub async fn applicant_list(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<Vec<(String, String)>>,
) -> WebResult {
    let r = applicant_record(&ctx, id).await?;
    record_list(&ctx, &query, r).await
}

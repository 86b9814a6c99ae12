//! Lists of entries (R-CH-1): one record's history (newest first; date, staff member, entry
//! text and contact type sortable by their headers) and all entries in the caller's scope
//! (`/kontakte`, with free-text search — the global search's "show all").

use hih_db::access::AccessAction;
use hih_db::search::text_matches;
use hih_reference::lists::{self, label_of};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebResult};
use poem::handler;
use poem::web::{Path, Query};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, Select};
use serde::Serialize;

use crate::entities::contact_entry;
use crate::routes::{Record, applicant_record, company_record};
use crate::scope::visible_entries;

/// Sort keys; the first (the default) is "newest first" and has no header of its own.
const COLUMNS: [&str; 5] = ["newest", "date", "staff", "entry", "type"];
const FILTERS: [&str; 1] = ["q"];

fn filtered(
    ctx: &Ctx,
    params: &ListParams,
    record: Option<&Record>,
) -> Select<contact_entry::Entity> {
    let mut cond = Condition::all().add(visible_entries(&ctx.actor));
    match record {
        Some(r) if r.kind == "company" => {
            cond = cond.add(contact_entry::Column::CompanyId.eq(r.id));
        }
        Some(r) => cond = cond.add(contact_entry::Column::ApplicantId.eq(r.id)),
        None => {}
    }
    if let Some(q) = params.filter("q") {
        let backend = hih_db::backend(&ctx.services().db);
        cond = cond.add(text_matches(
            backend,
            "contact_entry",
            contact_entry::Column::SearchText,
            q,
        ));
    }
    let order = if params.desc {
        sea_orm::Order::Desc
    } else {
        sea_orm::Order::Asc
    };
    let select = contact_entry::Entity::find().filter(cond);
    let select = match params.sort.as_str() {
        "date" => select.order_by(contact_entry::Column::ContactDate, order),
        "staff" => select.order_by(contact_entry::Column::AuthorName, order),
        "entry" => select.order_by(contact_entry::Column::Remarks, order),
        "type" => select.order_by(contact_entry::Column::ContactType, order),
        _ => select
            .order_by_desc(contact_entry::Column::ContactDate)
            .order_by_desc(contact_entry::Column::Id),
    };
    select.order_by_desc(contact_entry::Column::Id)
}

#[derive(Serialize)]
struct Row {
    id: i64,
    date: chrono::NaiveDate,
    staff: String,
    entry: String,
    contact_type: String,
    topic: String,
}

async fn render_list(ctx: &Ctx, query: &[(String, String)], record: Option<Record>) -> WebResult {
    let params = ListParams::parse(ctx, "contacts", query, &FILTERS, &COLUMNS);
    let select = filtered(ctx, &params, record.as_ref());
    let (total, page) = hih_web::fetch_page(select, &params, &ctx.services().db).await?;
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
    ctx.log_access(
        AccessAction::Search,
        "contact_entry",
        record.as_ref().map(|r| format!("{}:{}", r.kind, r.id)),
        serde_json::json!(params.filters),
        Some(total as i64),
    )
    .await;
    ctx.render(
        "contact_history/list.html",
        context! {
            rows => Serde(rows),
            list => params.view(total, &COLUMNS),
            q => params.filter("q").unwrap_or(""),
            new_href => record.as_ref().map(|r| format!("{}/neu", r.contacts_href())),
            record => record.map(Serde),
        },
    )
    .await
}

/// A company's history.
#[handler]
pub async fn company_list(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<Vec<(String, String)>>,
) -> WebResult {
    let r = company_record(&ctx, id).await?;
    render_list(&ctx, &query, Some(r)).await
}

/// An applicant's history.
#[handler]
pub async fn applicant_list(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<Vec<(String, String)>>,
) -> WebResult {
    let r = applicant_record(&ctx, id).await?;
    render_list(&ctx, &query, Some(r)).await
}

/// All entries in scope, with free-text search.
#[handler]
pub async fn all(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    render_list(&ctx, &query, None).await
}

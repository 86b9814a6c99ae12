//! The applicant's counselling tab (R-CNS-2): the conversations linked to an applicant that
//! the caller may read ([`crate::scope::visible_conversations`]): admins and the AHK staff of
//! the country all of them, IHK staff only those the AHK shared for integration, and only
//! while a match opens the applicant to their district. The thread shown here is read-only
//! and never holds the AHK's internal notes; AHK staff work in it from the inbox. Every read
//! is access-logged; anything outside the scope answers 404 and is logged.

use hih_db::access::AccessAction;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::handler;
use poem::web::{Path, Query};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::entities::conversation;
use crate::permissions::COUNSEL;
use crate::routes::staff::PageQuery;
use crate::scope::{find_visible, visible_conversations};

/// Messages per page of a thread.
const MESSAGES_PER_PAGE: u64 = 50;

/// The tab on the applicant's page: for everybody who reads applicants (the page lists what
/// the caller may read, which for IHK staff is often nothing).
pub struct ApplicantTab;

impl hih_kernel::TabProvider for ApplicantTab {
    fn record_kind(&self) -> &'static str {
        "applicant"
    }
    fn label_key(&self) -> &'static str {
        "counselling-tab"
    }
    fn href(&self, actor: &hih_kernel::Actor, record_id: i64) -> Option<String> {
        hih_applicants::permissions::APPLICANTS_READ
            .allows(actor)
            .then(|| format!("/bewerber/{record_id}/beratung"))
    }
}

#[derive(Serialize)]
struct Row {
    id: i64,
    pseudonym: String,
    topic_key: String,
    status: String,
    created_at: chrono::DateTime<chrono::Utc>,
    last_activity_at: chrono::DateTime<chrono::Utc>,
    shared: bool,
}

/// The applicant's conversations the caller may read, newest activity first.
#[handler]
pub async fn list(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let a = hih_applicants::load_applicant(&ctx, id).await?;
    let found = conversation::Entity::find()
        .filter(conversation::Column::ApplicantId.eq(a.id))
        .filter(visible_conversations(&ctx.actor))
        .order_by_desc(conversation::Column::LastActivityAt)
        .order_by_desc(conversation::Column::Id)
        .all(&ctx.services().db)
        .await?;
    ctx.log_access(
        AccessAction::Search,
        "counselling_conversation",
        None,
        serde_json::json!({ "applicant": a.id }),
        Some(found.len() as i64),
    )
    .await;
    let rows: Vec<Row> = found
        .into_iter()
        .map(|c| Row {
            id: c.id,
            topic_key: format!("counselling-topic-{}", c.topic),
            status: c.status,
            created_at: c.created_at,
            last_activity_at: c.last_activity_at,
            shared: c.shared_for_integration,
            pseudonym: c.pseudonym,
        })
        .collect();
    ctx.render(
        "counselling/applicant_tab.html",
        context! {
            tabs => hih_web::tabs::record_tabs(&ctx, "applicant", a.id),
            a => Serde(&a),
            rows => Serde(rows),
            counsels => COUNSEL.allows(&ctx.actor),
        },
    )
    .await
}

/// A conversation of applicant `applicant` the caller may read, else 404 (logged).
async fn load(ctx: &Ctx, applicant: i64, id: i64) -> WebResult<conversation::Model> {
    match find_visible(&ctx.services().db, &ctx.actor, id).await? {
        Some(c) if c.applicant_id == Some(applicant) => Ok(c),
        _ => Err(ctx
            .not_found_in_scope("counselling_conversation", &id.to_string())
            .await),
    }
}

/// One conversation, read-only and without internal notes (logged as a view).
#[handler]
pub async fn thread(
    ctx: Ctx,
    Path((applicant, id)): Path<(i64, i64)>,
    Query(q): Query<PageQuery>,
) -> WebResult {
    let a = hih_applicants::load_applicant(&ctx, applicant).await?;
    let c = load(&ctx, a.id, id).await?;
    ctx.log_view("counselling_conversation", id).await;
    let thread =
        crate::service::thread(ctx.services(), c.id, q.vor, MESSAGES_PER_PAGE, false).await?;
    ctx.render(
        "counselling/applicant_thread.html",
        context! {
            tabs => hih_web::tabs::record_tabs(&ctx, "applicant", a.id),
            a => Serde(&a),
            c => Serde(&c),
            topic_key => format!("counselling-topic-{}", c.topic),
            messages => Serde(thread.messages),
            files => Serde(thread.files),
            older => thread.older,
            paged => q.vor.is_some(),
            counsels => COUNSEL.allows(&ctx.actor),
        },
    )
    .await
}

/// An attachment of a message in such a thread (never of a note; logged as a view).
#[handler]
pub async fn attachment(ctx: Ctx, Path((applicant, id, file)): Path<(i64, i64, i64)>) -> WebResult {
    let a = hih_applicants::load_applicant(&ctx, applicant).await?;
    let c = load(&ctx, a.id, id).await?;
    match crate::attachments::download(ctx.services(), c.id, file, false).await? {
        Some(resp) => {
            ctx.log_view("counselling_attachment", file).await;
            Ok(resp)
        }
        None => Err(ctx
            .not_found_in_scope("counselling_attachment", &file.to_string())
            .await),
    }
}

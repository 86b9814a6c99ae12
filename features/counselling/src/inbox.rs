//! The staff inbox's query, one for the page `/beratung` and the REST API: the views
//! (unassigned, mine, all open, closed), the caller's conversations in a view by last activity,
//! paged and access-logged, and the number of unread guest messages per conversation.

use std::collections::HashMap;

use hih_db::access::AccessAction;
use hih_kernel::{Actor, AppError};
use hih_web::Ctx;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::entities::{conversation, message};
use crate::scope::visible_conversations;

/// The views, the first the default: open and unassigned, open and mine, all open, closed.
pub const VIEWS: [&str; 4] = ["offen", "meine", "alle", "geschlossen"];

/// The view asked for, or the default for anything else.
pub fn view_of(asked: &str) -> &'static str {
    VIEWS
        .iter()
        .find(|v| **v == asked)
        .copied()
        .unwrap_or(VIEWS[0])
}

/// The condition of a view for `actor` (within the scope, added by [`page`]).
fn condition(actor: &Actor, view: &str) -> Condition {
    let open = conversation::Column::Status.eq(conversation::OPEN);
    match view {
        "meine" => Condition::all()
            .add(open)
            .add(conversation::Column::AssigneeId.eq(actor.user_id().unwrap_or(-1))),
        "alle" => Condition::all().add(open),
        "geschlossen" => {
            Condition::all().add(conversation::Column::Status.eq(conversation::CLOSED))
        }
        _ => Condition::all()
            .add(open)
            .add(conversation::Column::AssigneeId.is_null()),
    }
}

/// One page of a view.
#[derive(Debug)]
pub struct InboxPage {
    /// Conversations in the view.
    pub total: u64,
    /// The page shown (clamped to the last).
    pub page: u64,
    /// Pages.
    pub pages: u64,
    /// The conversations of the page, latest activity first.
    pub rows: Vec<conversation::Model>,
}

/// Page `page` (from 1, clamped) of `view` with `per` conversations in the caller's scope,
/// written to the access log as a search with the view and the count (page and API alike).
pub async fn page(ctx: &Ctx, view: &str, page: u64, per: u64) -> Result<InboxPage, AppError> {
    let (db, actor) = (&ctx.services().db, &ctx.actor);
    let query = conversation::Entity::find()
        .filter(visible_conversations(actor))
        .filter(condition(actor, view));
    let total = query.clone().count(db).await?;
    let per = per.max(1);
    let pages = total.div_ceil(per).max(1);
    let page = page.clamp(1, pages);
    let rows = query
        .order_by_desc(conversation::Column::LastActivityAt)
        .order_by_desc(conversation::Column::Id)
        .offset((page - 1).saturating_mul(per))
        .limit(per)
        .all(db)
        .await?;
    ctx.log_access(
        AccessAction::Search,
        "counselling_conversation",
        None,
        serde_json::json!({ "view": view }),
        Some(total as i64),
    )
    .await;
    Ok(InboxPage {
        total,
        page,
        pages,
        rows,
    })
}

/// Unread guest messages per conversation of `ids`.
pub async fn unread(
    db: &impl ConnectionTrait,
    ids: Vec<i64>,
) -> Result<HashMap<i64, i64>, AppError> {
    Ok(message::Entity::find()
        .select_only()
        .column(message::Column::ConversationId)
        .column_as(Expr::from(Func::count(Expr::col(message::Column::Id))), "n")
        .filter(message::Column::ConversationId.is_in(ids))
        .filter(message::Column::AuthorKind.eq(message::GUEST))
        .filter(message::Column::ReadAt.is_null())
        .group_by(message::Column::ConversationId)
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

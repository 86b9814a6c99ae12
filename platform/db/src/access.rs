//! The access log (R-AUD-2): who viewed, searched, exported or was denied what.

use chrono::{DateTime, Utc};
use hih_kernel::{Actor, AppError, Services};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, NotSet, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::Value;

use crate::UnitOfWork;
use crate::audit::{PURGE_ACTION, stored_time};
use crate::entities::access_log;

/// Audit entity of the events about the access log.
pub const ENTITY: &str = "access_log";

/// Kinds of access events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccessAction {
    /// A personal record was shown.
    View,
    /// A list or search was run.
    Search,
    /// Data left the system as a file.
    Export,
    /// Access outside the caller's scope or role was refused.
    Denied,
    /// A request ended in a server error (listed in the error view, R-AUD-1).
    Error,
}

impl AccessAction {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            AccessAction::View => "view",
            AccessAction::Search => "search",
            AccessAction::Export => "export",
            AccessAction::Denied => "denied",
            AccessAction::Error => "error",
        }
    }
}

/// One event to record.
#[derive(Debug, Clone)]
pub struct AccessEvent<'a> {
    /// What happened.
    pub action: AccessAction,
    /// Entity name.
    pub entity: &'a str,
    /// Record id, if one record.
    pub entity_id: Option<String>,
    /// Filter or other detail.
    pub detail: Value,
    /// Result count.
    pub result_count: Option<i64>,
    /// Request path.
    pub path: &'a str,
}

/// The access-log row of `event` by `actor`, stamped now.
pub fn row(services: &Services, actor: &Actor, event: AccessEvent<'_>) -> access_log::ActiveModel {
    access_log::ActiveModel {
        id: NotSet,
        at: Set(services.clock.now()),
        actor: Set(actor.audit_label()),
        actor_name: Set(actor.display_name()),
        action: Set(event.action.code().to_string()),
        entity: Set(event.entity.to_string()),
        entity_id: Set(event.entity_id),
        detail: Set(event.detail.to_string()),
        result_count: Set(event.result_count),
        path: Set(event.path.to_string()),
    }
}

/// Writes an access-log entry in its own transaction. Reads are not business writes, so this
/// bypasses the unit of work; the log itself is append-only. Requests write through their
/// state's group commit instead ([`crate::access_writer::AccessLogWriter`]).
pub async fn record(
    services: &Services,
    actor: &Actor,
    event: AccessEvent<'_>,
) -> Result<(), AppError> {
    row(services, actor, event).insert(&services.db).await?;
    Ok(())
}

/// Deletes at most `batch` of the oldest access-log entries written before `cutoff` (R-RET-1:
/// the log purge, the only deletion of access-log rows) in `uow`, and records an event
/// `log-purge` (entity `access_log`) with the count and the cutoff if anything was deleted.
/// Returns the number deleted.
pub async fn purge_before(
    uow: &mut UnitOfWork,
    cutoff: DateTime<Utc>,
    batch: u64,
) -> Result<u64, AppError> {
    // One statement with the oldest ids as a subquery: no bound list, whatever the batch.
    let oldest = Query::select()
        .column(access_log::Column::Id)
        .from(access_log::Entity)
        .and_where(Expr::col(access_log::Column::At).lt(cutoff))
        .order_by(access_log::Column::At, sea_orm::Order::Asc)
        .order_by(access_log::Column::Id, sea_orm::Order::Asc)
        .limit(batch)
        .to_owned();
    let deleted = access_log::Entity::delete_many()
        .filter(Expr::col(access_log::Column::Id).in_subquery(oldest))
        .exec(uow.txn())
        .await?
        .rows_affected;
    if deleted > 0 {
        uow.event(
            ENTITY,
            "*",
            PURGE_ACTION,
            serde_json::json!({ "deleted": deleted, "before": stored_time(cutoff) }),
        );
    }
    Ok(deleted)
}

/// The oldest remaining access-log entry's time, if any.
pub async fn oldest<C: ConnectionTrait>(db: &C) -> Result<Option<DateTime<Utc>>, AppError> {
    Ok(access_log::Entity::find()
        .select_only()
        .column(access_log::Column::At)
        .order_by_asc(access_log::Column::At)
        .limit(1)
        .into_tuple::<DateTime<Utc>>()
        .one(db)
        .await?)
}

/// How many access-log entries were written before `cutoff`.
pub async fn count_before<C: ConnectionTrait>(
    db: &C,
    cutoff: DateTime<Utc>,
) -> Result<u64, AppError> {
    Ok(access_log::Entity::find()
        .filter(access_log::Column::At.lt(cutoff))
        .count(db)
        .await?)
}

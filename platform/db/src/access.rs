//! The access log (R-AUD-2): who viewed, searched, exported or was denied what.

use hih_kernel::{Actor, AppError, Services};
use sea_orm::{ActiveModelTrait, NotSet, Set};
use serde_json::Value;

use crate::entities::access_log;

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
}

impl AccessAction {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            AccessAction::View => "view",
            AccessAction::Search => "search",
            AccessAction::Export => "export",
            AccessAction::Denied => "denied",
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

/// Writes an access-log entry. Reads are not business writes, so this bypasses the unit of
/// work; the log itself is append-only.
pub async fn record(
    services: &Services,
    actor: &Actor,
    event: AccessEvent<'_>,
) -> Result<(), AppError> {
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
    .insert(&services.db)
    .await?;
    Ok(())
}

//! The audit trail (R-AUD-1, R-AUD-4): append-only, hash chained.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One audit entry.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    /// Gap-free sequence number.
    #[sea_orm(primary_key, auto_increment = false)]
    pub seq: i64,
    /// UTC time, RFC 3339 with microseconds (text, so the hash input round-trips exactly).
    pub at: String,
    /// `user:<id>` or `system:<job>`.
    pub actor: String,
    /// Display name snapshot of the actor.
    pub actor_name: String,
    /// Entity name (`user`, `company`, `text`, …).
    pub entity: String,
    /// Record id.
    pub entity_id: String,
    /// `create`, `update`, `delete` or a named event (`login`, `purge`, …).
    pub action: String,
    /// JSON object `{field: [old, new]}` (text, byte-exact).
    pub changes: String,
    /// Hash of the previous entry.
    pub prev_hash: String,
    /// SHA-256 over this entry and `prev_hash`.
    pub hash: String,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! The access log (R-AUD-2): views, searches, exports and denied attempts.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One access event.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "access_log")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// When (UTC).
    pub at: DateTimeUtc,
    /// `user:<id>`, `anonymous`, …
    pub actor: String,
    /// Display name snapshot.
    pub actor_name: String,
    /// `view`, `search`, `export`, `denied`.
    pub action: String,
    /// Entity name.
    pub entity: String,
    /// Record id, if one record.
    pub entity_id: Option<String>,
    /// Filter or other detail as JSON.
    pub detail: String,
    /// Number of results (searches, exports).
    pub result_count: Option<i64>,
    /// Request path.
    pub path: String,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

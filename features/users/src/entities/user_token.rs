//! Single-use links: account setup (72 h) and password reset (1 h). Stored as hashes.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One token.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "user_token")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Account.
    pub user_id: i64,
    /// `setup` or `reset`.
    pub purpose: String,
    /// SHA-256 of the token.
    pub token_hash: String,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Expires.
    pub expires_at: DateTimeUtc,
    /// Used (then never accepted again).
    pub used_at: Option<DateTimeUtc>,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("user_token", redacted: ["token_hash"]);

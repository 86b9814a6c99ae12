//! Single-use TOTP recovery codes (R-USR-4), stored hashed.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One code.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "recovery_code")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Account.
    pub user_id: i64,
    /// SHA-256 of the normalised code.
    pub code_hash: String,
    /// When used.
    pub used_at: Option<DateTimeUtc>,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("recovery_code", redacted: ["code_hash"]);

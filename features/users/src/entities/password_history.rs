//! Previous password hashes (R-USR-3: not one of the last 5).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One previous hash.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "password_history")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Account.
    pub user_id: i64,
    /// argon2id PHC string.
    pub hash: String,
    /// When it was set.
    pub created_at: DateTimeUtc,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("password_history", redacted: ["hash"]);

//! A guest of the counselling channel: no account, only the hash of a personal link and of
//! the passphrase set at first use (R-CNS-1).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// A guest.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "counselling_guest")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// SHA-256 of the personal link's token.
    pub link_hash: String,
    /// argon2id PHC string of the passphrase; unset until the first use of the link.
    pub passphrase_hash: Option<String>,
    /// Wrong passphrases since the last success or lock.
    pub failed_attempts: i32,
    /// Locked until (after too many wrong passphrases).
    pub locked_until: Option<DateTimeUtc>,
    /// Address for "new message" notices (never with content).
    pub notice_email: Option<String>,
    /// Created.
    pub created_at: DateTimeUtc,
    /// The language of the guest's pages when they last set their passphrase or notice
    /// address (`de`, `en`, `pt`, `vi`); the notice comes in it. Unset: German and English.
    pub locale: Option<String>,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!(
    "counselling_guest",
    redacted: ["link_hash", "passphrase_hash", "notice_email"]
);

//! Self-registration invitations (R-REG-1): a single-use link stored as the hash of its token.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One invitation.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "invitation")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// SHA-256 of the token (the clear token exists only in the link).
    pub token_hash: String,
    /// Registration country (ISO code) of the AHK that invited.
    pub country: String,
    /// Optional name of the invited person.
    pub name: String,
    /// Optional e-mail address of the invited person.
    pub email: String,
    /// Form language (`de`, `en`).
    pub locale: String,
    /// The staff member who created it.
    pub created_by: Option<i64>,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Expires.
    pub expires_at: DateTimeUtc,
    /// Submitted (then the link accepts nothing more).
    pub used_at: Option<DateTimeUtc>,
    /// Review outcome: empty, `approved` or `rejected`.
    pub outcome: String,
    /// The reason of a rejection (the pending data itself is deleted).
    pub reject_reason: String,
    /// The applicant created at approval (record id).
    pub applicant_id: Option<i64>,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("invitation", redacted: ["token_hash"]);

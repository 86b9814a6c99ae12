//! One message of a conversation; the body is stored encrypted only ([`crate::crypto`]).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// Written by the guest.
pub const GUEST: &str = "guest";
/// Written by a staff member to the guest.
pub const STAFF: &str = "staff";
/// An internal note among staff, never shown to the guest.
pub const NOTE: &str = "note";

/// A message.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "counselling_message")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The conversation.
    pub conversation_id: i64,
    /// [`GUEST`], [`STAFF`] or [`NOTE`].
    pub author_kind: String,
    /// The staff author's account.
    pub author_id: Option<i64>,
    /// The staff author's name when writing (empty for the guest).
    pub author_name: String,
    /// AES-256-GCM ciphertext of the body.
    pub body: Vec<u8>,
    /// The nonce (96 bit).
    pub nonce: Vec<u8>,
    /// Id of the key it was encrypted with.
    pub key_id: String,
    /// Written.
    pub created_at: DateTimeUtc,
    /// First read by staff (guest messages).
    pub read_at: Option<DateTimeUtc>,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("counselling_message", redacted: ["body", "nonce"]);

//! A file or voice message attached to a message; the content is stored encrypted only
//! ([`crate::crypto`]), its type is the one sniffed from the content ([`crate::attachments`]).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// An attachment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "counselling_attachment")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The conversation (the encryption context).
    pub conversation_id: i64,
    /// The message it belongs to.
    pub message_id: i64,
    /// The sniffed media type.
    pub mime: String,
    /// The file name extension of that type (download name `anhang-<id>.<ext>`).
    pub extension: String,
    /// Size of the plain content in bytes.
    pub size: i64,
    /// AES-256-GCM ciphertext of the content.
    pub content: Vec<u8>,
    /// The nonce (96 bit).
    pub nonce: Vec<u8>,
    /// Id of the key it was encrypted with.
    pub key_id: String,
    /// Uploaded.
    pub created_at: DateTimeUtc,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("counselling_attachment", redacted: ["content", "nonce"]);

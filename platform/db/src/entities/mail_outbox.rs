//! Outgoing mail (R-NOT-3): every mail is queued here; SMTP mode delivers it by a job.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One mail.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "mail_outbox")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Queued at.
    pub created_at: DateTimeUtc,
    /// Recipient.
    pub to_addr: String,
    /// Subject.
    pub subject: String,
    /// Plain-text body (cleared after SMTP delivery: links in it are secrets).
    pub body: String,
    /// `outbox` (kept for reading), `queued`, `sent`, `failed`.
    pub status: String,
    /// Delivery attempts.
    pub attempts: i32,
    /// Last delivery error.
    pub last_error: Option<String>,
    /// Delivered at.
    pub sent_at: Option<DateTimeUtc>,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

crate::audited_by_id!("mail", redacted: ["body"]);

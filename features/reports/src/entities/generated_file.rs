//! A generated file: a report (R-STA-4) or a partner export (R-EXP-3), from the moment it is
//! requested until its content is purged; the record of who, when, rows and checksum stays.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One generated file.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "generated_file")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// [`crate::files::KIND_REPORT`] or [`crate::files::KIND_PARTNER`].
    pub kind: String,
    /// Title as shown in lists (already in German: it names the period or the profile).
    pub title: String,
    /// The partner export profile (partner exports only).
    pub profile_id: Option<i64>,
    /// First day of the period (reports).
    pub period_from: Option<Date>,
    /// Last day of the period (reports).
    pub period_to: Option<Date>,
    /// `queued`, `running`, `done`, `failed` ([`crate::files::Status`]).
    pub status: String,
    /// Why the generation failed (for operators; no personal data).
    pub error: String,
    /// The requesting user (none for scheduled runs).
    pub requested_by: Option<i64>,
    /// The requester's name, or the job name for scheduled runs.
    pub requested_by_name: String,
    /// Requested.
    pub created_at: DateTimeUtc,
    /// Finished (done or failed).
    pub finished_at: Option<DateTimeUtc>,
    /// Download file name.
    pub file_name: String,
    /// MIME type.
    pub content_type: String,
    /// The file (never in the audit log; dropped when purged).
    #[serde(skip)]
    pub content: Option<Vec<u8>>,
    /// Size of the content in bytes.
    pub size_bytes: i64,
    /// Data rows in the file.
    pub row_count: i64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// When the content was dropped (the record stays).
    pub content_purged_at: Option<DateTimeUtc>,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("generated_file");

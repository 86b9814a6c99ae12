//! An expiring download link of a generated partner file (R-EXP-3). Only the SHA-256 of the
//! token is stored; the link itself is shown once and optionally mailed.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One link.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "download_link")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The generated file.
    pub file_id: i64,
    /// SHA-256 of the token, hex (never the token).
    #[serde(skip)]
    pub token_hash: String,
    /// After this moment the link answers 410.
    pub expires_at: DateTimeUtc,
    /// The creating user (none for scheduled runs).
    pub created_by: Option<i64>,
    /// The creator's name, or the job name.
    pub created_by_name: String,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Address the link was mailed to (empty: not mailed).
    pub mailed_to: String,
    /// Successful downloads.
    pub download_count: i64,
    /// Last successful download.
    pub last_download_at: Option<DateTimeUtc>,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("download_link");

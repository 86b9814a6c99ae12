//! The `backup_run` table (migration `operations`): one row per backup attempt.

use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One backup attempt.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "backup_run")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// When the backup started.
    pub started_at: DateTimeUtc,
    /// When it ended (`None` while running, or if the process died).
    pub finished_at: Option<DateTimeUtc>,
    /// `schedule` (the job) or `command` (`hih backup`).
    pub trigger: String,
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// The backup file.
    pub path: Option<String>,
    /// Size of the file in bytes.
    pub size_bytes: Option<i64>,
    /// SHA-256 of the file, hex.
    pub sha256: Option<String>,
    /// `running`, `ok` (written and verified) or `failed`.
    pub outcome: String,
    /// Why it failed (plain text for the operator).
    pub error: Option<String>,
    /// When the file was pruned (the row stays as the record).
    pub pruned_at: Option<DateTimeUtc>,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("backup_run");

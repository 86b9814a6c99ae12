//! The record of backups (`backup_run`): reading it (the status page and the backup list use
//! it) and writing it — every write through the audited unit of work.

use chrono::{DateTime, Utc};
use hih_db::UnitOfWork;
use hih_kernel::{Actor, AppError, Services};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, NotSet, QueryFilter, QueryOrder,
    Set,
};

use super::entity::{ActiveModel, Column, Entity, Model};

/// Outcome of a backup that was written and verified.
pub const OK: &str = "ok";
/// Outcome of a backup that failed (writing or verifying).
pub const FAILED: &str = "failed";
/// Outcome while a backup runs.
pub const RUNNING: &str = "running";

/// What started a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The hourly job found the last backup old enough.
    Schedule,
    /// `hih backup`.
    Command,
    /// "Sicherung jetzt anlegen" on `/system/backups`.
    Page,
}

impl Trigger {
    /// The code in `backup_run.trigger`.
    pub fn code(self) -> &'static str {
        match self {
            Trigger::Schedule => "schedule",
            Trigger::Command => "command",
            Trigger::Page => "page",
        }
    }
}

/// The latest finished backup attempt (ok or failed), if any.
pub async fn latest(db: &DatabaseConnection) -> Result<Option<Model>, AppError> {
    Ok(Entity::find()
        .filter(Column::Outcome.ne(RUNNING))
        .order_by_desc(Column::StartedAt)
        .order_by_desc(Column::Id)
        .one(db)
        .await?)
}

/// The latest backup that was written and verified, if any.
pub async fn latest_ok(db: &DatabaseConnection) -> Result<Option<Model>, AppError> {
    Ok(Entity::find()
        .filter(Column::Outcome.eq(OK))
        .order_by_desc(Column::StartedAt)
        .order_by_desc(Column::Id)
        .one(db)
        .await?)
}

/// Records a backup that starts now (outcome `running`).
pub async fn start(
    services: &Services,
    actor: &Actor,
    trigger: Trigger,
    backend: &str,
    path: &str,
) -> Result<Model, AppError> {
    let mut uow = UnitOfWork::begin(services, actor).await?;
    let row = uow
        .insert(ActiveModel {
            id: NotSet,
            started_at: Set(uow.now()),
            finished_at: Set(None),
            trigger: Set(trigger.code().to_string()),
            backend: Set(backend.to_string()),
            path: Set(Some(path.to_string())),
            size_bytes: Set(None),
            sha256: Set(None),
            outcome: Set(RUNNING.to_string()),
            error: Set(None),
            pruned_at: Set(None),
        })
        .await?;
    uow.commit().await?;
    Ok(row)
}

/// Records a backup as written and verified; `note` says what was not checked, if anything.
pub async fn finish_ok(
    services: &Services,
    actor: &Actor,
    row: &Model,
    size: u64,
    sha256: &str,
    note: Option<String>,
) -> Result<Model, AppError> {
    let mut uow = UnitOfWork::begin(services, actor).await?;
    let mut am = row.clone().into_active_model();
    am.finished_at = Set(Some(uow.now()));
    am.size_bytes = Set(Some(i64::try_from(size).unwrap_or(i64::MAX)));
    am.sha256 = Set(Some(sha256.to_string()));
    am.outcome = Set(OK.to_string());
    am.error = Set(note);
    let row = uow.update(row, am).await?;
    uow.commit().await?;
    Ok(row)
}

/// Records a backup as failed, with the operator's message.
pub async fn finish_failed(
    services: &Services,
    actor: &Actor,
    row: &Model,
    error: String,
) -> Result<Model, AppError> {
    let mut uow = UnitOfWork::begin(services, actor).await?;
    let mut am = row.clone().into_active_model();
    am.finished_at = Set(Some(uow.now()));
    am.outcome = Set(FAILED.to_string());
    am.error = Set(Some(error));
    let row = uow.update(row, am).await?;
    uow.commit().await?;
    Ok(row)
}

/// Backups still `running` that started before `before` never finished (the process ended
/// during the backup — or this database was restored from the backup it was taking): they
/// are recorded as failed with `message`. Returns how many.
pub async fn close_unfinished(
    services: &Services,
    actor: &Actor,
    before: DateTime<Utc>,
    message: &str,
) -> Result<u64, AppError> {
    let stale = Entity::find()
        .filter(Column::Outcome.eq(RUNNING))
        .filter(Column::StartedAt.lt(before))
        .all(&services.db)
        .await?;
    if stale.is_empty() {
        return Ok(0);
    }
    let mut uow = UnitOfWork::begin(services, actor).await?;
    for row in &stale {
        let mut am = row.clone().into_active_model();
        am.outcome = Set(FAILED.to_string());
        am.error = Set(Some(message.to_string()));
        uow.update(row, am).await?;
    }
    uow.commit().await?;
    Ok(stale.len() as u64)
}

/// Backups whose file is still kept, newest first.
pub async fn kept(db: &DatabaseConnection) -> Result<Vec<Model>, AppError> {
    Ok(Entity::find()
        .filter(Column::Outcome.eq(OK))
        .filter(Column::PrunedAt.is_null())
        .filter(Column::Path.is_not_null())
        .order_by_desc(Column::StartedAt)
        .order_by_desc(Column::Id)
        .all(db)
        .await?)
}

/// Records that the files of `rows` were deleted (the rows stay).
pub async fn mark_pruned(
    services: &Services,
    actor: &Actor,
    rows: &[Model],
) -> Result<(), AppError> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut uow = UnitOfWork::begin(services, actor).await?;
    for row in rows {
        let mut am = row.clone().into_active_model();
        am.pruned_at = Set(Some(uow.now()));
        uow.update(row, am).await?;
    }
    uow.commit().await
}

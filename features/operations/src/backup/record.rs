//! Reading the record of backups (the status page and the backup list use it).

use hih_kernel::AppError;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::entity::{Column, Entity, Model};

/// Outcome of a backup that was written and verified.
pub const OK: &str = "ok";
/// Outcome of a backup that failed (writing or verifying).
pub const FAILED: &str = "failed";
/// Outcome while a backup runs.
pub const RUNNING: &str = "running";

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

//! The retention purge every feature with deactivatable records runs daily (R-COM-3, R-RET-1):
//! rows deactivated longer ago than the retention period (setting `retention_days`) are
//! deleted physically, in one unit of work whose audit entry holds counts only. One function,
//! so the rule — and later the folding into anonymous statistics before deletion (R-RET-3) —
//! lives in one place.

use chrono::Duration;
use hih_kernel::{AppError, JobContext, JobError};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::UnitOfWork;

/// Deletes the rows of `E` whose `active` is false and whose `deactivated_at` lies before the
/// retention cutoff; writes one audit event `purge` for `audit_entity` with the count.
/// Idempotent: a second run finds nothing. Returns the number of deleted rows.
pub async fn purge_deactivated<E: EntityTrait>(
    ctx: &JobContext,
    audit_entity: &str,
    active: E::Column,
    deactivated_at: E::Column,
) -> Result<u64, JobError> {
    let services = &ctx.services;
    let days = services.settings.retention_days;
    let cutoff = services.clock.now() - Duration::days(days);
    let mut uow = UnitOfWork::begin(services, &ctx.actor()).await?;
    let deleted = E::delete_many()
        .filter(active.eq(false))
        .filter(deactivated_at.lte(cutoff))
        .exec(uow.txn())
        .await
        .map_err(AppError::from)?
        .rows_affected;
    uow.event(
        audit_entity,
        "*",
        "purge",
        serde_json::json!({ "deleted": deleted, "retention_days": days }),
    );
    uow.commit().await?;
    Ok(deleted)
}

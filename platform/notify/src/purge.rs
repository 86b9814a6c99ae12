//! Retention of notifications: read ones after `notification_retention_days` (default 90),
//! every one after a year.

use chrono::Duration;
use hih_db::UnitOfWork;
use hih_kernel::{AppError, JobContext, JobError, JobHandler};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};

use crate::entity;

/// Name of the retention job.
pub const PURGE_JOB: &str = "notify.purge";

/// Days after which even unread notifications are deleted.
pub const UNREAD_MAX_DAYS: i64 = 365;

/// Deletes read notifications older than the retention period and all notifications older
/// than [`UNREAD_MAX_DAYS`]; audited with the count only. Idempotent.
pub struct Purge;

#[async_trait::async_trait]
impl JobHandler for Purge {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        let services = &ctx.services;
        let days = services.settings.notification_retention_days;
        let now = services.clock.now();
        let read_cutoff = now - Duration::days(days);
        let all_cutoff = now - Duration::days(UNREAD_MAX_DAYS);
        let mut uow = UnitOfWork::begin(services, &ctx.actor()).await?;
        let deleted = entity::Entity::delete_many()
            .filter(
                Condition::any()
                    .add(
                        Condition::all()
                            .add(entity::Column::ReadAt.is_not_null())
                            .add(entity::Column::CreatedAt.lte(read_cutoff)),
                    )
                    .add(entity::Column::CreatedAt.lte(all_cutoff)),
            )
            .exec(uow.txn())
            .await
            .map_err(AppError::from)?
            .rows_affected;
        uow.event(
            "notification",
            "*",
            "purge",
            serde_json::json!({ "deleted": deleted, "retention_days": days }),
        );
        uow.commit().await?;
        Ok(())
    }
}

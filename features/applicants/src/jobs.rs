//! Jobs of the applicants feature: the daily retention purge (R-APP-3 as R-COM-3, R-RET-1).

use std::sync::Arc;

use chrono::Duration;
use hih_db::UnitOfWork;
use hih_kernel::{AppError, JobContext, JobError, JobHandler, Registry};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entities::applicant;

/// Name of the retention job.
pub const RETENTION_JOB: &str = "applicants.retention";

/// Registers the retention job, daily at 02:40 UTC.
pub fn register(r: &mut Registry) {
    r.job(
        RETENTION_JOB,
        "job-applicants-retention",
        Arc::new(Retention),
    );
    r.cron(RETENTION_JOB, "0 40 2 * * *");
}

/// Physically deletes applicants deactivated longer ago than the retention period (setting,
/// default 90 days), their status history with them; audited with counts only. Idempotent: a
/// second run finds nothing.
pub struct Retention;

#[async_trait::async_trait]
impl JobHandler for Retention {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        let services = &ctx.services;
        let cutoff = services.clock.now() - Duration::days(services.settings.retention_days);
        let mut uow = UnitOfWork::begin(services, &ctx.actor()).await?;
        let deleted = applicant::Entity::delete_many()
            .filter(applicant::Column::Active.eq(false))
            .filter(applicant::Column::DeactivatedAt.lte(cutoff))
            .exec(uow.txn())
            .await
            .map_err(AppError::from)?
            .rows_affected;
        uow.event(
            "applicant",
            "*",
            "purge",
            serde_json::json!({ "deleted": deleted, "retention_days": services.settings.retention_days }),
        );
        uow.commit().await?;
        Ok(())
    }
}

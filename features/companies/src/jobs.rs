//! Jobs of the companies feature: the daily retention purge (R-COM-3, R-RET-1).

use std::sync::Arc;

use hih_kernel::{JobContext, JobError, JobHandler, Registry};

use crate::entities::company;

/// Name of the retention job.
pub const RETENTION_JOB: &str = "companies.retention";

/// Registers the retention job, daily at 02:30 UTC.
pub fn register(r: &mut Registry) {
    r.job(
        RETENTION_JOB,
        "job-companies-retention",
        Arc::new(Retention),
    );
    r.cron(RETENTION_JOB, "0 30 2 * * *");
}

/// Physically deletes companies deactivated longer ago than the retention period (setting,
/// default 90 days); audited with counts only. Idempotent: a second run finds nothing.
pub struct Retention;

#[async_trait::async_trait]
impl JobHandler for Retention {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        hih_db::retention::purge_deactivated::<company::Entity>(
            ctx,
            "company",
            company::Column::Id,
            company::Column::Active,
            company::Column::DeactivatedAt,
        )
        .await?;
        Ok(())
    }
}

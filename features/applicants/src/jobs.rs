//! Jobs of the applicants feature: the daily retention purge (R-APP-3 as R-COM-3, R-RET-1).

use std::sync::Arc;

use hih_kernel::{JobContext, JobError, JobHandler, Registry};

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
        hih_db::retention::purge_deactivated::<applicant::Entity>(
            ctx,
            "applicant",
            applicant::Column::Id,
            applicant::Column::Active,
            applicant::Column::DeactivatedAt,
        )
        .await?;
        Ok(())
    }
}

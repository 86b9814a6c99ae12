//! The retention job (R-CNS-3): deletes conversations closed longer than
//! `counselling.retention_days` ago (with their messages and guest) and expired guest
//! sessions. The anonymous counters stay.

use std::sync::Arc;

use hih_kernel::{JobContext, JobError, JobHandler, Registry};

/// Name of the retention job.
pub const RETENTION_JOB: &str = "counselling.retention";

/// Registers the job, daily at 03:40.
pub fn register(r: &mut Registry) {
    r.job(
        RETENTION_JOB,
        "job-counselling-retention",
        Arc::new(Retention),
    );
    r.cron(RETENTION_JOB, "0 40 3 * * *");
}

/// See the module.
pub struct Retention;

#[async_trait::async_trait]
impl JobHandler for Retention {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        let n = crate::service::purge(&ctx.services).await?;
        tracing::info!(conversations = n, "counselling retention");
        Ok(())
    }
}

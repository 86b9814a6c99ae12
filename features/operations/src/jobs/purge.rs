//! The daily purge of the job history: apalis keeps every run, and the cron ticks alone add
//! thousands a day, so runs that finished successfully are deleted [`KEEP_DONE_DAYS`] days
//! after they ended, in bounded batches, each in its own audited unit of work (event `purge`
//! on entity `job_run` with the count). Failed and cancelled runs stay: they are the job part
//! of the error log (`/protokoll/fehler`, R-AUD-1). Waiting and running runs are never
//! touched.

use hih_db::UnitOfWork;
use hih_kernel::{AppError, JobContext, JobError, JobHandler, Services};

use super::actions::AUDIT_ENTITY;

/// Name of the daily purge job.
pub const JOB: &str = "operations.jobs-purge";

/// Days a successful run stays in the list.
pub const KEEP_DONE_DAYS: i64 = 30;

/// Runs deleted per unit of work.
pub const BATCH: u64 = 5000;

/// Deletes the successful runs older than `keep_secs` seconds, batch by batch; returns how
/// many.
pub async fn purge(
    services: &Services,
    actor: &hih_kernel::Actor,
    keep_secs: i64,
) -> Result<u64, AppError> {
    let mut total = 0;
    loop {
        let mut uow = UnitOfWork::begin(services, actor).await?;
        let deleted = hih_jobs::purge_done_runs(uow.txn(), keep_secs, BATCH).await?;
        if deleted == 0 {
            drop(uow);
            return Ok(total);
        }
        uow.event(
            AUDIT_ENTITY,
            "*",
            "purge",
            serde_json::json!({ "deleted": deleted, "status": "Done", "older_than_days": keep_secs / 86_400 }),
        );
        uow.commit().await?;
        total += deleted;
        if deleted < BATCH {
            return Ok(total);
        }
    }
}

/// The job: [`purge`] with [`KEEP_DONE_DAYS`].
pub struct JobsPurge;

#[async_trait::async_trait]
impl JobHandler for JobsPurge {
    async fn run(&self, ctx: &JobContext, _: serde_json::Value) -> Result<(), JobError> {
        let deleted = purge(&ctx.services, &ctx.actor(), KEEP_DONE_DAYS * 86_400).await?;
        tracing::info!(deleted, "job history purged");
        Ok(())
    }
}

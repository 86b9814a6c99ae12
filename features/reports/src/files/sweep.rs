//! No lost file requests (R-OPS-1): a report or partner file is requested in the business
//! transaction and its job is enqueued right after the commit — a crash between the two left
//! the file `queued` for ever. This sweep, every five minutes, enqueues the job again for every
//! file that has been waiting longer than [`GRACE_MINUTES`]; the jobs start only files still
//! `queued`, so a file is never built twice.

use std::sync::Arc;

use chrono::Duration;
use hih_kernel::{AppError, JobContext, JobError, JobHandler, Registry};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use super::{KIND_PARTNER, KIND_REPORT, Status};
use crate::entities::generated_file;

/// Name of the sweep job.
pub const SWEEP_JOB: &str = "reports.files-sweep";

/// How long a requested file may wait for its job before the sweep enqueues it again.
pub const GRACE_MINUTES: i64 = 5;

/// Registers the sweep, every five minutes.
pub fn register(r: &mut Registry) {
    r.job(SWEEP_JOB, "job-reports-files-sweep", Arc::new(Sweep));
    r.cron(SWEEP_JOB, "0 */5 * * * *");
}

/// The job that builds files of `kind`.
fn job_of(kind: &str) -> Option<&'static str> {
    match kind {
        KIND_REPORT => Some(crate::periodic::jobs::GENERATE_JOB),
        KIND_PARTNER => Some(crate::partner::service::EXPORT_JOB),
        _ => None,
    }
}

/// Re-enqueues the jobs of files left `queued`.
pub struct Sweep;

#[async_trait::async_trait]
impl JobHandler for Sweep {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        let services = &ctx.services;
        let before = services.clock.now() - Duration::minutes(GRACE_MINUTES);
        let waiting: Vec<(i64, String)> = generated_file::Entity::find()
            .select_only()
            .column(generated_file::Column::Id)
            .column(generated_file::Column::Kind)
            .filter(generated_file::Column::Status.eq(Status::Queued.as_str()))
            .filter(generated_file::Column::CreatedAt.lt(before))
            .into_tuple()
            .all(&services.db)
            .await
            .map_err(AppError::from)?;
        for (id, kind) in waiting {
            if let Some(job) = job_of(&kind) {
                tracing::warn!(
                    file = id,
                    job,
                    "requested file without a job: enqueued again"
                );
                services
                    .jobs
                    .enqueue(job, serde_json::json!({ "file_id": id }))
                    .await?;
            }
        }
        Ok(())
    }
}

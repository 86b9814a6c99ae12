//! Jobs of the matching feature: closing access that no match carries any more.
//!
//! Removing a match closes the district's access in the same unit of work. But a company can
//! also disappear without the matching feature taking part — physical deletion by an admin or
//! the companies' retention purge — and its matches go with it (foreign key cascade), while the
//! access row lives in the applicants' table. This job closes such orphaned access (R-MAT-3),
//! audited row by row. Idempotent: a second run finds nothing.

use std::sync::Arc;

use hih_applicants::entities::applicant_access;
use hih_db::UnitOfWork;
use hih_kernel::{AppError, JobContext, JobError, JobHandler, Registry};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::access;

/// Name of the cleanup job.
pub const ACCESS_CLEANUP_JOB: &str = "matching.access-cleanup";

/// Registers the cleanup job, every 15 minutes.
pub fn register(r: &mut Registry) {
    r.job(
        ACCESS_CLEANUP_JOB,
        "job-matching-access-cleanup",
        Arc::new(AccessCleanup),
    );
    r.cron(ACCESS_CLEANUP_JOB, "0 */15 * * * *");
}

/// Closes access rows opened by matches (`reason` `match:…`) that no match of the applicant
/// with an active company of that district carries any more ([`access::sync`]).
pub struct AccessCleanup;

#[async_trait::async_trait]
impl JobHandler for AccessCleanup {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        let mut uow = UnitOfWork::begin(&ctx.services, &ctx.actor()).await?;
        let opened = applicant_access::Entity::find()
            .filter(applicant_access::Column::Reason.starts_with("match:"))
            .all(uow.txn())
            .await
            .map_err(AppError::from)?;
        for open in opened {
            let events = access::sync(uow.txn(), open.applicant_id, open.district_id).await?;
            uow.record(events);
        }
        uow.commit().await?;
        Ok(())
    }
}

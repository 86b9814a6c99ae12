//! Jobs of the matching feature: closing access that no match carries any more.
//!
//! Removing a match closes the district's access in the same unit of work. But a company can
//! also disappear without the matching feature taking part — physical deletion by an admin or
//! the companies' retention purge — and its matches go with it (foreign key cascade), while the
//! access row lives in the applicants' table. This job closes such orphaned access (R-MAT-3),
//! audited row by row. Idempotent: a second run finds nothing.

use std::sync::Arc;

use hih_applicants::entities::applicant_access;
use hih_companies::entities::company;
use hih_db::UnitOfWork;
use hih_kernel::{AppError, JobContext, JobError, JobHandler, Registry};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::entities::placement;

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

/// Removes access rows opened by matches (`reason` `match:…`) for which no match of the
/// applicant with a company of that district exists any more.
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
        for access in opened {
            let carried = placement::Entity::find()
                .filter(placement::Column::ApplicantId.eq(access.applicant_id))
                .filter(
                    placement::Column::CompanyId.in_subquery(
                        Query::select()
                            .column(company::Column::Id)
                            .from(company::Entity)
                            .and_where(company::Column::DistrictId.eq(access.district_id))
                            .to_owned(),
                    ),
                )
                .count(uow.txn())
                .await
                .map_err(AppError::from)?;
            if carried == 0 {
                uow.delete::<applicant_access::ActiveModel>(access).await?;
            }
        }
        uow.commit().await?;
        Ok(())
    }
}

//! The daily purge of abandoned self-registrations (R-RET): entries a guest started but never
//! submitted are deleted once their invitation has expired, so no personal data stays behind
//! without review. Submitted entries wait for staff and are never touched here.

use std::sync::Arc;

use hih_db::UnitOfWork;
use hih_kernel::{AppError, JobContext, JobError, JobHandler, Registry};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entities::{invitation, pending_registration};

/// Name of the purge job.
pub const PURGE_JOB: &str = "applicants.registration_purge";

/// Registers the purge job, daily at 02:50 UTC.
pub fn register(r: &mut Registry) {
    r.job(
        PURGE_JOB,
        "job-applicants-registration-purge",
        Arc::new(PurgeAbandoned),
    );
    r.cron(PURGE_JOB, "0 50 2 * * *");
}

/// Deletes unsubmitted entries of expired invitations; audited with the count. Idempotent.
pub struct PurgeAbandoned;

#[async_trait::async_trait]
impl JobHandler for PurgeAbandoned {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        let services = &ctx.services;
        let now = services.clock.now();
        let mut uow = UnitOfWork::begin(services, &ctx.actor()).await?;
        let deleted = pending_registration::Entity::delete_many()
            .filter(pending_registration::Column::SubmittedAt.is_null())
            .filter(
                pending_registration::Column::InvitationId.in_subquery(
                    Query::select()
                        .column(invitation::Column::Id)
                        .from(invitation::Entity)
                        .and_where(invitation::Column::ExpiresAt.lte(now))
                        .to_owned(),
                ),
            )
            .exec(uow.txn())
            .await
            .map_err(AppError::from)?
            .rows_affected;
        uow.event(
            "pending_registration",
            "*",
            "purge",
            serde_json::json!({ "deleted": deleted }),
        );
        uow.commit().await?;
        Ok(())
    }
}

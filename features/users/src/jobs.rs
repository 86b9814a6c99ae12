//! Jobs of the users feature: purging expired sessions and single-use links (R-RET-1).

use std::sync::Arc;

use hih_db::UnitOfWork;
use hih_kernel::{JobContext, JobError, JobHandler, Registry};
use hih_web::Session;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entities::user_token;

/// Name of the purge job.
pub const PURGE_JOB: &str = "users.purge-expired";

/// Registers the purge job, hourly.
pub fn register(r: &mut Registry) {
    r.job(PURGE_JOB, "job-users-purge", Arc::new(PurgeExpired));
    r.cron(PURGE_JOB, "0 7 * * * *");
}

/// Deletes expired sessions and expired or used single-use tokens. Idempotent.
pub struct PurgeExpired;

#[async_trait::async_trait]
impl JobHandler for PurgeExpired {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        let services = &ctx.services;
        let now = services.clock.now();
        let sessions = Session::purge_expired(&services.db, now, &services.settings).await?;
        let mut uow = UnitOfWork::begin(services, &ctx.actor()).await?;
        let tokens = user_token::Entity::delete_many()
            .filter(
                sea_orm::Condition::any()
                    .add(user_token::Column::ExpiresAt.lte(now))
                    .add(user_token::Column::UsedAt.is_not_null()),
            )
            .exec(uow.txn())
            .await
            .map_err(hih_kernel::AppError::from)?
            .rows_affected;
        uow.event(
            "user_token",
            "*",
            "purge",
            serde_json::json!({ "tokens": tokens, "sessions": sessions }),
        );
        uow.commit().await?;
        Ok(())
    }
}

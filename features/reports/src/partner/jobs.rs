//! The background jobs of partner exports: building a requested file, the monthly run (one
//! file per active monthly profile and month) and the daily purge of file contents older
//! than [`KEEP_DAYS`] (data minimisation; the record with checksum and rows stays).

use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate};
use hih_db::UnitOfWork;
use hih_kernel::{AppError, JobContext, JobError, JobHandler, Registry};
use sea_orm::{
    ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QuerySelect, Set,
};

use super::generate;
use super::service::{EXPORT_JOB, KEEP_DAYS, create_link, request_file};
use crate::entities::{generated_file, partner_profile};
use crate::files::{self, KIND_PARTNER};

/// Name of the monthly job.
pub const MONTHLY_JOB: &str = "reports.partner-exports-monthly";
/// Name of the daily purge job.
pub const PURGE_JOB: &str = "reports.partner-files-purge";

/// Registers the three jobs and their schedules (UTC).
pub fn register(r: &mut Registry) {
    r.job(
        EXPORT_JOB,
        "reports-partner-job-export",
        Arc::new(ExportJob),
    );
    r.job(
        MONTHLY_JOB,
        "reports-partner-job-monthly",
        Arc::new(MonthlyJob),
    );
    r.job(PURGE_JOB, "reports-partner-job-purge", Arc::new(PurgeJob));
    r.cron(MONTHLY_JOB, "0 30 4 1 * *");
    r.cron(PURGE_JOB, "0 50 3 * * *");
}

/// Builds the requested file `{file_id}`. A second delivery finds it finished and does
/// nothing. Files of the monthly run are handed over at once: a link is mailed to the
/// profile's recipient, if it has one.
pub struct ExportJob;

#[async_trait::async_trait]
impl JobHandler for ExportJob {
    async fn run(&self, ctx: &JobContext, payload: serde_json::Value) -> Result<(), JobError> {
        let services = &ctx.services;
        let actor = ctx.actor();
        let Some(file) = files::start_requested(ctx, &payload).await? else {
            return Ok(());
        };
        let id = file.id;
        let profile = match file.profile_id {
            Some(p) => partner_profile::Entity::find_by_id(p)
                .one(&services.db)
                .await
                .map_err(AppError::from)?,
            None => None,
        };
        let Some(profile) = profile.filter(|_| file.kind == KIND_PARTNER) else {
            files::fail(services, &actor, id, "Profil nicht gefunden").await?;
            return Err(JobError::Permanent(format!("file {id}: no profile")));
        };
        let built = match generate::build(services, &profile).await {
            Ok(b) => b,
            Err(e) => {
                tracing::error!(file = id, error = %e, "partner export failed");
                files::fail(services, &actor, id, &e.to_string()).await?;
                return Err(JobError::Permanent(format!("file {id}: {e}")));
            }
        };
        let done = files::finish(services, &actor, id, built.content, built.rows).await?;
        if done.period_from.is_some() && !profile.recipient_email.is_empty() {
            let mut uow = UnitOfWork::begin(services, &actor).await?;
            create_link(&mut uow, &done, Some(&profile.recipient_email)).await?;
            uow.commit().await?;
        }
        Ok(())
    }
}

/// The first day of the month of `day`.
pub fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// Requests one file per active monthly profile for the current month, unless that month's
/// file exists already (idempotent; a unique index backs it across instances).
pub struct MonthlyJob;

#[async_trait::async_trait]
impl JobHandler for MonthlyJob {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        let services = &ctx.services;
        let month = month_of(crate::codes::berlin_day(services.clock.now()));
        let profiles = partner_profile::Entity::find()
            .filter(partner_profile::Column::Active.eq(true))
            .filter(partner_profile::Column::Monthly.eq(true))
            .all(&services.db)
            .await
            .map_err(AppError::from)?;
        for profile in profiles {
            let mut uow = UnitOfWork::begin(services, &ctx.actor()).await?;
            let exists = generated_file::Entity::find()
                .filter(generated_file::Column::ProfileId.eq(profile.id))
                .filter(generated_file::Column::PeriodFrom.eq(month))
                .count(uow.txn())
                .await
                .map_err(AppError::from)?;
            if exists > 0 {
                continue;
            }
            request_file(&mut uow, &profile, Some(month)).await?;
            uow.commit().await?;
        }
        Ok(())
    }
}

/// Drops the content of partner files older than [`KEEP_DAYS`]; their links then answer 410.
pub struct PurgeJob;

#[async_trait::async_trait]
impl JobHandler for PurgeJob {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        let services = &ctx.services;
        let cutoff = services.clock.now() - Duration::days(KEEP_DAYS);
        let ids: Vec<i64> = generated_file::Entity::find()
            .select_only()
            .column(generated_file::Column::Id)
            .filter(generated_file::Column::Kind.eq(KIND_PARTNER))
            .filter(generated_file::Column::ContentPurgedAt.is_null())
            .filter(generated_file::Column::Content.is_not_null())
            .filter(generated_file::Column::CreatedAt.lt(cutoff))
            .into_tuple()
            .all(&services.db)
            .await
            .map_err(AppError::from)?;
        for id in ids {
            let mut uow = UnitOfWork::begin(services, &ctx.actor()).await?;
            let Some(file) = generated_file::Entity::find_by_id(id)
                .one(uow.txn())
                .await
                .map_err(AppError::from)?
            else {
                continue;
            };
            let mut am = file.clone().into_active_model();
            am.content = Set(None);
            am.content_purged_at = Set(Some(uow.now()));
            uow.update(&file, am).await?;
            uow.commit().await?;
        }
        Ok(())
    }
}

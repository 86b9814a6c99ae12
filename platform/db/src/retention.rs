//! The retention purge every feature with deactivatable records runs daily (R-COM-3, R-RET-1):
//! rows deactivated longer ago than the retention period (setting `retention_days`) are
//! deleted physically, in one unit of work whose audit entry holds counts only. One function,
//! so the rule lives in one place. Before deleting, the rows are folded into the anonymous
//! statistics counters registered for `audit_entity` (R-RET-3), in the same transaction.

use chrono::Duration;
use hih_kernel::{AppError, JobContext, JobError};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect};

use crate::UnitOfWork;

/// How many rows one statement folds and deletes (bounded `IN` lists on both databases).
const BATCH: usize = 500;

/// Deletes the rows of `E` matching `condition` physically, in batches of [`BATCH`] ids, each
/// batch folded into the statistics counters first (R-RET-3) — the one bulk deletion of
/// folded records (retention purges, the programme end). Returns the number deleted; the
/// caller records the audit event.
pub async fn fold_and_delete<E: EntityTrait>(
    uow: &mut UnitOfWork,
    audit_entity: &str,
    id: E::Column,
    condition: Condition,
) -> Result<u64, AppError> {
    let ids: Vec<i64> = E::find()
        .select_only()
        .column(id)
        .filter(condition)
        .into_tuple()
        .all(uow.txn())
        .await?;
    let mut deleted = 0;
    for chunk in ids.chunks(BATCH) {
        uow.fold_before_delete(audit_entity, chunk).await?;
        deleted += E::delete_many()
            .filter(id.is_in(chunk.iter().copied()))
            .exec(uow.txn())
            .await?
            .rows_affected;
    }
    Ok(deleted)
}

/// Deletes the rows of `E` whose `active` is false and whose `deactivated_at` lies before the
/// retention cutoff, after folding them into the statistics counters; writes one audit event
/// `purge` for `audit_entity` with the count. Idempotent: a second run finds nothing. Returns
/// the number of deleted rows.
pub async fn purge_deactivated<E: EntityTrait>(
    ctx: &JobContext,
    audit_entity: &str,
    id: E::Column,
    active: E::Column,
    deactivated_at: E::Column,
) -> Result<u64, JobError> {
    let services = &ctx.services;
    let days = services.settings.retention_days;
    let cutoff = services.clock.now() - Duration::days(days);
    let mut uow = UnitOfWork::begin(services, &ctx.actor()).await?;
    let expired = Condition::all()
        .add(active.eq(false))
        .add(deactivated_at.lte(cutoff));
    let deleted = fold_and_delete::<E>(&mut uow, audit_entity, id, expired).await?;
    uow.event(
        audit_entity,
        "*",
        "purge",
        serde_json::json!({ "deleted": deleted, "retention_days": days }),
    );
    uow.commit().await?;
    Ok(deleted)
}

/// A feature's retention job: physically deletes the deactivated rows of `E` past the
/// retention period (setting, default 90 days) through [`purge_deactivated`]; audited with
/// counts only, idempotent.
pub struct PurgeJob<E: EntityTrait> {
    /// Audit entity of the purge event (`company`, `applicant`).
    pub audit_entity: &'static str,
    /// The id column.
    pub id: E::Column,
    /// The `active` flag.
    pub active: E::Column,
    /// When the row was deactivated.
    pub deactivated_at: E::Column,
}

#[async_trait::async_trait]
impl<E> hih_kernel::JobHandler for PurgeJob<E>
where
    E: EntityTrait + Send + Sync + 'static,
    E::Column: Send + Sync,
{
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        purge_deactivated::<E>(
            ctx,
            self.audit_entity,
            self.id,
            self.active,
            self.deactivated_at,
        )
        .await?;
        Ok(())
    }
}

/// Registers `job` as the job `name` (label text `label_key`) on the schedule `cron`.
pub fn register_purge<E>(
    r: &mut hih_kernel::Registry,
    name: &'static str,
    label_key: &'static str,
    cron: &'static str,
    job: PurgeJob<E>,
) where
    E: EntityTrait + Send + Sync + 'static,
    E::Column: Send + Sync,
{
    r.job(name, label_key, std::sync::Arc::new(job));
    r.cron(name, cron);
}

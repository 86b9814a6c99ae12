//! The recorded verification of the audit chain (R-AUD-4): a daily job checks the entries
//! written since the last intact verification, a weekly one the whole chain; each run is
//! recorded in `audit_verification` (through the unit of work), so the status page can say
//! "intact up to entry N" and `hih verify-audit --continue` starts where the last run ended.

use std::sync::Arc;

use hih_kernel::{Actor, AppError, JobContext, JobError, JobHandler, Registry, Services};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;

use crate::UnitOfWork;
use crate::audit::{Checkpoint, Outcome, Verification, verify_consistent_from};
use crate::entities::audit_verification;

/// The daily job: continues after the last intact verification.
pub const CONTINUE_JOB: &str = "db.audit-verify";
/// The weekly job: the whole chain from its anchor.
pub const FULL_JOB: &str = "db.audit-verify-full";

/// The last entry a recorded verification found intact, to continue after.
pub async fn last_checkpoint(services: &Services) -> Result<Option<Checkpoint>, AppError> {
    let row = audit_verification::Entity::find()
        .filter(audit_verification::Column::Intact.eq(true))
        .filter(audit_verification::Column::UpToHash.is_not_null())
        .order_by_desc(audit_verification::Column::Id)
        .one(&services.db)
        .await?;
    Ok(row.and_then(|r| {
        r.up_to_hash.map(|hash| Checkpoint {
            seq: r.up_to_seq,
            hash,
        })
    }))
}

/// Verifies (the whole chain, or after the last checkpoint) in one snapshot and records the
/// result. A break is also logged as an error for the operator.
pub async fn verify_and_record(
    services: &Services,
    actor: &Actor,
    full: bool,
) -> Result<Outcome, AppError> {
    let start = if full {
        None
    } else {
        last_checkpoint(services).await?
    };
    let outcome = verify_consistent_from(&services.db, start).await?;
    let (intact, entries, problem) = match &outcome.verification {
        Verification::Intact(n) => (true, *n as i64, None),
        Verification::Broken { seq, reason } => {
            tracing::error!(seq, %reason, "audit chain broken");
            let args: serde_json::Map<String, serde_json::Value> = reason
                .args()
                .into_iter()
                .map(|(k, v)| (k.to_string(), json!(v)))
                .collect();
            let problem = json!({ "seq": seq, "key": reason.text_key(), "args": args });
            (false, 0, Some(problem.to_string()))
        }
    };
    let (up_to_seq, up_to_hash) = match &outcome.last_intact {
        Some(c) => (c.seq, Some(c.hash.clone())),
        None => (outcome.from_seq - 1, None),
    };
    let mut uow = UnitOfWork::begin(services, actor).await?;
    let now = uow.now();
    uow.insert(audit_verification::ActiveModel {
        verified_at: Set(now),
        from_seq: Set(outcome.from_seq),
        up_to_seq: Set(up_to_seq),
        up_to_hash: Set(if intact { up_to_hash } else { None }),
        entries: Set(entries),
        intact: Set(intact),
        problem: Set(problem),
        ..Default::default()
    })
    .await?;
    uow.commit().await?;
    Ok(outcome)
}

/// How a recorded break reads for people: its text key and arguments (seq included), from the
/// `problem` column.
pub fn problem_text(row: &audit_verification::Model) -> Option<(String, Vec<(String, String)>)> {
    let problem: serde_json::Value = serde_json::from_str(row.problem.as_deref()?).ok()?;
    let key = problem.get("key")?.as_str()?.to_string();
    let mut args = vec![(
        "seq".to_string(),
        problem
            .get("seq")
            .map(|s| s.to_string())
            .unwrap_or_default(),
    )];
    if let Some(map) = problem.get("args").and_then(|a| a.as_object()) {
        for (k, v) in map {
            args.push((k.clone(), v.as_str().unwrap_or_default().to_string()));
        }
    }
    Some((key, args))
}

struct VerifyJob {
    full: bool,
}

#[async_trait::async_trait]
impl JobHandler for VerifyJob {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        let actor = Actor::system(if self.full { FULL_JOB } else { CONTINUE_JOB });
        verify_and_record(&ctx.services, &actor, self.full).await?;
        Ok(())
    }
}

/// Registers both verification jobs (called by the host with the database's own jobs): daily
/// at 04:10 after the night's purges, the full walk on Sundays at 04:30.
pub fn register(r: &mut Registry) {
    r.audit_entity("audit_verification");
    r.job(
        CONTINUE_JOB,
        "job-db-audit-verify",
        Arc::new(VerifyJob { full: false }),
    );
    r.cron(CONTINUE_JOB, "0 10 4 * * *");
    r.job(
        FULL_JOB,
        "job-db-audit-verify-full",
        Arc::new(VerifyJob { full: true }),
    );
    r.cron(FULL_JOB, "0 30 4 * * Sun");
}

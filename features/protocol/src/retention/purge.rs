//! The daily log purge (R-RET-1): audit-log and access-log entries are deleted at the latest at
//! the end of the year after the one they were written in.
//!
//! With `logs.retention_years` = 1 (the default and the legal maximum) an entry of 2026 lives
//! until 31 December 2027 and is deleted on 1 January 2028; with 0 on 1 January 2027. Years
//! are calendar years in Europe/Berlin, "now" comes from the injectable clock. The job deletes
//! in bounded batches (`logs.purge_batch`), oldest first, each batch in its own unit of work:
//! the audit log through [`hih_db::audit::purge_before`], which checks the entries it deletes
//! and signs off the new chain anchor in a `log-purge` event, the access log through
//! [`hih_db::access::purge_before`]. Each run ends with a `log-purge` summary event (entity
//! `log`) holding the counts, the cutoff and the anchor — also when nothing was due. A batch
//! of the audit log that does not verify is not deleted: the evidence stays, admins and the
//! data-protection officer are alerted, and the job fails without retry.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use hih_db::UnitOfWork;
use hih_db::audit::{self, Anchor, Purge};
use hih_kernel::{Actor, AppError, JobContext, JobError, JobHandler, Services};
use hih_notify::Notice;

/// Name of the daily purge job.
pub const JOB: &str = "protocol.log-purge";

/// Audit entity of the run summary (the batches' events name `audit_log` and `access_log`).
pub const SUMMARY_ENTITY: &str = "log";

/// Notification kind of the alert about an audit chain the purge found broken.
pub const CHAIN_BROKEN_KIND: &str = "security.audit-chain";

/// The year an instant falls in, in Europe/Berlin.
pub fn berlin_year(at: DateTime<Utc>) -> i32 {
    at.with_timezone(&Berlin).year()
}

/// Midnight of 1 January of `year` in Europe/Berlin, as a UTC instant.
pub fn year_start(year: i32) -> Result<DateTime<Utc>, AppError> {
    Berlin
        .with_ymd_and_hms(year, 1, 1, 0, 0, 0)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| AppError::Internal(format!("no start of the year {year}")))
}

/// Entries written before this instant are due for deletion at `now`: 1 January of the
/// current year minus `retention_years`, in Europe/Berlin.
pub fn cutoff(now: DateTime<Utc>, retention_years: u32) -> Result<DateTime<Utc>, AppError> {
    let years = i32::try_from(retention_years)
        .map_err(|_| AppError::Internal("retention_years out of range".into()))?;
    year_start(berlin_year(now) - years)
}

/// The next purge that deletes more than today's: its date (1 January of next year) and the
/// cutoff that applies then.
pub fn next_purge(
    now: DateTime<Utc>,
    retention_years: u32,
) -> Result<(NaiveDate, DateTime<Utc>), AppError> {
    let year = berlin_year(now) + 1;
    let date = NaiveDate::from_ymd_opt(year, 1, 1)
        .ok_or_else(|| AppError::Internal(format!("no 1 January {year}")))?;
    let then = year_start(year)?;
    Ok((date, cutoff(then, retention_years)?))
}

/// What one run of the purge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurgeReport {
    /// Entries written before this instant were due.
    pub cutoff: DateTime<Utc>,
    /// Audit entries deleted.
    pub audit_deleted: u64,
    /// Access-log entries deleted.
    pub access_deleted: u64,
    /// Units of work that deleted something (batches).
    pub batches: u64,
    /// The audit chain's anchor after the run.
    pub anchor: Anchor,
    /// The first audit entry that did not verify, if the audit purge was refused.
    pub refused_at: Option<i64>,
}

/// Runs the purge for `actor` (the job's system actor) by the services' clock and settings.
/// Idempotent: a second run on the same day deletes nothing and records a summary with zeros.
pub async fn run(services: &Services, actor: &Actor) -> Result<PurgeReport, AppError> {
    let logs = &services.settings.logs;
    let cutoff = cutoff(services.clock.now(), logs.retention_years)?;
    let batch = logs.purge_batch.max(1);
    let mut batches = 0;

    let mut audit_deleted = 0;
    let mut refused_at = None;
    loop {
        let mut uow = UnitOfWork::begin(services, actor).await?;
        match audit::purge_before(&mut uow, cutoff, batch).await? {
            Purge::Done { deleted, .. } => {
                uow.commit().await?;
                audit_deleted += deleted;
                if deleted > 0 {
                    batches += 1;
                }
                if deleted < batch {
                    break;
                }
            }
            Purge::Refused { seq, reason } => {
                // Dropping the unit of work rolls it back: nothing of this batch is deleted.
                drop(uow);
                tracing::error!(seq, %reason, "audit chain broken; log purge keeps the audit entries");
                refused_at = Some(seq);
                break;
            }
        }
    }

    let mut access_deleted = 0;
    loop {
        let mut uow = UnitOfWork::begin(services, actor).await?;
        let deleted = hih_db::access::purge_before(&mut uow, cutoff, batch).await?;
        uow.commit().await?;
        access_deleted += deleted;
        if deleted > 0 {
            batches += 1;
        }
        if deleted < batch {
            break;
        }
    }

    let mut uow = UnitOfWork::begin(services, actor).await?;
    let anchor = audit::anchor(uow.txn()).await?;
    let mut details = serde_json::json!({
        "audit_deleted": audit_deleted,
        "access_deleted": access_deleted,
        "before": audit::stored_time(cutoff),
        "retention_years": logs.retention_years,
        "anchor_seq": anchor.seq,
        "anchor_hash": anchor.hash,
    });
    if let Some(seq) = refused_at {
        details["refused_at_seq"] = serde_json::Value::from(seq);
        let notice = Notice::new(CHAIN_BROKEN_KIND, "protocol-retention-chain-broken-notice")
            .arg("seq", seq)
            .href(super::PATH)
            .mail(
                "protocol-retention-chain-broken-mail-subject",
                "protocol-retention-chain-broken-mail-body",
            );
        hih_users::service::report_security_event(&mut uow, notice, None).await?;
    }
    uow.event(SUMMARY_ENTITY, "*", audit::PURGE_ACTION, details);
    uow.commit().await?;

    Ok(PurgeReport {
        cutoff,
        audit_deleted,
        access_deleted,
        batches,
        anchor,
        refused_at,
    })
}

/// The daily job (03:20 UTC): [`run`]. Fails without retry when the audit chain is broken.
pub struct LogPurge;

#[async_trait::async_trait]
impl JobHandler for LogPurge {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        let report = run(&ctx.services, &ctx.actor()).await?;
        if let Some(seq) = report.refused_at {
            return Err(JobError::Permanent(format!(
                "audit chain broken at entry {seq}: audit entries kept, admins and dpo alerted"
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap()
    }

    #[test]
    fn the_cutoff_is_new_year_in_berlin() {
        // 1 January 2027, 00:00 in Berlin is 31 December 2026, 23:00 UTC.
        assert_eq!(year_start(2027).unwrap(), utc(2026, 12, 31, 23, 0));
        // 31 Dec 2026 22:59 UTC is still 2026 in Berlin; a minute later 2027.
        assert_eq!(
            cutoff(utc(2026, 12, 31, 22, 59), 1).unwrap(),
            year_start(2025).unwrap()
        );
        assert_eq!(
            cutoff(utc(2026, 12, 31, 23, 0), 1).unwrap(),
            year_start(2026).unwrap()
        );
        assert_eq!(
            cutoff(utc(2026, 12, 31, 23, 0), 0).unwrap(),
            year_start(2027).unwrap()
        );
        // In summer too the year is Berlin's.
        assert_eq!(
            cutoff(utc(2026, 7, 1, 12, 0), 1).unwrap(),
            year_start(2025).unwrap()
        );
    }

    #[test]
    fn the_next_purge_is_next_new_year() {
        let (date, then) = next_purge(utc(2026, 11, 2, 9, 0), 1).unwrap();
        assert_eq!(date, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        assert_eq!(then, year_start(2026).unwrap());
        let (_, then) = next_purge(utc(2026, 11, 2, 9, 0), 0).unwrap();
        assert_eq!(then, year_start(2027).unwrap());
    }
}

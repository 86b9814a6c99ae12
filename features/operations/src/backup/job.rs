//! The job `operations.backup`: every hour at minute 17 it backs up when the last verified
//! backup is older than `backup.interval_hours` (0: no scheduled backups); requested from the
//! page (payload `{"trigger": "page"}`) it backs up at once.

use chrono::{DateTime, Duration, Utc};
use hih_kernel::{Actor, JobContext, JobError, JobHandler, Services};

use super::error::BackupError;
use super::record::{self, Trigger};
use super::run::{Done, run};

/// Name of the job.
pub const JOB: &str = "operations.backup";

/// Its schedule: every hour at minute 17 (UTC; off the full hour other jobs use).
pub const SCHEDULE: &str = "0 17 * * * *";

/// The payload of a backup requested on the page.
pub fn page_payload() -> serde_json::Value {
    serde_json::json!({ "trigger": Trigger::Page.code() })
}

/// Whether a scheduled backup is due at `now`: scheduled backups are on, and there is no
/// verified backup yet or the last one started `interval_hours` ago — less half an hour, the
/// half of the hourly check, so a daily backup stays at its hour instead of slipping by one
/// hour each day when the last one took a moment.
pub fn due(last_ok: Option<DateTime<Utc>>, now: DateTime<Utc>, interval_hours: i64) -> bool {
    if interval_hours <= 0 {
        return false;
    }
    match last_ok {
        None => true,
        Some(at) => now - at >= Duration::hours(interval_hours) - Duration::minutes(30),
    }
}

/// The scheduled check: a backup if [`due`], else nothing (`Ok(None)`).
pub async fn scheduled(services: &Services, actor: &Actor) -> Result<Option<Done>, BackupError> {
    let last = record::latest_ok(&services.db).await?;
    let interval = services.settings.backup.interval_hours;
    if !due(last.map(|r| r.started_at), services.clock.now(), interval) {
        return Ok(None);
    }
    run(services, actor, Trigger::Schedule, None)
        .await
        .map(Some)
}

/// The job's code. A failed backup is recorded and fails the run without retry (the next
/// hourly check tries again).
pub struct BackupJob;

#[async_trait::async_trait]
impl JobHandler for BackupJob {
    async fn run(&self, ctx: &JobContext, payload: serde_json::Value) -> Result<(), JobError> {
        let actor = ctx.actor();
        let requested = payload.get("trigger").and_then(serde_json::Value::as_str)
            == Some(Trigger::Page.code());
        let result = if requested {
            run(&ctx.services, &actor, Trigger::Page, None)
                .await
                .map(Some)
        } else {
            scheduled(&ctx.services, &actor).await
        };
        result
            .map(|_| ())
            .map_err(|e| JobError::Permanent(e.message(&ctx.services.texts)))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use chrono::TimeZone;

    use super::*;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, h, m, 0).single().unwrap()
    }

    #[test]
    fn a_backup_is_due_when_the_last_is_old_enough() {
        assert!(due(None, at(9, 17), 24), "no backup yet");
        assert!(!due(None, at(9, 17), 0), "0 turns scheduled backups off");
        let last = at(3, 17) - Duration::days(1) + Duration::seconds(40);
        assert!(due(Some(last), at(3, 17), 24), "the same hour next day");
        assert!(!due(Some(last), at(2, 17), 24), "an hour early");
        assert!(!due(Some(at(8, 17)), at(9, 17), 2));
        assert!(due(Some(at(7, 17)), at(9, 17), 2));
    }
}

//! The evaluation: a pure function from [`Facts`] and the settings to the list of checks, each
//! ok, a warning or a problem with a precise German message (a text key with arguments) that
//! says what is wrong and what to do. The page, the status job and the tile all judge with it.
//!
//! | check | problem | warning |
//! |---|---|---|
//! | database | not reachable | a trivial query slower than `status.db_latency_warn_ms` |
//! | migrations | migrations pending | – |
//! | write | the write probe fails | – |
//! | workers | no worker alive | an instance silent for more than [`DEAD_WORKER_SECS`] s (and none alive on its host) |
//! | queue | – | the oldest due job waits longer than `status.queue_max_wait_minutes` |
//! | failed-jobs | jobs failed for good within `status.failed_window_hours` | – |
//! | mail | SMTP without `mail.smtp_url`; mails given up on within the window | the oldest undelivered mail waits longer than `status.mail_max_wait_minutes` |
//! | disk | less than `status.disk_min_free_mb` free | less than twice that |
//! | backup | none yet, or the last attempt failed (while `backup.interval_hours` > 0) | the last good one older than `status.backup_max_age_hours` (default twice the interval) |
//! | audit | the chain is broken | never verified, or not for more than three days |
//! | contributed (postcodes) | as the feature says | as the feature says |
//!
//! A fact that could not be read is a problem of its check. Version and instances are
//! information only.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Berlin;
use hih_jobs::DEAD_WORKER_SECS;
use hih_kernel::{MailMode, Settings, StatusFinding, StatusLevel};
use serde::Serialize;

use super::disk;
use super::facts::{Fact, Facts, Unreadable};
use super::state::{Degradation, Seen};
use crate::backup::record;

/// Where the job dashboard is (the jobs part's page).
const JOBS_PAGE: &str = crate::jobs::PATH;
/// The job dashboard filtered to the runs that failed for good.
const FAILED_JOBS_PAGE: &str = "/system/jobs?status=failed";
/// Where the backups are listed.
const BACKUPS_PAGE: &str = crate::backup::PATH;
/// Where admins read the mail outbox.
const OUTBOX_PAGE: &str = "/admin/postausgang";
/// Hours after which the last verification of the audit chain is stale: the daily job
/// `db.audit-verify` has missed three runs.
const AUDIT_MAX_AGE_HOURS: i64 = 72;
/// Longest error text quoted in a message.
const ERROR_MAX: usize = 300;

/// One check with its result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// Stable key (`backup`).
    pub key: &'static str,
    /// Text key of its name.
    pub label_key: &'static str,
    /// What it found.
    pub finding: StatusFinding,
}

impl Check {
    fn new(key: &'static str, label_key: &'static str, finding: StatusFinding) -> Self {
        Check {
            key,
            label_key,
            finding,
        }
    }

    /// Ok, warning or problem.
    pub fn level(&self) -> StatusLevel {
        self.finding.level
    }
}

/// Every check, problems first, then warnings, then the good ones (each group in the order
/// of the table above).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The checks.
    pub checks: Vec<Check>,
}

impl Report {
    /// "System betriebsbereit": every check is ok.
    pub fn is_ok(&self) -> bool {
        self.checks.iter().all(|c| c.level() == StatusLevel::Ok)
    }

    /// How many checks found a problem.
    pub fn problems(&self) -> usize {
        self.count(StatusLevel::Problem)
    }

    /// How many checks warn.
    pub fn warnings(&self) -> usize {
        self.count(StatusLevel::Warning)
    }

    fn count(&self, level: StatusLevel) -> usize {
        self.checks.iter().filter(|c| c.level() == level).count()
    }

    /// The check with this key.
    pub fn check(&self, key: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.key == key)
    }

    /// The checks that are not ok (problems first).
    pub fn findings(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| c.level() != StatusLevel::Ok)
    }

    /// The degraded state this report stands for: which check reports which kind of
    /// trouble, without the numbers that change every minute.
    pub fn degradation(&self, now: DateTime<Utc>) -> Degradation {
        let findings: BTreeSet<Seen> = self
            .findings()
            .map(|c| Seen {
                check: c.key.to_string(),
                text_key: c.finding.text_key.clone(),
                level: match c.level() {
                    StatusLevel::Problem => "problem".to_string(),
                    _ => "warning".to_string(),
                },
            })
            .collect();
        Degradation {
            since: (!findings.is_empty()).then_some(now),
            findings: findings.into_iter().collect(),
        }
    }
}

/// A time as people read it here: `TT.MM.JJJJ HH:MM`, Europe/Berlin.
pub fn when(at: DateTime<Utc>) -> String {
    at.with_timezone(&Berlin)
        .format("%d.%m.%Y %H:%M")
        .to_string()
}

/// An error text short enough to quote.
fn quote(error: Option<&str>) -> String {
    let text = error.unwrap_or("").trim();
    if text.chars().count() <= ERROR_MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(ERROR_MAX).collect();
    format!("{cut}…")
}

fn ok(key: &str) -> StatusFinding {
    StatusFinding::new(StatusLevel::Ok, key)
}

fn warning(key: &str) -> StatusFinding {
    StatusFinding::new(StatusLevel::Warning, key)
}

fn problem(key: &str) -> StatusFinding {
    StatusFinding::new(StatusLevel::Problem, key)
}

/// The problem of a check whose facts could not be read.
fn unreadable(why: Unreadable) -> StatusFinding {
    match why {
        Unreadable::Storage => problem("operations-status-unreadable-storage"),
        Unreadable::Database => problem("operations-status-unreadable"),
    }
}

/// Judges a fact, or reports that it could not be read.
fn judge<T>(fact: &Fact<T>, f: impl FnOnce(&T) -> StatusFinding) -> StatusFinding {
    match fact {
        Ok(value) => f(value),
        Err(why) => unreadable(*why),
    }
}

fn database(facts: &Facts, settings: &Settings) -> StatusFinding {
    match facts.db_latency_ms {
        Err(_) => problem("operations-status-database-unreachable"),
        Ok(ms) if ms > settings.status.db_latency_warn_ms => {
            warning("operations-status-database-slow")
                .arg("ms", ms)
                .arg("limit", settings.status.db_latency_warn_ms)
        }
        Ok(ms) => ok("operations-status-database-ok").arg("ms", ms),
    }
}

fn migrations(facts: &Facts) -> StatusFinding {
    judge(&facts.pending_migrations, |&n| {
        if n == 0 {
            ok("operations-status-migrations-ok")
        } else {
            problem("operations-status-migrations-pending").arg("count", n)
        }
    })
}

fn write(facts: &Facts) -> StatusFinding {
    match facts.write_probe {
        Ok(()) => ok("operations-status-write-ok"),
        Err(Unreadable::Storage) => problem("operations-status-write-storage"),
        Err(Unreadable::Database) => problem("operations-status-write-failed"),
    }
}

/// A worker's instance as people read it: `host (PID n)`.
fn instance(host: &str, pid: Option<u32>) -> String {
    match pid {
        Some(pid) => format!("{host} (PID {pid})"),
        None => host.to_string(),
    }
}

fn workers(facts: &Facts) -> StatusFinding {
    judge(&facts.workers, |list| {
        let live: Vec<_> = list.iter().filter(|w| w.is_alive()).collect();
        let Some(freshest) = list.iter().map(|w| w.seen_secs_ago).min() else {
            return problem("operations-status-workers-none").href(JOBS_PAGE);
        };
        if live.is_empty() {
            let held: i64 = list.iter().map(|w| w.held).sum();
            return problem("operations-status-workers-dead")
                .arg("minutes", freshest / 60)
                .arg("held", held)
                .href(JOBS_PAGE);
        }
        let live_hosts: BTreeSet<&str> = live.iter().map(|w| w.host.as_str()).collect();
        let silent: Vec<_> = list
            .iter()
            .filter(|w| !w.is_alive() && !live_hosts.contains(w.host.as_str()))
            .collect();
        if let Some(latest) = silent.iter().map(|w| w.seen_secs_ago).min() {
            let hosts: BTreeSet<String> = silent.iter().map(|w| instance(&w.host, w.pid)).collect();
            return warning("operations-status-workers-silent")
                .arg(
                    "instances",
                    hosts.into_iter().collect::<Vec<_>>().join(", "),
                )
                .arg("count", silent.len())
                .arg("minutes", latest / 60)
                .arg("limit", DEAD_WORKER_SECS)
                .href(JOBS_PAGE);
        }
        ok("operations-status-workers-ok")
            .arg("count", live.len())
            .arg("seconds", freshest)
    })
}

fn queue(facts: &Facts, settings: &Settings) -> StatusFinding {
    let limit = settings.status.queue_max_wait_minutes;
    judge(&facts.queue, |q| match q.oldest_due_secs {
        Some(waited) if waited > limit.saturating_mul(60) => {
            warning("operations-status-queue-congested")
                .arg("due", q.due)
                .arg("minutes", waited / 60)
                .arg("limit", limit)
                .href(JOBS_PAGE)
        }
        _ => ok("operations-status-queue-ok")
            .arg("due", q.due)
            .arg("running", q.in_progress)
            .arg("scheduled", q.scheduled),
    })
}

fn failed_jobs(facts: &Facts, settings: &Settings) -> StatusFinding {
    let hours = settings.status.failed_window_hours;
    judge(&facts.failed_jobs, |f| match &f.latest {
        Some(latest) if f.count > 0 => problem("operations-status-failed-jobs")
            .arg("count", f.count)
            .arg("hours", hours)
            .arg("job", latest.job.clone().unwrap_or_default())
            .arg("error", quote(latest.error.as_deref()))
            .href(FAILED_JOBS_PAGE),
        _ => ok("operations-status-failed-none").arg("hours", hours),
    })
}

fn mail(facts: &Facts, settings: &Settings) -> StatusFinding {
    let limit = settings.status.mail_max_wait_minutes;
    judge(&facts.mail, |m| {
        if m.mode == MailMode::Outbox {
            return ok("operations-status-mail-outbox")
                .arg("count", m.in_outbox)
                .href(OUTBOX_PAGE);
        }
        if !m.smtp_configured {
            return problem("operations-status-mail-unconfigured");
        }
        if m.failed > 0 {
            return problem("operations-status-mail-failed")
                .arg("count", m.failed)
                .arg("hours", settings.status.failed_window_hours)
                .arg("error", quote(m.last_error.as_deref()))
                .href(OUTBOX_PAGE);
        }
        match m.oldest_waiting {
            Some(oldest) if (facts.now - oldest).num_minutes() > limit => {
                warning("operations-status-mail-waiting")
                    .arg("waiting", m.waiting)
                    .arg("minutes", (facts.now - oldest).num_minutes())
                    .arg("limit", limit)
                    .href(OUTBOX_PAGE)
            }
            _ => ok("operations-status-mail-ok").arg("waiting", m.waiting),
        }
    })
}

fn disk(facts: &Facts, settings: &Settings) -> StatusFinding {
    let dir = facts.data_dir.clone();
    let space = match &facts.disk {
        Ok(space) => space,
        Err(error) => {
            return problem("operations-status-disk-unreadable")
                .arg("dir", dir)
                .arg("error", quote(Some(error)));
        }
    };
    let min_mb = settings.status.disk_min_free_mb;
    let limit = disk::human(min_mb.saturating_mul(1024 * 1024));
    let free = disk::human(space.free_bytes);
    if space.free_mb() < min_mb {
        problem("operations-status-disk-low")
            .arg("free", free)
            .arg("limit", limit)
            .arg("dir", dir)
    } else if space.free_mb() < min_mb.saturating_mul(2) {
        warning("operations-status-disk-tight")
            .arg("free", free)
            .arg("limit", disk::human(min_mb.saturating_mul(2 * 1024 * 1024)))
            .arg("dir", dir)
    } else {
        ok("operations-status-disk-ok")
            .arg("free", free)
            .arg("total", disk::human(space.total_bytes))
            .arg("percent", space.free_percent())
            .arg("dir", dir)
    }
}

fn backup(facts: &Facts, settings: &Settings) -> StatusFinding {
    let interval = settings.backup.interval_hours;
    let max_age = settings
        .status
        .backup_max_age_hours
        .unwrap_or_else(|| interval.saturating_mul(2));
    judge(&facts.backups, |b| {
        let finding = if interval <= 0 {
            match &b.latest_ok {
                Some(last) => ok("operations-status-backup-off-last")
                    .arg("at", when(last.finished_at.unwrap_or(last.started_at))),
                None => ok("operations-status-backup-off"),
            }
        } else {
            match (&b.latest, &b.latest_ok) {
                (Some(last), _) if last.outcome == record::FAILED => {
                    problem("operations-status-backup-failed")
                        .arg("at", when(last.started_at))
                        .arg("error", quote(last.error.as_deref()))
                }
                (_, Some(good)) => {
                    let at = good.finished_at.unwrap_or(good.started_at);
                    let hours = (facts.now - at).num_hours();
                    if hours > max_age {
                        warning("operations-status-backup-old")
                            .arg("hours", hours)
                            .arg("at", when(at))
                            .arg("interval", interval)
                    } else {
                        ok("operations-status-backup-ok").arg("at", when(at)).arg(
                            "size",
                            disk::human(good.size_bytes.unwrap_or(0).max(0) as u64),
                        )
                    }
                }
                _ => problem("operations-status-backup-none"),
            }
        };
        finding.href(BACKUPS_PAGE)
    })
}

fn audit(facts: &Facts) -> StatusFinding {
    judge(&facts.audit, |v| match v {
        None => warning("operations-status-audit-unverified"),
        Some(v) if v.intact && (facts.now - v.verified_at).num_hours() > AUDIT_MAX_AGE_HOURS => {
            warning("operations-status-audit-stale")
                .arg("seq", v.up_to_seq)
                .arg("at", when(v.verified_at))
                .arg("days", (facts.now - v.verified_at).num_days())
                .href(JOBS_PAGE)
        }
        Some(v) if v.intact => ok("operations-status-audit-ok")
            .arg("seq", v.up_to_seq)
            .arg("at", when(v.verified_at)),
        Some(v) => problem("operations-status-audit-broken")
            .arg("seq", v.up_to_seq)
            .arg("at", when(v.verified_at))
            .arg("problem", quote(v.problem.as_deref())),
    })
}

fn version(facts: &Facts) -> StatusFinding {
    let instances: BTreeSet<String> = match &facts.workers {
        Ok(list) => list
            .iter()
            .filter(|w| w.is_alive())
            .map(|w| instance(&w.host, w.pid))
            .collect(),
        Err(_) => BTreeSet::new(),
    };
    if instances.is_empty() {
        return ok("operations-status-version-alone").arg("version", facts.version);
    }
    ok("operations-status-version")
        .arg("version", facts.version)
        .arg("count", instances.len())
        .arg(
            "instances",
            instances.into_iter().collect::<Vec<_>>().join(", "),
        )
}

/// Judges the facts.
pub fn evaluate(facts: &Facts, settings: &Settings) -> Report {
    let mut checks = vec![
        Check::new(
            "database",
            "operations-status-check-database",
            database(facts, settings),
        ),
        Check::new(
            "migrations",
            "operations-status-check-migrations",
            migrations(facts),
        ),
        Check::new("write", "operations-status-check-write", write(facts)),
        Check::new("workers", "operations-status-check-workers", workers(facts)),
        Check::new(
            "queue",
            "operations-status-check-queue",
            queue(facts, settings),
        ),
        Check::new(
            "failed-jobs",
            "operations-status-check-failed-jobs",
            failed_jobs(facts, settings),
        ),
        Check::new(
            "mail",
            "operations-status-check-mail",
            mail(facts, settings),
        ),
        Check::new(
            "disk",
            "operations-status-check-disk",
            disk(facts, settings),
        ),
        Check::new(
            "backup",
            "operations-status-check-backup",
            backup(facts, settings),
        ),
        Check::new("audit", "operations-status-check-audit", audit(facts)),
    ];
    for c in &facts.contributed {
        let finding = match &c.finding {
            Ok(finding) => finding.clone(),
            Err(why) => unreadable(*why),
        };
        checks.push(Check::new(c.key, c.label_key, finding));
    }
    checks.push(Check::new(
        "version",
        "operations-status-check-version",
        version(facts),
    ));
    checks.sort_by_key(|c| c.level());
    Report { checks }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use hih_jobs::health::{FailedRun, FailedRuns, QueueDepth, WorkerBeat};

    use super::*;
    use crate::status::facts::{BackupFacts, MailFacts};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).single().unwrap()
    }

    fn beat(host: &str, ago: i64) -> WorkerBeat {
        WorkerBeat {
            id: format!("hih-jobs-{host}-1-01JDZQ7W3K9V5T2M8X4N6B0C1D-r0"),
            host: host.into(),
            pid: Some(1),
            seen_secs_ago: ago,
            held: 0,
        }
    }

    fn backup_row(outcome: &str, hours_ago: i64) -> crate::backup::entity::Model {
        let at = now() - chrono::Duration::hours(hours_ago);
        crate::backup::entity::Model {
            id: 1,
            started_at: at,
            finished_at: Some(at),
            trigger: "schedule".into(),
            backend: "sqlite".into(),
            path: None,
            size_bytes: Some(2048 * 1024 * 1024),
            sha256: None,
            outcome: outcome.into(),
            error: (outcome == record::FAILED).then(|| "pg_dump nicht gefunden".into()),
            pruned_at: None,
        }
    }

    /// Facts of a healthy system.
    fn healthy() -> Facts {
        Facts {
            now: now(),
            db_latency_ms: Ok(1),
            pending_migrations: Ok(0),
            write_probe: Ok(()),
            workers: Ok(vec![beat("web-1", 5)]),
            queue: Ok(QueueDepth::default()),
            failed_jobs: Ok(FailedRuns::default()),
            mail: Ok(MailFacts {
                mode: MailMode::Smtp,
                smtp_configured: true,
                in_outbox: 0,
                waiting: 0,
                oldest_waiting: None,
                failed: 0,
                last_error: None,
            }),
            data_dir: "data".into(),
            disk: Ok(disk::DiskSpace {
                free_bytes: 50 * 1024 * 1024 * 1024,
                total_bytes: 100 * 1024 * 1024 * 1024,
            }),
            backups: Ok(BackupFacts {
                latest: Some(backup_row(record::OK, 3)),
                latest_ok: Some(backup_row(record::OK, 3)),
            }),
            audit: Ok(Some(hih_db::entities::audit_verification::Model {
                id: 1,
                verified_at: now(),
                from_seq: 1,
                up_to_seq: 42,
                up_to_hash: None,
                entries: 42,
                intact: true,
                problem: None,
            })),
            contributed: Vec::new(),
            version: "1.2.3",
        }
    }

    fn key_of(report: &Report, check: &str) -> (StatusLevel, String) {
        let c = report.check(check).unwrap();
        (c.level(), c.finding.text_key.clone())
    }

    #[test]
    fn a_healthy_system_is_ready() {
        let report = evaluate(&healthy(), &Settings::default());
        assert!(report.is_ok(), "{report:#?}");
        assert!(report.degradation(now()).is_ok());
        assert_eq!(
            key_of(&report, "version"),
            (StatusLevel::Ok, "operations-status-version".into())
        );
    }

    #[test]
    fn each_fault_is_found_and_problems_come_first() {
        let settings = Settings::default();
        let mut f = healthy();
        f.workers = Ok(vec![beat("web-1", 5), beat("web-2", 600)]);
        f.failed_jobs = Ok(FailedRuns {
            count: 2,
            latest: Some(FailedRun {
                id: "x".into(),
                job: Some("reports.generate".into()),
                error: Some("x".repeat(400)),
                ended_secs_ago: 60,
            }),
        });
        f.backups = Ok(BackupFacts {
            latest: Some(backup_row(record::OK, 60)),
            latest_ok: Some(backup_row(record::OK, 60)),
        });
        f.pending_migrations = Ok(1);
        f.write_probe = Err(Unreadable::Storage);
        let report = evaluate(&f, &settings);
        assert_eq!(report.problems(), 3);
        assert_eq!(report.warnings(), 2);
        let order: Vec<StatusLevel> = report.checks.iter().map(Check::level).collect();
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(order, sorted, "problems, then warnings, then ok");
        assert_eq!(
            key_of(&report, "workers"),
            (
                StatusLevel::Warning,
                "operations-status-workers-silent".into()
            )
        );
        let failed = report.check("failed-jobs").unwrap();
        assert_eq!(
            failed.finding.args["error"]
                .as_str()
                .unwrap()
                .chars()
                .count(),
            301
        );
        assert_eq!(
            key_of(&report, "backup"),
            (StatusLevel::Warning, "operations-status-backup-old".into())
        );
        assert_eq!(
            key_of(&report, "write").1,
            "operations-status-write-storage"
        );
        let d = report.degradation(now());
        assert_eq!(d.findings.len(), 5);
        assert_eq!(d.problems(), 3);
    }

    #[test]
    fn workers_dead_or_missing_stop_the_jobs() {
        let settings = Settings::default();
        let mut f = healthy();
        f.workers = Ok(Vec::new());
        assert_eq!(
            key_of(&evaluate(&f, &settings), "workers").1,
            "operations-status-workers-none"
        );
        f.workers = Ok(vec![beat("web-1", DEAD_WORKER_SECS + 1)]);
        assert_eq!(
            key_of(&evaluate(&f, &settings), "workers"),
            (
                StatusLevel::Problem,
                "operations-status-workers-dead".into()
            )
        );
        // A restarted instance: its old worker is silent, a new one on the same host beats.
        f.workers = Ok(vec![beat("web-1", 3), beat("web-1", 4000)]);
        assert!(evaluate(&f, &settings).is_ok());
    }

    #[test]
    fn backups_are_judged_by_the_interval() {
        let mut settings = Settings::default();
        let mut f = healthy();
        f.backups = Ok(BackupFacts::default());
        assert_eq!(
            key_of(&evaluate(&f, &settings), "backup"),
            (StatusLevel::Problem, "operations-status-backup-none".into())
        );
        f.backups = Ok(BackupFacts {
            latest: Some(backup_row(record::FAILED, 1)),
            latest_ok: Some(backup_row(record::OK, 25)),
        });
        assert_eq!(
            key_of(&evaluate(&f, &settings), "backup").1,
            "operations-status-backup-failed"
        );
        settings.backup.interval_hours = 0;
        assert_eq!(
            key_of(&evaluate(&f, &settings), "backup"),
            (StatusLevel::Ok, "operations-status-backup-off-last".into())
        );
        settings.backup.interval_hours = 24;
        settings.status.backup_max_age_hours = Some(2);
        f.backups = Ok(BackupFacts {
            latest: Some(backup_row(record::OK, 3)),
            latest_ok: Some(backup_row(record::OK, 3)),
        });
        assert_eq!(
            key_of(&evaluate(&f, &settings), "backup").1,
            "operations-status-backup-old"
        );
    }

    #[test]
    fn mail_disk_queue_and_audit_thresholds() {
        let settings = Settings::default();
        let mut f = healthy();
        if let Ok(m) = &mut f.mail {
            m.waiting = 3;
            m.oldest_waiting = Some(now() - chrono::Duration::minutes(45));
        }
        f.disk = Ok(disk::DiskSpace {
            free_bytes: 1500 * 1024 * 1024,
            total_bytes: 100 * 1024 * 1024 * 1024,
        });
        f.queue = Ok(QueueDepth {
            due: 12,
            oldest_due_secs: Some(20 * 60),
            scheduled: 0,
            in_progress: 1,
        });
        f.audit = Ok(None);
        let report = evaluate(&f, &settings);
        let mut stale = healthy();
        if let Ok(Some(v)) = &mut stale.audit {
            v.verified_at = now() - chrono::Duration::hours(80);
        }
        assert_eq!(
            key_of(&evaluate(&stale, &settings), "audit"),
            (StatusLevel::Warning, "operations-status-audit-stale".into())
        );
        assert_eq!(
            key_of(&report, "mail"),
            (
                StatusLevel::Warning,
                "operations-status-mail-waiting".into()
            )
        );
        assert_eq!(
            key_of(&report, "disk"),
            (StatusLevel::Warning, "operations-status-disk-tight".into())
        );
        assert_eq!(
            key_of(&report, "queue"),
            (
                StatusLevel::Warning,
                "operations-status-queue-congested".into()
            )
        );
        assert_eq!(
            key_of(&report, "audit"),
            (
                StatusLevel::Warning,
                "operations-status-audit-unverified".into()
            )
        );
        f.disk = Ok(disk::DiskSpace {
            free_bytes: 100 * 1024 * 1024,
            total_bytes: 100 * 1024 * 1024 * 1024,
        });
        f.mail = Err(Unreadable::Database);
        let report = evaluate(&f, &settings);
        assert_eq!(
            key_of(&report, "disk"),
            (StatusLevel::Problem, "operations-status-disk-low".into())
        );
        assert_eq!(key_of(&report, "mail").1, "operations-status-unreadable");
    }
}

//! The collector: reads every fact the status checks judge — from the database, apalis'
//! tables, the file system and the checks other features contribute. It judges nothing
//! ([`super::checks::evaluate`] does), so tests can build facts by hand as well.
//!
//! A fact that cannot be read is kept as [`Unreadable`] (the error goes to the log), so one
//! failing read never hides the other checks.

use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use hih_db::entities::{audit_verification, mail_outbox};
use hih_jobs::health::{self, FailedRuns, QueueDepth, WorkerBeat};
use hih_kernel::{AppError, MailMode, Services, StatusFinding};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Statement,
};

use super::disk::{self, DiskSpace};
use crate::backup::{entity as backup_run, record};

/// Why a fact could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// The storage refused (disk full, I/O error).
    Storage,
    /// The database answered with another error or not at all.
    Database,
}

/// A fact, or why it could not be read.
pub type Fact<T> = Result<T, Unreadable>;

fn fact<T>(what: &str, result: Result<T, AppError>) -> Fact<T> {
    result.map_err(|error| {
        tracing::warn!(%error, fact = what, "status check could not read a fact");
        match error {
            AppError::Storage(_) => Unreadable::Storage,
            _ => Unreadable::Database,
        }
    })
}

/// What the mail check judges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailFacts {
    /// `outbox` or `smtp` (setting `mail.mode`).
    pub mode: MailMode,
    /// Whether `mail.smtp_url` is set.
    pub smtp_configured: bool,
    /// Mails kept in the outbox (outbox mode).
    pub in_outbox: u64,
    /// Mails waiting for delivery (SMTP mode).
    pub waiting: u64,
    /// When the oldest of them was queued.
    pub oldest_waiting: Option<DateTime<Utc>>,
    /// Mails given up on (five failed attempts) within the failure window.
    pub failed: u64,
    /// The last error of the latest of them.
    pub last_error: Option<String>,
}

/// What the backup check judges.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BackupFacts {
    /// The latest finished attempt (ok or failed).
    pub latest: Option<backup_run::Model>,
    /// The latest successful backup.
    pub latest_ok: Option<backup_run::Model>,
}

/// A check another feature contributes, with what it found.
#[derive(Debug, Clone, PartialEq)]
pub struct Contributed {
    /// The check's key.
    pub key: &'static str,
    /// Text key of its name.
    pub label_key: &'static str,
    /// What it found.
    pub finding: Fact<StatusFinding>,
}

/// Everything the checks judge, read at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The clock's "now" (ages of backups and mails are measured from it).
    pub now: DateTime<Utc>,
    /// How long a trivial query took, in milliseconds.
    pub db_latency_ms: Fact<u64>,
    /// Migrations this program has that the database lacks.
    pub pending_migrations: Fact<usize>,
    /// Whether a real write committed.
    pub write_probe: Fact<()>,
    /// Job workers seen within a day.
    pub workers: Fact<Vec<WorkerBeat>>,
    /// The queue's depth.
    pub queue: Fact<QueueDepth>,
    /// Jobs that failed for good within the failure window.
    pub failed_jobs: Fact<FailedRuns>,
    /// Mail transport and undelivered mail.
    pub mail: Fact<MailFacts>,
    /// The data directory (setting `data_dir`).
    pub data_dir: String,
    /// Its free space, or why it could not be read.
    pub disk: Result<DiskSpace, String>,
    /// The latest backups.
    pub backups: Fact<BackupFacts>,
    /// The latest verification of the audit chain.
    pub audit: Fact<Option<audit_verification::Model>>,
    /// Checks of other features (postcodes).
    pub contributed: Vec<Contributed>,
    /// This program's version.
    pub version: &'static str,
}

async fn latency(services: &Services) -> Result<u64, AppError> {
    let db = &services.db;
    let started = Instant::now();
    db.query_one_raw(Statement::from_string(
        db.get_database_backend(),
        "SELECT 1".to_string(),
    ))
    .await?;
    Ok(u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX))
}

async fn mail(services: &Services, now: DateTime<Utc>) -> Result<MailFacts, AppError> {
    use mail_outbox::{Column, Entity};
    let db = &services.db;
    let settings = &services.settings;
    let with_status = |s: &str| Entity::find().filter(Column::Status.eq(s));
    let oldest = with_status("queued")
        .order_by_asc(Column::CreatedAt)
        .order_by_asc(Column::Id)
        .one(db)
        .await?;
    let window = now - Duration::hours(settings.status.failed_window_hours);
    let failed = with_status("failed").filter(Column::CreatedAt.gte(window));
    let latest_failed = failed
        .clone()
        .order_by_desc(Column::CreatedAt)
        .order_by_desc(Column::Id)
        .one(db)
        .await?;
    Ok(MailFacts {
        mode: settings.mail.mode,
        smtp_configured: settings.mail.smtp_url.is_some(),
        in_outbox: with_status("outbox").count(db).await?,
        waiting: with_status("queued").count(db).await?,
        oldest_waiting: oldest.map(|m| m.created_at),
        failed: failed.count(db).await?,
        last_error: latest_failed.and_then(|m| m.last_error),
    })
}

async fn backups(services: &Services) -> Result<BackupFacts, AppError> {
    Ok(BackupFacts {
        latest: record::latest(&services.db).await?,
        latest_ok: record::latest_ok(&services.db).await?,
    })
}

/// Reads every fact now.
pub async fn collect(services: &Services) -> Facts {
    let db = &services.db;
    let settings = &services.settings;
    let now = services.clock.now();
    let window_secs = settings.status.failed_window_hours.saturating_mul(3600);
    let mut contributed = Vec::new();
    for check in services.status_checks.0.iter() {
        contributed.push(Contributed {
            key: check.key(),
            label_key: check.label_key(),
            finding: fact(check.key(), check.check(services).await),
        });
    }
    Facts {
        now,
        db_latency_ms: fact("database", latency(services).await),
        pending_migrations: fact(
            "migrations",
            hih_migrations::pending(db).await.map_err(AppError::from),
        ),
        write_probe: fact("write", hih_db::maintenance::write_probe(db).await),
        workers: fact("workers", health::workers(db).await),
        queue: fact("queue", health::queue(db).await),
        failed_jobs: fact("failed-jobs", health::failed(db, window_secs).await),
        mail: fact("mail", mail(services, now).await),
        data_dir: settings.data_dir.clone(),
        disk: disk::space(Path::new(&settings.data_dir)).map_err(|e| e.to_string()),
        backups: fact("backup", backups(services).await),
        audit: fact("audit", hih_db::audit::latest_verification(db).await),
        contributed,
        version: env!("CARGO_PKG_VERSION"),
    }
}

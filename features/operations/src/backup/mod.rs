//! Backups and restore (R-OPS-3):
//! - [`run`]: one backup, whoever starts it (`hih backup`, the job, the page): SQLite through
//!   SQLite's online backup API ([`sqlite`]), PostgreSQL through `pg_dump` ([`postgres`]);
//!   every copy verified ([`verify`]: integrity, audit chain), written with mode 0600 under a
//!   UTC-timestamped name ([`files`]), recorded in `backup_run` ([`record`]), old files
//!   pruned beyond `backup.keep`;
//! - [`job`]: `operations.backup`, hourly; backs up when the last verified backup is older
//!   than `backup.interval_hours`;
//! - [`restore`]: `hih restore FILE [--force]` into an empty data directory or database;
//! - `/system/backups` ([`routes`]): the record and "Sicherung jetzt anlegen".
//!
//! Failures are [`error::BackupError`]s with German operator messages. Texts
//! `operations-backup-*` in `i18n/*/operations_backup.ftl`; operator notes in `ops/backup.md`.

pub mod entity;
pub mod error;
pub mod files;
pub mod job;
pub mod postgres;
pub mod record;
pub mod restore;
pub mod routes;
pub mod run;
pub mod sqlite;
pub mod verify;

use std::sync::Arc;

use hih_i18n::Locale;
use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get};

use crate::permissions::BACKUPS;

pub use error::BackupError;
pub use record::Trigger;
pub use run::{Done, run};
pub use verify::ChainCheck;

/// Path of the backup list.
pub const PATH: &str = "/system/backups";

/// Path of the confirmation page of "Sicherung jetzt anlegen" (GET) and of the request (POST).
pub const CONFIRM_PATH: &str = "/system/backups/anlegen";

/// Registers this part's routes, templates, texts and the hourly job.
pub fn register(r: &mut Registry) {
    r.texts(
        Locale::De,
        include_str!("../../../../i18n/de/operations_backup.ftl"),
    );
    r.texts(
        Locale::En,
        include_str!("../../../../i18n/en/operations_backup.ftl"),
    );
    hih_kernel::templates!(
        r,
        "operations/",
        "../../templates/",
        ["backup/list.html", "backup/confirm.html"]
    );
    r.audit_entity("backup_run");
    r.job(job::JOB, "job-operations-backup", Arc::new(job::BackupJob));
    r.cron(job::JOB, job::SCHEDULE);
    let access = Access::Permission(BACKUPS);
    r.routes(
        access,
        [
            (PATH, get(routes::list).boxed()),
            (
                CONFIRM_PATH,
                get(routes::confirm_form)
                    .post(routes::confirm_submit)
                    .boxed(),
            ),
        ],
    );
}

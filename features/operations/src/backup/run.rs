//! One backup, whoever starts it (`hih backup`, the hourly job, the button on the page):
//! write the copy under a temporary name with mode 0600, verify it, hash it, rename it to
//! `hih-<backend>-<UTC time>.<ext>`, record it, prune old files.
//!
//! - SQLite: SQLite's online backup API ([`super::sqlite`]), then `PRAGMA integrity_check`
//!   and the audit chain on the copy, opened read-only on a connection of its own.
//! - PostgreSQL: `pg_dump --format=custom` ([`super::postgres`]), then `pg_restore --list`
//!   must read it; if the role may create databases, the dump is restored into a scratch
//!   database, whose audit chain is verified before it is dropped — otherwise the record
//!   notes that the chain was not checked.
//!
//! Every attempt is recorded in `backup_run` through the audited unit of work (`running` at
//! the start, then `ok` with size and SHA-256, or `failed` with the operator's message); a
//! failure never panics and leaves no partial file behind.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::Duration;
use hih_db::Backend;
use hih_i18n::Locale;
use hih_kernel::{Actor, AppError, Services};
use sea_orm::{ConnectionTrait, Statement};

use super::entity::Model;
use super::error::BackupError;
use super::files::{self, file_error};
use super::postgres::{self, PgTarget};
use super::record::{self, Trigger};
use super::sqlite;
use super::verify::{self, ChainCheck};

/// A backup still `running` after this many hours never finished.
pub const UNFINISHED_HOURS: i64 = 12;

/// A backup that was written, verified and recorded.
#[derive(Debug, Clone)]
pub struct Done {
    /// Its record (outcome `ok`).
    pub record: Model,
    /// What the verification of its audit chain found.
    pub chain: ChainCheck,
    /// Older backup files deleted afterwards (`backup.keep`).
    pub pruned: usize,
}

fn join_error(e: tokio::task::JoinError) -> BackupError {
    BackupError::Sqlite(e.to_string())
}

/// The file of the live SQLite database, as SQLite itself names it.
async fn sqlite_source(services: &Services) -> Result<PathBuf, BackupError> {
    let db = &services.db;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT file FROM pragma_database_list WHERE name = 'main'",
        ))
        .await?
        .ok_or_else(|| BackupError::Sqlite("no main database".into()))?;
    let file: String = row.try_get("", "file")?;
    if file.is_empty() {
        return Err(BackupError::Sqlite("in-memory database".into()));
    }
    Ok(PathBuf::from(file))
}

/// Restores the PostgreSQL dump `file` into a scratch database and verifies its audit
/// chain there; the scratch database is dropped in any case.
async fn verify_in_scratch(
    services: &Services,
    target: &PgTarget,
    file: &Path,
) -> Result<u64, BackupError> {
    let name = postgres::scratch_name();
    postgres::create_database(&services.db, &name).await?;
    let scratch = target.with_database(&name);
    let result = async {
        postgres::restore(
            &services.settings,
            &scratch,
            file,
            false,
            Arc::new(|_, _| {}),
        )
        .await?;
        let db = scratch.connect().await?;
        let result = verify::chain_of(&db).await;
        let _ = db.close().await;
        result
    }
    .await;
    if let Err(error) = postgres::drop_database(&services.db, &name).await {
        tracing::warn!(%error, database = %name, "scratch database of the backup check not dropped");
    }
    result
}

/// Writes the copy into `partial` (which exists, mode 0600) and verifies it.
async fn write_and_verify(services: &Services, partial: &Path) -> Result<ChainCheck, BackupError> {
    match hih_db::backend(&services.db) {
        Backend::Sqlite => {
            let source = sqlite_source(services).await?;
            let dest = partial.to_path_buf();
            tokio::task::spawn_blocking(move || {
                sqlite::snapshot(&source, &dest)?;
                sqlite::integrity(&dest)
            })
            .await
            .map_err(join_error)??;
            Ok(ChainCheck::Verified(
                verify::chain_of_sqlite_file(partial).await?,
            ))
        }
        Backend::Postgres => {
            let settings = &services.settings;
            let target = PgTarget::parse(&settings.database_url())?;
            postgres::dump(settings, &target, partial).await?;
            postgres::list(settings, partial).await?;
            if postgres::may_create_databases(&services.db).await? {
                Ok(ChainCheck::Verified(
                    verify_in_scratch(services, &target, partial).await?,
                ))
            } else {
                Ok(ChainCheck::NotChecked)
            }
        }
    }
}

/// Writes, verifies and hashes the backup, then gives it its final name.
async fn produce(
    services: &Services,
    dir: Result<PathBuf, BackupError>,
    path: &Path,
) -> Result<(ChainCheck, String, u64), BackupError> {
    dir?;
    let partial = files::partial_of(path);
    files::create_private(&partial)?;
    let result = async {
        let chain = write_and_verify(services, &partial).await?;
        files::set_mode(&partial, 0o600).map_err(|e| file_error(&partial, e))?;
        let hashed = partial.clone();
        let (sha256, size) = tokio::task::spawn_blocking(move || files::sha256_and_size(&hashed))
            .await
            .map_err(join_error)??;
        std::fs::rename(&partial, path).map_err(|e| file_error(path, e))?;
        Ok((chain, sha256, size))
    }
    .await;
    if result.is_err()
        && let Err(error) = files::remove_if_exists(&partial)
    {
        tracing::warn!(%error, path = %partial.display(), "partial backup file not removed");
    }
    result
}

/// Takes one backup into `to` (default: the configured directory), records it and prunes
/// old files there. A failure is recorded with its message and returned.
pub async fn run(
    services: &Services,
    actor: &Actor,
    trigger: Trigger,
    to: Option<&Path>,
) -> Result<Done, BackupError> {
    let settings = &services.settings;
    let texts = &services.texts;
    let now = services.clock.now();
    record::close_unfinished(
        services,
        actor,
        now - Duration::hours(UNFINISHED_HOURS),
        &texts.t(Locale::De, "operations-backup-error-unfinished", &[]),
    )
    .await?;
    let backend = hih_db::backend(&services.db);
    let (dir, private) = match to {
        Some(dir) => (dir.to_path_buf(), false),
        None => (files::configured_dir(settings), true),
    };
    let prepared = files::prepare_dir(&dir, private);
    let path = files::new_path(prepared.as_deref().unwrap_or(&dir), backend, now);
    let row = record::start(
        services,
        actor,
        trigger,
        files::backend_code(backend),
        &path.display().to_string(),
    )
    .await?;
    match produce(services, prepared.clone(), &path).await {
        Ok((chain, sha256, size)) => {
            let note = (chain == ChainCheck::NotChecked)
                .then(|| texts.t(Locale::De, "operations-backup-chain-not-checked", &[]));
            let record = record::finish_ok(services, actor, &row, size, &sha256, note).await?;
            let pruned = match &prepared {
                Ok(dir) => match prune(services, actor, dir, settings.backup.keep).await {
                    Ok(n) => n,
                    Err(error) => {
                        tracing::warn!(%error, "old backups not pruned");
                        0
                    }
                },
                Err(_) => 0,
            };
            tracing::info!(path = %path.display(), size, %sha256, pruned, "backup written and verified");
            Ok(Done {
                record,
                chain,
                pruned,
            })
        }
        Err(error) => {
            let message = error.message(texts);
            tracing::error!(%error, "backup failed");
            if let Err(e) = record::finish_failed(services, actor, &row, message).await {
                tracing::error!(error = %e, "failed backup not recorded");
            }
            Err(error)
        }
    }
}

/// Deletes the files of the backups in `dir` beyond the newest `keep` (at least one is
/// always kept) and records that in their rows, which stay. Backups written elsewhere (`hih
/// backup --to`) are pruned only by runs into their own directory.
pub async fn prune(
    services: &Services,
    actor: &Actor,
    dir: &Path,
    keep: usize,
) -> Result<usize, AppError> {
    let in_dir: Vec<Model> = record::kept(&services.db)
        .await?
        .into_iter()
        .filter(|r| r.path.as_deref().map(Path::new).and_then(Path::parent) == Some(dir))
        .collect();
    let mut pruned = Vec::new();
    for row in in_dir.into_iter().skip(keep.max(1)) {
        let Some(path) = row.path.as_deref().map(Path::new) else {
            continue;
        };
        match files::remove_if_exists(path) {
            Ok(()) => pruned.push(row),
            Err(error) => {
                tracing::warn!(%error, path = %path.display(), "old backup not deleted");
            }
        }
    }
    record::mark_pruned(services, actor, &pruned).await?;
    Ok(pruned.len())
}

//! Restoring a backup (`hih restore FILE [--force]`) into the configured database, with the
//! instance stopped:
//! - SQLite: the target file (`<data_dir>/hih.db`) must not exist. The backup is copied page
//!   by page with SQLite's backup API into `hih.db.restoring`, checked (`PRAGMA
//!   integrity_check`, audit chain) and only then renamed to `hih.db` — a failed restore leaves
//!   no half-written database. `--force` replaces an existing file (its write-ahead log is
//!   removed with it).
//! - PostgreSQL: the database must hold no tables. `pg_restore` restores the dump in one
//!   transaction, objects owned by the connecting role; then the audit chain is verified.
//!   `--force` first drops the dump's objects that exist (`--clean --if-exists`).
//!
//! Progress is reported as SQLite pages or `pg_restore` items.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use hih_kernel::Settings;

use super::error::BackupError;
use super::files::{self, Kind, file_error};
use super::postgres::{self, PgTarget};
use super::sqlite;
use super::verify;

/// How the progress of a restore is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// SQLite database pages.
    Pages,
    /// Items of the `pg_restore` table of contents.
    Items,
}

/// `(done, total)` in the [`Unit`] of the configured database.
pub type Progress = Arc<dyn Fn(u64, u64) + Send + Sync>;

/// A restore that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The database file or database (without password).
    pub target: String,
    /// Audit entries verified after restoring.
    pub entries: u64,
    /// Whether data was replaced (`--force` on a target that was not empty).
    pub replaced: bool,
}

fn is_postgres(settings: &Settings) -> bool {
    let url = settings.database_url();
    url.starts_with("postgres:") || url.starts_with("postgresql:")
}

/// The progress unit for the configured database.
pub fn unit(settings: &Settings) -> Unit {
    if is_postgres(settings) {
        Unit::Items
    } else {
        Unit::Pages
    }
}

/// The SQLite file of a `sqlite:` URL.
fn sqlite_file(url: &str) -> Result<PathBuf, BackupError> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| BackupError::Url("sqlite".into()))?;
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Err(BackupError::Url("sqlite :memory:".into()));
    }
    Ok(PathBuf::from(path))
}

/// Restores `file` into the configured database. Refuses a target that is not empty unless
/// `force`; verifies the audit chain afterwards.
pub async fn restore(
    settings: &Settings,
    file: &Path,
    force: bool,
    progress: Progress,
) -> Result<Restored, BackupError> {
    let kind = files::kind_of(file)?;
    if is_postgres(settings) {
        if kind != Kind::PgDump {
            return Err(BackupError::WrongKind {
                path: file.display().to_string(),
                expected: "postgres",
            });
        }
        restore_postgres(settings, file, force, progress).await
    } else {
        if kind != Kind::Sqlite {
            return Err(BackupError::WrongKind {
                path: file.display().to_string(),
                expected: "sqlite",
            });
        }
        restore_sqlite(settings, file, force, progress).await
    }
}

/// The sidecar files of a SQLite database (write-ahead log, shared memory).
fn sidecars(target: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = target.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}

async fn restore_sqlite(
    settings: &Settings,
    file: &Path,
    force: bool,
    progress: Progress,
) -> Result<Restored, BackupError> {
    let target = sqlite_file(&settings.database_url())?;
    let exists = target.exists();
    if exists && !force {
        return Err(BackupError::TargetNotEmpty {
            target: target.display().to_string(),
        });
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| BackupError::Directory {
            dir: dir.display().to_string(),
            error: e.to_string(),
        })?;
    }
    let mut name = target.as_os_str().to_owned();
    name.push(".restoring");
    let staging = PathBuf::from(name);
    for path in std::iter::once(staging.clone()).chain(sidecars(&staging)) {
        files::remove_if_exists(&path).map_err(|e| file_error(&path, e))?;
    }
    files::create_private(&staging)?;
    let result = async {
        let (source, dest) = (file.to_path_buf(), staging.clone());
        tokio::task::spawn_blocking(move || {
            sqlite::restore(&source, &dest, &|done, total| progress(done, total))?;
            sqlite::integrity(&dest)
        })
        .await
        .map_err(|e| BackupError::Sqlite(e.to_string()))??;
        let entries = verify::chain_of_sqlite_file(&staging).await?;
        // An old write-ahead log must not be applied to the restored file.
        for path in sidecars(&target) {
            files::remove_if_exists(&path).map_err(|e| file_error(&path, e))?;
        }
        std::fs::rename(&staging, &target).map_err(|e| file_error(&target, e))?;
        Ok(entries)
    }
    .await;
    match result {
        Ok(entries) => Ok(Restored {
            target: target.display().to_string(),
            entries,
            replaced: exists,
        }),
        Err(e) => {
            let _ = files::remove_if_exists(&staging);
            Err(e)
        }
    }
}

async fn restore_postgres(
    settings: &Settings,
    file: &Path,
    force: bool,
    progress: Progress,
) -> Result<Restored, BackupError> {
    let target = PgTarget::parse(&settings.database_url())?;
    let db = target.connect().await?;
    let tables = postgres::user_tables(&db).await;
    let _ = db.close().await;
    let tables = tables?;
    if tables > 0 && !force {
        return Err(BackupError::TargetNotEmpty {
            target: target.display(),
        });
    }
    postgres::restore(settings, &target, file, tables > 0, progress).await?;
    let db = target.connect().await?;
    let entries = verify::chain_of(&db).await;
    let _ = db.close().await;
    Ok(Restored {
        target: target.display(),
        entries: entries?,
        replaced: tables > 0,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn the_sqlite_file_comes_from_the_url() {
        assert_eq!(
            sqlite_file("sqlite://data/hih.db?mode=rwc").unwrap(),
            PathBuf::from("data/hih.db")
        );
        assert_eq!(
            sqlite_file("sqlite:/var/lib/hih/hih.db").unwrap(),
            PathBuf::from("/var/lib/hih/hih.db")
        );
        assert!(sqlite_file("sqlite::memory:").is_err());
    }
}

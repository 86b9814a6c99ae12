//! Verifying a copy: its audit chain is walked on a connection of its own, in one snapshot
//! ([`hih_db::audit::verify_consistent`], the same check as `hih verify-audit`).

use std::path::Path;

use hih_db::audit::{Verification, verify_consistent};
use sea_orm::{DatabaseConnection, SqlxSqliteConnector};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

use super::error::BackupError;

/// What the verification of a backup's audit chain found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainCheck {
    /// Intact; the number of entries checked.
    Verified(u64),
    /// Not checked: the PostgreSQL role may not create the scratch database to restore the
    /// dump into (`pg_restore --list` read it).
    NotChecked,
}

/// Verifies the chain on `db`; a broken chain is an error.
pub async fn chain_of(db: &DatabaseConnection) -> Result<u64, BackupError> {
    match verify_consistent(db).await? {
        Verification::Intact(n) => Ok(n),
        Verification::Broken { seq, reason } => Err(BackupError::ChainBroken { seq, reason }),
    }
}

/// Opens the SQLite file `path` read-only on a connection of its own.
pub async fn open_sqlite_read_only(path: &Path) -> Result<DatabaseConnection, BackupError> {
    let opts = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .create_if_missing(false);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(opts)
        .await
        .map_err(|e| BackupError::Sqlite(e.to_string()))?;
    Ok(SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
}

/// Verifies the audit chain of the SQLite file `path` (a backup or a restored copy).
pub async fn chain_of_sqlite_file(path: &Path) -> Result<u64, BackupError> {
    let db = open_sqlite_read_only(path).await?;
    let result = chain_of(&db).await;
    let _ = db.close().await;
    result
}

use std::str::FromStr;
use std::time::Duration;

use hih_kernel::{AppError, Settings};
use sea_orm::{ConnectionTrait, DatabaseConnection, SqlxPostgresConnector, SqlxSqliteConnector};
use sqlx::pool::PoolConnectionMetadata;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};

/// Which database engine a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The embedded default.
    Sqlite,
    /// For several instances.
    Postgres,
}

/// The backend of a connection.
pub fn backend(db: &DatabaseConnection) -> Backend {
    match db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

/// Opens the database named by the settings.
///
/// SQLite pragmas: WAL (readers never block the writer), `synchronous=FULL` (every commit is
/// on disk before we answer — business writes are few and a lost commit after a power cut is
/// worse than a millisecond), `foreign_keys=ON`, `secure_delete=ON` (deleted personal data is
/// overwritten, not left in free pages), busy timeout 5 s; the page cache, memory map and pool
/// size from the settings (`database.sqlite_*`, `ops/performance.md`).
pub async fn connect(settings: &Settings) -> Result<DatabaseConnection, AppError> {
    let url = settings.database_url();
    let db = &settings.database;
    if url.starts_with("sqlite:") {
        if let Some(path) = sqlite_path(&url)
            && let Some(dir) = std::path::Path::new(&path).parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(AppError::internal)?;
        }
        let opts = SqliteConnectOptions::from_str(&url)
            .map_err(AppError::internal)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .pragma("secure_delete", "ON")
            .pragma("cache_size", format!("-{}", db.sqlite_cache_kib))
            .pragma(
                "mmap_size",
                (u64::from(db.sqlite_mmap_mib) * 1024 * 1024).to_string(),
            )
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(db.max_connections.max(2))
            .after_release(|conn, meta| Box::pin(still_clean(conn, meta)))
            .connect_with(opts)
            .await
            .map_err(AppError::internal)?;
        let db = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
        // Statistics for the planner, limited so it stays fast on a large file (see
        // `maintenance`).
        db.execute_unprepared("PRAGMA optimize=0x10002").await?;
        Ok(db)
    } else {
        let opts = PgConnectOptions::from_str(&url)
            .map_err(AppError::internal)?
            .disable_statement_logging();
        let pool = PgPoolOptions::new()
            .max_connections(settings.database.max_connections)
            .after_release(|conn, meta| Box::pin(still_clean(conn, meta)))
            .connect_with(opts)
            .await
            .map_err(AppError::internal)?;
        Ok(SqlxPostgresConnector::from_sqlx_postgres_pool(pool))
    }
}

/// Whether a connection handed back to the pool may be used again (R-NFR-4: safe failure).
///
/// A failed `COMMIT` (disk full, I/O error) makes SQLite roll the transaction back by itself;
/// the driver's own rollback then fails, and the connection would keep counting an open
/// transaction: every later "transaction" on it became a savepoint of nothing, writes kept
/// failing with "database is locked" until a restart, and a later "commit" could be
/// acknowledged without reaching the file. So after the connection has processed everything
/// queued for it (the ping), one that still counts a transaction is closed, never reused;
/// the pool opens a fresh one, and writes resume by themselves once storage works again.
async fn still_clean<C: Connection>(
    conn: &mut C,
    _meta: PoolConnectionMetadata,
) -> Result<bool, sqlx::Error> {
    conn.ping().await?;
    if conn.is_in_transaction() {
        tracing::warn!("closing a database connection left inside a failed transaction");
        return Ok(false);
    }
    Ok(true)
}

fn sqlite_path(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    if path.is_empty() || path == ":memory:" {
        None
    } else {
        Some(path.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_paths() {
        assert_eq!(
            sqlite_path("sqlite://data/hih.db?mode=rwc").as_deref(),
            Some("data/hih.db")
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
    }
}

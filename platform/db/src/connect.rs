use std::str::FromStr;
use std::time::Duration;

use hih_kernel::{AppError, Settings};
use hih_migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, SqlxSqliteConnector};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

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
/// overwritten, not left in free pages), busy timeout 5 s.
pub async fn connect(settings: &Settings) -> Result<DatabaseConnection, AppError> {
    let url = settings.database_url();
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
            .pragma("cache_size", "-65536")
            .pragma("mmap_size", "268435456")
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(settings.database.max_connections.max(2))
            .connect_with(opts)
            .await
            .map_err(AppError::internal)?;
        let db = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
        // Statistics for the planner, limited so it stays fast on a large file (see
        // `maintenance`).
        db.execute_unprepared("PRAGMA optimize=0x10002").await?;
        Ok(db)
    } else {
        let mut opts = ConnectOptions::new(url);
        opts.max_connections(settings.database.max_connections)
            .sqlx_logging(false);
        Database::connect(opts).await.map_err(AppError::from)
    }
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

/// Applies all pending migrations.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), AppError> {
    Migrator::up(db, None).await.map_err(AppError::from)
}

/// How many migrations are not applied yet (readiness check).
pub async fn migrations_pending(db: &DatabaseConnection) -> Result<usize, AppError> {
    Ok(Migrator::get_pending_migrations(db).await?.len())
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

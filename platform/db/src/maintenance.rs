//! Query-planner statistics (R-NFR-3). SQLite plans with no statistics assume every index is
//! selective: at 100,000 companies it walked the whole `active` index for a free-text search
//! (40 ms) instead of looking up the trigram index's few thousand hits by id (5 ms). So the
//! statistics are refreshed when a connection pool opens, after bulk loads (demo data,
//! postcode import) and by a daily job. PostgreSQL's autovacuum analyses by itself; the job
//! runs `ANALYZE` there too, which is cheap and harmless.

use std::sync::Arc;

use hih_kernel::{AppError, JobContext, JobError, JobHandler, Registry};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use crate::{Backend, backend};

/// Name of the daily statistics job.
pub const OPTIMIZE_JOB: &str = "db.optimize";

/// Refreshes the planner statistics of tables whose size changed noticeably (SQLite
/// `PRAGMA optimize`, which analyses only what needs it) or of all tables (PostgreSQL).
pub async fn optimize(db: &DatabaseConnection) -> Result<(), AppError> {
    let sql = match backend(db) {
        Backend::Sqlite => "PRAGMA optimize",
        Backend::Postgres => "ANALYZE",
    };
    db.execute_unprepared(sql).await?;
    Ok(())
}

/// A real write, committed: the readiness check's proof that writes succeed (a full disk or
/// an I/O error shows here, not only in the next user's request). It bumps the audit head's
/// lock counter, the row every unit of work updates first, so it writes nothing new.
pub async fn write_probe(db: &DatabaseConnection) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    let txn = db.begin().await?;
    txn.execute_unprepared("UPDATE audit_head SET lock_counter = lock_counter + 1 WHERE id = 1")
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Ends the use of the database at shutdown: on SQLite the write-ahead log is checkpointed
/// into the database file and truncated (`PRAGMA wal_checkpoint(TRUNCATE)`), so a cold copy
/// of `hih.db` after a normal stop holds every acknowledged write; then the pool is closed.
pub async fn checkpoint_and_close(db: DatabaseConnection) -> Result<(), AppError> {
    if backend(&db) == Backend::Sqlite {
        db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await?;
    }
    db.close().await?;
    Ok(())
}

/// Analyses everything now (after a bulk load, when `optimize`'s size heuristics may lag).
pub async fn analyze(db: &DatabaseConnection) -> Result<(), AppError> {
    db.execute_unprepared("ANALYZE").await?;
    Ok(())
}

struct Optimize;

#[async_trait::async_trait]
impl JobHandler for Optimize {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        optimize(&ctx.services.db).await?;
        Ok(())
    }
}

/// Registers the daily statistics job (called by the host before the features).
pub fn register(r: &mut Registry) {
    r.job(OPTIMIZE_JOB, "job-db-optimize", Arc::new(Optimize));
    r.cron(OPTIMIZE_JOB, "0 45 3 * * *");
}

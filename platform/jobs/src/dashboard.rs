//! Queries for the job dashboard (R-OPS-2): recent runs, retry, cancel. apalis' tables:
//! SQLite `Jobs`, PostgreSQL `apalis.jobs`; rows of our queue have `job_type = 'hih-jobs'`.

use hih_kernel::AppError;
use serde::Serialize;
use sqlx::Row;

use crate::runner::{JobsDb, MAX_ATTEMPTS};
use crate::{JobSystem, QUEUE};

/// One run of a job, normalised across backends.
#[derive(Debug, Clone, Serialize)]
pub struct JobRun {
    /// Task id (ULID).
    pub id: String,
    /// Job name.
    pub job: Option<String>,
    /// Pending, Queued, Running, Done, Failed, Killed.
    pub status: String,
    /// Runs so far.
    pub attempts: i64,
    /// Maximum runs.
    pub max_attempts: i64,
    /// Error of the last failed run.
    pub last_error: Option<String>,
    /// When runnable (Unix seconds).
    pub run_at: i64,
    /// When fetched last (Unix seconds).
    pub lock_at: Option<i64>,
    /// When the last run ended (Unix seconds).
    pub done_at: Option<i64>,
}

const SQLITE_LIST: &str = "SELECT id, json_extract(CAST(job AS TEXT), '$.job') AS job, status, \
     attempts, max_attempts, json_extract(last_result, '$.Err') AS last_error, \
     run_at, lock_at, done_at FROM Jobs WHERE job_type = ?1 ORDER BY id DESC LIMIT ?2";

const PG_LIST: &str = "SELECT id, convert_from(job, 'UTF8')::jsonb ->> 'job' AS job, status, \
     attempts::int8 AS attempts, max_attempts::int8 AS max_attempts, \
     last_result ->> 'Err' AS last_error, \
     extract(epoch FROM run_at)::int8 AS run_at, extract(epoch FROM lock_at)::int8 AS lock_at, \
     extract(epoch FROM done_at)::int8 AS done_at \
     FROM apalis.jobs WHERE job_type = $1 ORDER BY id DESC LIMIT $2";

fn err(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("jobs: {e}"))
}

fn from_row<R: Row>(row: &R) -> Result<JobRun, sqlx::Error>
where
    for<'a> &'a str: sqlx::ColumnIndex<R>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<String>: sqlx::Decode<'a, R::Database>,
    for<'a> i64: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<i64>: sqlx::Decode<'a, R::Database>,
{
    Ok(JobRun {
        id: row.try_get("id")?,
        job: row.try_get("job")?,
        status: row.try_get("status")?,
        attempts: row.try_get("attempts")?,
        max_attempts: row.try_get("max_attempts")?,
        last_error: row.try_get("last_error")?,
        run_at: row.try_get("run_at")?,
        lock_at: row.try_get("lock_at")?,
        done_at: row.try_get("done_at")?,
    })
}

/// The most recent runs, newest first.
pub async fn recent_runs(jobs: &JobSystem, limit: i64) -> Result<Vec<JobRun>, AppError> {
    match jobs.db() {
        JobsDb::Sqlite(pool) => {
            let rows = sqlx::query(SQLITE_LIST)
                .bind(QUEUE)
                .bind(limit)
                .fetch_all(pool)
                .await
                .map_err(err)?;
            rows.iter().map(|r| from_row(r).map_err(err)).collect()
        }
        JobsDb::Postgres(pool) => {
            let rows = sqlx::query(PG_LIST)
                .bind(QUEUE)
                .bind(limit)
                .fetch_all(pool)
                .await
                .map_err(err)?;
            rows.iter().map(|r| from_row(r).map_err(err)).collect()
        }
    }
}

/// Runs a finished run (Done, Failed, Killed) again with a fresh budget. `false` if not
/// retryable.
pub async fn retry_run(jobs: &JobSystem, id: &str) -> Result<bool, AppError> {
    let budget = MAX_ATTEMPTS as i64;
    let n = match jobs.db() {
        JobsDb::Sqlite(pool) => sqlx::query(
            "UPDATE Jobs SET status = 'Pending', max_attempts = attempts + ?3, run_at = strftime('%s','now'), \
             lock_by = NULL, lock_at = NULL, done_at = NULL \
             WHERE id = ?1 AND job_type = ?2 AND status IN ('Done','Failed','Killed')",
        )
        .bind(id)
        .bind(QUEUE)
        .bind(budget)
        .execute(pool)
        .await
        .map_err(err)?
        .rows_affected(),
        JobsDb::Postgres(pool) => sqlx::query(
            "UPDATE apalis.jobs SET status = 'Pending', max_attempts = attempts + $3, run_at = now(), \
             lock_by = NULL, lock_at = NULL, done_at = NULL \
             WHERE id = $1 AND job_type = $2 AND status IN ('Done','Failed','Killed')",
        )
        .bind(id)
        .bind(QUEUE)
        .bind(budget as i32)
        .execute(pool)
        .await
        .map_err(err)?
        .rows_affected(),
    };
    Ok(n == 1)
}

/// Cancels a run that has not started (Pending, or Failed awaiting retry).
pub async fn cancel_run(jobs: &JobSystem, id: &str) -> Result<bool, AppError> {
    let n = match jobs.db() {
        JobsDb::Sqlite(pool) => sqlx::query(
            "UPDATE Jobs SET status = 'Killed', done_at = strftime('%s','now'), last_result = '{\"Err\":\"cancelled\"}' \
             WHERE id = ?1 AND job_type = ?2 AND status IN ('Pending','Failed')",
        )
        .bind(id)
        .bind(QUEUE)
        .execute(pool)
        .await
        .map_err(err)?
        .rows_affected(),
        JobsDb::Postgres(pool) => sqlx::query(
            "UPDATE apalis.jobs SET status = 'Killed', done_at = now(), last_result = '{\"Err\":\"cancelled\"}'::jsonb \
             WHERE id = $1 AND job_type = $2 AND status IN ('Pending','Failed')",
        )
        .bind(id)
        .bind(QUEUE)
        .execute(pool)
        .await
        .map_err(err)?
        .rows_affected(),
    };
    Ok(n == 1)
}

//! Health facts of the job system for the status page and metrics (R-OPS-1): worker
//! heartbeats, queue depth, failed runs, runs per status — on both backends (SQLite `Jobs` and
//! `Workers`, PostgreSQL `apalis.jobs` and `apalis.workers`), only rows of our queue.
//!
//! apalis writes its times with the database's clock, so every age here ("seen 300 s ago")
//! is computed by the database too; the application's clock (a fixed one in tests) plays no
//! part.

use hih_kernel::AppError;
use sea_orm::{ConnectionTrait, DbBackend, QueryResult, Statement, Value};
use serde::Serialize;

use crate::{DEAD_WORKER_SECS, QUEUE};

/// Workers silent for longer than this (seconds) are history, not news: a restart leaves the
/// old worker's row behind, and after a day it is no longer reported.
pub const FORGET_WORKER_SECS: i64 = 86_400;

/// How one backend spells the tables and times.
struct Dialect {
    jobs: &'static str,
    workers: &'static str,
    name: &'static str,
    error: &'static str,
    run_at: &'static str,
    done_at: &'static str,
    seen: &'static str,
    now: &'static str,
    int: &'static str,
}

const SQLITE: Dialect = Dialect {
    jobs: "Jobs",
    workers: "Workers",
    name: "json_extract(CAST(j.job AS TEXT), '$.job')",
    error: "json_extract(j.last_result, '$.Err')",
    run_at: "j.run_at",
    done_at: "j.done_at",
    seen: "w.last_seen",
    now: "CAST(strftime('%s', 'now') AS INTEGER)",
    int: "",
};

const POSTGRES: Dialect = Dialect {
    jobs: "apalis.jobs",
    workers: "apalis.workers",
    name: "(convert_from(j.job, 'UTF8')::jsonb ->> 'job')",
    error: "(j.last_result ->> 'Err')",
    run_at: "extract(epoch FROM j.run_at)::int8",
    done_at: "extract(epoch FROM j.done_at)::int8",
    seen: "extract(epoch FROM w.last_seen)::int8",
    now: "extract(epoch FROM now())::int8",
    int: "::int8",
};

fn dialect(backend: DbBackend) -> &'static Dialect {
    match backend {
        DbBackend::Postgres => &POSTGRES,
        _ => &SQLITE,
    }
}

/// A statement with its values; `{n}` in `sql` becomes the n-th placeholder (`?` or `$n`).
fn statement(backend: DbBackend, sql: &str, values: Vec<Value>) -> Statement {
    let mut text = sql.to_string();
    for i in 1..=values.len() {
        let placeholder = match backend {
            DbBackend::Postgres => format!("${i}"),
            _ => "?".to_string(),
        };
        text = text.replacen(&format!("{{{i}}}"), &placeholder, 1);
    }
    Statement::from_sql_and_values(backend, text, values)
}

async fn all<C: ConnectionTrait>(
    db: &C,
    sql: &str,
    values: Vec<Value>,
) -> Result<Vec<QueryResult>, AppError> {
    let backend = db.get_database_backend();
    Ok(db.query_all_raw(statement(backend, sql, values)).await?)
}

async fn one<C: ConnectionTrait>(
    db: &C,
    sql: &str,
    values: Vec<Value>,
) -> Result<QueryResult, AppError> {
    let backend = db.get_database_backend();
    db.query_one_raw(statement(backend, sql, values))
        .await?
        .ok_or_else(|| AppError::Internal("jobs: aggregate without a row".into()))
}

/// The last heartbeat of one worker of our queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkerBeat {
    /// The worker's name (`hih-jobs-<host>-<pid>-<ulid>-r<restarts>`).
    pub id: String,
    /// The host it runs on (`HOSTNAME` of its process).
    pub host: String,
    /// Its process id, if the name carries one.
    pub pid: Option<u32>,
    /// Seconds since its last heartbeat.
    pub seen_secs_ago: i64,
    /// Runs it has fetched or is running.
    pub held: i64,
}

impl WorkerBeat {
    /// Whether its heartbeat is recent enough ([`DEAD_WORKER_SECS`]).
    pub fn is_alive(&self) -> bool {
        self.seen_secs_ago <= DEAD_WORKER_SECS
    }
}

/// Host and process id from a worker's name (`hih-jobs-<host>-<pid>-<ulid>-r<restarts>`; the
/// host may contain dashes, the other parts do not). A name of another shape is its own host.
pub fn host_and_pid(worker_id: &str) -> (String, Option<u32>) {
    let rest = worker_id
        .strip_prefix(QUEUE)
        .and_then(|r| r.strip_prefix('-'))
        .unwrap_or(worker_id);
    let parts: Vec<&str> = rest.rsplitn(4, '-').collect();
    match parts.as_slice() {
        [restarts, ulid, pid, host]
            if restarts.starts_with('r') && ulid.len() == 26 && !host.is_empty() =>
        {
            (host.to_string(), pid.parse().ok())
        }
        _ => (worker_id.to_string(), None),
    }
}

/// The workers of our queue seen within [`FORGET_WORKER_SECS`], most recently seen first.
pub async fn workers<C: ConnectionTrait>(db: &C) -> Result<Vec<WorkerBeat>, AppError> {
    let d = dialect(db.get_database_backend());
    let sql = format!(
        "SELECT w.id AS id, {now} - {seen} AS ago, \
         (SELECT COUNT(*){int} FROM {jobs} j WHERE j.lock_by = w.id \
          AND j.status IN ('Queued', 'Running')) AS held \
         FROM {workers} w WHERE w.worker_type = {{1}} AND {seen} >= {now} - {{2}} \
         ORDER BY w.last_seen DESC, w.id",
        now = d.now,
        seen = d.seen,
        int = d.int,
        jobs = d.jobs,
        workers = d.workers,
    );
    let rows = all(db, &sql, vec![QUEUE.into(), FORGET_WORKER_SECS.into()]).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let id: String = row.try_get("", "id")?;
        let (host, pid) = host_and_pid(&id);
        out.push(WorkerBeat {
            host,
            pid,
            seen_secs_ago: row.try_get("", "ago")?,
            held: row.try_get("", "held")?,
            id,
        });
    }
    Ok(out)
}

/// How full the queue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct QueueDepth {
    /// Runs due now that no worker has fetched yet (waiting, or waiting for a retry).
    pub due: i64,
    /// Seconds the oldest of them has been due.
    pub oldest_due_secs: Option<i64>,
    /// Runs waiting for a later time (scheduled retries, delayed runs).
    pub scheduled: i64,
    /// Runs fetched or running.
    pub in_progress: i64,
}

/// The queue's depth now.
pub async fn queue<C: ConnectionTrait>(db: &C) -> Result<QueueDepth, AppError> {
    let d = dialect(db.get_database_backend());
    let waiting = "(j.status = 'Pending' OR (j.status = 'Failed' AND j.attempts < j.max_attempts))";
    let sql = format!(
        "SELECT \
         COALESCE(SUM(CASE WHEN {run_at} <= {now} THEN 1 ELSE 0 END), 0){int} AS due, \
         MAX(CASE WHEN {run_at} <= {now} THEN {now} - {run_at} END) AS oldest, \
         COALESCE(SUM(CASE WHEN {run_at} > {now} THEN 1 ELSE 0 END), 0){int} AS scheduled \
         FROM {jobs} j WHERE j.job_type = {{1}} AND {waiting}",
        run_at = d.run_at,
        now = d.now,
        int = d.int,
        jobs = d.jobs,
    );
    let row = one(db, &sql, vec![QUEUE.into()]).await?;
    let busy = format!(
        "SELECT COUNT(*){int} AS n FROM {jobs} j WHERE j.job_type = {{1}} \
         AND j.status IN ('Queued', 'Running')",
        int = d.int,
        jobs = d.jobs,
    );
    let in_progress: i64 = one(db, &busy, vec![QUEUE.into()]).await?.try_get("", "n")?;
    Ok(QueueDepth {
        due: row.try_get("", "due")?,
        oldest_due_secs: row.try_get("", "oldest")?,
        scheduled: row.try_get("", "scheduled")?,
        in_progress,
    })
}

/// The latest run that failed for good.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedRun {
    /// Task id.
    pub id: String,
    /// Job name from the envelope.
    pub job: Option<String>,
    /// Its last error.
    pub error: Option<String>,
    /// Seconds since it ended.
    pub ended_secs_ago: i64,
}

/// Runs that failed for good within a window.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct FailedRuns {
    /// How many.
    pub count: i64,
    /// The latest of them.
    pub latest: Option<FailedRun>,
}

/// Runs that ended within the last `window_secs` seconds without success and will not run
/// again by themselves: every attempt failed (`Failed`, no attempts left), or they were
/// stopped with an error (`Killed` with an error: a permanent error, or a cancelled retry).
/// A run cancelled before it ever failed carries no error and is not counted.
pub async fn failed<C: ConnectionTrait>(db: &C, window_secs: i64) -> Result<FailedRuns, AppError> {
    let d = dialect(db.get_database_backend());
    let condition = format!(
        "j.job_type = {{1}} AND ((j.status = 'Failed' AND j.attempts >= j.max_attempts) \
         OR (j.status = 'Killed' AND {error} IS NOT NULL)) AND {done_at} >= {now} - {{2}}",
        error = d.error,
        done_at = d.done_at,
        now = d.now,
    );
    let count_sql = format!(
        "SELECT COUNT(*){int} AS n FROM {jobs} j WHERE {condition}",
        int = d.int,
        jobs = d.jobs,
    );
    let values = || vec![Value::from(QUEUE), Value::from(window_secs)];
    let count: i64 = one(db, &count_sql, values()).await?.try_get("", "n")?;
    if count == 0 {
        return Ok(FailedRuns::default());
    }
    let latest_sql = format!(
        "SELECT j.id AS id, {name} AS job, {error} AS error, {now} - {done_at} AS ago \
         FROM {jobs} j WHERE {condition} ORDER BY j.done_at DESC, j.id DESC LIMIT 1",
        name = d.name,
        error = d.error,
        now = d.now,
        done_at = d.done_at,
        jobs = d.jobs,
    );
    let latest = all(db, &latest_sql, values())
        .await?
        .first()
        .map(|row| -> Result<FailedRun, AppError> {
            Ok(FailedRun {
                id: row.try_get("", "id")?,
                job: row.try_get("", "job")?,
                error: row.try_get("", "error")?,
                ended_secs_ago: row.try_get("", "ago")?,
            })
        })
        .transpose()?;
    Ok(FailedRuns { count, latest })
}

/// How many runs of our queue are in each of apalis' statuses (`Pending`, `Queued`,
/// `Running`, `Done`, `Failed`, `Killed`), for the metrics.
pub async fn status_counts<C: ConnectionTrait>(db: &C) -> Result<Vec<(String, i64)>, AppError> {
    let d = dialect(db.get_database_backend());
    let sql = format!(
        "SELECT j.status AS status, COUNT(*){int} AS n FROM {jobs} j WHERE j.job_type = {{1}} \
         GROUP BY j.status ORDER BY j.status",
        int = d.int,
        jobs = d.jobs,
    );
    let rows = all(db, &sql, vec![QUEUE.into()]).await?;
    rows.iter()
        .map(|row| Ok((row.try_get("", "status")?, row.try_get("", "n")?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_pids_come_from_worker_names() {
        assert_eq!(
            host_and_pid("hih-jobs-web-1-4711-01JDZQ7W3K9V5T2M8X4N6B0C1D-r0"),
            ("web-1".to_string(), Some(4711))
        );
        assert_eq!(
            host_and_pid("hih-jobs-hih-12-01JDZQ7W3K9V5T2M8X4N6B0C1D-r3"),
            ("hih".to_string(), Some(12))
        );
        assert_eq!(host_and_pid("other"), ("other".to_string(), None));
    }

    #[test]
    fn placeholders_follow_the_backend() {
        let s = statement(
            DbBackend::Postgres,
            "a = {1} AND b = {2}",
            vec![1.into(), 2.into()],
        );
        assert_eq!(s.sql, "a = $1 AND b = $2");
        let s = statement(
            DbBackend::Sqlite,
            "a = {1} AND b = {2}",
            vec![1.into(), 2.into()],
        );
        assert_eq!(s.sql, "a = ? AND b = ?");
    }
}

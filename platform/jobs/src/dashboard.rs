//! Queries for the job dashboard (R-OPS-2): runs with their state, filtered and paged; one run;
//! counts per job and state; retry and cancel. apalis' tables: SQLite `Jobs`/`Workers`,
//! PostgreSQL `apalis.jobs`/`apalis.workers`; rows of our queue have `job_type = 'hih-jobs'`,
//! the job's name is in the JSON envelope.
//!
//! Every function takes a sea-orm connection or transaction, so the dashboard reaches them
//! from a request handler (`services.db`) and retry/cancel run inside the unit of work that
//! audits them. Times in apalis' tables are written by the database's clock, so the
//! comparisons here ("is this worker's heartbeat stale?") use the database's clock too.

use hih_kernel::AppError;
use sea_orm::{ConnectionTrait, DbBackend, QueryResult, Statement, Value};
use serde::{Deserialize, Serialize};

use crate::runner::{JobsDb, MAX_ATTEMPTS};
use crate::{JobSystem, QUEUE};

/// A worker whose last heartbeat is older than this many seconds counts as dead (apalis beats
/// every 30 s, so this is four missed beats).
pub const DEAD_WORKER_SECS: i64 = 120;

/// What a run is doing, as the dashboard tells it (derived from apalis' `status`, its
/// attempts and the heartbeat of the worker that holds it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunState {
    /// Waiting for a worker (`Pending`).
    Pending,
    /// Fetched by a live worker, not started yet (`Queued`).
    Queued,
    /// Running on a live worker (`Running`).
    Running,
    /// Failed, another attempt follows (`Failed`, attempts left).
    Retrying,
    /// Failed on its last attempt (`Failed`, no attempts left).
    Failed,
    /// Finished successfully (`Done`).
    Done,
    /// Cancelled, or stopped for good by a permanent error (`Killed`).
    Killed,
    /// Fetched or running on a worker whose heartbeat stopped: held by a dead worker.
    Stalled,
}

impl RunState {
    /// Every state, in the order the dashboard lists them.
    pub const ALL: [RunState; 8] = [
        RunState::Pending,
        RunState::Queued,
        RunState::Running,
        RunState::Stalled,
        RunState::Retrying,
        RunState::Failed,
        RunState::Done,
        RunState::Killed,
    ];

    /// Stable code (URL filter value, audit details).
    pub fn code(self) -> &'static str {
        match self {
            RunState::Pending => "pending",
            RunState::Queued => "queued",
            RunState::Running => "running",
            RunState::Retrying => "retrying",
            RunState::Failed => "failed",
            RunState::Done => "done",
            RunState::Killed => "killed",
            RunState::Stalled => "stalled",
        }
    }

    /// The state for a code.
    pub fn from_code(code: &str) -> Option<Self> {
        RunState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the run has ended (nothing more happens unless it is retried).
    pub fn is_finished(self) -> bool {
        matches!(self, RunState::Failed | RunState::Done | RunState::Killed)
    }

    /// Whether [`retry_run`] may put it back into the queue: finished runs, and runs held by
    /// a dead worker.
    pub fn can_retry(self) -> bool {
        self.is_finished() || self == RunState::Stalled
    }

    /// Whether [`cancel_run`] may stop it: runs that have not started yet (waiting, or
    /// waiting for their next attempt), and runs held by a dead worker.
    pub fn can_cancel(self) -> bool {
        matches!(
            self,
            RunState::Pending | RunState::Retrying | RunState::Stalled
        )
    }
}

/// One run of a job, normalised across backends.
#[derive(Debug, Clone, Serialize)]
pub struct JobRun {
    /// Task id (ULID).
    pub id: String,
    /// Job name from the envelope.
    pub job: Option<String>,
    /// apalis' status: Pending, Queued, Running, Done, Failed, Killed.
    pub status: String,
    /// The dashboard's reading of it.
    pub state: RunState,
    /// Runs so far.
    pub attempts: i64,
    /// Maximum runs.
    pub max_attempts: i64,
    /// Error of the last failed run.
    pub last_error: Option<String>,
    /// When runnable (Unix seconds).
    pub run_at: i64,
    /// When fetched or started last (Unix seconds).
    pub lock_at: Option<i64>,
    /// The worker that fetched it last.
    pub lock_by: Option<String>,
    /// When the last run ended (Unix seconds).
    pub done_at: Option<i64>,
    /// Last heartbeat of `lock_by` (Unix seconds), if that worker is known.
    pub worker_seen: Option<i64>,
}

/// Which runs a list shows (all conditions AND-combined).
#[derive(Debug, Clone, Default)]
pub struct RunFilter {
    /// Only runs of this job name.
    pub job: Option<String>,
    /// Only runs in this state.
    pub state: Option<RunState>,
}

/// How many runs of one job are in one state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StateCount {
    /// Job name (`None` for envelopes without a readable name).
    pub job: Option<String>,
    /// The state.
    pub state: RunState,
    /// Number of runs.
    pub count: i64,
}

/// How one backend spells the parts of a run.
struct Dialect {
    jobs: &'static str,
    workers: &'static str,
    name: &'static str,
    error: &'static str,
    attempts: &'static str,
    max_attempts: &'static str,
    run_at: &'static str,
    lock_at: &'static str,
    done_at: &'static str,
    seen: &'static str,
    /// The database's "now" as Unix seconds.
    now: &'static str,
}

const SQLITE: Dialect = Dialect {
    jobs: "Jobs",
    workers: "Workers",
    name: "json_extract(CAST(j.job AS TEXT), '$.job')",
    error: "json_extract(j.last_result, '$.Err')",
    attempts: "j.attempts",
    max_attempts: "j.max_attempts",
    run_at: "j.run_at",
    lock_at: "j.lock_at",
    done_at: "j.done_at",
    seen: "w.last_seen",
    now: "CAST(strftime('%s', 'now') AS INTEGER)",
};

const POSTGRES: Dialect = Dialect {
    jobs: "apalis.jobs",
    workers: "apalis.workers",
    name: "(convert_from(j.job, 'UTF8')::jsonb ->> 'job')",
    error: "(j.last_result ->> 'Err')",
    attempts: "j.attempts::int8",
    max_attempts: "j.max_attempts::int8",
    run_at: "extract(epoch FROM j.run_at)::int8",
    lock_at: "extract(epoch FROM j.lock_at)::int8",
    done_at: "extract(epoch FROM j.done_at)::int8",
    seen: "extract(epoch FROM w.last_seen)::int8",
    now: "extract(epoch FROM now())::int8",
};

/// SQL for the current time in the queue's time columns (`run_at`, `done_at`): a timestamp on
/// PostgreSQL, seconds since the epoch on SQLite.
fn now_stamp(backend: DbBackend) -> &'static str {
    match backend {
        DbBackend::Postgres => "now()",
        _ => dialect(backend).now,
    }
}

fn dialect(backend: DbBackend) -> &'static Dialect {
    match backend {
        DbBackend::Postgres => &POSTGRES,
        _ => &SQLITE,
    }
}

/// Collects bound values and writes their placeholders (`?` or `$n`).
struct Params {
    backend: DbBackend,
    values: Vec<Value>,
}

impl Params {
    fn new(backend: DbBackend) -> Self {
        Params {
            backend,
            values: Vec::new(),
        }
    }

    fn push(&mut self, v: impl Into<Value>) -> String {
        self.values.push(v.into());
        match self.backend {
            DbBackend::Postgres => format!("${}", self.values.len()),
            _ => "?".to_string(),
        }
    }

    fn statement(self, sql: String) -> Statement {
        Statement::from_sql_and_values(self.backend, sql, self.values)
    }
}

/// `j` is held by a live worker: its heartbeat is recent.
fn held_by_live_worker(d: &Dialect) -> String {
    format!(
        "EXISTS (SELECT 1 FROM {workers} w WHERE w.id = j.lock_by AND {seen} >= {now} - {DEAD_WORKER_SECS})",
        workers = d.workers,
        seen = d.seen,
        now = d.now,
    )
}

/// SQL condition: `j` is fetched or running, but its worker's heartbeat stopped.
fn stalled(d: &Dialect) -> String {
    format!(
        "(j.status IN ('Queued', 'Running') AND NOT {})",
        held_by_live_worker(d)
    )
}

/// The state code of `j` as an SQL expression (see [`RunState`]).
fn state_expr(d: &Dialect) -> String {
    format!(
        "CASE WHEN {stalled} THEN 'stalled' \
         WHEN j.status = 'Pending' THEN 'pending' \
         WHEN j.status = 'Queued' THEN 'queued' \
         WHEN j.status = 'Running' THEN 'running' \
         WHEN j.status = 'Failed' AND j.attempts < j.max_attempts THEN 'retrying' \
         WHEN j.status = 'Failed' THEN 'failed' \
         WHEN j.status = 'Done' THEN 'done' \
         ELSE 'killed' END",
        stalled = stalled(d)
    )
}

/// Every run of our queue with its normalised columns, as a sub-select `r`.
fn runs_source(d: &Dialect, p: &mut Params) -> String {
    format!(
        "(SELECT j.id AS id, {name} AS job, j.status AS status, {state} AS state, \
         {attempts} AS attempts, {max} AS max_attempts, {error} AS last_error, \
         {run_at} AS run_at, {lock_at} AS lock_at, j.lock_by AS lock_by, {done_at} AS done_at, \
         (SELECT {seen} FROM {workers} w WHERE w.id = j.lock_by) AS worker_seen \
         FROM {jobs} j WHERE j.job_type = {queue}) r",
        name = d.name,
        state = state_expr(d),
        attempts = d.attempts,
        max = d.max_attempts,
        error = d.error,
        run_at = d.run_at,
        lock_at = d.lock_at,
        done_at = d.done_at,
        seen = d.seen,
        workers = d.workers,
        jobs = d.jobs,
        queue = p.push(QUEUE),
    )
}

/// `FROM … WHERE …` of the runs matching `filter`.
fn filtered(d: &Dialect, p: &mut Params, filter: &RunFilter) -> String {
    let mut sql = format!("FROM {} WHERE 1 = 1", runs_source(d, p));
    if let Some(job) = &filter.job {
        sql.push_str(&format!(" AND r.job = {}", p.push(job.clone())));
    }
    if let Some(state) = filter.state {
        sql.push_str(&format!(" AND r.state = {}", p.push(state.code())));
    }
    sql
}

fn err(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("jobs: {e}"))
}

fn from_row(row: &QueryResult) -> Result<JobRun, AppError> {
    let state: String = row.try_get("", "state")?;
    Ok(JobRun {
        id: row.try_get("", "id")?,
        job: row.try_get("", "job")?,
        status: row.try_get("", "status")?,
        state: RunState::from_code(&state).ok_or_else(|| err(format!("state {state}")))?,
        attempts: row.try_get("", "attempts")?,
        max_attempts: row.try_get("", "max_attempts")?,
        last_error: row.try_get("", "last_error")?,
        run_at: row.try_get("", "run_at")?,
        lock_at: row.try_get("", "lock_at")?,
        lock_by: row.try_get("", "lock_by")?,
        done_at: row.try_get("", "done_at")?,
        worker_seen: row.try_get("", "worker_seen")?,
    })
}

/// The number of runs matching `filter`.
pub async fn count_runs<C: ConnectionTrait>(db: &C, filter: &RunFilter) -> Result<u64, AppError> {
    let backend = db.get_database_backend();
    let mut p = Params::new(backend);
    let from = filtered(dialect(backend), &mut p, filter);
    let n = db
        .query_one_raw(p.statement(format!("SELECT COUNT(*) AS n {from}")))
        .await?
        .map(|row| row.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0);
    Ok(n.max(0) as u64)
}

/// The runs matching `filter`, newest first, from `offset` on (at most `limit`; all without).
pub async fn list_runs<C: ConnectionTrait>(
    db: &C,
    filter: &RunFilter,
    offset: u64,
    limit: Option<u64>,
) -> Result<Vec<JobRun>, AppError> {
    let backend = db.get_database_backend();
    let mut p = Params::new(backend);
    let from = filtered(dialect(backend), &mut p, filter);
    let window = match limit {
        Some(limit) => format!(" LIMIT {limit} OFFSET {offset}"),
        None => String::new(),
    };
    let rows = db
        .query_all_raw(p.statement(format!("SELECT r.* {from} ORDER BY r.id DESC{window}")))
        .await?;
    rows.iter().map(from_row).collect()
}

/// One run of our queue, `None` if there is none with this id.
pub async fn find_run<C: ConnectionTrait>(db: &C, id: &str) -> Result<Option<JobRun>, AppError> {
    let backend = db.get_database_backend();
    let mut p = Params::new(backend);
    let source = runs_source(dialect(backend), &mut p);
    let sql = format!("SELECT r.* FROM {source} WHERE r.id = {}", p.push(id));
    db.query_one_raw(p.statement(sql))
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// How many runs each job has in each state: every run that has not ended, and the ended
/// ones of the last `recent_secs` seconds (by the database's clock).
pub async fn state_counts<C: ConnectionTrait>(
    db: &C,
    recent_secs: i64,
) -> Result<Vec<StateCount>, AppError> {
    let backend = db.get_database_backend();
    let d = dialect(backend);
    let mut p = Params::new(backend);
    let source = runs_source(d, &mut p);
    let since = p.push(recent_secs);
    let sql = format!(
        "SELECT r.job AS job, r.state AS state, COUNT(*) AS n FROM {source} \
         WHERE r.state NOT IN ('failed', 'done', 'killed') \
         OR COALESCE(r.done_at, r.run_at) >= {now} - {since} \
         GROUP BY r.job, r.state",
        now = d.now,
    );
    let rows = db.query_all_raw(p.statement(sql)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let state: String = row.try_get("", "state")?;
        out.push(StateCount {
            job: row.try_get("", "job")?,
            state: RunState::from_code(&state).ok_or_else(|| err(format!("state {state}")))?,
            count: row.try_get("", "n")?,
        });
    }
    Ok(out)
}

/// Puts a run back into the queue with a fresh budget of attempts, if its state allows it
/// ([`RunState::can_retry`]): it runs again at once. Decided in the `UPDATE` itself, so a run
/// that changed meanwhile is left alone. Returns whether the run was retried.
pub async fn retry_run<C: ConnectionTrait>(db: &C, id: &str) -> Result<bool, AppError> {
    let backend = db.get_database_backend();
    let d = dialect(backend);
    let mut p = Params::new(backend);
    let now = now_stamp(backend);
    let budget = i32::try_from(MAX_ATTEMPTS).unwrap_or(i32::MAX);
    let sql = format!(
        "UPDATE {jobs} SET status = 'Pending', max_attempts = attempts + {budget}, \
         run_at = {now}, lock_by = NULL, lock_at = NULL, done_at = NULL \
         WHERE id = {id} AND job_type = {queue} AND id IN (SELECT j.id FROM {jobs} j WHERE \
         j.status IN ('Done', 'Killed') OR (j.status = 'Failed' AND j.attempts >= j.max_attempts) \
         OR {stalled})",
        jobs = d.jobs,
        budget = p.push(budget),
        id = p.push(id),
        queue = p.push(QUEUE),
        stalled = stalled(d),
    );
    let n = db.execute_raw(p.statement(sql)).await?.rows_affected();
    Ok(n == 1)
}

/// Cancels a run, if its state allows it ([`RunState::can_cancel`]): it ends as `Killed` and
/// is released from a dead worker, so that worker's late answer cannot revive it. The error and
/// end time of an earlier attempt stay. Returns whether the run was cancelled.
pub async fn cancel_run<C: ConnectionTrait>(db: &C, id: &str) -> Result<bool, AppError> {
    let backend = db.get_database_backend();
    let d = dialect(backend);
    let mut p = Params::new(backend);
    let now = now_stamp(backend);
    let sql = format!(
        "UPDATE {jobs} SET status = 'Killed', lock_by = NULL, \
         done_at = CASE WHEN status IN ('Queued', 'Running') OR done_at IS NULL THEN {now} \
         ELSE done_at END \
         WHERE id = {id} AND job_type = {queue} AND id IN (SELECT j.id FROM {jobs} j WHERE \
         (j.status = 'Pending' AND j.lock_by IS NULL) \
         OR (j.status = 'Failed' AND j.attempts < j.max_attempts) OR {stalled})",
        jobs = d.jobs,
        id = p.push(id),
        queue = p.push(QUEUE),
        stalled = stalled(d),
    );
    let n = db.execute_raw(p.statement(sql)).await?.rows_affected();
    Ok(n == 1)
}

/// Deletes at most `batch` runs that finished successfully (`Done`) more than `older_than_secs`
/// seconds ago (by the database's clock), oldest first; returns how many. Failed and cancelled
/// runs stay: they are the job part of the error log.
pub async fn purge_done_runs<C: ConnectionTrait>(
    db: &C,
    older_than_secs: i64,
    batch: u64,
) -> Result<u64, AppError> {
    let backend = db.get_database_backend();
    let d = dialect(backend);
    let mut p = Params::new(backend);
    let sql = format!(
        "DELETE FROM {jobs} WHERE id IN (SELECT j.id FROM {jobs} j WHERE j.job_type = {queue} \
         AND j.status = 'Done' AND {done_at} < {now} - {age} ORDER BY j.id LIMIT {batch})",
        jobs = d.jobs,
        queue = p.push(QUEUE),
        done_at = d.done_at,
        now = d.now,
        age = p.push(older_than_secs),
    );
    Ok(db.execute_raw(p.statement(sql)).await?.rows_affected())
}

/// The most recent runs, newest first.
pub async fn recent_runs(jobs: &JobSystem, limit: i64) -> Result<Vec<JobRun>, AppError> {
    let db = match jobs.db() {
        JobsDb::Sqlite(pool) => sea_orm::SqlxSqliteConnector::from_sqlx_sqlite_pool(pool.clone()),
        JobsDb::Postgres(pool) => {
            sea_orm::SqlxPostgresConnector::from_sqlx_postgres_pool(pool.clone())
        }
    };
    let limit = u64::try_from(limit).map_err(err)?;
    list_runs(&db, &RunFilter::default(), 0, Some(limit)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_codes_round_trip() {
        for s in RunState::ALL {
            assert_eq!(RunState::from_code(s.code()), Some(s));
        }
        assert_eq!(RunState::from_code("Done"), None);
    }

    #[test]
    fn retry_and_cancel_cover_the_right_states() {
        let retry: Vec<_> = RunState::ALL
            .into_iter()
            .filter(|s| s.can_retry())
            .collect();
        assert_eq!(
            retry,
            vec![
                RunState::Stalled,
                RunState::Failed,
                RunState::Done,
                RunState::Killed
            ]
        );
        let cancel: Vec<_> = RunState::ALL
            .into_iter()
            .filter(|s| s.can_cancel())
            .collect();
        assert_eq!(
            cancel,
            vec![RunState::Pending, RunState::Stalled, RunState::Retrying]
        );
    }
}

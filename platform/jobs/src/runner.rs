//! Setting up apalis' tables, enqueuing, and running the workers.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use apalis::prelude::{
    AbortError, Attempt, BackendExt, BoxDynError, Data, Event, Monitor, TaskBuilder, TaskId,
    TaskSink, WorkerBuilder, WorkerBuilderExt,
};
use apalis_cron::{CronScheduler, Tick};
use apalis_postgres::PostgresStorage;
use apalis_sqlite::SqliteStorage;
use hih_kernel::{
    AppError, CronSpec, JobContext, JobError, JobHandler, JobQueue, JobSpec, Services,
};
use sea_orm::DatabaseConnection;
use sqlx::{PgPool, Row, SqlitePool};

use crate::poll::PollEvery;
use crate::{JobEnvelope, QUEUE};

/// Runs per envelope (first run + 2 retries).
pub const MAX_ATTEMPTS: usize = 3;
const POLL_EVERY: Duration = Duration::from_millis(200);
const SQLITE_MIGRATIONS_TABLE: &str = "_apalis_migrations";

/// The pool apalis works on: the application's own.
#[derive(Debug, Clone)]
pub(crate) enum JobsDb {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

fn sqlite_storage(pool: &SqlitePool) -> SqliteStorage<JobEnvelope> {
    SqliteStorage::new(pool).with_config(apalis_sqlite::Config::default().queue(QUEUE))
}

fn pg_storage(pool: &PgPool) -> PostgresStorage<JobEnvelope> {
    PostgresStorage::new(pool).with_config(apalis_postgres::Config::default().queue(QUEUE))
}

fn err(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("jobs: {e}"))
}

/// The job system of one process: enqueue from anywhere, run workers in `serve`.
#[derive(Debug, Clone)]
pub struct JobSystem {
    db: JobsDb,
}

impl JobSystem {
    /// Creates or upgrades apalis' tables (idempotent) on the application database.
    pub async fn setup(conn: &DatabaseConnection) -> Result<Self, AppError> {
        let db = match conn.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                JobsDb::Postgres(conn.get_postgres_connection_pool().clone())
            }
            _ => JobsDb::Sqlite(conn.get_sqlite_connection_pool().clone()),
        };
        match &db {
            JobsDb::Sqlite(pool) => {
                let mut migrator = SqliteStorage::<()>::migrations();
                migrator.dangerous_set_table_name(SQLITE_MIGRATIONS_TABLE);
                migrator.run(pool).await.map_err(err)?;
            }
            JobsDb::Postgres(pool) => PostgresStorage::<()>::setup(pool).await.map_err(err)?,
        }
        Ok(JobSystem { db })
    }

    /// The queue handle for [`Services`].
    pub fn queue(&self) -> Arc<dyn JobQueue> {
        Arc::new(Queue {
            db: self.db.clone(),
        })
    }

    pub(crate) fn db(&self) -> &JobsDb {
        &self.db
    }

    /// Starts the queue worker and one cron worker per schedule; the task ends after `stop`
    /// turns true and running jobs drained.
    pub fn start(
        &self,
        services: Services,
        jobs: Vec<JobSpec>,
        cron: Vec<CronSpec>,
        mut stop: tokio::sync::watch::Receiver<bool>,
    ) -> tokio::task::JoinHandle<()> {
        let handlers: HashMap<String, Arc<dyn JobHandler>> = jobs
            .into_iter()
            .map(|j| (j.name.to_string(), j.handler))
            .collect();
        let dispatch = Arc::new(Dispatch { services, handlers });
        let instance = format!(
            "{}-{}-{}",
            std::env::var("HOSTNAME").unwrap_or_else(|_| "hih".into()),
            std::process::id(),
            ulid::Ulid::new()
        );
        let mut monitor = Monitor::new()
            .on_event(|worker, event| {
                if let Event::Error(e) = event {
                    tracing::warn!(worker = %worker.name(), error = %e, "job failed");
                }
            })
            .should_restart(|worker, e| {
                tracing::error!(worker = %worker.name(), error = %e, "job worker failed; restarting");
                !worker.is_shutting_down()
            })
            .shutdown_timeout(Duration::from_secs(10));
        let name = format!("{QUEUE}-{instance}");
        monitor = match &self.db {
            JobsDb::Sqlite(pool) => {
                let (pool, dispatch) = (pool.clone(), dispatch.clone());
                monitor.register(move |restarts| {
                    WorkerBuilder::new(format!("{name}-r{restarts}"))
                        .backend(
                            sqlite_storage(&pool).poll_with_strategy(PollEvery::new(POLL_EVERY)),
                        )
                        .data(dispatch.clone())
                        .concurrency(4)
                        .build(run_envelope)
                })
            }
            JobsDb::Postgres(pool) => {
                let (pool, dispatch) = (pool.clone(), dispatch.clone());
                monitor.register(move |restarts| {
                    WorkerBuilder::new(format!("{name}-r{restarts}"))
                        .backend(pg_storage(&pool).poll_with_strategy(PollEvery::new(POLL_EVERY)))
                        .data(dispatch.clone())
                        .concurrency(4)
                        .build(run_envelope)
                })
            }
        };
        for spec in cron {
            let schedule = match cron::Schedule::from_str(spec.schedule) {
                Ok(s) => s,
                Err(e) => {
                    tracing::error!(job = spec.job, schedule = spec.schedule, error = %e, "invalid cron schedule; skipped");
                    continue;
                }
            };
            let state = CronJob {
                job: spec.job.to_string(),
                db: self.db.clone(),
            };
            let job = spec.job;
            monitor = monitor.register(move |restarts| {
                WorkerBuilder::new(format!("cron-{job}-{restarts}"))
                    .backend(CronScheduler::new(schedule.clone()))
                    .data(state.clone())
                    .build(on_tick)
            });
        }
        tokio::spawn(async move {
            let signal = async move {
                while !*stop.borrow() {
                    if stop.changed().await.is_err() {
                        break;
                    }
                }
                Ok(())
            };
            if let Err(e) = monitor.run_with_signal(signal).await {
                tracing::error!(error = %e, "job monitor stopped with an error");
            }
        })
    }
}

struct Dispatch {
    services: Services,
    handlers: HashMap<String, Arc<dyn JobHandler>>,
}

/// The one worker function: dispatches an envelope to its handler.
async fn run_envelope(
    envelope: JobEnvelope,
    attempt: Attempt,
    dispatch: Data<Arc<Dispatch>>,
) -> Result<(), BoxDynError> {
    let Some(handler) = dispatch.handlers.get(&envelope.job).cloned() else {
        return Err(AbortError::new(format!("no handler for job {:?}", envelope.job)).into());
    };
    let ctx = JobContext {
        services: dispatch.services.clone(),
        job: envelope.job.clone(),
    };
    let span = tracing::info_span!("job", job = %envelope.job, attempt = attempt.current());
    let _guard = span.enter();
    match handler.run(&ctx, envelope.payload).await {
        Ok(()) => Ok(()),
        Err(JobError::Permanent(e)) => Err(AbortError::new(e).into()),
        Err(JobError::Transient(e)) => Err(e.into()),
    }
}

#[derive(Clone)]
struct CronJob {
    job: String,
    db: JobsDb,
}

/// A cron tick enqueues the job once per scheduled second across all instances.
async fn on_tick(tick: Tick, cron: Data<CronJob>) -> Result<(), BoxDynError> {
    let scheduled_at = tick.get_timestamp();
    let envelope = JobEnvelope {
        job: cron.job.clone(),
        payload: serde_json::json!({ "scheduled_at": scheduled_at }),
    };
    let key = format!("cron:{}:{}", cron.job, scheduled_at);
    push(&cron.db, envelope, Some(&key)).await?;
    Ok(())
}

/// Pushes an envelope; with a key, at most once per key (apalis' `idempotency_key`).
/// Returns whether a new row was inserted.
pub(crate) async fn push(
    db: &JobsDb,
    envelope: JobEnvelope,
    key: Option<&str>,
) -> Result<bool, BoxDynError> {
    let id = ulid::Ulid::new().to_string();
    let mut builder = TaskBuilder::new(envelope)
        .task_id(TaskId::from_str(&id)?)
        .max_attempts(MAX_ATTEMPTS);
    if let Some(key) = key {
        builder = builder.idempotency_key(key);
    }
    let task = builder.build();
    match db {
        JobsDb::Sqlite(pool) => {
            // INSERT … ON CONFLICT(job_type, idempotency_key) DO NOTHING
            sqlite_storage(pool).push_task(task).await?;
            if let Some(key) = key {
                let row =
                    sqlx::query("SELECT id FROM Jobs WHERE job_type = ?1 AND idempotency_key = ?2")
                        .bind(QUEUE)
                        .bind(key)
                        .fetch_one(pool)
                        .await?;
                let stored: String = row.try_get("id")?;
                return Ok(stored == id);
            }
        }
        JobsDb::Postgres(pool) => {
            if let Err(e) = pg_storage(pool).push_task(task).await {
                // A duplicate key is a unique violation (SQLSTATE 23505): already enqueued.
                if key.is_some() && format!("{e:?}").contains("23505") {
                    return Ok(false);
                }
                return Err(e.into());
            }
        }
    }
    Ok(true)
}

#[derive(Debug)]
struct Queue {
    db: JobsDb,
}

#[async_trait::async_trait]
impl JobQueue for Queue {
    async fn enqueue(&self, name: &str, payload: serde_json::Value) -> Result<(), AppError> {
        push(
            &self.db,
            JobEnvelope {
                job: name.to_string(),
                payload,
            },
            None,
        )
        .await
        .map(|_| ())
        .map_err(err)
    }
}

//! `GET /metrics` in Prometheus' text format: the request counters and latency histograms the
//! web pipeline keeps per route pattern ([`hih_web::RequestMetrics`]), and gauges read at
//! each scrape — runs per job status, queue depth, live workers, failed runs, the database
//! pool's use, the last backup's age. Anyone not allowed ([`super::access`]) gets the same
//! 404 page as for a path that does not exist.

use hih_jobs::health;
use hih_kernel::{AppError, Services};
use hih_web::{AppState, RequestMeta, RequestMetrics, WebError, WebResult};
use poem::http::header;
use poem::{Request, Response, handler};
use prometheus::proto::MetricFamily;
use prometheus::{
    Gauge, GaugeVec, IntGauge, IntGaugeVec, Opts, Registry, TEXT_FORMAT, TextEncoder,
};

use super::access;
use crate::backup::record;

fn metric_error(e: prometheus::Error) -> AppError {
    AppError::Internal(format!("metrics: {e}"))
}

fn gauge(registry: &Registry, name: &str, help: &str, value: f64) -> Result<(), AppError> {
    let g = Gauge::new(name, help).map_err(metric_error)?;
    g.set(value);
    registry.register(Box::new(g)).map_err(metric_error)
}

fn int_gauge(registry: &Registry, name: &str, help: &str, value: i64) -> Result<(), AppError> {
    let g = IntGauge::new(name, help).map_err(metric_error)?;
    g.set(value);
    registry.register(Box::new(g)).map_err(metric_error)
}

fn labelled(
    registry: &Registry,
    name: &str,
    help: &str,
    label: &str,
    values: &[(String, i64)],
) -> Result<(), AppError> {
    let g = IntGaugeVec::new(Opts::new(name, help), &[label]).map_err(metric_error)?;
    for (key, value) in values {
        g.with_label_values(&[key.as_str()]).set(*value);
    }
    registry.register(Box::new(g)).map_err(metric_error)
}

/// The job system's gauges.
async fn jobs(services: &Services, registry: &Registry) -> Result<(), AppError> {
    let db = &services.db;
    labelled(
        registry,
        "hih_jobs",
        "Job runs of the queue by apalis status (Pending, Queued, Running, Done, Failed, Killed).",
        "status",
        &health::status_counts(db).await?,
    )?;
    let q = health::queue(db).await?;
    int_gauge(
        registry,
        "hih_job_queue_depth",
        "Job runs due now that no worker has fetched yet.",
        q.due,
    )?;
    int_gauge(
        registry,
        "hih_job_queue_oldest_due_seconds",
        "Seconds the oldest due job run has waited (0 if none waits).",
        q.oldest_due_secs.unwrap_or(0),
    )?;
    int_gauge(
        registry,
        "hih_job_queue_scheduled",
        "Job runs waiting for a later time (retries, delayed runs).",
        q.scheduled,
    )?;
    let workers = health::workers(db).await?;
    let alive = workers.iter().filter(|w| w.is_alive()).count();
    int_gauge(
        registry,
        "hih_job_workers_alive",
        "Job workers with a recent heartbeat.",
        i64::try_from(alive).unwrap_or(i64::MAX),
    )?;
    let window_hours = services.settings.status.failed_window_hours;
    let failed = health::failed(db, window_hours.saturating_mul(3600)).await?;
    int_gauge(
        registry,
        "hih_job_runs_failed_recent",
        "Job runs that failed for good within status.failed_window_hours.",
        failed.count,
    )
}

/// The connection pool's use.
fn pool(services: &Services, registry: &Registry) -> Result<(), AppError> {
    let db = &services.db;
    let (size, idle) = match db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => {
            let p = db.get_postgres_connection_pool();
            (p.size(), p.num_idle())
        }
        _ => {
            let p = db.get_sqlite_connection_pool();
            (p.size(), p.num_idle())
        }
    };
    let idle = i64::try_from(idle).unwrap_or(i64::MAX);
    let g = IntGaugeVec::new(
        Opts::new(
            "hih_db_pool_connections",
            "Open database connections of this instance by state.",
        ),
        &["state"],
    )
    .map_err(metric_error)?;
    g.with_label_values(&["in_use"])
        .set((i64::from(size) - idle).max(0));
    g.with_label_values(&["idle"]).set(idle);
    registry.register(Box::new(g)).map_err(metric_error)?;
    int_gauge(
        registry,
        "hih_db_pool_max_connections",
        "Largest number of connections of this instance's pool (database.max_connections).",
        i64::from(services.settings.database.max_connections),
    )
}

/// The last backup.
async fn backup(services: &Services, registry: &Registry) -> Result<(), AppError> {
    let now = services.clock.now();
    if let Some(ok) = record::latest_ok(&services.db).await? {
        let at = ok.finished_at.unwrap_or(ok.started_at);
        gauge(
            registry,
            "hih_backup_last_success_age_seconds",
            "Seconds since the last backup that was written and verified (absent: none yet).",
            (now - at).num_seconds().max(0) as f64,
        )?;
    }
    let failed = record::latest(&services.db)
        .await?
        .is_some_and(|b| b.outcome == record::FAILED);
    int_gauge(
        registry,
        "hih_backup_last_attempt_failed",
        "1 if the last finished backup attempt failed, else 0.",
        i64::from(failed),
    )
}

/// The gauges read at this scrape; a part that cannot be read is left out (and logged).
async fn gauges(services: &Services) -> Vec<MetricFamily> {
    let registry = Registry::new();
    let info = GaugeVec::new(
        Opts::new(
            "hih_build_info",
            "The running program's version (always 1).",
        ),
        &["version"],
    );
    if let Ok(info) = info {
        info.with_label_values(&[env!("CARGO_PKG_VERSION")])
            .set(1.0);
        if let Err(error) = registry.register(Box::new(info)) {
            tracing::warn!(%error, "metrics: build info");
        }
    }
    if let Err(error) = jobs(services, &registry).await {
        tracing::warn!(%error, "metrics: job gauges unavailable");
    }
    if let Err(error) = pool(services, &registry) {
        tracing::warn!(%error, "metrics: pool gauges unavailable");
    }
    if let Err(error) = backup(services, &registry).await {
        tracing::warn!(%error, "metrics: backup gauges unavailable");
    }
    registry.gather()
}

/// `GET /metrics`.
#[handler]
pub async fn metrics(req: &Request) -> WebResult {
    let state = req
        .extensions()
        .get::<AppState>()
        .cloned()
        .ok_or_else(|| WebError(AppError::Internal("state missing".into())))?;
    let client = req.extensions().get::<RequestMeta>().and_then(|m| m.remote);
    let authorization = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    if !access::allowed(&state.services.settings.metrics, client, authorization) {
        return Err(WebError(AppError::NotFound));
    }
    let mut families = req
        .extensions()
        .get::<RequestMetrics>()
        .map(RequestMetrics::gather)
        .unwrap_or_default();
    families.extend(gauges(&state.services).await);
    let mut body = String::new();
    TextEncoder::new()
        .encode_utf8(&families, &mut body)
        .map_err(|e| WebError(metric_error(e)))?;
    Ok(Response::builder().content_type(TEXT_FORMAT).body(body))
}

//! `/protokoll/fehler`: errors in every process step (R-AUD-1) — failed background jobs, read
//! from the job queue's own table (apalis: SQLite `Jobs`, PostgreSQL `apalis.jobs`), and failed
//! requests (status 5xx), which the request pipeline writes to the access log as action
//! [`ERROR_ACTION`] with their request id. One list, newest first, filterable by kind, period
//! and text, with paging.

use chrono::{DateTime, Utc};
use hih_db::entities::access_log;
use hih_i18n::TextArg;
use hih_kernel::{AppError, FieldErrors};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebResult, fetch_first};
use poem::handler;
use poem::web::Query;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder,
    Statement,
};
use serde::Serialize;
use serde_json::Value;

use super::filter::{
    Period, code_options, german_time, like_patterns, list_params, log_search, words_in,
};
use super::{ERROR_ACTION, ERROR_VIEW};

/// The filter fields (all AND-combined).
const FILTERS: [&str; 4] = ["kind", "from", "to", "q"];
/// The list has one order: newest first.
const COLUMNS: [&str; 1] = ["at"];
/// The job queue's name in apalis' table (`hih_jobs::QUEUE`).
const JOB_QUEUE: &str = "hih-jobs";
/// Kinds of errors with their labels.
const KINDS: [(&str, &str); 2] = [
    ("job", "protocol-viewer-errors-kind-job"),
    ("request", "protocol-viewer-errors-kind-request"),
];

/// How the two backends spell the parts of a failed job run.
struct Dialect {
    table: &'static str,
    /// When the run failed, as Unix seconds.
    at: &'static str,
    /// The job's name from the envelope.
    name: &'static str,
    /// The last error.
    error: &'static str,
    /// Runs so far and allowed, as 64-bit integers.
    attempts: &'static str,
    max_attempts: &'static str,
}

const SQLITE: Dialect = Dialect {
    table: "Jobs",
    at: "COALESCE(done_at, lock_at, run_at)",
    name: "json_extract(CAST(job AS TEXT), '$.job')",
    error: "json_extract(last_result, '$.Err')",
    attempts: "attempts",
    max_attempts: "max_attempts",
};

const POSTGRES: Dialect = Dialect {
    table: "apalis.jobs",
    at: "extract(epoch FROM COALESCE(done_at, lock_at, run_at))::int8",
    name: "(convert_from(job, 'UTF8')::jsonb ->> 'job')",
    error: "(last_result ->> 'Err')",
    attempts: "attempts::int8",
    max_attempts: "max_attempts::int8",
};

/// The filter as both sources understand it.
struct ErrorFilter {
    kind: Option<&'static str>,
    period: Period,
    query: Option<String>,
    valid: bool,
}

impl ErrorFilter {
    fn parse(params: &ListParams, errors: &mut FieldErrors) -> Self {
        let period = Period::parse(params, errors);
        let kind = params
            .filter("kind")
            .and_then(|k| KINDS.iter().find(|(code, _)| *code == k))
            .map(|(code, _)| *code);
        ErrorFilter {
            kind,
            period,
            query: params.filter("q").map(str::to_string),
            valid: errors.is_empty(),
        }
    }

    fn wants(&self, kind: &str) -> bool {
        self.valid && self.kind.is_none_or(|k| k == kind)
    }
}

/// One failed job run.
struct FailedJob {
    id: String,
    job: Option<String>,
    status: String,
    attempts: i64,
    max_attempts: i64,
    error: Option<String>,
    at: DateTime<Utc>,
}

/// `FROM … WHERE …` of the failed runs matching the filter, with its bound values.
fn job_where(d: &Dialect, backend: DbBackend, f: &ErrorFilter) -> (String, Vec<sea_orm::Value>) {
    let mut values: Vec<sea_orm::Value> = Vec::new();
    let param = |v: sea_orm::Value, values: &mut Vec<sea_orm::Value>| {
        values.push(v);
        match backend {
            DbBackend::Postgres => format!("${}", values.len()),
            _ => "?".to_string(),
        }
    };
    let mut sql = format!(
        "FROM {} WHERE job_type = {} AND status IN ('Failed', 'Killed')",
        d.table,
        param(JOB_QUEUE.into(), &mut values)
    );
    if let Some(from) = f.period.from {
        let p = param(from.timestamp().into(), &mut values);
        sql.push_str(&format!(" AND {} >= {p}", d.at));
    }
    if let Some(until) = f.period.until {
        let p = param(until.timestamp().into(), &mut values);
        sql.push_str(&format!(" AND {} < {p}", d.at));
    }
    for pattern in like_patterns(f.query.as_deref().unwrap_or("")) {
        let p = param(pattern.into(), &mut values);
        sql.push_str(&format!(
            " AND LOWER(COALESCE({}, '') || ' ' || COALESCE({}, '')) LIKE {p} ESCAPE '\\'",
            d.name, d.error
        ));
    }
    (sql, values)
}

/// The number of failed runs matching the filter and the newest `limit` of them (all without
/// a limit).
async fn failed_jobs(
    ctx: &Ctx,
    f: &ErrorFilter,
    limit: Option<u64>,
) -> Result<(u64, Vec<FailedJob>), AppError> {
    let db = &ctx.services().db;
    let backend = db.get_database_backend();
    let d = match backend {
        DbBackend::Postgres => &POSTGRES,
        _ => &SQLITE,
    };
    let (from_where, values) = job_where(d, backend, f);
    let count = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            format!("SELECT COUNT(*) AS n {from_where}"),
            values.clone(),
        ))
        .await?
        .map(|row| row.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0);
    let limit = limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default();
    let sql = format!(
        "SELECT id, {name} AS job_name, status, {attempts} AS attempts, \
         {max} AS max_attempts, {error} AS last_error, {at} AS failed_at {from_where} \
         ORDER BY failed_at DESC, id DESC{limit}",
        name = d.name,
        attempts = d.attempts,
        max = d.max_attempts,
        error = d.error,
        at = d.at,
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    let mut jobs = Vec::with_capacity(rows.len());
    for row in rows {
        let secs: i64 = row.try_get("", "failed_at")?;
        jobs.push(FailedJob {
            id: row.try_get("", "id")?,
            job: row.try_get("", "job_name")?,
            status: row.try_get("", "status")?,
            attempts: row.try_get("", "attempts")?,
            max_attempts: row.try_get("", "max_attempts")?,
            error: row.try_get("", "last_error")?,
            at: DateTime::from_timestamp(secs, 0).unwrap_or_default(),
        });
    }
    Ok((count.max(0) as u64, jobs))
}

/// The number of failed requests matching the filter and the newest `limit` of them (all
/// without a limit).
async fn failed_requests(
    ctx: &Ctx,
    f: &ErrorFilter,
    limit: Option<u64>,
) -> Result<(u64, Vec<access_log::Model>), AppError> {
    let mut cond = Condition::all().add(access_log::Column::Action.eq(ERROR_ACTION));
    if let Some(from) = f.period.from {
        cond = cond.add(access_log::Column::At.gte(from));
    }
    if let Some(until) = f.period.until {
        cond = cond.add(access_log::Column::At.lt(until));
    }
    if let Some(q) = &f.query {
        cond = cond.add(words_in(
            &[access_log::Column::Detail, access_log::Column::Path],
            q,
        ));
    }
    let select = access_log::Entity::find()
        .filter(cond)
        .order_by_desc(access_log::Column::At)
        .order_by_desc(access_log::Column::Id);
    let db = &ctx.services().db;
    Ok(match limit {
        Some(n) => fetch_first(select, n, db).await?,
        None => {
            let rows = select.all(db).await?;
            (rows.len() as u64, rows)
        }
    })
}

/// One line of the error list.
#[derive(Serialize)]
struct ErrorRow {
    kind: String,
    at: String,
    what: String,
    who: String,
    state: String,
    error: String,
    reference: String,
    /// The access-log entry of a failed request.
    access_id: Option<i64>,
    #[serde(skip)]
    sort_at: DateTime<Utc>,
}

fn text(ctx: &Ctx, key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, TextArg)> = args
        .iter()
        .map(|(k, v)| (*k, TextArg::Str(v.clone())))
        .collect();
    ctx.services().texts.t(ctx.locale, key, &args)
}

fn job_row(ctx: &Ctx, j: FailedJob) -> ErrorRow {
    let name = j.job.unwrap_or_default();
    let who = format!("system:{name}");
    let what = ctx
        .state
        .jobs
        .iter()
        .find(|spec| spec.name == name)
        .map(|spec| format!("{} ({name})", ctx.t(spec.label_key)))
        .unwrap_or(name);
    let status_key = if j.status == "Killed" {
        "protocol-viewer-errors-job-killed"
    } else {
        "protocol-viewer-errors-job-failed"
    };
    ErrorRow {
        kind: ctx.t("protocol-viewer-errors-kind-job"),
        at: german_time(j.at),
        who,
        what,
        state: text(
            ctx,
            status_key,
            &[
                ("attempts", j.attempts.to_string()),
                ("max", j.max_attempts.to_string()),
            ],
        ),
        error: j.error.unwrap_or_default(),
        reference: j.id,
        access_id: None,
        sort_at: j.at,
    }
}

fn request_row(ctx: &Ctx, e: access_log::Model) -> ErrorRow {
    let detail: Value = serde_json::from_str(&e.detail).unwrap_or(Value::Null);
    let field = |name: &str| match detail.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let method = field("method");
    ErrorRow {
        kind: ctx.t("protocol-viewer-errors-kind-request"),
        at: german_time(e.at),
        what: format!("{method} {}", e.path).trim().to_string(),
        state: text(
            ctx,
            "protocol-viewer-errors-request-status",
            &[("status", field("status"))],
        ),
        who: e.actor_name.clone(),
        error: ctx.t("protocol-viewer-errors-request-hint"),
        reference: field("request_id"),
        access_id: Some(e.id),
        sort_at: e.at,
    }
}

/// The error view: failed jobs and failed requests, newest first, filtered and paged; the
/// search is access-logged.
#[handler]
pub(super) async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let params = list_params(&ctx, "protocol_errors", &query, &FILTERS, &COLUMNS);
    let mut errors = FieldErrors::new();
    let filter = ErrorFilter::parse(&params, &mut errors);
    // Both sources are read up to the end of the asked page, merged by time, then cut: the
    // page is exactly the slice of the merged list.
    let probe = params.window(u64::MAX);
    let upto = probe.1.map(|limit| probe.0.saturating_add(limit));
    let (job_total, jobs) = if filter.wants("job") {
        failed_jobs(&ctx, &filter, upto).await?
    } else {
        (0, Vec::new())
    };
    let (request_total, requests) = if filter.wants("request") {
        failed_requests(&ctx, &filter, upto).await?
    } else {
        (0, Vec::new())
    };
    let total = job_total + request_total;
    let mut merged: Vec<ErrorRow> = jobs
        .into_iter()
        .map(|j| job_row(&ctx, j))
        .chain(requests.into_iter().map(|r| request_row(&ctx, r)))
        .collect();
    merged.sort_by_key(|row| std::cmp::Reverse(row.sort_at));
    let (offset, limit) = params.window(total);
    let rows: Vec<ErrorRow> = merged
        .into_iter()
        .skip(offset as usize)
        .take(limit.map_or(usize::MAX, |l| l as usize))
        .collect();
    log_search(&ctx, ERROR_VIEW, &params, total).await;
    let kind_options = code_options(&KINDS);
    let value = |name: &str| params.filter(name).unwrap_or("").to_string();
    ctx.render_form(
        "protocol/viewer/errors.html",
        &errors,
        context! {
            current => "errors",
            rows => Serde(rows),
            list => params.view(total, &COLUMNS),
            kind => value("kind"),
            from => value("from"),
            to => value("to"),
            q => value("q"),
            kind_options => Serde(kind_options),
        },
    )
    .await
}

//! The dashboard's pages: `/system/jobs` (job types with schedules, next runs and counts;
//! recent runs filtered by job and state, paged) and `/system/jobs/:id` (one run).

use hih_jobs::{JobRun, RunFilter, RunState};
use hih_kernel::AppError;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebError, WebResult};
use poem::handler;
use poem::web::{Path, Query};

use super::view::{RunView, state_key};
use super::{PATH, overview};

/// Page-size memory key of the run list.
const LIST_KEY: &str = "system-jobs";
/// Filter fields (AND-combined).
const FILTERS: [&str; 2] = ["job", "status"];
/// The list has one order: newest first.
const COLUMNS: [&str; 1] = ["newest"];
/// Longest id accepted (apalis' ids are 26-character ULIDs).
const MAX_ID_LEN: usize = 64;

/// Whether `id` looks like a run id at all (letters, digits, `-`); others are not looked up.
pub fn well_formed(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The run with this id, else 404 (also for malformed ids).
pub async fn load(ctx: &Ctx, id: &str) -> WebResult<JobRun> {
    if !well_formed(id) {
        return Err(WebError(AppError::NotFound));
    }
    hih_jobs::find_run(&ctx.services().db, id)
        .await?
        .ok_or(WebError(AppError::NotFound))
}

/// The dashboard: job types, then the runs.
#[handler]
pub async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let params = ListParams::parse(&ctx, LIST_KEY, &query, &FILTERS, &COLUMNS);
    let state = params.filter("status").and_then(RunState::from_code);
    let filter = RunFilter {
        job: params.filter("job").map(str::to_string),
        state,
    };
    let services = ctx.services();
    let db = &services.db;
    let total = hih_jobs::count_runs(db, &filter).await?;
    let (offset, limit) = params.window(total);
    let runs = hih_jobs::list_runs(db, &filter, offset, limit).await?;
    let counts = hih_jobs::state_counts(db, overview::RECENT_SECS).await?;
    let jobs = &ctx.state.jobs;
    let types = overview::build(
        services,
        ctx.locale,
        PATH,
        jobs,
        &ctx.state.cron,
        &counts,
        services.clock.now(),
    );
    let rows: Vec<RunView> = runs
        .iter()
        .map(|r| RunView::new(services, ctx.locale, jobs, r))
        .collect();
    let job_options: Vec<(String, String)> = jobs
        .iter()
        .map(|j| (j.name.to_string(), j.label_key.to_string()))
        .collect();
    let state_options: Vec<(&str, String)> = RunState::ALL
        .into_iter()
        .map(|s| (s.code(), state_key(s)))
        .collect();
    ctx.render(
        "operations/jobs/list.html",
        context! {
            types => Serde(types),
            rows => Serde(rows),
            list => params.view(total, &COLUMNS),
            job => params.filter("job").unwrap_or(""),
            status => state.map(RunState::code).unwrap_or(""),
            job_options => Serde(job_options),
            state_options => Serde(state_options),
        },
    )
    .await
}

/// One run: its times, attempts, error and worker, with retry or cancel when its state
/// allows.
#[handler]
pub async fn detail(ctx: Ctx, Path(id): Path<String>) -> WebResult {
    let run = load(&ctx, &id).await?;
    let view = RunView::new(ctx.services(), ctx.locale, &ctx.state.jobs, &run);
    ctx.render(
        "operations/jobs/detail.html",
        context! {
            run => Serde(view),
        },
    )
    .await
}

//! The dashboard's overview of job types: every registered job with its label, its schedules
//! (in words and as cron expression), its next run in Europe/Berlin (by the application's
//! clock) or "on demand", and how many of its runs are in which state.

use chrono::{DateTime, Utc};
use hih_i18n::{Locale, TextArg};
use hih_jobs::{RunState, StateCount};
use hih_kernel::{CronSpec, JobSpec, Services};
use hih_web::iso;
use serde::Serialize;

use super::schedule;
use super::view::state_key;

/// How far back ended runs are counted (open ones always are): seven days.
pub const RECENT_SECS: i64 = 7 * 24 * 3600;

/// One schedule of a job.
#[derive(Debug, Clone, Serialize)]
pub struct ScheduleView {
    /// The schedule in words, if it has a common shape.
    pub words: Option<String>,
    /// The cron expression (UTC).
    pub cron: String,
}

/// A count of runs in one state, linking to the filtered list.
#[derive(Debug, Clone, Serialize)]
pub struct CountView {
    /// State code.
    pub state: &'static str,
    /// Text key of the state's name.
    pub state_key: String,
    /// Number of runs.
    pub count: i64,
    /// The run list filtered by job and state.
    pub href: String,
}

/// One job type.
#[derive(Debug, Clone, Serialize)]
pub struct TypeView {
    /// Technical name.
    pub name: String,
    /// German label (or the name for jobs no longer registered).
    pub label: String,
    /// Whether a feature still registers it.
    pub registered: bool,
    /// Its cron schedules (empty: on demand).
    pub schedules: Vec<ScheduleView>,
    /// The next scheduled run (RFC 3339), if scheduled.
    pub next_run: Option<String>,
    /// Runs per state (only states with runs, in the dashboard's order).
    pub counts: Vec<CountView>,
}

fn words(services: &Services, locale: Locale, expr: &str) -> Option<String> {
    let w = schedule::describe(expr)?;
    let args: Vec<(&str, TextArg)> = w
        .args
        .iter()
        .map(|(k, v)| (*k, TextArg::Str(v.clone())))
        .collect();
    Some(services.texts.t(locale, w.key, &args))
}

/// The list link of `job` in `state`.
pub fn list_href(base: &str, job: &str, state: RunState) -> String {
    let query =
        serde_urlencoded::to_string([("job", job), ("status", state.code())]).unwrap_or_default();
    format!("{base}?{query}")
}

fn counts_of(base: &str, job: &str, counts: &[StateCount]) -> Vec<CountView> {
    RunState::ALL
        .into_iter()
        .filter_map(|state| {
            let count: i64 = counts
                .iter()
                .filter(|c| c.state == state && c.job.as_deref() == Some(job))
                .map(|c| c.count)
                .sum();
            (count > 0).then(|| CountView {
                state: state.code(),
                state_key: state_key(state),
                count,
                href: list_href(base, job, state),
            })
        })
        .collect()
}

/// The overview rows: registered jobs in registration order, then names found only in the
/// queue (jobs since removed), alphabetically.
pub fn build(
    services: &Services,
    locale: Locale,
    base: &str,
    jobs: &[JobSpec],
    cron: &[CronSpec],
    counts: &[StateCount],
    now: DateTime<Utc>,
) -> Vec<TypeView> {
    let mut out: Vec<TypeView> = Vec::with_capacity(jobs.len());
    for spec in jobs {
        if out.iter().any(|t| t.name == spec.name) {
            continue;
        }
        let exprs: Vec<&str> = cron
            .iter()
            .filter(|c| c.job == spec.name)
            .map(|c| c.schedule)
            .collect();
        out.push(TypeView {
            name: spec.name.to_string(),
            label: services.texts.t(locale, spec.label_key, &[]),
            registered: true,
            schedules: exprs
                .iter()
                .map(|e| ScheduleView {
                    words: words(services, locale, e),
                    cron: e.to_string(),
                })
                .collect(),
            next_run: schedule::next_of(exprs.iter().copied(), now).map(iso),
            counts: counts_of(base, spec.name, counts),
        });
    }
    let mut unknown: Vec<&str> = counts
        .iter()
        .filter_map(|c| c.job.as_deref())
        .filter(|name| !jobs.iter().any(|j| j.name == *name))
        .collect();
    unknown.sort_unstable();
    unknown.dedup();
    for name in unknown {
        out.push(TypeView {
            name: name.to_string(),
            label: name.to_string(),
            registered: false,
            schedules: Vec::new(),
            next_run: None,
            counts: counts_of(base, name, counts),
        });
    }
    out
}

//! What the dashboard's pages show of a run and of a job type: labels, German state names,
//! times (rendered in Europe/Berlin by the templates), durations.

use chrono::{DateTime, Utc};
use hih_i18n::{Locale, TextArg};
use hih_jobs::{JobRun, RunState};
use hih_kernel::{JobSpec, Services};
use hih_web::iso;
use serde::Serialize;

/// Characters of an error shown in the list (the run's page shows all of it).
const ERROR_PREVIEW_CHARS: usize = 80;

/// Text key of a state's German name.
pub fn state_key(state: RunState) -> String {
    format!("operations-jobs-state-{}", state.code())
}

/// The label of a job name: its registered label, else the name itself (runs of jobs that are
/// no longer registered).
pub fn job_label(services: &Services, locale: Locale, jobs: &[JobSpec], name: &str) -> String {
    match jobs.iter().find(|j| j.name == name) {
        Some(spec) => services.texts.t(locale, spec.label_key, &[]),
        None => name.to_string(),
    }
}

/// Unix seconds as RFC 3339 (for the `datetime_de` filter).
pub fn instant(secs: i64) -> Option<String> {
    DateTime::<Utc>::from_timestamp(secs, 0).map(iso)
}

/// A duration in words: seconds, minutes and seconds, or hours and minutes.
pub fn duration(services: &Services, locale: Locale, secs: i64) -> String {
    let secs = secs.max(0);
    let num = |n: i64| TextArg::Num(n as f64);
    let (key, args) = if secs < 60 {
        ("operations-jobs-duration-seconds", vec![("s", num(secs))])
    } else if secs < 3600 {
        (
            "operations-jobs-duration-minutes",
            vec![("m", num(secs / 60)), ("s", num(secs % 60))],
        )
    } else {
        (
            "operations-jobs-duration-hours",
            vec![("h", num(secs / 3600)), ("m", num(secs % 3600 / 60))],
        )
    };
    services.texts.t(locale, key, &args)
}

/// How long the last attempt took: from its start to its end for ended attempts; `None`
/// while it has not started or is still running.
fn elapsed(run: &JobRun) -> Option<i64> {
    match run.state {
        RunState::Done | RunState::Failed | RunState::Killed | RunState::Retrying => {
            Some(run.done_at? - run.lock_at?)
        }
        _ => None,
    }
}

/// One run as the list and the run's page show it.
#[derive(Debug, Clone, Serialize)]
pub struct RunView {
    /// Task id.
    pub id: String,
    /// Job name (technical).
    pub job: String,
    /// Job label.
    pub label: String,
    /// State code.
    pub state: &'static str,
    /// Text key of the state's name.
    pub state_key: String,
    /// Held by a dead worker.
    pub stalled: bool,
    /// When it was (or is) due.
    pub run_at: Option<String>,
    /// When its last attempt started.
    pub started: Option<String>,
    /// When its last attempt ended.
    pub finished: Option<String>,
    /// Duration of the last attempt, in words.
    pub duration: Option<String>,
    /// Attempts so far.
    pub attempts: i64,
    /// Attempts allowed.
    pub max_attempts: i64,
    /// The last error, in full.
    pub error: Option<String>,
    /// The last error, shortened for the list.
    pub error_preview: Option<String>,
    /// The worker that holds or held it.
    pub worker: Option<String>,
    /// That worker's last heartbeat.
    pub worker_seen: Option<String>,
    /// Whether it may be retried now.
    pub can_retry: bool,
    /// Whether it may be cancelled now.
    pub can_cancel: bool,
}

impl RunView {
    /// The view of `run`.
    pub fn new(services: &Services, locale: Locale, jobs: &[JobSpec], run: &JobRun) -> Self {
        let job = run.job.clone().unwrap_or_default();
        let started = run.lock_at.filter(|_| run.state != RunState::Pending);
        let finished = run.done_at.filter(|_| {
            matches!(
                run.state,
                RunState::Done | RunState::Failed | RunState::Killed | RunState::Retrying
            )
        });
        let error = run.last_error.clone().filter(|e| !e.is_empty());
        let error_preview = error.as_ref().map(|e| {
            if e.chars().count() > ERROR_PREVIEW_CHARS {
                let short: String = e.chars().take(ERROR_PREVIEW_CHARS).collect();
                format!("{short}…")
            } else {
                e.clone()
            }
        });
        RunView {
            id: run.id.clone(),
            label: job_label(services, locale, jobs, &job),
            job,
            state: run.state.code(),
            state_key: state_key(run.state),
            stalled: run.state == RunState::Stalled,
            run_at: instant(run.run_at),
            started: started.and_then(instant),
            finished: finished.and_then(instant),
            duration: elapsed(run).map(|s| duration(services, locale, s)),
            attempts: run.attempts,
            max_attempts: run.max_attempts,
            error,
            error_preview,
            worker: run.lock_by.clone(),
            worker_seen: run.worker_seen.and_then(instant),
            can_retry: run.state.can_retry(),
            can_cancel: run.state.can_cancel(),
        }
    }
}

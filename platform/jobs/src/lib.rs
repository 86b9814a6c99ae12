//! Background jobs (apalis 1.0) on the application's own database.
//!
//! One envelope type ([`JobEnvelope`]: job name + JSON payload) on one queue (`hih-jobs`),
//! one worker that dispatches by name to the [`hih_kernel::JobHandler`]s features register,
//! and one cron worker per schedule that enqueues envelopes with an idempotency key
//! `cron:<job>:<scheduled second>` — so on several instances each tick runs exactly once.
//!
//! Traps avoided (see STACK.md): `SqliteStorage::setup()` is never called (it would set
//! `synchronous=OFF` on our pool); apalis' interval poll strategy can lose its wake-up, so a
//! small strategy of our own polls every 200 ms; the queue name is explicit.

mod dashboard;
mod envelope;
pub mod health;
mod poll;
mod runner;

pub use dashboard::{
    DEAD_WORKER_SECS, JobRun, RunFilter, RunState, StateCount, cancel_run, count_runs, find_run,
    list_runs, purge_done_runs, recent_runs, retry_run, state_counts,
};
pub use envelope::{JobEnvelope, QUEUE};
pub use runner::{JobSystem, MAX_ATTEMPTS};

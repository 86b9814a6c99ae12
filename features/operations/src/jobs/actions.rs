//! Retry and cancel of a run, each with a confirmation page: the run's page POSTs (CSRF) to
//! `…/wiederholen` or `…/abbrechen`, which shows what will happen; its POST to
//! `…/bestaetigen` changes the run in the audited unit of work (entity [`AUDIT_ENTITY`],
//! action `retry`/`cancel`, with the job's name, the state before and after, the attempts
//! used and the last error) and goes back
//! to the run's page with a message (POST-redirect-GET). A run whose state no longer allows
//! the action (a worker took it, it finished meanwhile) gets a page that says so (409).

use hih_db::UnitOfWork;
use hih_i18n::TextArg;
use hih_jobs::{JobRun, RunState};
use hih_kernel::AppError;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use poem::http::StatusCode;
use poem::web::Path;

use super::PATH;
use super::routes::load;
use super::view::{RunView, state_key};

/// Audit entity of the operator's actions on runs.
pub const AUDIT_ENTITY: &str = "job_run";

/// What an operator does to a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Put it back into the queue with a fresh budget of attempts.
    Retry,
    /// Stop it for good.
    Cancel,
}

impl Action {
    /// Path segment after the run's path.
    pub fn segment(self) -> &'static str {
        match self {
            Action::Retry => "wiederholen",
            Action::Cancel => "abbrechen",
        }
    }

    /// Audit action name.
    pub fn audit_action(self) -> &'static str {
        match self {
            Action::Retry => "retry",
            Action::Cancel => "cancel",
        }
    }

    /// Whether a run in `state` allows the action.
    pub fn allowed(self, state: RunState) -> bool {
        match self {
            Action::Retry => state.can_retry(),
            Action::Cancel => state.can_cancel(),
        }
    }

    /// The run's state after the action.
    pub fn outcome(self) -> RunState {
        match self {
            Action::Retry => RunState::Pending,
            Action::Cancel => RunState::Killed,
        }
    }

    fn title_key(self) -> &'static str {
        match self {
            Action::Retry => "operations-jobs-retry-title",
            Action::Cancel => "operations-jobs-cancel-title",
        }
    }

    fn question_key(self) -> &'static str {
        match self {
            Action::Retry => "operations-jobs-retry-question",
            Action::Cancel => "operations-jobs-cancel-question",
        }
    }

    fn confirm_key(self) -> &'static str {
        match self {
            Action::Retry => "operations-jobs-retry-yes",
            Action::Cancel => "operations-jobs-cancel-yes",
        }
    }

    fn done_key(self) -> &'static str {
        match self {
            Action::Retry => "operations-jobs-retry-done",
            Action::Cancel => "operations-jobs-cancel-done",
        }
    }
}

/// Why an action on a run was refused, each with its German message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    /// Only finished runs and runs held by a dead worker can be retried.
    #[error("run in state {} cannot be retried", .0.code())]
    NotRetryable(RunState),
    /// Only waiting runs and runs held by a dead worker can be cancelled.
    #[error("run in state {} cannot be cancelled", .0.code())]
    NotCancellable(RunState),
}

impl ActionError {
    /// The refusal of `action` for a run in `state`.
    pub fn of(action: Action, state: RunState) -> Self {
        match action {
            Action::Retry => ActionError::NotRetryable(state),
            Action::Cancel => ActionError::NotCancellable(state),
        }
    }

    /// Text key of the message (argument `state`: the state's name).
    pub fn text_key(&self) -> &'static str {
        match self {
            ActionError::NotRetryable(_) => "operations-jobs-retry-refused",
            ActionError::NotCancellable(_) => "operations-jobs-cancel-refused",
        }
    }

    /// The run's state that refused it.
    pub fn state(&self) -> RunState {
        match self {
            ActionError::NotRetryable(s) | ActionError::NotCancellable(s) => *s,
        }
    }
}

fn run_path(id: &str) -> String {
    format!("{PATH}/{id}")
}

/// The refusal page (409) with the run's current state and a way back to it.
async fn refused(ctx: &Ctx, run: &JobRun, error: ActionError) -> WebResult {
    let state = ctx.t(&state_key(error.state()));
    let message = ctx.services().texts.t(
        ctx.locale,
        error.text_key(),
        &[("state", TextArg::Str(state))],
    );
    ctx.render_status(
        StatusCode::CONFLICT,
        "operations/jobs/refused.html",
        context! { message => message, run_href => run_path(&run.id) },
    )
    .await
}

/// The confirmation page of `action` on run `id`.
async fn confirm(ctx: &Ctx, id: &str, action: Action) -> WebResult {
    let run = load(ctx, id).await?;
    if !action.allowed(run.state) {
        return refused(ctx, &run, ActionError::of(action, run.state)).await;
    }
    let view = RunView::new(ctx.services(), ctx.locale, &ctx.state.jobs, &run);
    ctx.render(
        "operations/jobs/confirm.html",
        context! {
            run => Serde(view),
            title_key => action.title_key(),
            question_key => action.question_key(),
            confirm_key => action.confirm_key(),
            action => format!("{}/{}/bestaetigen", run_path(&run.id), action.segment()),
            run_href => run_path(&run.id),
            budget => hih_jobs::MAX_ATTEMPTS,
        },
    )
    .await
}

/// Performs `action` on run `id` in the audited unit of work, then back to the run.
async fn submit(ctx: &Ctx, id: &str, action: Action) -> WebResult {
    let run = load(ctx, id).await?;
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    // Read again inside the transaction: the audit entry names the state the action changed.
    let run = hih_jobs::find_run(uow.txn(), &run.id)
        .await?
        .ok_or(WebError(AppError::NotFound))?;
    let changed = match action {
        Action::Retry => hih_jobs::retry_run(uow.txn(), &run.id).await?,
        Action::Cancel => hih_jobs::cancel_run(uow.txn(), &run.id).await?,
    };
    if !changed {
        drop(uow);
        // Tell the state it has now, not the one it had when the page was shown.
        let now = load(ctx, id).await?;
        return refused(ctx, &now, ActionError::of(action, now.state)).await;
    }
    uow.event(
        AUDIT_ENTITY,
        &run.id,
        action.audit_action(),
        serde_json::json!({
            "job": run.job,
            "state": [run.state.code(), action.outcome().code()],
            "attempts": run.attempts,
            // Kept here: a retried run leaves the error log until it fails again.
            "error": run.last_error,
        }),
    );
    uow.commit().await?;
    ctx.session.flash(action.done_key());
    ctx.redirect(&run_path(&run.id))
}

/// Confirmation page of a retry.
#[handler]
pub async fn retry_confirm(ctx: Ctx, Path(id): Path<String>) -> WebResult {
    confirm(&ctx, &id, Action::Retry).await
}

/// Retries a run (audited).
#[handler]
pub async fn retry_submit(ctx: Ctx, Path(id): Path<String>) -> WebResult {
    submit(&ctx, &id, Action::Retry).await
}

/// Confirmation page of a cancellation.
#[handler]
pub async fn cancel_confirm(ctx: Ctx, Path(id): Path<String>) -> WebResult {
    confirm(&ctx, &id, Action::Cancel).await
}

/// Cancels a run (audited).
#[handler]
pub async fn cancel_submit(ctx: Ctx, Path(id): Path<String>) -> WebResult {
    submit(&ctx, &id, Action::Cancel).await
}

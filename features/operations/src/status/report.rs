//! The job `operations.status-check` (every minute): evaluates the checks and tells the
//! operator about a degraded state once.
//!
//! The findings (which check reports which kind of trouble; the changing numbers left out) are
//! compared with the state last reported (`ops_state`, see [`super::state`]):
//! - a finding that was not reported before: admins and super administrators get a
//!   notification (bell), and the operator a mail (`mail.operator_email`, otherwise every
//!   active super administrator) listing every current finding;
//! - the same findings, or fewer of them: nothing is sent (fewer are stored silently, so a
//!   finding that comes back is news again);
//! - all good after a degraded state: one notification and mail "wieder betriebsbereit".
//!
//! A plain read decides first; only on a change does a unit of work open (it takes the audit
//! lock), decide again under it and write the notifications, the mails, an audit event
//! (`ops_state` `status.degraded`: `degraded` or `recovered`, with the findings) and the new
//! state — one transaction, so a report is stored exactly when it was sent. While writes fail
//! (a full disk) nothing can be stored or sent: the error is logged, `/readyz` answers 503,
//! and the report follows once writes work again.

use hih_db::UnitOfWork;
use hih_i18n::{Locale, TextArg};
use hih_kernel::{Actor, AppError, JobContext, JobError, JobHandler, Role, Services, StatusLevel};
use hih_notify::Notice;
use hih_users::recipients::{Filter, active_with_roles};
use serde_json::Value;

use super::checks::{Report, evaluate};
use super::state::{self, Degradation};
use super::{PATH, facts};

/// Name of the job.
pub const JOB: &str = "operations.status-check";

/// Kind of the notifications about the system's state.
pub const NOTICE_KIND: &str = "operations.status";

/// What one run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The findings are the ones reported before (or all good, as before).
    Unchanged,
    /// New findings: reported to admins, super administrators and the operator.
    Reported,
    /// Fewer findings than reported: stored, nothing sent.
    Eased,
    /// All good again after a degraded state: reported.
    Recovered,
}

/// The job handler.
pub struct StatusJob;

#[async_trait::async_trait]
impl JobHandler for StatusJob {
    async fn run(&self, ctx: &JobContext, _payload: Value) -> Result<(), JobError> {
        match run(&ctx.services, &ctx.actor()).await {
            Ok(Outcome::Reported) => tracing::warn!("degraded state reported to the operator"),
            Ok(Outcome::Recovered) => tracing::info!("recovery reported to the operator"),
            Ok(_) => {}
            Err(error) => {
                tracing::error!(%error, "status check could not store or send its report");
                return Err(error.into());
            }
        }
        Ok(())
    }
}

/// Evaluates the checks now and reports a change (see the module documentation).
pub async fn run(services: &Services, actor: &Actor) -> Result<Outcome, AppError> {
    let facts = facts::collect(services).await;
    let report = evaluate(&facts, &services.settings);
    let current = report.degradation(services.clock.now());
    if decide(&state::load(&services.db).await?, &current) == Outcome::Unchanged {
        return Ok(Outcome::Unchanged);
    }
    let mut uow = UnitOfWork::begin(services, actor).await?;
    let before = state::load(uow.txn()).await?;
    let outcome = decide(&before, &current);
    let mut stored = current.clone();
    match outcome {
        Outcome::Unchanged => return Ok(outcome),
        Outcome::Reported => tell(&mut uow, &report, &current, false).await?,
        Outcome::Recovered => tell(&mut uow, &report, &before, true).await?,
        // The state is the same episode: it keeps its start.
        Outcome::Eased => stored.since = before.since.or(current.since),
    }
    let now = uow.now();
    state::save(uow.txn(), &stored, now).await?;
    uow.commit().await?;
    Ok(outcome)
}

/// What to do when `current` follows `before`.
pub fn decide(before: &Degradation, current: &Degradation) -> Outcome {
    if before.findings == current.findings {
        Outcome::Unchanged
    } else if current.is_ok() {
        Outcome::Recovered
    } else if current.new_since(before).next().is_some() {
        Outcome::Reported
    } else {
        Outcome::Eased
    }
}

/// The operator's addresses: the configured one, otherwise every active super administrator's.
async fn operator_addresses(uow: &UnitOfWork) -> Result<Vec<String>, AppError> {
    if let Some(address) = &uow.services().settings.mail.operator_email
        && !address.trim().is_empty()
    {
        return Ok(vec![address.trim().to_string()]);
    }
    Ok(
        active_with_roles(uow.txn(), &[Role::SuperAdmin], Filter::All)
            .await?
            .into_iter()
            .map(|r| r.email)
            .collect(),
    )
}

/// The findings as lines for the mail, in German: `- Sicherung: …`.
fn finding_lines(services: &Services, report: &Report) -> String {
    let texts = &services.texts;
    report
        .findings()
        .map(|c| {
            let args = hih_notify::text_args(&c.finding.args);
            let args: Vec<(&str, TextArg)> =
                args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            let level = match c.level() {
                StatusLevel::Problem => "operations-status-level-problem",
                _ => "operations-status-level-warning",
            };
            format!(
                "- {} ({}): {}",
                texts.t(Locale::De, c.label_key, &[]),
                texts.t(Locale::De, level, &[]),
                texts.t(Locale::De, &c.finding.text_key, &args)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Writes the notifications, the operator's mails and the audit event of a report.
async fn tell(
    uow: &mut UnitOfWork,
    report: &Report,
    findings: &Degradation,
    recovered: bool,
) -> Result<(), AppError> {
    let services = uow.services().clone();
    let link = services.settings.absolute_url(PATH);
    let (notice_key, subject_key, body_key, action) = if recovered {
        (
            "operations-status-notice-recovered",
            "operations-status-mail-recovered-subject",
            "operations-status-mail-recovered-body",
            "recovered",
        )
    } else {
        (
            "operations-status-notice-degraded",
            "operations-status-mail-degraded-subject",
            "operations-status-mail-degraded-body",
            "degraded",
        )
    };
    let notice = Notice::new(NOTICE_KIND, notice_key)
        .href(PATH)
        .arg("problems", report.problems())
        .arg("warnings", report.warnings());
    let to = active_with_roles(uow.txn(), &[Role::Admin, Role::SuperAdmin], Filter::All).await?;
    hih_notify::notify(uow, &to, &notice).await?;
    let args = [
        ("problems", TextArg::Num(report.problems() as f64)),
        ("warnings", TextArg::Num(report.warnings() as f64)),
        ("findings", TextArg::Str(finding_lines(&services, report))),
        ("link", TextArg::Str(link)),
    ];
    for to in operator_addresses(uow).await? {
        hih_mail::queue(
            uow,
            hih_mail::Mail {
                to,
                subject: services.texts.t(Locale::De, subject_key, &args),
                body: services.texts.t(Locale::De, body_key, &args),
            },
        )
        .await?;
    }
    let details = serde_json::to_value(&findings.findings)
        .map_err(|e| AppError::Internal(format!("status findings: {e}")))?;
    uow.event(
        "ops_state",
        state::KEY,
        action,
        serde_json::json!({ "findings": details }),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::state::Seen;

    fn state(keys: &[&str]) -> Degradation {
        Degradation {
            findings: keys
                .iter()
                .map(|k| Seen {
                    check: k.to_string(),
                    text_key: format!("operations-status-{k}-x"),
                    level: "problem".into(),
                })
                .collect(),
            since: None,
        }
    }

    #[test]
    fn only_news_is_reported() {
        assert_eq!(decide(&state(&[]), &state(&[])), Outcome::Unchanged);
        assert_eq!(decide(&state(&[]), &state(&["a"])), Outcome::Reported);
        assert_eq!(decide(&state(&["a"]), &state(&["a"])), Outcome::Unchanged);
        assert_eq!(
            decide(&state(&["a"]), &state(&["a", "b"])),
            Outcome::Reported
        );
        assert_eq!(decide(&state(&["a", "b"]), &state(&["a"])), Outcome::Eased);
        assert_eq!(decide(&state(&["a"]), &state(&["b"])), Outcome::Reported);
        assert_eq!(decide(&state(&["a"]), &state(&[])), Outcome::Recovered);
    }
}

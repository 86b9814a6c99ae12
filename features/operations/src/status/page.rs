//! `GET /system/status`: checks everything at once (on every view) and shows the result —
//! "System betriebsbereit", or the problems first, each with what to do — then the table of
//! all checks.

use hih_i18n::{Locale, TextArg};
use hih_kernel::{Services, StatusLevel};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult, iso};
use poem::handler;
use serde::Serialize;

use super::checks::{Check, Report, evaluate};
use super::facts;

/// One check as the page shows it, in the reader's language.
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    /// The check's key (element ids).
    pub key: &'static str,
    /// Its name.
    pub label: String,
    /// `problem`, `warning` or `ok`.
    pub level: &'static str,
    /// The level in words.
    pub level_label: String,
    /// What it found and what to do.
    pub message: String,
    /// Where to act on it.
    pub href: Option<String>,
}

/// A check's level as code and text key.
fn level(l: StatusLevel) -> (&'static str, &'static str) {
    match l {
        StatusLevel::Problem => ("problem", "operations-status-level-problem"),
        StatusLevel::Warning => ("warning", "operations-status-level-warning"),
        StatusLevel::Ok => ("ok", "operations-status-level-ok"),
    }
}

/// Renders one check's texts.
pub fn shown(services: &Services, locale: Locale, check: &Check) -> Shown {
    let texts = &services.texts;
    let args = hih_notify::text_args(&check.finding.args);
    let args: Vec<(&str, TextArg)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let (code, key) = level(check.level());
    Shown {
        key: check.key,
        label: texts.t(locale, check.label_key, &[]),
        level: code,
        level_label: texts.t(locale, key, &[]),
        message: texts.t(locale, &check.finding.text_key, &args),
        href: check.finding.href.clone(),
    }
}

/// Collects and evaluates the checks now.
pub async fn current(services: &Services) -> Report {
    let facts = facts::collect(services).await;
    evaluate(&facts, &services.settings)
}

/// `GET /system/status`.
#[handler]
pub async fn page(ctx: Ctx) -> WebResult {
    let services = ctx.services();
    let report = current(services).await;
    let checks: Vec<Shown> = report
        .checks
        .iter()
        .map(|c| shown(services, ctx.locale, c))
        .collect();
    let findings: Vec<&Shown> = checks.iter().filter(|c| c.level != "ok").collect();
    ctx.render(
        "operations/status/page.html",
        context! {
            ready => report.is_ok(),
            problems => report.problems(),
            warnings => report.warnings(),
            findings => Serde(&findings),
            checks => Serde(&checks),
            checked_at => iso(services.clock.now()),
        },
    )
    .await
}

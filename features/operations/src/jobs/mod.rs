//! The job dashboard `/system/jobs` (R-OPS-2; admins and super administrators), without
//! JavaScript:
//! - [`overview`]: every registered job type with its label, its schedule in words and as cron
//!   expression, the next run (Europe/Berlin) or "on demand", and its runs per state;
//! - [`routes`]: the runs (job, German state, due/started/finished, duration, attempts, error),
//!   filtered by job and state, paged; a run's page; runs held by a dead worker are named so;
//! - [`actions`]: retry and cancel, each confirmed on a page of its own and audited;
//! - [`schedule`] and [`view`]: next runs and words of cron schedules; what a run looks like;
//! - [`purge`]: the daily job that deletes successful runs after 30 days.
//!
//! The runs come from apalis' tables through `hih_jobs`' dashboard queries; the job types and
//! schedules from what the features registered (kept in the app state). Texts
//! `operations-jobs-*` in `i18n/*/operations_jobs.ftl`.

pub mod actions;
pub mod overview;
pub mod purge;
pub mod routes;
pub mod schedule;
pub mod view;

use std::sync::Arc;

use hih_i18n::Locale;
use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get, post};

use crate::permissions::JOBS;
use actions::Action;

/// Path of this part's page.
pub const PATH: &str = "/system/jobs";

/// Registers this part's routes, templates, texts, navigation entry, audit entity and the
/// daily purge of the job history (04:10 UTC).
pub fn register(r: &mut Registry) {
    r.texts(
        Locale::De,
        include_str!("../../../../i18n/de/operations_jobs.ftl"),
    );
    r.texts(
        Locale::En,
        include_str!("../../../../i18n/en/operations_jobs.ftl"),
    );
    hih_kernel::templates!(
        r,
        "operations/",
        "../../templates/",
        [
            "jobs/list.html",
            "jobs/detail.html",
            "jobs/confirm.html",
            "jobs/refused.html"
        ]
    );
    r.menu(
        "operations-jobs-nav",
        PATH,
        Some(JOBS),
        hih_kernel::NavGroup::Manage,
        910,
    );
    r.audit_entity(actions::AUDIT_ENTITY);
    r.job(
        purge::JOB,
        "job-operations-jobs-purge",
        Arc::new(purge::JobsPurge),
    );
    r.cron(purge::JOB, "0 10 4 * * *");
    let access = Access::Permission(JOBS);
    r.routes(
        access,
        [
            (PATH, get(routes::list).boxed()),
            (&format!("{PATH}/:id"), get(routes::detail).boxed()),
            (
                &format!("{PATH}/:id/{}", Action::Retry.segment()),
                post(actions::retry_confirm).boxed(),
            ),
            (
                &format!("{PATH}/:id/{}/bestaetigen", Action::Retry.segment()),
                post(actions::retry_submit).boxed(),
            ),
            (
                &format!("{PATH}/:id/{}", Action::Cancel.segment()),
                post(actions::cancel_confirm).boxed(),
            ),
            (
                &format!("{PATH}/:id/{}/bestaetigen", Action::Cancel.segment()),
                post(actions::cancel_submit).boxed(),
            ),
        ],
    );
}

//! Reports feature (R-STA, R-EXP-3, R-RET-2, R-RET-3): the statistics page with charts, the
//! cross-tabulation, monthly/annual and on-demand reports, partner export profiles, the
//! data-subject report, and the anonymous counters that keep the statistics when companies and
//! applicants are deleted. Depends on every business feature's public API, never the reverse.
//! Migrations `reports_*`, texts `i18n/<locale>/reports.ftl`.

pub mod api;
pub mod codes;
pub mod entities;
pub mod figures;
pub mod files;
pub mod partner;
pub mod periodic;
pub mod permissions;
pub mod residue;
mod routes;
pub mod scope;
pub mod statistics;
pub mod subject;
#[cfg(feature = "testing")]
pub mod testing;

use hih_kernel::Registry;

hih_kernel::feature! {
    /// The feature value listed in `app/src/main.rs`.
    pub struct ReportsFeature = "reports", register;
}

/// Registers the feature's routes, templates, permissions and hooks (after its texts).
fn register(r: &mut Registry) {
    // Shared by the rooms: the generated-file store and the anonymous counters.
    files::register(r);
    residue::register(r);
    // The rooms: each registers its permissions, routes, templates, jobs and navigation.
    routes::register(r); // statistics (pages in `routes`, engine in `statistics`)
    figures::register(r); // the start page's key figures, from the statistics engine
    periodic::register(r);
    partner::register(r);
    subject::register(r);
}

//! Reports feature (R-STA, R-EXP-3, R-RET-2, R-RET-3): the statistics page with charts, the
//! cross-tabulation, monthly/annual and on-demand reports, partner export profiles, the
//! data-subject report, and the anonymous counters that keep the statistics when companies and
//! applicants are deleted. Depends on every business feature's public API, never the reverse.
//! Migrations `reports_*`, texts `i18n/<locale>/reports.ftl`.

pub mod codes;
pub mod entities;
pub mod files;
pub mod partner;
pub mod permissions;
pub mod subject;
pub mod residue;
mod routes;
pub mod scope;
pub mod statistics;

use std::sync::Arc;

use hih_i18n::Locale;
use hih_kernel::{Access, Feature, NavEntry, Registry};
use poem::{EndpointExt, get};

/// The feature value listed in `app/src/main.rs`.
pub struct ReportsFeature;

impl Feature for ReportsFeature {
    fn name(&self) -> &'static str {
        "reports"
    }

    fn register(&self, r: &mut Registry) {
        r.texts(Locale::De, include_str!("../../../i18n/de/reports.ftl"));
        r.texts(Locale::En, include_str!("../../../i18n/en/reports.ftl"));
        for p in [
            permissions::STATISTICS,
            permissions::REPORTS,
            permissions::PARTNER_EXPORTS,
            permissions::DATA_SUBJECT,
            permissions::ERASE,
        ] {
            r.permission(p);
        }
        r.audit_entity("generated_file");
        subject::register(r);
        partner::register(r);
        r.deletion_fold(Arc::new(residue::CompanyFold));
        r.deletion_fold(Arc::new(residue::ApplicantFold));
        for (name, source) in [
            (
                "reports/statistics.html",
                include_str!("../templates/statistics.html"),
            ),
            (
                "reports/crosstab.html",
                include_str!("../templates/crosstab.html"),
            ),
        ] {
            r.template(name, source);
        }
        let stats = Access::Permission(permissions::STATISTICS);
        r.route("/statistik", stats, get(routes::statistics::page).boxed());
        r.route(
            "/statistik/kreuztabelle",
            stats,
            get(routes::crosstab::page).boxed(),
        );
        r.route(
            "/statistik/kreuztabelle/export/:file",
            stats,
            get(routes::crosstab::export).boxed(),
        );
        r.nav(NavEntry {
            label_key: "reports-nav-statistics",
            href: "/statistik",
            permission: Some(permissions::STATISTICS),
            order: 500,
        });
    }
}

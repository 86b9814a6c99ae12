//! The statistics page and the cross-tabulation (R-STA-1..3): routes, templates, navigation.

pub mod crosstab;
pub mod statistics;

use hih_i18n::TextArg;
use hih_kernel::{Access, Registry};
use hih_web::Ctx;
use poem::{EndpointExt, get};

use crate::scope::StatScope;
use crate::statistics::labels::Labels;

/// The statistics room: registers its permission, pages, templates and navigation entry.
pub(crate) fn register(r: &mut Registry) {
    r.permission(crate::permissions::STATISTICS);
    hih_kernel::templates!(
        r,
        "reports/",
        "../../templates/",
        ["statistics.html", "crosstab.html"]
    );
    let stats = Access::Permission(crate::permissions::STATISTICS);
    r.routes(
        stats,
        [
            ("/statistik", get(statistics::page).boxed()),
            ("/statistik/kreuztabelle", get(crosstab::page).boxed()),
            (
                "/statistik/kreuztabelle/export/:file",
                get(crosstab::export).boxed(),
            ),
        ],
    );
    r.menu(
        "reports-nav-statistics",
        "/statistik",
        Some(crate::permissions::STATISTICS),
        hih_kernel::NavGroup::Evaluate,
        500,
    );
}

/// "Zahlen für …": whose figures the page shows.
pub(crate) fn scope_text(ctx: &Ctx, scope: &StatScope, labels: &Labels) -> String {
    let texts = &ctx.services().texts;
    match scope {
        StatScope::All => ctx.t("reports-stat-scope-all"),
        StatScope::District(d) => texts.t(
            ctx.locale,
            "reports-stat-scope-district",
            &[("name", TextArg::Str(labels.district(*d)))],
        ),
        StatScope::Country(c) => texts.t(
            ctx.locale,
            "reports-stat-scope-country",
            &[(
                "name",
                TextArg::Str(hih_reference::lists::label_of(labels.list("country"), c)),
            )],
        ),
        StatScope::Nothing => ctx.t("reports-stat-scope-nothing"),
    }
}

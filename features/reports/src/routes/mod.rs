//! HTML routes of the reports feature.

pub mod crosstab;
pub mod statistics;

use hih_i18n::TextArg;
use hih_web::Ctx;

use crate::scope::StatScope;
use crate::statistics::labels::Labels;

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
                TextArg::Str(hih_companies::reference::label_of(
                    labels.list("country"),
                    c,
                )),
            )],
        ),
        StatScope::Nothing => ctx.t("reports-stat-scope-nothing"),
    }
}

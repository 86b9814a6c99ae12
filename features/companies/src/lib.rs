//! Companies feature (R-COM): the companies themselves (list, search, exports, create/edit with
//! review, detail with tabs, deactivation, retention job) — their addresses checked against the
//! reference data feature (`hih_reference`: postcodes, IHK districts, selection lists). Migrations
//! `companies_core` and `companies_search_index`, texts `i18n/<locale>/companies.ftl`, templates
//! in `templates/`, the scoping function in [`scope`]. Monthly counts (1A, R-COM-4) live in
//! [`monthly`] (migration `companies_monthly_counts`, pages under `/monatszahlen`).

pub mod api;
pub mod demo;
pub mod entities;
pub mod jobs;
pub mod monthly;
pub mod permissions;
mod routes;
pub mod scope;
pub mod service;
#[cfg(feature = "testing")]
pub mod testing;

/// Loads a company in the caller's scope for a page, else answers 404 and writes the access
/// log — for other features' pages about one company (tabs).
pub use routes::record::load as load_company;

use std::sync::Arc;

use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get};

hih_kernel::feature! {
    /// The feature value listed in `app/src/main.rs`.
    pub struct CompaniesFeature = "companies", register;
}

/// Registers the feature's routes, templates, permissions and hooks (after its texts).
fn register(r: &mut Registry) {
    use routes::{form, list, record};
    jobs::register(r);

    hih_kernel::templates!(
        r,
        "companies/",
        "../templates/",
        [
            "list.html",
            "form.html",
            "review.html",
            "detail.html",
            "confirm.html"
        ]
    );
    r.permission(permissions::COMPANIES);
    r.permission(permissions::DELETE_COMPANIES);
    r.audit_entity("company");
    let work = Access::Permission(permissions::COMPANIES);
    hih_web::list::register(r, list::CompanyList);
    hih_web::flow::register(r, form::CompanyFlow { edit: false });
    hih_web::flow::register(r, form::CompanyFlow { edit: true });
    r.routes(
        work,
        [
            ("/unternehmen/:id", get(record::show).boxed()),
            (
                "/unternehmen/:id/aktion/:what",
                get(record::action_form).post(record::action_submit).boxed(),
            ),
        ],
    );
    // The record's own page is the first tab of its tab bar (hih_web::tabs).
    r.tab(std::sync::Arc::new(hih_web::tabs::DataTab {
        kind: "company",
        label_key: "companies-tab-data",
        prefix: "/unternehmen",
    }));
    r.menu(
        "companies-nav",
        "/unternehmen",
        Some(permissions::COMPANIES),
        hih_kernel::NavGroup::Record,
        100,
    );
    register_monthly(r);
}

/// Monthly counts, category 1A (R-COM-4): pages under `/monatszahlen`, reminders.
fn register_monthly(r: &mut Registry) {
    use routes::{monthly, monthly_list};
    hih_kernel::templates!(
        r,
        "companies/",
        "../templates/",
        [
            "monthly_list.html",
            "monthly_pick.html",
            "monthly_form.html",
            "monthly_review.html",
            "monthly_detail.html",
            "monthly_confirm.html",
            "monthly_macros.html"
        ]
    );
    r.permission(permissions::MONTHLY_COUNTS);
    r.permission(permissions::CLOSE_MONTHS);
    r.audit_entity("monthly_count");
    r.audit_entity("monthly_count_line");
    let work = Access::Permission(permissions::MONTHLY_COUNTS);
    let close = Access::Permission(permissions::CLOSE_MONTHS);
    hih_web::list::register_in_memory(r, monthly_list::MonthlyList);
    r.routes(
        work,
        [
            (
                "/monatszahlen/neu",
                get(monthly::pick_form).post(monthly::pick_submit).boxed(),
            ),
            ("/monatszahlen/:id/:period", get(monthly::show).boxed()),
        ],
    );
    hih_web::flow::register(r, monthly::MonthlyFlow);
    r.route(
        "/monatszahlen/:id/:period/aktion/:what",
        close,
        get(monthly::action_form)
            .post(monthly::action_submit)
            .boxed(),
    );
    r.menu(
        "companies-monthly-nav",
        "/monatszahlen",
        Some(permissions::MONTHLY_COUNTS),
        hih_kernel::NavGroup::Record,
        110,
    );
    r.tiles(Arc::new(crate::monthly::tiles::MonthlyTiles));
}

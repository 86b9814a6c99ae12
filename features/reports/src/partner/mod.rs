//! Partner exports (R-EXP-3, R-EXP-5): admins define export profiles per partner category
//! (ProRecognition, language course providers, BA, funder, evaluator — none of them has access
//! to the system); a job builds the file on demand or monthly; the file is handed over through
//! an expiring link, optionally e-mailed; every file is recorded (who, when, profile, rows,
//! SHA-256) and its content dropped after [`service::KEEP_DAYS`] days. A record carries
//! personal data only with the consent for the profile's partner category.

pub mod catalogue;
pub mod generate;
pub mod jobs;
mod routes;
pub mod service;

use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get};

use crate::permissions::PARTNER_EXPORTS;

/// The partner-export room: registers its permission, pages, templates, jobs and navigation
/// entry.
pub fn register(r: &mut Registry) {
    r.permission(PARTNER_EXPORTS);
    use routes::{files, profile_form, profiles, public};
    hih_kernel::templates!(
        r,
        "reports/",
        "../../templates/",
        [
            "partner/list.html",
            "partner/form.html",
            "partner/review.html",
            "partner/detail.html",
            "partner/deactivate.html",
            "partner/files.html",
            "partner/file.html",
            "partner/link.html",
            "partner/files_table.html",
            "partner/settings.html",
            "partner/gone.html"
        ]
    );
    r.audit_entity("partner_profile");
    r.audit_entity("download_link");
    let admin = || Access::Permission(PARTNER_EXPORTS);
    r.routes(
        admin(),
        [
            ("/partnerexporte", get(profiles::list).boxed()),
            ("/partnerexporte/:id", get(profiles::show).boxed()),
        ],
    );
    for edit in [false, true] {
        hih_web::flow::register(r, profile_form::ProfileFlow { edit });
    }
    r.routes(
        admin(),
        [
            (
                "/partnerexporte/:id/deaktivieren",
                get(profiles::deactivate_form)
                    .post(profiles::deactivate_submit)
                    .boxed(),
            ),
            (
                "/partnerexporte/:id/erzeugen",
                get(profiles::generate_get).post(profiles::generate).boxed(),
            ),
            ("/partnerexporte/dateien", get(files::list).boxed()),
            ("/partnerexporte/dateien/:id", get(files::show).boxed()),
            (
                "/partnerexporte/dateien/:id/download",
                get(files::download).boxed(),
            ),
            (
                "/partnerexporte/dateien/:id/link",
                get(files::link_get).post(files::link_submit).boxed(),
            ),
            (
                "/partnerexporte/dateien/:id/link/erstellt",
                get(files::link_created).boxed(),
            ),
        ],
    );
    r.route(
        "/download/:token",
        Access::Public,
        get(public::download).boxed(),
    );
    jobs::register(r);
    r.menu(
        "reports-nav-partner",
        "/partnerexporte",
        Some(PARTNER_EXPORTS),
        hih_kernel::NavGroup::Evaluate,
        420,
    );
}

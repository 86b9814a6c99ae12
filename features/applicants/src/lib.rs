//! Applicants feature (category 2, R-APP, R-ID): applicant records in sections with their
//! status history, the applicant ID generator ([`id`]), the scoping function ([`scope`]),
//! list with search, sort, paging and exports, create/edit with review, plausibility checks
//! and the duplicate warning, detail with tabs (`record_kind` `applicant`), deactivation,
//! physical deletion (admins), the retention job and the global-search provider. Migration
//! `applicants_core`, texts `i18n/<locale>/applicants.ftl`, templates in `templates/`, pages
//! under `/bewerber`. Invitations, self-registration and its four-eyes review ([`registration`],
//! migration `applicants_registration`): invitations under `/bewerber/einladungen`, the guest's
//! public pages under `/registrierung/<token>`, the review under `/bewerber/registrierungen`;
//! approval assigns the ID through [`id::assign`].

pub mod api;
pub mod demo;
pub mod entities;
pub mod form;
pub mod id;
pub mod jobs;
pub mod permissions;
pub mod registration;
mod routes;
pub mod scope;
pub mod service;
#[cfg(feature = "testing")]
pub mod testing;

/// Loads an applicant in the caller's scope for a page, else answers 404 and writes the access
/// log — for other features' pages about one applicant (tabs).
pub use routes::record::load as load_applicant;

use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get};

hih_kernel::feature! {
    /// The feature value listed in `app/src/main.rs`.
    pub struct ApplicantsFeature = "applicants", register, guest_texts;
}

/// Registers the feature's routes, templates, permissions and hooks (after its texts).
fn register(r: &mut Registry) {
    use routes::{edit, list, process, record};
    hih_kernel::templates!(
        r,
        "applicants/",
        "../templates/",
        [
            "list.html",
            "form.html",
            "review.html",
            "detail.html",
            "confirm.html",
            "process.html",
            "process_review.html",
            "macros.html",
            "invitations.html",
            "invitation_form.html",
            "invitation_review.html",
            "invitation_link.html",
            "reg_fields.html",
            "reg_consent.html",
            "reg_step.html",
            "reg_review.html",
            "reg_gone.html",
            "reg_thanks.html",
            "reg_list.html",
            "reg_detail.html",
            "reg_correct_review.html",
            "reg_approve.html",
            "reg_reject.html"
        ]
    );
    r.permission(permissions::APPLICANTS);
    r.permission(permissions::APPLICANTS_READ);
    r.permission(permissions::DELETE_APPLICANTS);
    r.audit_entity("applicant");
    r.audit_entity("applicant_status_change");
    registration_routes(r);
    let work = Access::Permission(permissions::APPLICANTS);
    let read = Access::Permission(permissions::APPLICANTS_READ);
    hih_web::list::register(r, list::ApplicantList);
    r.route("/bewerber/:id", read, get(record::show).boxed());
    hih_web::flow::register(r, edit::ApplicantFlow { edit: false });
    hih_web::flow::register(r, edit::ApplicantFlow { edit: true });
    hih_web::flow::register(r, process::ProcessFlow);
    r.route(
        "/bewerber/:id/aktion/:what",
        work,
        get(record::action_form).post(record::action_submit).boxed(),
    );
    // The record's own page is the first tab of its tab bar (hih_web::tabs).
    r.tab(std::sync::Arc::new(hih_web::tabs::DataTab {
        kind: "applicant",
        label_key: "applicants-tab-data",
        prefix: "/bewerber",
    }));
    r.menu(
        "applicants-nav",
        "/bewerber",
        Some(permissions::APPLICANTS_READ),
        hih_kernel::NavGroup::Record,
        200,
    );
    jobs::register(r);
}

/// Invitations, the guest's public pages and the review (R-REG). The static segments
/// `einladungen` and `registrierungen` take precedence over `/bewerber/:id`.
fn registration_routes(r: &mut Registry) {
    use routes::{invitations, review, wizard};
    r.permission(permissions::REGISTRATIONS);
    r.audit_entity("invitation");
    r.audit_entity("pending_registration");
    registration::purge::register(r);
    let staff = Access::Permission(permissions::REGISTRATIONS);
    r.route(
        "/bewerber/einladungen",
        staff,
        get(invitations::list).boxed(),
    );
    hih_web::flow::register(r, invitations::InvitationFlow);
    r.routes(
        staff,
        [
            (
                "/bewerber/einladungen/erstellt",
                get(invitations::created).boxed(),
            ),
            ("/bewerber/registrierungen", get(review::list).boxed()),
        ],
    );
    hih_web::flow::register(r, review::CorrectionFlow);
    r.routes(
        staff,
        [
            (
                "/bewerber/registrierungen/:id/freigeben",
                get(review::approve_form)
                    .post(review::approve_submit)
                    .boxed(),
            ),
            (
                "/bewerber/registrierungen/:id/ablehnen",
                get(review::reject_form).post(review::reject_submit).boxed(),
            ),
        ],
    );
    // Public: a valid link is the only credential (R-ACT-3); CSRF still applies.
    r.routes(
        Access::Public,
        [
            // Static, so it takes precedence over a token.
            ("/registrierung/danke", get(wizard::thanks).boxed()),
            (
                "/registrierung/:token",
                get(wizard::consent_form)
                    .post(wizard::consent_submit)
                    .boxed(),
            ),
            (
                "/registrierung/:token/:step",
                get(wizard::step_form).post(wizard::step_submit).boxed(),
            ),
        ],
    );
    r.menu(
        "applicants-reg-nav",
        "/bewerber/registrierungen",
        Some(permissions::REGISTRATIONS),
        hih_kernel::NavGroup::Record,
        210,
    );
}

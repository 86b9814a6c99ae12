//! Counselling (R-CNS, issue 18 foundation): a confidential channel between people in the
//! partner countries and the AHK staff of their country. Staff open a conversation for a
//! person (freely or for an applicant) and pass on a personal link; the person sets a
//! passphrase at its first use, so a leaked link alone opens nothing, and then writes with
//! the staff under a pseudonym; or a person starts anonymously at `/beratung/start`. Guest
//! pages come in de, en, pt and vi; messages may carry files and voice messages
//! ([`attachments`]). Staff work in the inbox `/beratung` (unassigned, mine, all,
//! closed) with replies, internal notes, assignment, close/reopen. Bodies are encrypted at
//! rest ([`crypto`], key id per record), every staff read is access-logged, closed
//! conversations are deleted after the retention ([`jobs`]), guests delete theirs at once;
//! anonymous counters stay. Answer templates ([`answer_templates`]) in the guest's language; a
//! conversation linked to an applicant shows on the applicant's tab and, shared for
//! integration, to the IHK the applicant is matched to ([`scope`]); the guest side installs as
//! an app of its own; conversations in the REST API ([`api`], query shared with the page in
//! [`inbox`]). Migrations `counselling*`, texts `i18n/<locale>/counselling.ftl`, operations
//! notes `ops/counselling.md`.

pub mod answer_templates;
pub mod api;
pub mod appointments;
pub mod attachments;
pub mod crypto;
pub mod demo;
pub mod entities;
pub mod forum;
pub mod guest_copy;
pub mod inbox;
pub mod jobs;
pub mod live;
pub mod permissions;
pub mod programme_end;
mod routes;
pub mod scope;
pub mod sealed_file;
pub mod service;
pub mod statistics;
#[cfg(feature = "testing")]
pub mod testing;

use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get, post};

pub use service::TOPICS;

hih_kernel::feature! {
    /// The feature value listed in `app/src/lib.rs`.
    pub struct CounsellingFeature = "counselling", register, guest_texts;
}

/// Registers routes, templates, permission, navigation and the retention job.
fn register(r: &mut Registry) {
    use routes::{guest, staff};
    hih_kernel::templates!(
        r,
        "counselling/",
        "../templates/",
        [
            "inbox.html",
            "new.html",
            "link.html",
            "conversation.html",
            "guest_setup.html",
            "guest_login.html",
            "guest_conversation.html",
            "guest_delete.html",
            "guest_deleted.html",
            "guest_gone.html",
            "attachments.html",
            "start.html",
            "start_done.html",
            "applicant_tab.html",
            "applicant_thread.html"
        ]
    );
    r.permission(permissions::COUNSEL);
    for entity in [
        "counselling_conversation",
        "counselling_guest",
        "counselling_message",
        "counselling_attachment",
    ] {
        r.audit_entity(entity);
    }
    let work = Access::Permission(permissions::COUNSEL);
    r.route("/beratung", work, get(staff::inbox).boxed());
    r.route(
        "/beratung/neu",
        work,
        get(staff::new_form).post(staff::new_submit).boxed(),
    );
    r.route("/beratung/:id", work, get(staff::show).boxed());
    r.route("/beratung/:id/link", work, get(staff::link).boxed());
    r.route("/beratung/:id/live", work, get(staff::live).boxed());
    r.route("/beratung/:id/antwort", work, post(staff::reply).boxed());
    r.route("/beratung/:id/zuweisen", work, post(staff::assign).boxed());
    r.route("/beratung/:id/status", work, post(staff::status).boxed());
    r.route("/beratung/:id/teilen", work, post(staff::share).boxed());
    r.route(
        "/beratung/:id/vorlage",
        work,
        post(staff::insert_template).boxed(),
    );
    r.route(
        "/beratung/:id/anhang/:file",
        work,
        get(staff::attachment).boxed(),
    );
    let read = Access::Permission(hih_applicants::permissions::APPLICANTS_READ);
    r.route(
        "/bewerber/:id/beratung",
        read,
        get(routes::applicant_tab::list).boxed(),
    );
    r.route(
        "/bewerber/:id/beratung/:conversation",
        read,
        get(routes::applicant_tab::thread).boxed(),
    );
    r.route(
        "/bewerber/:id/beratung/:conversation/anhang/:file",
        read,
        get(routes::applicant_tab::attachment).boxed(),
    );
    r.tab(std::sync::Arc::new(routes::applicant_tab::ApplicantTab));
    let public = Access::Public;
    r.route(
        "/beratung/start",
        public,
        get(routes::start::form).post(routes::start::submit).boxed(),
    );
    r.route("/beratung/gast/:token", public, get(guest::show).boxed());
    r.route(
        "/beratung/gast/:token/app.webmanifest",
        public,
        get(guest::manifest).boxed(),
    );
    r.route(
        "/beratung/gast/:token/einrichten",
        public,
        post(guest::setup).boxed(),
    );
    r.route(
        "/beratung/gast/:token/anmelden",
        public,
        post(guest::login).boxed(),
    );
    r.route(
        "/beratung/gast/:token/nachricht",
        public,
        post(guest::write).boxed(),
    );
    r.route(
        "/beratung/gast/:token/email",
        public,
        post(guest::email).boxed(),
    );
    r.route(
        "/beratung/gast/:token/export",
        public,
        get(guest::export).boxed(),
    );
    r.route(
        "/beratung/gast/:token/loeschen",
        public,
        get(guest::delete_form).post(guest::delete_submit).boxed(),
    );
    r.route(
        "/beratung/gast/:token/anhang/:file",
        public,
        get(guest::attachment).boxed(),
    );
    r.route(
        "/beratung/gast/:token/live",
        public,
        get(guest::live).boxed(),
    );
    r.route(
        "/beratung/gast/:token/abmelden",
        public,
        post(guest::logout).boxed(),
    );
    r.menu(
        "counselling-nav",
        "/beratung",
        Some(permissions::COUNSEL),
        hih_kernel::NavGroup::Record,
        250,
    );
    jobs::register(r);
    forum::register(r);
    appointments::register(r);
    statistics::register(r);
}

//! Admin feature: edit every UI text at run time (search by key or text, edit with preview and
//! confirmation, revert to default; effective at once, audited), read the mail outbox, and
//! receive the public "Barriere melden" reports of the accessibility statement ([`feedback`]).

mod feedback;
mod outbox;
#[cfg(feature = "testing")]
pub mod testing;
mod text_form;
mod texts;

use hih_kernel::{Access, Permission, Registry, Role};
use poem::{EndpointExt, get};

/// Edit UI texts (R-TXT-1).
pub const EDIT_TEXTS: Permission = Permission::new("admin.texts", &[Role::Admin]);

/// Read the mail outbox (R-NOT-3). Admins only: mails will carry business data, which the
/// operator (super_admin) must not see (R-ACT).
pub const READ_OUTBOX: Permission = Permission::new("admin.outbox", &[Role::Admin]);

hih_kernel::feature! {
    /// The feature value listed in `app/src/main.rs`.
    pub struct AdminFeature = "admin", register;
}

/// Registers the feature's routes, templates, permissions and hooks (after its texts).
fn register(r: &mut Registry) {
    hih_kernel::templates!(
        r,
        "admin/",
        "../templates/",
        [
            "texts.html",
            "text_edit.html",
            "text_facts.html",
            "text_review.html",
            "text_revert.html",
            "outbox.html",
            "outbox_mail.html",
            "feedback.html",
            "feedback_done.html"
        ]
    );
    r.permission(EDIT_TEXTS);
    r.permission(READ_OUTBOX);
    r.audit_entity("text");
    let texts = Access::Permission(EDIT_TEXTS);
    r.routes(
        texts,
        [(
            "/admin/texte/bearbeiten",
            get(texts::edit_form).post(texts::edit_submit).boxed(),
        )],
    );
    hih_web::list::register_in_memory(r, texts::TextList);
    hih_web::flow::register(r, text_form::TextFlow);
    let outbox = Access::Permission(READ_OUTBOX);
    r.routes(
        outbox,
        [
            ("/admin/postausgang", get(outbox::list).boxed()),
            ("/admin/postausgang/:id", get(outbox::show).boxed()),
        ],
    );
    r.routes(
        Access::Public,
        [
            (
                feedback::PATH,
                get(feedback::show).post(feedback::submit).boxed(),
            ),
            (feedback::DONE_PATH, get(feedback::done).boxed()),
        ],
    );
    r.menu(
        "admin-nav-texts",
        "/admin/texte",
        Some(EDIT_TEXTS),
        hih_kernel::NavGroup::Manage,
        900,
    );
    r.menu(
        "admin-nav-outbox",
        "/admin/postausgang",
        Some(READ_OUTBOX),
        hih_kernel::NavGroup::Manage,
        910,
    );
}

//! Contact history (R-CH-1..4): entries about a company, an applicant or both — date, staff
//! member, contact type, topic, text. A "Kontakthistorie" tab on company and applicant pages
//! (registered as tabs, the two features stay untouched) leads to the record's history
//! (newest first, sortable by every column); entries are visible to whoever may see the
//! record they concern ([`scope`]); authors and admins edit and delete with confirmation; the
//! texts are found by the global search. Migration `contact_history_entry`, texts
//! `i18n/<locale>/contact_history.ftl`.

pub mod api;
pub mod demo;
pub mod entities;
pub mod permissions;
mod routes;
pub mod scope;
pub mod service;
#[cfg(feature = "testing")]
pub mod testing;

use std::sync::Arc;

use hih_kernel::{Access, Actor, Registry, TabProvider};
use poem::{EndpointExt, get};

hih_kernel::feature! {
    /// The feature value listed in `app/src/main.rs`.
    pub struct ContactHistoryFeature = "contact_history", register;
}

/// The "Kontakthistorie" tab on companies and applicants.
struct HistoryTab {
    kind: &'static str,
    base: &'static str,
}

impl TabProvider for HistoryTab {
    fn record_kind(&self) -> &'static str {
        self.kind
    }
    fn label_key(&self) -> &'static str {
        "contacts-tab"
    }
    fn href(&self, actor: &Actor, record_id: i64) -> Option<String> {
        permissions::CONTACTS
            .allows(actor)
            .then(|| format!("{}/{record_id}/kontakte", self.base))
    }
}

/// Registers the feature's routes, templates, permissions and hooks (after its texts).
fn register(r: &mut Registry) {
    use routes::{entry, list};
    hih_kernel::templates!(
        r,
        "contact_history/",
        "../templates/",
        [
            "list.html",
            "form.html",
            "review.html",
            "detail.html",
            "delete.html"
        ]
    );
    r.permission(permissions::CONTACTS);
    r.audit_entity("contact_entry");
    let work = Access::Permission(permissions::CONTACTS);
    r.route(
        "/unternehmen/:id/kontakte",
        work,
        get(list::company_list).boxed(),
    );
    hih_web::flow::register(
        r,
        entry::NewEntryFlow {
            on: entry::On::Company,
        },
    );
    r.route(
        "/bewerber/:id/kontakte",
        work,
        get(list::applicant_list).boxed(),
    );
    hih_web::flow::register(
        r,
        entry::NewEntryFlow {
            on: entry::On::Applicant,
        },
    );
    hih_web::list::register(r, list::ContactList);
    r.route("/kontakte/:id", work, get(entry::show).boxed());
    hih_web::flow::register(r, entry::EditEntryFlow);
    r.route(
        "/kontakte/:id/loeschen",
        work,
        get(entry::delete_form).post(entry::delete_submit).boxed(),
    );
    r.tab(Arc::new(HistoryTab {
        kind: "company",
        base: "/unternehmen",
    }));
    r.tab(Arc::new(HistoryTab {
        kind: "applicant",
        base: "/bewerber",
    }));
}

//! Matching feature (R-MAT-1..3): matches (Vermittlungen) of applicants with companies. Entered
//! on a company by typing the Bewerberkennung (checked, then confirmed), removed with
//! confirmation; each match opens the applicant to the company's IHK district through the
//! applicants' extension table `applicant_access` (same unit of work) and notifies the AHK staff
//! of the applicant's country. Tabs on companies and applicants, the list `/vermittlungen`
//! with exports. Migration `matching_placement`, texts `i18n/<locale>/matching.ftl`.

pub mod access;
pub mod api;
pub mod entities;
pub mod jobs;
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
    pub struct MatchingFeature = "matching", register;
}

/// The "Vermittlungen" tab on a company (admins, IHK staff).
struct CompanyTab;

impl TabProvider for CompanyTab {
    fn record_kind(&self) -> &'static str {
        "company"
    }
    fn label_key(&self) -> &'static str {
        "matching-tab"
    }
    fn href(&self, actor: &Actor, record_id: i64) -> Option<String> {
        permissions::MATCH
            .allows(actor)
            .then(|| format!("/unternehmen/{record_id}/vermittlungen"))
    }
}

/// The "Vermittlungen" tab on an applicant (everybody who sees matches).
struct ApplicantTab;

impl TabProvider for ApplicantTab {
    fn record_kind(&self) -> &'static str {
        "applicant"
    }
    fn label_key(&self) -> &'static str {
        "matching-tab"
    }
    fn href(&self, actor: &Actor, record_id: i64) -> Option<String> {
        permissions::SEE_MATCHES
            .allows(actor)
            .then(|| format!("/bewerber/{record_id}/vermittlungen"))
    }
}

/// Registers the feature's routes, templates, permissions and hooks (after its texts).
fn register(r: &mut Registry) {
    use routes::{applicant_tab, company_tab, list};
    hih_kernel::templates!(
        r,
        "matching/",
        "../templates/",
        [
            "company.html",
            "form.html",
            "review.html",
            "remove.html",
            "applicant.html",
            "list.html"
        ]
    );
    r.permission(permissions::MATCH);
    r.permission(permissions::SEE_MATCHES);
    r.audit_entity("placement");
    let edit = Access::Permission(permissions::MATCH);
    let see = Access::Permission(permissions::SEE_MATCHES);
    r.route(
        "/unternehmen/:id/vermittlungen",
        edit,
        get(company_tab::list).boxed(),
    );
    hih_web::flow::register(r, company_tab::MatchFlow { edit: false });
    hih_web::flow::register(r, company_tab::MatchFlow { edit: true });
    r.route(
        "/unternehmen/:id/vermittlungen/:mid/entfernen",
        edit,
        get(company_tab::remove_form)
            .post(company_tab::remove_submit)
            .boxed(),
    );
    r.route(
        "/bewerber/:id/vermittlungen",
        see,
        get(applicant_tab::list).boxed(),
    );
    hih_web::list::register(r, list::MatchList);
    jobs::register(r);
    r.activation_hook(Arc::new(access::CompanyActivation));
    r.tab(Arc::new(CompanyTab));
    r.tab(Arc::new(ApplicantTab));
    r.menu(
        "matching-nav",
        "/vermittlungen",
        Some(permissions::SEE_MATCHES),
        hih_kernel::NavGroup::Record,
        300,
    );
}

//! Data-subject requests (R-RET-2, GDPR Art. 15/17/20): admins and the dpo find a person
//! (applicant, or company with its contact person), see everything stored about it, and
//! download it as XLSX and JSON; admins erase it physically at once. Pages under `/auskunft`,
//! texts `reports-subject-*`.

pub mod collect;
pub mod erase;
pub mod export;
mod page;
pub mod person;
pub mod present;
mod search;

use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get};

use crate::permissions::{DATA_SUBJECT, ERASE};

/// The data-subject room: registers its permissions, pages, templates and the navigation entry
/// (admin and dpo).
pub fn register(r: &mut Registry) {
    r.permission(DATA_SUBJECT);
    r.permission(ERASE);
    hih_kernel::templates!(
        r,
        "reports/",
        "../../templates/",
        [
            "subject/search.html",
            "subject/report.html",
            "subject/erase.html"
        ]
    );
    let read = Access::Permission(DATA_SUBJECT);
    let erase_access = Access::Permission(ERASE);
    r.routes(
        read,
        [
            ("/auskunft", get(search::search).boxed()),
            ("/auskunft/bewerber/:id", get(page::applicant).boxed()),
            (
                "/auskunft/bewerber/:id/auskunft.xlsx",
                get(page::applicant_xlsx).boxed(),
            ),
            (
                "/auskunft/bewerber/:id/auskunft.json",
                get(page::applicant_json).boxed(),
            ),
        ],
    );
    r.route(
        "/auskunft/bewerber/:id/loeschen",
        erase_access,
        get(erase::applicant_form)
            .post(erase::applicant_submit)
            .boxed(),
    );
    r.routes(
        read,
        [
            ("/auskunft/unternehmen/:id", get(page::company).boxed()),
            (
                "/auskunft/unternehmen/:id/auskunft.xlsx",
                get(page::company_xlsx).boxed(),
            ),
            (
                "/auskunft/unternehmen/:id/auskunft.json",
                get(page::company_json).boxed(),
            ),
        ],
    );
    r.route(
        "/auskunft/unternehmen/:id/loeschen",
        erase_access,
        get(erase::company_form).post(erase::company_submit).boxed(),
    );
    r.menu(
        "reports-nav-subject",
        "/auskunft",
        Some(DATA_SUBJECT),
        hih_kernel::NavGroup::Evaluate,
        870,
    );
}

//! Monthly, annual and on-demand reports (R-STA-4): scheduled jobs request the report of the
//! period just ended, staff with the `REPORTS` permission request any period; a job builds the
//! XLSX from the statistics engine ([`crate::statistics`]) into the generated-file store.

pub mod jobs;
pub mod period;
mod routes;

use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get};

use crate::permissions::REPORTS;

/// The periodic-reports room: registers its permission, pages, templates, jobs and navigation
/// entry.
pub fn register(r: &mut Registry) {
    r.permission(REPORTS);
    hih_kernel::templates!(
        r,
        "reports/",
        "../../templates/",
        ["periodic/list.html", "periodic/show.html"]
    );
    let access = Access::Permission(REPORTS);
    r.route(
        "/berichte",
        access,
        get(routes::list).post(routes::request).boxed(),
    );
    r.route("/berichte/:id", access, get(routes::show).boxed());
    r.route(
        "/berichte/:id/download",
        access,
        get(routes::download).boxed(),
    );
    jobs::register(r);
    r.menu(
        "reports-nav-reports",
        "/berichte",
        Some(REPORTS),
        hih_kernel::NavGroup::Evaluate,
        410,
    );
}

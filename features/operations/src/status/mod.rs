//! The status page `/system/status` (R-OPS-1, R-NFR-4, R-AUD-4): every check of the running
//! system — database reachable and fast, schema current, a real write, job workers alive,
//! queue, failed jobs, mail transport and undelivered mail, free disk space, the last backup,
//! the audit chain, postcode data (contributed by the companies feature), version and
//! instances — each ok, a warning or a problem with a precise German message and what to do.
//! "System betriebsbereit" when all is well.
//!
//! - [`facts`] collects, [`checks`] judges (a pure function, tested on hand-built facts);
//! - [`page`] shows the result;
//! - [`report`]: the job `operations.status-check` (every minute) tells admins, super
//!   administrators and the operator about a degraded state once, and about the recovery;
//! - [`tile`]: the start-page tile while degraded; [`state`]: what was last reported.
//!
//! Texts `operations-status-*` in `i18n/*/operations_status.ftl`; thresholds in the settings
//! `status.*`; operator notes in `ops/status.md`.

pub mod checks;
pub mod disk;
pub mod facts;
pub mod page;
pub mod report;
pub mod state;
pub mod tile;

use std::sync::Arc;

use hih_i18n::Locale;
use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get};

use crate::permissions::STATUS;

pub use report::{JOB, NOTICE_KIND, Outcome, StatusJob};

/// Path of this part's page.
pub const PATH: &str = "/system/status";

/// Registers the page, its template and texts, the status job (every minute) and the tile.
pub fn register(r: &mut Registry) {
    r.texts(
        Locale::De,
        include_str!("../../../../i18n/de/operations_status.ftl"),
    );
    r.texts(
        Locale::En,
        include_str!("../../../../i18n/en/operations_status.ftl"),
    );
    hih_kernel::templates!(r, "operations/", "../../templates/", ["status/page.html"]);
    r.route(PATH, Access::Permission(STATUS), get(page::page).boxed());
    r.audit_entity("ops_state");
    r.job(JOB, "job-operations-status-check", Arc::new(StatusJob));
    r.cron(JOB, "0 * * * * *");
    r.tiles(Arc::new(tile::DegradedTile));
}

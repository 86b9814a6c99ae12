//! Log retention (R-RET-1) and the retention status page (R-RET-1, R-GEN-3):
//! - [`purge`]: the daily job `protocol.log-purge` that deletes audit-log and access-log
//!   entries after the end of the year following their creation, in bounded batches, keeping
//!   the audit chain verifiable from a signed-off anchor;
//! - [`status`]: `/protokoll/aufbewahrung` for admins and the data-protection officer — what is
//!   deleted when.
//!
//! Texts `protocol-retention-*` in `i18n/*/protocol_retention.ftl`.

pub mod purge;
pub mod status;

use std::sync::Arc;

use hih_i18n::Locale;
use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get};

use crate::permissions::RETENTION_STATUS;

/// Path of the retention status page.
pub const PATH: &str = "/protokoll/aufbewahrung";

/// Registers the status page, its template and texts, and the daily purge job (03:20 UTC, so
/// on 1 January it runs after midnight in Berlin).
pub fn register(r: &mut Registry) {
    r.texts(
        Locale::De,
        include_str!("../../../../i18n/de/protocol_retention.ftl"),
    );
    r.texts(
        Locale::En,
        include_str!("../../../../i18n/en/protocol_retention.ftl"),
    );
    hih_kernel::templates!(
        r,
        "protocol/",
        "../../templates/",
        ["retention/status.html"]
    );
    r.route(
        PATH,
        Access::Permission(RETENTION_STATUS),
        get(status::page).boxed(),
    );
    r.audit_entity(hih_db::audit::ENTITY);
    r.audit_entity(hih_db::access::ENTITY);
    r.audit_entity(purge::SUMMARY_ENTITY);
    r.job(
        purge::JOB,
        "job-protocol-log-purge",
        Arc::new(purge::LogPurge),
    );
    r.cron(purge::JOB, "0 20 3 * * *");
}

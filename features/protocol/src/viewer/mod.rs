//! The log viewer (R-AUD-1..3), read-only, for holders of [`READ_LOGS`] (admins and the
//! data-protection officer):
//! - `/protokoll/aenderungen`: the audit log with filters (actor, entity, record, action,
//!   period, text in the changes), sorting, paging, a detail page per entry (every field old →
//!   new, its place in the hash chain) and CSV/XLSX exports of exactly the filtered entries;
//! - `/protokoll/zugriffe`: the access log with the same machinery;
//! - `/protokoll/fehler`: failed background jobs (apalis' table) and failed requests (5xx, which
//!   the request pipeline writes to the access log as action [`ERROR_ACTION`] with their
//!   request id), filterable by kind, period and text.
//!
//! Every list, detail page and export of the viewer is itself written to the access log
//! (entities [`AUDIT_LOG`], [`ACCESS_LOG`], [`ERROR_VIEW`]). A "Verlauf" tab on company and
//! applicant pages leads holders of [`READ_LOGS`] to the record's audit entries.

mod access;
mod audit;
mod errors;
mod export;
mod filter;

use std::sync::Arc;

use hih_i18n::Locale;
use hih_kernel::{Access, Actor, Registry, TabProvider};
use poem::{EndpointExt, get};

use crate::permissions::READ_LOGS;

/// Access-log entity of views, searches and exports of the audit log.
pub const AUDIT_LOG: &str = "audit_log";
/// Access-log entity of views, searches and exports of the access log.
pub const ACCESS_LOG: &str = "access_log";
/// Access-log entity of searches in the error view.
pub const ERROR_VIEW: &str = "error_view";
/// Access-log action of a failed request (status 5xx), written by the request pipeline with
/// the request id, method and status in its detail.
pub const ERROR_ACTION: &str = "error";

/// The "Verlauf" tab: the record's entries in the audit log.
struct HistoryTab {
    kind: &'static str,
}

impl TabProvider for HistoryTab {
    fn record_kind(&self) -> &'static str {
        self.kind
    }

    fn label_key(&self) -> &'static str {
        "protocol-viewer-tab-history"
    }

    fn href(&self, actor: &Actor, record_id: i64) -> Option<String> {
        READ_LOGS.allows(actor).then(|| {
            format!(
                "/protokoll/aenderungen?entity={}&record={record_id}",
                self.kind
            )
        })
    }
}

/// Registers this part's routes, templates, texts and the "Verlauf" tabs.
pub fn register(r: &mut Registry) {
    r.texts(
        Locale::De,
        include_str!("../../../../i18n/de/protocol_viewer.ftl"),
    );
    r.texts(
        Locale::En,
        include_str!("../../../../i18n/en/protocol_viewer.ftl"),
    );
    hih_kernel::templates!(
        r,
        "protocol/",
        "../../templates/",
        [
            "viewer/subnav.html",
            "viewer/audit_list.html",
            "viewer/audit_detail.html",
            "viewer/access_list.html",
            "viewer/access_detail.html",
            "viewer/errors.html"
        ]
    );
    let logs = Access::Permission(READ_LOGS);
    r.routes(
        logs,
        [
            ("/protokoll/aenderungen", get(audit::list).boxed()),
            (
                "/protokoll/aenderungen/export/:file",
                get(audit::export).boxed(),
            ),
            ("/protokoll/aenderungen/:seq", get(audit::show).boxed()),
            ("/protokoll/zugriffe", get(access::list).boxed()),
            (
                "/protokoll/zugriffe/export/:file",
                get(access::export).boxed(),
            ),
            ("/protokoll/zugriffe/:id", get(access::show).boxed()),
            ("/protokoll/fehler", get(errors::list).boxed()),
        ],
    );
    for kind in ["company", "applicant"] {
        r.tab(Arc::new(HistoryTab { kind }));
    }
}

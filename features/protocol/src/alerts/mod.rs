//! Misuse detection (R-SEC-1): five rules over the access and audit logs, evaluated every
//! minute by the job `protocol.misuse-scan` ([`scan`]); each rule raises one alert per episode
//! and subject (`misuse_alert`), reported to admins and data-protection officers (bell and
//! mail), listed under `/protokoll/auffaelligkeiten` with its evidence, acknowledged there
//! (audited), and counted on the start page while open. The rules and their thresholds are
//! described in [`rules`] and in `ops/security.md`.

pub mod entity;
mod routes;
pub mod rules;
pub mod scan;
pub mod tiles;

use std::sync::Arc;

use hih_i18n::Locale;
use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get};

use crate::permissions::ALERTS;

pub use routes::BASE;
pub use scan::{MisuseScan, NOTICE_KIND, SCAN_JOB, ScanReport, scan};

/// Registers the alerts pages, templates, texts, the scan job (every minute) and the tile.
pub fn register(r: &mut Registry) {
    r.texts(
        Locale::De,
        include_str!("../../../../i18n/de/protocol_alerts.ftl"),
    );
    r.texts(
        Locale::En,
        include_str!("../../../../i18n/en/protocol_alerts.ftl"),
    );
    hih_kernel::templates!(
        r,
        "protocol/",
        "../../templates/",
        [
            "alerts/list.html",
            "alerts/detail.html",
            "alerts/acknowledge.html"
        ]
    );
    r.audit_entity("misuse_alert");
    r.job(SCAN_JOB, "job-protocol-misuse-scan", Arc::new(MisuseScan));
    r.cron(SCAN_JOB, "0 * * * * *");
    r.tiles(Arc::new(tiles::AlertTile));
    let access = Access::Permission(ALERTS);
    r.routes(
        access,
        [
            (BASE, get(routes::list).boxed()),
            (&format!("{BASE}/:id"), get(routes::detail).boxed()),
            (
                &format!("{BASE}/:id/bestaetigen"),
                get(routes::acknowledge_form)
                    .post(routes::acknowledge_submit)
                    .boxed(),
            ),
        ],
    );
}

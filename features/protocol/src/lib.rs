//! Protocol feature ("Protokolle"): what the data-protection officer and the project team need
//! to trace and limit the processing (R-AUD-1..4, R-RET-1, R-SEC-1, R-GEN-3). Each part is a
//! room of its own and registers its routes, templates, texts and jobs:
//! - [`viewer`]: the audit log, the access log and the error view, read-only, with filters and
//!   exports (`/protokoll/aenderungen`, `/protokoll/zugriffe`, `/protokoll/fehler`);
//! - [`retention`]: the daily log purge with a signed-off chain anchor and the retention status
//!   page (`/protokoll/aufbewahrung`);
//! - [`alerts`]: misuse detection rules and the alerts page (`/protokoll/auffaelligkeiten`);
//! - [`programme_end`]: warnings before and the deletion on the programme's end date.

pub mod alerts;
pub mod permissions;
pub mod programme_end;
pub mod retention;
#[cfg(feature = "testing")]
pub mod testing;
pub mod viewer;

use hih_kernel::Registry;

hih_kernel::feature! {
    /// The feature value listed in `app/src/main.rs`.
    pub struct ProtocolFeature = "protocol", register;
}

/// Registers the feature's routes, templates, permissions and hooks (after its texts).
fn register(r: &mut Registry) {
    for p in permissions::ALL {
        r.permission(p);
    }
    r.menu(
        "protocol-nav",
        "/protokoll/aenderungen",
        Some(permissions::READ_LOGS),
        hih_kernel::NavGroup::Manage,
        860,
    );
    viewer::register(r);
    retention::register(r);
    alerts::register(r);
    programme_end::register(r);
}

//! Operations feature ("Betrieb"): what an operator needs to keep the system running
//! (R-OPS-1..3, R-NFR-4, R-OPR-1/3/4/5). Each part is a room of its own and registers its
//! routes, templates, texts and jobs:
//! - [`status`]: the status page `/system/status` — every check with a precise German message
//!   and what to do; a degraded state is reported once;
//! - [`jobs`]: the job dashboard `/system/jobs` — job types, schedules, next runs, recent runs,
//!   retry and cancel;
//! - [`metrics`]: `/metrics` in Prometheus text format, for a token or configured addresses;
//! - [`backup`]: backups (`hih backup`, scheduled job), their verification and record, and
//!   restore (`hih restore`).

pub mod backup;
pub mod jobs;
pub mod metrics;
pub mod permissions;
pub mod status;
#[cfg(feature = "testing")]
pub mod testing;

use hih_kernel::Registry;

hih_kernel::feature! {
    /// The feature value listed in `app/src/main.rs`.
    pub struct OperationsFeature = "operations", register;
}

/// Registers the feature's routes, templates, permissions and hooks (after its texts).
fn register(r: &mut Registry) {
    for p in permissions::ALL {
        r.permission(p);
    }
    r.menu(
        "operations-nav",
        status::PATH,
        Some(permissions::STATUS),
        hih_kernel::NavGroup::Manage,
        900,
    );
    status::register(r);
    jobs::register(r);
    metrics::register(r);
    backup::register(r);
}

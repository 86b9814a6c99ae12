//! Prometheus metrics at `/metrics` (R-OPS-1): request counts and latency histograms by route
//! pattern, job runs by status, queue depth, live workers, failed runs, database pool use and
//! the last backup's age ([`endpoint`]). Readable only with the configured bearer token
//! (`metrics.token`) or from configured addresses (`metrics.allow_from`); everyone else gets
//! 404, so the endpoint is not advertised ([`access`]). The route is public at the guard
//! (scrapers have no session) and checks access itself. Operator notes in `ops/status.md`.

pub mod access;
pub mod endpoint;

use hih_i18n::Locale;
use hih_kernel::{Access, Registry};
use poem::{EndpointExt, get};

/// Path of this part's endpoint.
pub const PATH: &str = "/metrics";

/// Registers the endpoint and this part's (comment-only) texts.
pub fn register(r: &mut Registry) {
    r.texts(
        Locale::De,
        include_str!("../../../../i18n/de/operations_metrics.ftl"),
    );
    r.texts(
        Locale::En,
        include_str!("../../../../i18n/en/operations_metrics.ftl"),
    );
    r.route(PATH, Access::Public, get(endpoint::metrics).boxed());
}

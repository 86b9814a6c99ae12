//! Prometheus metrics at `/metrics` (R-OPS-1).

use hih_kernel::Registry;

/// Path of this part's page.
pub const PATH: &str = "/metrics";

/// Registers this part's routes, templates, texts and jobs.
pub fn register(_r: &mut Registry) {}

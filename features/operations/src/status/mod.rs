//! The status page `/system/status` (R-OPS-1, R-NFR-4).

use hih_kernel::Registry;

/// Path of this part's page.
pub const PATH: &str = "/system/status";

/// Registers this part's routes, templates, texts and jobs.
pub fn register(_r: &mut Registry) {}

//! The job dashboard `/system/jobs` (R-OPS-2).

use hih_kernel::Registry;

/// Path of this part's page.
pub const PATH: &str = "/system/jobs";

/// Registers this part's routes, templates, texts and jobs.
pub fn register(_r: &mut Registry) {}

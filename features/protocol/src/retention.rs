//! (being built)

use hih_kernel::Registry;

/// Registers this part's routes, templates, texts and jobs.
pub fn register(_r: &mut Registry) {}

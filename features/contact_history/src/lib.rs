//! Contact history (R-CH-1..4).

use hih_kernel::{Feature, Registry};

/// The feature value listed in `app/src/main.rs`.
pub struct ContactHistoryFeature;

impl Feature for ContactHistoryFeature {
    fn name(&self) -> &'static str {
        "contact_history"
    }

    fn register(&self, _r: &mut Registry) {}
}

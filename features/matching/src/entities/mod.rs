//! sea-orm entities of the matching feature.

pub mod placement;

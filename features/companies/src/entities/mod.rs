//! sea-orm entities of the companies feature.

pub mod district_area;
pub mod postcode;

//! sea-orm entities of the reference data feature (tables from the migrations
//! `companies_reference`, `companies_core` and `companies_more_reference_lists`, which created
//! them while the data lived in the companies feature; table and audit names are unchanged).

pub mod district_area;
pub mod postcode;
pub mod reference_item;

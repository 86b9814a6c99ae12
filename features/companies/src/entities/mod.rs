//! sea-orm entities of the companies feature.

pub mod company;
pub mod company_status_change;
pub mod monthly_count;
pub mod monthly_count_line;

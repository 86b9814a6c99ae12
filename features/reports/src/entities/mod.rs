//! sea-orm entities of the reports feature.

pub mod download_link;
pub mod generated_file;
pub mod partner_profile;
pub mod stat_applicant_district_residue;
pub mod stat_applicant_residue;
pub mod stat_company_residue;
pub mod stat_placement_residue;

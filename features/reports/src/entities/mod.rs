//! sea-orm entities of the reports feature.

pub mod download_link;
pub mod generated_file;
pub mod partner_profile;

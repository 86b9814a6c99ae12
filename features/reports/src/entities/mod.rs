//! sea-orm entities of the reports feature.

pub mod generated_file;

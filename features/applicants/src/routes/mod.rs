//! HTML pages of the applicants feature under `/bewerber`.

pub mod edit;
pub mod invitations;
pub mod list;
pub mod process;
pub mod record;
pub mod review;
pub mod wizard;

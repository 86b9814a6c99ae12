//! sea-orm entities of the applicants feature.

pub mod applicant;
pub mod applicant_access;
pub mod applicant_id_counter;
pub mod applicant_status_change;
pub mod invitation;
pub mod pending_registration;

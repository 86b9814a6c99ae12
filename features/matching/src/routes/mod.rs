//! HTML pages of the matching feature: the tab on a company (`/unternehmen/:id/vermittlungen`)
//! with entry, confirmation and removal; the tab on an applicant; the list `/vermittlungen`.

pub mod applicant_tab;
pub mod company_tab;
pub mod list;

pub use hih_applicants::load_applicant as applicant_in_scope;
pub use hih_companies::load_company as company_in_scope;

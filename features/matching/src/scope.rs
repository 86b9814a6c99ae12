//! The one scoping function for matches: a match is visible when its company is visible
//! (admins, IHK staff of the district) or its applicant is (AHK staff of the country). What an
//! AHK user then sees of the company is its name only ([`company_fields_visible`]).

use hih_applicants::scope::visible_applicant_ids;
use hih_companies::scope::visible_company_ids;
use hih_kernel::{Actor, Role};
use sea_orm::{ColumnTrait, Condition};

use crate::entities::placement;

/// The matches `actor` may see, as a condition on `placement`.
pub fn visible_placements(actor: &Actor) -> Condition {
    Condition::any()
        .add(placement::Column::CompanyId.in_subquery(visible_company_ids(actor)))
        .add(placement::Column::ApplicantId.in_subquery(visible_applicant_ids(actor)))
}

/// Whether the match pages link a company to its page: for those who may see companies
/// (admins, IHK staff). The pages themselves show only the company's name to everybody, so AHK
/// staff never see another company field (R-MAT-2).
pub fn company_fields_visible(actor: &Actor) -> bool {
    matches!(actor.role(), Some(Role::Admin | Role::IhkStaff))
}

//! The one scoping function for matches: a match is visible when its company is visible
//! (admins, IHK staff of the district) or its applicant is (AHK staff of the country). What an
//! AHK user then sees of the company is its name only ([`company_fields_visible`]).

use hih_applicants::entities::applicant;
use hih_applicants::scope::visible_applicants;
use hih_companies::entities::company;
use hih_companies::scope::visible_companies;
use hih_kernel::{Actor, Role};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition};

use crate::entities::placement;

/// The matches `actor` may see, as a condition on `placement`.
pub fn visible_placements(actor: &Actor) -> Condition {
    Condition::any()
        .add(
            placement::Column::CompanyId.in_subquery(
                Query::select()
                    .column(company::Column::Id)
                    .from(company::Entity)
                    .cond_where(visible_companies(actor))
                    .to_owned(),
            ),
        )
        .add(
            placement::Column::ApplicantId.in_subquery(
                Query::select()
                    .column(applicant::Column::Id)
                    .from(applicant::Entity)
                    .cond_where(visible_applicants(actor))
                    .to_owned(),
            ),
        )
}

/// Whether the match pages link a company to its page: for those who may see companies
/// (admins, IHK staff). The pages themselves show only the company's name to everybody, so AHK
/// staff never see another company field (R-MAT-2).
pub fn company_fields_visible(actor: &Actor) -> bool {
    matches!(actor.role(), Some(Role::Admin | Role::IhkStaff))
}

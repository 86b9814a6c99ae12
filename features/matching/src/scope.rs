//! The one scoping function for matches (R-MAT, R-ACT-2). A match belongs to two rooms, and
//! each role sees it only from its own:
//! - admins: every match;
//! - IHK staff: the matches of the companies they see (their district's active companies) —
//!   not the other districts' matches of an applicant their match opened to them;
//! - AHK staff: the matches of the applicants they see (their country's active applicants),
//!   and only while the company is active (R-COM-3: deactivated companies are for admins);
//!   of the company they see the name only ([`company_fields_visible`]);
//! - everybody else: none.

use hih_applicants::scope::visible_applicant_ids;
use hih_companies::entities::company;
use hih_companies::scope::visible_company_ids;
use hih_kernel::{Actor, Role};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition};

use crate::entities::placement;

/// The matches `actor` may see, as a condition on `placement`.
pub fn visible_placements(actor: &Actor) -> Condition {
    match actor.role() {
        Some(Role::Admin) => Condition::all(),
        Some(Role::IhkStaff) => Condition::all()
            .add(placement::Column::CompanyId.in_subquery(visible_company_ids(actor))),
        Some(Role::AhkStaff) => Condition::all()
            .add(placement::Column::ApplicantId.in_subquery(visible_applicant_ids(actor)))
            .add(
                placement::Column::CompanyId.in_subquery(
                    Query::select()
                        .column(company::Column::Id)
                        .from(company::Entity)
                        .and_where(company::Column::Active.eq(true))
                        .to_owned(),
                ),
            ),
        _ => Condition::all().add(placement::Column::Id.eq(-1)),
    }
}

/// Whether the match pages link a company to its page: for those who may see companies
/// (admins, IHK staff). The pages themselves show only the company's name to everybody, so AHK
/// staff never see another company field (R-MAT-2).
pub fn company_fields_visible(actor: &Actor) -> bool {
    matches!(actor.role(), Some(Role::Admin | Role::IhkStaff))
}

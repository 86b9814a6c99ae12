//! The one scoping function for contact-history entries (R-CH-4): an entry is visible to
//! everyone who may see the company or the applicant it is attached to — through those
//! records' own scoping functions, as subqueries.

use hih_applicants::scope::visible_applicant_ids;
use hih_companies::scope::visible_company_ids;
use hih_kernel::{Actor, Role};
use sea_orm::{ColumnTrait, Condition};

use crate::entities::contact_entry;

/// The entries `actor` may see, as a condition on `contact_entry`. Admins see every company
/// and every applicant, hence every entry: for them the condition is empty rather than two
/// subqueries over all companies and applicants, which made the planner collect and sort the
/// whole table for each page (2 s at 1,000,000 entries).
pub fn visible_entries(actor: &Actor) -> Condition {
    if actor.role() == Some(Role::Admin) {
        return Condition::all();
    }
    Condition::any()
        .add(contact_entry::Column::CompanyId.in_subquery(visible_company_ids(actor)))
        .add(contact_entry::Column::ApplicantId.in_subquery(visible_applicant_ids(actor)))
}

/// Whether `actor` may edit or delete a (visible) entry: its author and admins (R-CH-3).
pub fn may_change(actor: &Actor, entry: &contact_entry::Model) -> bool {
    actor.role() == Some(Role::Admin)
        || (entry.author_id.is_some() && entry.author_id == actor.user_id())
}

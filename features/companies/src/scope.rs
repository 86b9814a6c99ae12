//! The one scoping function for companies (R-ACT-2): admins see all companies, deactivated
//! ones included (marked, during the retention period); IHK staff the active companies of their
//! district; everybody else none (AHK staff will see matched companies' names only, through
//! the matching feature).

use hih_kernel::{Actor, Role};
use sea_orm::{ColumnTrait, Condition};

use crate::entities::company;

/// The companies `actor` may see, as a query condition.
pub fn visible_companies(actor: &Actor) -> Condition {
    let none = Condition::all().add(company::Column::Id.eq(-1));
    let Some(user) = actor.as_user() else {
        return none;
    };
    match user.role {
        Role::Admin => Condition::all(),
        Role::IhkStaff => match user.district_id {
            Some(d) => Condition::all()
                .add(company::Column::DistrictId.eq(d))
                .add(company::Column::Active.eq(true)),
            None => none,
        },
        Role::SuperAdmin | Role::AhkStaff | Role::Dpo => none,
    }
}

/// Whether the actor may create and edit companies at all (the scope decides which).
pub fn may_edit(actor: &Actor) -> bool {
    actor.has_any_role(&[Role::Admin, Role::IhkStaff])
}

//! The one scoping function for conversations: admins see all, AHK staff those of their
//! country, nobody else any (IHK staff, DPO, super admin, jobs, guests through their link
//! only). Sharing a conversation with an IHK district after a match is not built yet.

use hih_kernel::{Actor, Role};
use sea_orm::{ColumnTrait, Condition};

use crate::entities::conversation;

/// The conversations `actor` may open, as a condition.
pub fn visible_conversations(actor: &Actor) -> Condition {
    let none = Condition::all().add(conversation::Column::Id.eq(-1));
    let Some(user) = actor.as_user() else {
        return none;
    };
    match (user.role, &user.country) {
        (Role::Admin, _) => Condition::all(),
        (Role::AhkStaff, Some(c)) => Condition::all().add(conversation::Column::Country.eq(c)),
        _ => none,
    }
}

/// The country `actor` opens conversations for: AHK staff their own; admins choose.
pub fn own_country(actor: &Actor) -> Option<String> {
    actor
        .as_user()
        .filter(|u| u.role == Role::AhkStaff)
        .and_then(|u| u.country.clone())
}

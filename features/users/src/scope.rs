//! The one scoping function for user accounts: account managers see all accounts, everybody
//! else only their own.

use hih_kernel::Actor;
use sea_orm::{ColumnTrait, Condition};

use crate::entities::user_account;
use crate::permissions::MANAGE_USERS;

/// The accounts `actor` may see, as a query condition.
pub fn visible_users(actor: &Actor) -> Condition {
    if MANAGE_USERS.allows(actor) {
        Condition::all()
    } else {
        match actor.user_id() {
            Some(id) => Condition::all().add(user_account::Column::Id.eq(id)),
            None => Condition::all().add(user_account::Column::Id.eq(-1)),
        }
    }
}

//! Scoping of invitations and pending registrations (R-REG-3, R-ACT-2): admins see all, AHK
//! staff those of their country, everyone else none. Every list, detail page and action calls
//! these functions.

use hih_kernel::{Actor, Role};
use sea_orm::{ColumnTrait, Condition};

use crate::entities::{invitation, pending_registration};

/// The country filter of the actor: `Some(None)` all countries (admins), `Some(Some(c))` one
/// country (AHK staff), `None` nothing.
fn country_of(actor: &Actor) -> Option<Option<String>> {
    let user = actor.as_user()?;
    match user.role {
        Role::Admin => Some(None),
        Role::AhkStaff => user.country.clone().map(Some),
        _ => None,
    }
}

/// The invitations `actor` may see.
pub fn visible_invitations(actor: &Actor) -> Condition {
    match country_of(actor) {
        Some(None) => Condition::all(),
        Some(Some(c)) => Condition::all().add(invitation::Column::Country.eq(c)),
        None => Condition::all().add(invitation::Column::Id.eq(-1)),
    }
}

/// The submitted pending registrations `actor` may see (drafts a guest is still filling in
/// are never shown).
pub fn visible_pending(actor: &Actor) -> Condition {
    let submitted = pending_registration::Column::SubmittedAt.is_not_null();
    match country_of(actor) {
        Some(None) => Condition::all().add(submitted),
        Some(Some(c)) => Condition::all()
            .add(submitted)
            .add(pending_registration::Column::Country.eq(c)),
        None => Condition::all().add(pending_registration::Column::Id.eq(-1)),
    }
}

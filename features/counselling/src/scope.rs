//! The one scoping function for conversations: admins see all, AHK staff those of their
//! country, IHK staff those that AHK staff shared for integration and whose linked applicant a
//! match opened to their district (read-only, on the applicant's page), nobody else any (DPO,
//! super admin, jobs, guests through their link only).

use hih_applicants::scope::visible_applicant_ids;
use hih_kernel::{Actor, Role};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

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
        (Role::IhkStaff, _) if user.district_id.is_some() => Condition::all()
            .add(conversation::Column::SharedForIntegration.eq(true))
            .add(conversation::Column::ApplicantId.in_subquery(visible_applicant_ids(actor))),
        _ => none,
    }
}

/// Conversation `id` if `actor` may open it ([`visible_conversations`]); the callers answer
/// `None` with 404 and an access-log entry.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: i64,
) -> Result<Option<conversation::Model>, DbErr> {
    conversation::Entity::find_by_id(id)
        .filter(visible_conversations(actor))
        .one(db)
        .await
}

/// The country `actor` opens conversations for: AHK staff their own; admins choose.
pub fn own_country(actor: &Actor) -> Option<String> {
    actor
        .as_user()
        .filter(|u| u.role == Role::AhkStaff)
        .and_then(|u| u.country.clone())
}

//! The one scoping function for applicants (R-ACT-2, DESIGN "Scoping: one place"): lists,
//! detail pages, search, exports and (later) statistics and APIs all call
//! [`visible_applicants`].

use hih_db::counts;
use hih_kernel::{Actor, Role};
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbErr};

use crate::entities::{applicant, applicant_access};

/// The applicants `actor` may see, as a query condition:
/// - admins: all (deactivated ones too — lists hide them unless asked, R-LST-2);
/// - AHK staff: the active applicants registered in their country;
/// - IHK staff: the active applicants opened to their district by an active row in
///   `applicant_access`
///   (filled by the matching feature once a match exists; empty until then);
/// - DPO, super admin, jobs without a user, anonymous: none.
pub fn visible_applicants(actor: &Actor) -> Condition {
    let none = Condition::all().add(applicant::Column::Id.eq(-1));
    let Some(user) = actor.as_user() else {
        return none;
    };
    match user.role {
        Role::Admin => Condition::all(),
        Role::AhkStaff => match &user.country {
            Some(c) => Condition::all()
                .add(applicant::Column::Country.eq(c.clone()))
                .add(applicant::Column::Active.eq(true)),
            None => none,
        },
        // Extension point for matching (R-MAT-3): the district's opened applicants.
        Role::IhkStaff => match user.district_id {
            Some(d) => Condition::all()
                .add(
                    applicant::Column::Id.in_subquery(
                        Query::select()
                            .column(applicant_access::Column::ApplicantId)
                            .from(applicant_access::Entity)
                            .and_where(applicant_access::Column::DistrictId.eq(d))
                            .and_where(applicant_access::Column::Active.eq(true))
                            .to_owned(),
                    ),
                )
                .add(applicant::Column::Active.eq(true)),
            None => none,
        },
        Role::SuperAdmin | Role::Dpo => none,
    }
}

/// The ids of the applicants `actor` may see, as a subquery for other features' records that
/// are visible with their applicant (matches, contact history).
pub fn visible_applicant_ids(actor: &Actor) -> SelectStatement {
    Query::select()
        .column(applicant::Column::Id)
        .from(applicant::Entity)
        .cond_where(visible_applicants(actor))
        .to_owned()
}

/// Whether the actor may ask for deactivated applicants (admins, during retention; R-LST-2).
pub fn sees_deactivated(actor: &Actor) -> bool {
    actor.role() == Some(Role::Admin)
}

/// The registration country new applicants of this actor must have: AHK staff only their
/// own; admins any (`None`).
pub fn required_country(actor: &Actor) -> Option<String> {
    actor
        .as_user()
        .filter(|u| u.role == Role::AhkStaff)
        .and_then(|u| u.country.clone())
}

/// How many applicants `actor`'s unfiltered list shows (the active ones in scope), read from
/// the kept counts per country (`hih_db::counts`) instead of counting the scope: admins the sum
/// over all countries, AHK staff their country's. `None` for IHK staff (their scope is the
/// opened applicants, counted by the query) and for roles that see none. Tests compare it with
/// the list query after every kind of write.
pub async fn kept_count<C: ConnectionTrait>(db: &C, actor: &Actor) -> Result<Option<u64>, DbErr> {
    let Some(user) = actor.as_user() else {
        return Ok(None);
    };
    let key = match (user.role, &user.country) {
        (Role::Admin, _) => None,
        (Role::AhkStaff, Some(c)) => Some(c.clone()),
        _ => return Ok(None),
    };
    counts::kept(db, counts::APPLICANTS_BY_COUNTRY, key.as_deref())
        .await
        .map(Some)
}

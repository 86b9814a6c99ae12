//! The one scoping function for applicants (R-ACT-2, DESIGN "Scoping: one place"): lists,
//! detail pages, search, exports and (later) statistics and APIs all call
//! [`visible_applicants`].

use hih_db::counts;
use hih_db::plan::{self, ScopePlan};
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
            Some(d) => opened_to(d, ScopePlan::Collect),
            None => none,
        },
        Role::SuperAdmin | Role::Dpo => none,
    }
}

/// The applicants opened to IHK district `district`: active, with an active access row,
/// written for `plan` (`hih_db::plan`; [`visible_applicants`] uses [`ScopePlan::Collect`]).
pub fn opened_to(district: i64, plan: ScopePlan) -> Condition {
    let access = Query::select()
        .from(applicant_access::Entity)
        .and_where(applicant_access::Column::DistrictId.eq(district))
        .and_where(applicant_access::Column::Active.eq(true))
        .to_owned();
    Condition::all()
        .add(plan::member_of(
            (applicant::Entity, applicant::Column::Id),
            access,
            (
                applicant_access::Entity,
                applicant_access::Column::ApplicantId,
            ),
            plan,
        ))
        .add(applicant::Column::Active.eq(true))
}

/// The scope of one page of `actor`'s unfiltered list ending at record `page_end`, ordered by
/// name if `by_name`, with `total` records: for IHK staff written for the cheaper plan
/// (`hih_db::plan::scope_plan` of the active applicants; only the name order has an index to
/// walk), otherwise [`visible_applicants`]. Measured at 100× with 30,000 of 300,000 opened:
/// page 1 0.1 ms walked, 20 ms collected; a district with none opened would take 60 ms walked.
pub async fn page_scope<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    by_name: bool,
    page_end: Option<u64>,
    total: u64,
) -> Result<Condition, DbErr> {
    let district = actor
        .as_user()
        .filter(|u| u.role == Role::IhkStaff)
        .and_then(|u| u.district_id);
    match district {
        Some(d) if by_name => {
            let active = counts::kept(db, counts::APPLICANTS_BY_COUNTRY, None).await?;
            Ok(opened_to(d, plan::scope_plan(page_end, active, total)))
        }
        _ => Ok(visible_applicants(actor)),
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
/// the kept counts (`hih_db::counts`) instead of counting the scope: admins the sum over all
/// countries, AHK staff their country's, IHK staff the applicants opened to their district.
/// `None` for roles that see none. Tests compare it with the list query after every kind of
/// write.
pub async fn kept_count<C: ConnectionTrait>(db: &C, actor: &Actor) -> Result<Option<u64>, DbErr> {
    let Some(user) = actor.as_user() else {
        return Ok(None);
    };
    let (counter, key) = match (user.role, &user.country, user.district_id) {
        (Role::Admin, _, _) => (counts::APPLICANTS_BY_COUNTRY, None),
        (Role::AhkStaff, Some(c), _) => (counts::APPLICANTS_BY_COUNTRY, Some(c.clone())),
        (Role::IhkStaff, _, Some(d)) => (counts::APPLICANTS_BY_DISTRICT, Some(d.to_string())),
        _ => return Ok(None),
    };
    counts::kept(db, counter, key.as_deref()).await.map(Some)
}

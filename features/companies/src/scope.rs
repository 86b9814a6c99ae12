//! The one scoping function for companies (R-ACT-2): admins see all companies, deactivated
//! ones included (marked, during the retention period); IHK staff the active companies of their
//! district; everybody else none (AHK staff will see matched companies' names only, through
//! the matching feature). Monthly counts (1A) are scoped by IHK district: [`visible_districts`].

use hih_db::counts;
use hih_kernel::{Actor, Role};
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbErr};

use hih_users::entities::institution;

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

/// The ids of the companies `actor` may see, as a subquery for other features' records that
/// are visible with their company (matches, contact history): `x IN (visible_company_ids)`.
pub fn visible_company_ids(actor: &Actor) -> SelectStatement {
    Query::select()
        .column(company::Column::Id)
        .from(company::Entity)
        .cond_where(visible_companies(actor))
        .to_owned()
}

/// Whether the actor may ask for deactivated companies (admins, during retention; R-LST-2).
pub fn sees_deactivated(actor: &Actor) -> bool {
    actor.role() == Some(Role::Admin)
}

/// The IHK district a company address of this actor must lie in (R-COM-2): IHK staff only
/// their own; admins anywhere (`None`).
pub fn required_district(actor: &Actor) -> Option<i64> {
    actor
        .as_user()
        .filter(|u| u.role == Role::IhkStaff)
        .and_then(|u| u.district_id)
}

/// The IHK districts whose monthly counts (1A, R-COM-4) `actor` may see and enter, as a
/// condition on institutions: admins all IHKs, IHK staff their own, everybody else none. The
/// monthly-count pages, exports and reminders all go through this one function.
pub fn visible_districts(actor: &Actor) -> Condition {
    let ihk = Condition::all().add(institution::Column::Kind.eq("ihk"));
    let none = Condition::all().add(institution::Column::Id.eq(-1));
    let Some(user) = actor.as_user() else {
        return none;
    };
    match user.role {
        Role::Admin => ihk,
        Role::IhkStaff => match user.district_id {
            Some(d) => ihk.add(institution::Column::Id.eq(d)),
            None => none,
        },
        Role::SuperAdmin | Role::AhkStaff | Role::Dpo => none,
    }
}

/// Whether `actor` may still change a month: admins always, IHK staff until it is closed.
pub fn may_change_month(actor: &Actor, closed: bool) -> bool {
    match actor.role() {
        Some(Role::Admin) => true,
        Some(Role::IhkStaff) => !closed,
        _ => false,
    }
}

/// How many companies `actor`'s unfiltered list shows (the active ones in scope), read from
/// the kept counts per district (`hih_db::counts`) instead of counting the scope: admins the
/// sum over all districts, IHK staff their district's. `None` for roles that see none (their
/// list's count is the query's). Tests compare it with the list query after every kind of
/// write.
pub async fn kept_count<C: ConnectionTrait>(db: &C, actor: &Actor) -> Result<Option<u64>, DbErr> {
    let Some(user) = actor.as_user() else {
        return Ok(None);
    };
    let key = match (user.role, user.district_id) {
        (Role::Admin, _) => None,
        (Role::IhkStaff, Some(d)) => Some(d.to_string()),
        _ => return Ok(None),
    };
    counts::kept(db, counts::COMPANIES_BY_DISTRICT, key.as_deref())
        .await
        .map(Some)
}

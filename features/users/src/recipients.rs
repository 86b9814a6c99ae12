//! Who receives a notification or mail (R-NOT): active accounts of a role, optionally only
//! those of an institution attribute. Features resolve recipients here and hand them to
//! [`hih_notify::notify`]; the platform never reads the account tables itself.
//!
//! ```ignore
//! let to = recipients::active_with_role(uow.txn(), Role::AhkStaff, Filter::Country("VN")).await?;
//! hih_notify::notify(&mut uow, &to, &notice).await?;
//! ```

use hih_i18n::Locale;
use hih_kernel::{AppError, Role};
use hih_notify::Recipient;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{institution, user_account};

/// Which accounts of the role(s) are meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter<'a> {
    /// Everyone with the role.
    All,
    /// Accounts of an institution with this ISO country code (AHKs: `VN`, `IN`, `BR`).
    Country(&'a str),
    /// Accounts of this IHK district (the IHK's institution id, as in `Actor::district_id`).
    District(i64),
}

/// Active accounts with `role` that match `filter`, ordered by id. Mails go out in German:
/// accounts do not store a language yet.
pub async fn active_with_role<C: ConnectionTrait>(
    db: &C,
    role: Role,
    filter: Filter<'_>,
) -> Result<Vec<Recipient>, AppError> {
    active_with_roles(db, &[role], filter).await
}

/// Like [`active_with_role`] for several roles at once (e.g. admins and data-protection
/// officers for security alerts).
pub async fn active_with_roles<C: ConnectionTrait>(
    db: &C,
    roles: &[Role],
    filter: Filter<'_>,
) -> Result<Vec<Recipient>, AppError> {
    let mut select = user_account::Entity::find()
        .filter(user_account::Column::Active.eq(true))
        .filter(user_account::Column::Role.is_in(roles.iter().map(|r| r.code())));
    select = match filter {
        Filter::All => select,
        Filter::District(id) => select.filter(user_account::Column::InstitutionId.eq(id)),
        Filter::Country(code) => select.filter(
            user_account::Column::InstitutionId.in_subquery(
                Query::select()
                    .column(institution::Column::Id)
                    .from(institution::Entity)
                    .and_where(institution::Column::CountryCode.eq(code.to_uppercase()))
                    .to_owned(),
            ),
        ),
    };
    Ok(select
        .order_by_asc(user_account::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| Recipient {
            user_id: u.id,
            email: u.email,
            locale: Locale::De,
        })
        .collect())
}

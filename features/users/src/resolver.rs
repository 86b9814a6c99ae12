//! Turns a session's user id into the request's [`Actor`].

use hih_kernel::{Actor, ActorResolver, ApiCredential, AppError, Role, Services, UserActor};
use sea_orm::{EntityTrait, JoinType, QuerySelect};

use crate::entities::{institution, user_account};

/// Loads the account and its institution; inactive or deleted accounts resolve to nobody.
pub struct Resolver;

#[async_trait::async_trait]
impl ActorResolver for Resolver {
    async fn resolve(&self, services: &Services, user_id: i64) -> Result<Option<Actor>, AppError> {
        actor_of(services, user_id).await
    }

    async fn resolve_api_token(
        &self,
        services: &Services,
        secret: &str,
    ) -> Result<Option<ApiCredential>, AppError> {
        crate::api_tokens::authenticate(services, secret).await
    }
}

/// The actor of an active account with its role and scope (institution, district, country);
/// `None` for a deactivated or deleted one. One statement per request: the account's few
/// columns the actor needs, joined with its institution.
pub(crate) async fn actor_of(services: &Services, user_id: i64) -> Result<Option<Actor>, AppError> {
    let institution_of = user_account::Entity::belongs_to(institution::Entity)
        .from(user_account::Column::InstitutionId)
        .to(institution::Column::Id)
        .into();
    type Row = (
        i64,
        String,
        String,
        String,
        String,
        bool,
        i64,
        Option<String>,
        Option<String>,
    );
    let row: Option<Row> = user_account::Entity::find_by_id(user_id)
        .select_only()
        .columns([
            user_account::Column::Id,
            user_account::Column::Username,
            user_account::Column::FirstName,
            user_account::Column::LastName,
            user_account::Column::Role,
            user_account::Column::Active,
            user_account::Column::InstitutionId,
        ])
        .column(institution::Column::Kind)
        .column(institution::Column::CountryCode)
        .join(JoinType::LeftJoin, institution_of)
        .into_tuple()
        .one(&services.db)
        .await?;
    let Some((id, username, first_name, last_name, role, active, institution_id, kind, country)) =
        row
    else {
        return Ok(None);
    };
    if !active {
        return Ok(None);
    }
    let Some(role) = Role::from_code(&role) else {
        return Ok(None);
    };
    let district_id = (kind.as_deref() == Some("ihk")).then_some(institution_id);
    Ok(Some(Actor::user(UserActor {
        id,
        username,
        display_name: format!("{first_name} {last_name}"),
        role,
        institution_id: Some(institution_id),
        district_id,
        country,
    })))
}

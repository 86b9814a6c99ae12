//! Turns a session's user id into the request's [`Actor`].

use hih_kernel::{Actor, ActorResolver, ApiCredential, AppError, Role, Services, UserActor};
use sea_orm::EntityTrait;

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
/// `None` for a deactivated or deleted one.
pub(crate) async fn actor_of(services: &Services, user_id: i64) -> Result<Option<Actor>, AppError> {
    let Some(user) = user_account::Entity::find_by_id(user_id)
        .one(&services.db)
        .await?
    else {
        return Ok(None);
    };
    if !user.active {
        return Ok(None);
    }
    let Some(role) = Role::from_code(&user.role) else {
        return Ok(None);
    };
    let inst = institution::Entity::find_by_id(user.institution_id)
        .one(&services.db)
        .await?;
    let district_id = inst.as_ref().filter(|i| i.kind == "ihk").map(|i| i.id);
    let country = inst.as_ref().and_then(|i| i.country_code.clone());
    Ok(Some(Actor::user(UserActor {
        id: user.id,
        username: user.username.clone(),
        display_name: user.display_name(),
        role,
        institution_id: Some(user.institution_id),
        district_id,
        country,
    })))
}

//! The user's own profile page (editing it is the `profile` flow in [`super::account_form`]:
//! everything but role and institution).

use hih_web::minijinja::context;
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use sea_orm::EntityTrait;

use crate::entities::user_account;

/// Own profile.
#[handler]
pub async fn show(ctx: Ctx) -> WebResult {
    let id = ctx.user_id()?;
    let user = user_account::Entity::find_by_id(id)
        .one(&ctx.services().db)
        .await?
        .ok_or(WebError(hih_kernel::AppError::NotFound))?;
    let institutions = crate::service::institutions(ctx.services()).await?;
    let institution = institutions
        .iter()
        .find(|i| i.id == user.institution_id)
        .map(|i| i.name.clone())
        .unwrap_or_default();
    let days_left = crate::tiles::password_days_left(ctx.services(), &user);
    ctx.render("users/profile.html", context! {
        name => user.display_name(),
        username => user.username.clone(),
        email => user.email.clone(),
        phone => user.phone.clone(),
        position => user.position.clone(),
        institution => institution,
        role_key => hih_kernel::Role::from_code(&user.role).map(|r| r.label_key()).unwrap_or_default(),
        days_left => days_left,
    })
    .await
}

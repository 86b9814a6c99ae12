//! HTML pages of the matching feature: the tab on a company (`/unternehmen/:id/vermittlungen`)
//! with entry, confirmation and removal; the tab on an applicant; the list `/vermittlungen`.

pub mod applicant_tab;
pub mod company_tab;
pub mod list;

use hih_applicants::entities::applicant;
use hih_applicants::scope::visible_applicants;
use hih_companies::entities::company;
use hih_companies::scope::visible_companies;
use hih_web::{Ctx, WebResult};
use sea_orm::{EntityTrait, QueryFilter};

/// A company in the caller's scope, else 404 (logged).
pub async fn company_in_scope(ctx: &Ctx, id: i64) -> WebResult<company::Model> {
    match company::Entity::find_by_id(id)
        .filter(visible_companies(&ctx.actor))
        .one(&ctx.services().db)
        .await?
    {
        Some(c) => Ok(c),
        None => Err(ctx.not_found_in_scope("company", &id.to_string()).await),
    }
}

/// An applicant in the caller's scope, else 404 (logged).
pub async fn applicant_in_scope(ctx: &Ctx, id: i64) -> WebResult<applicant::Model> {
    match applicant::Entity::find_by_id(id)
        .filter(visible_applicants(&ctx.actor))
        .one(&ctx.services().db)
        .await?
    {
        Some(a) => Ok(a),
        None => Err(ctx.not_found_in_scope("applicant", &id.to_string()).await),
    }
}

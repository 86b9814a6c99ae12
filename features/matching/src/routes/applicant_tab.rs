//! The matches of one applicant (R-MAT-2): the companies' **names** with date, position and
//! status — the only company field AHK staff ever see. Admins and IHK staff additionally get a
//! link to the company page (the companies' scope decides whether it opens).

use hih_companies::entities::company;
use hih_companies::scope::visible_companies;
use hih_db::access::AccessAction;
use hih_reference::lists::{self, label_of};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::handler;
use poem::web::Path;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

use crate::entities::placement;
use crate::routes::applicant_in_scope;
use crate::scope::visible_placements;
use crate::service::status_key;

#[derive(Serialize)]
struct Row {
    company_name: String,
    /// Company page, only when the caller may open it.
    company_href: Option<String>,
    placed_on: chrono::NaiveDate,
    position: String,
    status_key: &'static str,
}

#[derive(sea_orm::FromQueryResult)]
struct Found {
    company_id: i64,
    company_name: String,
    placed_on: chrono::NaiveDate,
    position: String,
    status: String,
}

/// The applicant's matches, newest first.
#[handler]
pub async fn list(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let a = applicant_in_scope(&ctx, id).await?;
    ctx.log_access(
        AccessAction::View,
        "applicant",
        Some(id.to_string()),
        serde_json::json!({ "tab": "placements" }),
        None,
    )
    .await;
    let db = &ctx.services().db;
    // Only the name is read from the company table.
    let found = placement::Entity::find()
        .select_only()
        .column(placement::Column::CompanyId)
        .column_as(company::Column::Name, "company_name")
        .column(placement::Column::PlacedOn)
        .column(placement::Column::Position)
        .column(placement::Column::Status)
        .inner_join(company::Entity)
        .filter(placement::Column::ApplicantId.eq(id))
        .filter(visible_placements(&ctx.actor))
        .order_by_desc(placement::Column::PlacedOn)
        .order_by_desc(placement::Column::Id)
        .into_model::<Found>()
        .all(db)
        .await?;
    let openable: Vec<i64> = company::Entity::find()
        .select_only()
        .column(company::Column::Id)
        .filter(visible_companies(&ctx.actor))
        .filter(company::Column::Id.is_in(found.iter().map(|f| f.company_id)))
        .into_tuple()
        .all(db)
        .await?;
    let occupations = lists::options(ctx.services(), "occupation", ctx.locale).await?;
    let rows: Vec<Row> = found
        .into_iter()
        .map(|f| Row {
            company_href: openable
                .contains(&f.company_id)
                .then(|| format!("/unternehmen/{}", f.company_id)),
            company_name: f.company_name,
            placed_on: f.placed_on,
            position: label_of(&occupations, &f.position),
            status_key: status_key(&f.status),
        })
        .collect();
    ctx.render(
        "matching/applicant.html",
        context! {
            tabs => hih_web::tabs::record_tabs(&ctx, "applicant", a.id),
            a => Serde(&a),
            rows => Serde(rows),
        },
    )
    .await
}

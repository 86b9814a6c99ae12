//! The reference data start page (admins): postcode count and upload form, the IHK districts
//! with their Landkreise, the selection lists with their entry counts.

use hih_users::entities::institution;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::handler;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::entities::district_area;
use crate::{lists, postcodes};

#[derive(Serialize)]
struct District {
    id: i64,
    name: String,
    areas: Vec<String>,
}

async fn districts(ctx: &Ctx) -> WebResult<Vec<District>> {
    let ihks = institution::Entity::find()
        .filter(institution::Column::Kind.eq("ihk"))
        .order_by_asc(institution::Column::Name)
        .all(&ctx.services().db)
        .await?;
    let areas = district_area::Entity::find()
        .order_by_asc(district_area::Column::Name)
        .all(&ctx.services().db)
        .await?;
    Ok(ihks
        .into_iter()
        .map(|i| District {
            id: i.id,
            name: i.name,
            areas: areas
                .iter()
                .filter(|a| a.institution_id == i.id)
                .map(|a| a.name.clone())
                .collect(),
        })
        .collect())
}

/// Overview: postcode count, upload form, districts.
#[handler]
pub async fn overview(ctx: Ctx) -> WebResult {
    let count = postcodes::count(ctx.services()).await?;
    let mut list_rows = Vec::new();
    for kind in lists::KINDS {
        let count = lists::all_items(ctx.services(), kind).await?.len();
        list_rows.push(context! {
            kind => kind,
            key => format!("reference-list-kind-{}", kind.replace('_', "-")),
            count => count,
        });
    }
    ctx.render(
        "reference/overview.html",
        context! {
            count => count,
            districts => Serde(districts(&ctx).await?),
            lists => list_rows,
        },
    )
    .await
}

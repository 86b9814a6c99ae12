//! IHK districts (admins, R-REF-2): one form per IHK with its Landkreise and kreisfreie
//! Städte, one per line.

use std::collections::BTreeMap;

use hih_db::UnitOfWork;
use hih_db::fold::fold;
use hih_kernel::{AppError, FieldErrors};
use hih_users::entities::institution;
use hih_web::minijinja::context;
use hih_web::{Ctx, WebError, WebResult, draft};
use poem::handler;
use poem::web::{Form, Path};
use sea_orm::{ColumnTrait, EntityTrait, NotSet, QueryFilter, QueryOrder, Set};
use serde::Deserialize;

use crate::entities::{district_area, postcode};
use crate::postcodes;

async fn load_ihk(ctx: &Ctx, id: i64) -> WebResult<institution::Model> {
    institution::Entity::find_by_id(id)
        .filter(institution::Column::Kind.eq("ihk"))
        .one(&ctx.services().db)
        .await?
        .ok_or(WebError(AppError::NotFound))
}

#[derive(Deserialize, Default)]
pub(crate) struct AreasForm {
    #[serde(default)]
    areas: String,
}

async fn district_page(
    ctx: &Ctx,
    ihk: &institution::Model,
    areas: &str,
    errors: &FieldErrors,
) -> WebResult {
    ctx.render_form(
        "reference/district_edit.html",
        errors,
        context! { ihk => ihk.name.clone(), id => ihk.id, areas => areas },
    )
    .await
}

/// Edit form of one IHK's district (one Landkreis or kreisfreie Stadt per line).
#[handler]
pub async fn district_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let ihk = load_ihk(&ctx, id).await?;
    let areas: Vec<String> = district_area::Entity::find()
        .filter(district_area::Column::InstitutionId.eq(id))
        .order_by_asc(district_area::Column::Name)
        .all(&ctx.services().db)
        .await?
        .into_iter()
        .map(|a| a.name)
        .collect();
    let key = format!("district:{id}");
    let areas = draft::load::<String>(&ctx, &key).unwrap_or_else(|| areas.join("\n"));
    let errors = draft::take_errors(&ctx, &key);
    district_page(&ctx, &ihk, &areas, &errors).await
}

/// Saves a district: names must be districts of the postcode data (when loaded) and may belong
/// to one IHK only.
#[handler]
pub async fn district_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<AreasForm>,
) -> WebResult {
    let ihk = load_ihk(&ctx, id).await?;
    let services = ctx.services();
    let wanted: Vec<String> = {
        let mut v: Vec<String> = form
            .areas
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        v.sort_by_key(|a| fold(a));
        v.dedup();
        v
    };
    let mut errors = FieldErrors::new();
    if postcodes::count(services).await? > 0 {
        let known: std::collections::HashSet<String> = postcode::Entity::find()
            .all(&services.db)
            .await?
            .iter()
            .map(|r| r.kreis().to_string())
            .collect();
        let unknown: Vec<&String> = wanted.iter().filter(|w| !known.contains(*w)).collect();
        if !unknown.is_empty() {
            errors.add_with(
                "areas",
                "reference-district-unknown",
                &[(
                    "names",
                    unknown
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                )],
            );
        }
    }
    let others: BTreeMap<String, i64> = district_area::Entity::find()
        .filter(district_area::Column::InstitutionId.ne(id))
        .all(&services.db)
        .await?
        .into_iter()
        .map(|a| (a.name, a.institution_id))
        .collect();
    let taken: Vec<&String> = wanted.iter().filter(|w| others.contains_key(*w)).collect();
    if !taken.is_empty() {
        errors.add_with(
            "areas",
            "reference-district-taken",
            &[(
                "names",
                taken
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            )],
        );
    }
    let key = format!("district:{id}");
    if !errors.is_empty() {
        draft::store(&ctx, &key, &form.areas);
        draft::store_errors(&ctx, &key, &errors);
        return ctx.redirect(&format!("/referenzdaten/bezirke/{}", ihk.id));
    }
    draft::discard(&ctx, &key);
    let mut uow = UnitOfWork::begin(services, &ctx.actor).await?;
    let current = district_area::Entity::find()
        .filter(district_area::Column::InstitutionId.eq(id))
        .all(uow.txn())
        .await?;
    for old in current.iter().filter(|a| !wanted.contains(&a.name)) {
        uow.delete::<district_area::ActiveModel>(old.clone())
            .await?;
    }
    for name in wanted
        .iter()
        .filter(|w| !current.iter().any(|a| &&a.name == w))
    {
        uow.insert(district_area::ActiveModel {
            id: NotSet,
            institution_id: Set(id),
            name: Set(name.clone()),
        })
        .await?;
    }
    uow.commit().await?;
    ctx.session.flash("reference-district-saved");
    ctx.redirect("/referenzdaten")
}

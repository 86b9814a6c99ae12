//! Reference data pages (admins): postcode upload with a validation report, IHK districts.

use std::collections::BTreeMap;

use hih_db::UnitOfWork;
use hih_db::fold::fold;
use hih_kernel::{AppError, FieldErrors};
use hih_users::entities::institution;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult, draft};
use poem::handler;
use poem::web::{Form, Multipart, Path};
use sea_orm::{ColumnTrait, EntityTrait, NotSet, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};

use crate::entities::{district_area, postcode};
use crate::postcodes;

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
    let mut lists = Vec::new();
    for kind in crate::reference::KINDS {
        let count = crate::reference::all_items(ctx.services(), kind)
            .await?
            .len();
        lists.push(context! {
            kind => kind,
            key => format!("companies-list-kind-{}", kind.replace('_', "-")),
            count => count,
        });
    }
    ctx.render(
        "companies/reference.html",
        context! {
            count => count,
            districts => Serde(districts(&ctx).await?),
            lists => lists,
        },
    )
    .await
}

#[derive(Serialize, Deserialize, Default)]
struct StoredReport {
    rows: u64,
    imported: u64,
    duplicates: u64,
    dry_run: bool,
    problems: Vec<(u64, String)>,
    more: usize,
}

/// Upload (multipart: `file`, optional `dry_run`); the report is shown on the next page.
#[handler]
pub async fn upload(ctx: Ctx, mut form: Multipart) -> WebResult {
    let mut bytes = Vec::new();
    let mut dry_run = false;
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|_| WebError(AppError::Refused("error-bad-request".into())))?
    {
        match field.name() {
            Some("file") => {
                bytes = field
                    .bytes()
                    .await
                    .map_err(|_| WebError(AppError::Refused("error-bad-request".into())))?
            }
            Some("dry_run") => dry_run = true,
            _ => {}
        }
    }
    let outcome = postcodes::import(ctx.services(), &ctx.actor, &bytes, dry_run, |_, _| {}).await?;
    const SHOWN: usize = 50;
    let stored = StoredReport {
        rows: outcome.rows,
        imported: outcome.imported,
        duplicates: outcome.duplicates,
        dry_run: outcome.dry_run,
        more: outcome.problems.len().saturating_sub(SHOWN),
        problems: outcome
            .problems
            .iter()
            .take(SHOWN)
            .map(|p| (p.line, p.key.to_string()))
            .collect(),
    };
    ctx.session.set("_plz_report", &stored);
    ctx.redirect("/referenzdaten/postleitzahlen/bericht")
}

/// The report of the last upload.
#[handler]
pub async fn report(ctx: Ctx) -> WebResult {
    let Some(r) = ctx.session.get::<StoredReport>("_plz_report") else {
        return ctx.redirect("/referenzdaten");
    };
    let count = postcodes::count(ctx.services()).await?;
    ctx.render(
        "companies/import_report.html",
        context! { r => Serde(r), count => count },
    )
    .await
}

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
        "companies/district_edit.html",
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
                "companies-district-unknown",
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
            "companies-district-taken",
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
    ctx.session.flash("companies-district-saved");
    ctx.redirect("/referenzdaten")
}

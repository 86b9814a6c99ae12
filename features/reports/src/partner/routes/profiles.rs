//! Profile pages under `/partnerexporte`: the list with the latest files, the profile with its
//! files, deactivation with a confirmation page and "Jetzt erzeugen" (creating and editing is
//! [`super::profile_form`]).

use hih_db::UnitOfWork;
use hih_reference::lists::{self, label_of};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::handler;
use poem::web::Path;
use sea_orm::{EntityTrait, QueryOrder};
use serde::Serialize;

use super::{file_rows, load_profile};
use crate::entities::partner_profile;
use crate::partner::catalogue::Subject;
use crate::partner::service::{self, FORMATS, WITHOUT_CONSENT, districts, split_fields, statuses};

/// Most files the pages list.
const FILES_MAX: u64 = 20;

#[derive(Serialize)]
struct ProfileRow {
    id: i64,
    name: String,
    subject_key: &'static str,
    category: String,
    monthly: bool,
    active: bool,
    last_file: Option<(i64, String, &'static str)>,
}

/// The list of profiles with their latest file, and the latest files.
#[handler]
pub async fn list(ctx: Ctx) -> WebResult {
    let profiles = partner_profile::Entity::find()
        .order_by_desc(partner_profile::Column::Active)
        .order_by_asc(partner_profile::Column::Name)
        .order_by_asc(partner_profile::Column::Id)
        .all(&ctx.services().db)
        .await?;
    let categories = lists::options(ctx.services(), "partner", ctx.locale).await?;
    let recent = file_rows(&ctx, None, 500).await?;
    let rows: Vec<ProfileRow> = profiles
        .into_iter()
        .map(|p| ProfileRow {
            last_file: recent
                .iter()
                .find(|f| f.profile_id == Some(p.id))
                .map(|f| (f.id, f.title.clone(), f.status_key)),
            id: p.id,
            subject_key: Subject::parse(&p.subject).map_or("", Subject::label_key),
            category: label_of(&categories, &p.partner_category),
            monthly: p.monthly,
            active: p.active,
            name: p.name,
        })
        .collect();
    let files: Vec<_> = recent.into_iter().take(FILES_MAX as usize).collect();
    ctx.render(
        "reports/partner/list.html",
        context! { rows => Serde(rows), files => Serde(files) },
    )
    .await
}

/// The text key of value `v` in a `(value, key)` list (empty if unknown).
pub(super) fn key_of(options: &[(&'static str, &'static str)], v: &str) -> &'static str {
    options
        .iter()
        .find(|(c, _)| *c == v)
        .map_or("", |(_, k)| *k)
}

/// A profile with its settings and files.
#[handler]
pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let p = load_profile(&ctx, id).await?;
    let subject = Subject::parse(&p.subject).unwrap_or(Subject::Applicant);
    let categories = lists::options(ctx.services(), "partner", ctx.locale).await?;
    let countries = lists::options(ctx.services(), "country", ctx.locale).await?;
    let district = match p.filter_district_id {
        Some(d) => districts(ctx.services())
            .await?
            .into_iter()
            .find(|(id, _)| *id == d)
            .map(|(_, n)| n)
            .unwrap_or_default(),
        None => String::new(),
    };
    let codes = split_fields(&p.fields);
    let field_keys: Vec<&'static str> = subject
        .fields()
        .iter()
        .filter(|d| codes.iter().any(|c| c == d.code))
        .map(|d| d.label_key)
        .collect();
    let files = file_rows(&ctx, Some(id), 200).await?;
    ctx.render(
        "reports/partner/detail.html",
        context! {
            p => Serde(&p),
            subject_key => subject.label_key(),
            is_applicant => subject == Subject::Applicant,
            category => label_of(&categories, &p.partner_category),
            country => if p.filter_country.is_empty() { String::new() } else { label_of(&countries, &p.filter_country) },
            district => district,
            status_key => key_of(statuses(subject), &p.filter_status),
            without_consent_key => key_of(&WITHOUT_CONSENT, &p.without_consent),
            format_key => key_of(&FORMATS, &p.format),
            field_keys => Serde(field_keys),
            files => Serde(files),
        },
    )
    .await
}

/// Confirmation before deactivating.
#[handler]
pub async fn deactivate_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let p = load_profile(&ctx, id).await?;
    ctx.render(
        "reports/partner/deactivate.html",
        context! { p => Serde(&p) },
    )
    .await
}

/// Deactivates a confirmed profile.
#[handler]
pub async fn deactivate_submit(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let p = load_profile(&ctx, id).await?;
    if p.active {
        let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
        service::deactivate(&mut uow, &p).await?;
        uow.commit().await?;
        ctx.session.flash("reports-partner-flash-deactivated");
    }
    ctx.redirect(&format!("/partnerexporte/{id}"))
}

/// `GET` of the generate action: back to the profile (only `POST` generates).
#[handler]
pub async fn generate_get(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    load_profile(&ctx, id).await?;
    ctx.redirect(&format!("/partnerexporte/{id}"))
}

/// "Jetzt erzeugen": requests a file and shows its status page.
#[handler]
pub async fn generate(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let p = load_profile(&ctx, id).await?;
    if !p.active {
        return ctx.redirect(&format!("/partnerexporte/{id}"));
    }
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    let file = service::request_file(&mut uow, &p, None).await?;
    uow.commit().await?;
    ctx.session.flash("reports-partner-flash-requested");
    ctx.redirect(&format!("/partnerexporte/dateien/{}", file.id))
}

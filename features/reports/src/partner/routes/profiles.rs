//! Profile pages under `/partnerexporte`: the list with the latest files, create and edit with
//! a confirmation page, the profile with its files, deactivation with a confirmation page and
//! "Jetzt erzeugen".

use hih_db::UnitOfWork;
use hih_kernel::FieldErrors;
use hih_reference::lists::{self, label_of};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult, draft};
use poem::handler;
use poem::web::{Form, Path, Query};
use sea_orm::{EntityTrait, QueryOrder};
use serde::Serialize;

use super::{file_rows, load_profile};
use crate::entities::partner_profile;
use crate::partner::catalogue::Subject;
use crate::partner::service::{
    self, FORMATS, ProfileForm, WITHOUT_CONSENT, districts, split_fields, statuses,
};

/// Most files the pages list.
const FILES_MAX: u64 = 20;
const NEW_DRAFT: &str = "partner:new";

fn edit_draft(id: i64) -> String {
    format!("partner:{id}")
}

fn action_of(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

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
fn key_of(options: &[(&'static str, &'static str)], v: &str) -> &'static str {
    options
        .iter()
        .find(|(c, _)| *c == v)
        .map_or("", |(_, k)| *k)
}

#[derive(Serialize)]
struct FieldOption {
    code: &'static str,
    label_key: &'static str,
    personal: bool,
    checked: bool,
}

/// Reference options in the form macros' `(code, "", label)` shape.
fn triples(options: Vec<(String, String)>) -> Vec<(String, String, String)> {
    options
        .into_iter()
        .map(|(c, l)| (c, String::new(), l))
        .collect()
}

async fn form_page(
    ctx: &Ctx,
    f: &ProfileForm,
    errors: &FieldErrors,
    action: &str,
    cancel: &str,
    is_new: bool,
) -> WebResult {
    let subject = Subject::parse(&f.subject).unwrap_or(Subject::Applicant);
    let fields: Vec<FieldOption> = subject
        .fields()
        .iter()
        .map(|d| FieldOption {
            code: d.code,
            label_key: d.label_key,
            personal: d.personal,
            checked: f.fields.iter().any(|c| c == d.code),
        })
        .collect();
    let categories = triples(lists::options(ctx.services(), "partner", ctx.locale).await?);
    let countries = triples(lists::options(ctx.services(), "country", ctx.locale).await?);
    let district_options: Vec<(String, String, String)> = districts(ctx.services())
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), String::new(), name))
        .collect();
    ctx.render_form(
        "reports/partner/form.html",
        errors,
        context! {
            f => Serde(f),
            is_new => is_new,
            action => action,
            cancel_href => cancel,
            subject_key => subject.label_key(),
            is_applicant => subject == Subject::Applicant,
            fields => Serde(fields),
            categories => Serde(categories),
            countries => Serde(countries),
            districts => Serde(district_options),
            statuses => Serde(statuses(subject).to_vec()),
            without_consent => Serde(WITHOUT_CONSENT.to_vec()),
            formats => Serde(FORMATS.to_vec()),
        },
    )
    .await
}

/// The confirmation page: every value as it will be saved, and a form that posts it again.
async fn review_page(ctx: &Ctx, f: &ProfileForm, action: &str) -> WebResult {
    let subject = Subject::parse(&f.subject).unwrap_or(Subject::Applicant);
    let categories = lists::options(ctx.services(), "partner", ctx.locale).await?;
    let countries = lists::options(ctx.services(), "country", ctx.locale).await?;
    let district = districts(ctx.services())
        .await?
        .into_iter()
        .find(|(id, _)| id.to_string() == f.filter_district)
        .map(|(_, name)| name)
        .unwrap_or_default();
    let field_keys: Vec<&'static str> = subject
        .fields()
        .iter()
        .filter(|d| f.fields.iter().any(|c| c == d.code))
        .map(|d| d.label_key)
        .collect();
    ctx.render(
        "reports/partner/review.html",
        context! {
            f => Serde(f),
            action => action,
            subject_key => subject.label_key(),
            is_applicant => subject == Subject::Applicant,
            category => label_of(&categories, &f.partner_category),
            country => if f.filter_country.is_empty() { String::new() } else { label_of(&countries, &f.filter_country) },
            district => district,
            status_key => key_of(statuses(subject), &f.filter_status),
            without_consent_key => key_of(&WITHOUT_CONSENT, &f.without_consent),
            format_key => key_of(&FORMATS, &f.format),
            field_keys => Serde(field_keys),
        },
    )
    .await
}

/// Query of the new form: `art=applicant|company`.
#[derive(serde::Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    art: String,
}

/// The create form (`?art=company` for a company profile; applicants by default).
#[handler]
pub async fn new_form(ctx: Ctx, Query(q): Query<NewQuery>) -> WebResult {
    let wanted = Subject::parse(&q.art);
    let f = match (draft::load::<ProfileForm>(&ctx, NEW_DRAFT), wanted) {
        (Some(d), w) if w.is_none_or(|w| w.code() == d.subject) => d,
        (_, w) => ProfileForm::new_for(w.unwrap_or(Subject::Applicant)),
    };
    let errors = draft::take_errors(&ctx, NEW_DRAFT);
    form_page(
        &ctx,
        &f,
        &errors,
        "/partnerexporte/neu",
        "/partnerexporte",
        true,
    )
    .await
}

/// The confirmation page of a new profile (back to the form without a checked draft).
#[handler]
pub async fn new_review(ctx: Ctx) -> WebResult {
    match draft::load::<ProfileForm>(&ctx, NEW_DRAFT) {
        Some(f) => review_page(&ctx, &f, "/partnerexporte/neu").await,
        None => ctx.redirect("/partnerexporte/neu"),
    }
}

/// New-profile submit: `review` checks and asks for confirmation, `save` saves, `edit` goes
/// back to the form, `cancel` to the list.
#[handler]
pub async fn new_submit(ctx: Ctx, Form(pairs): Form<Vec<(String, String)>>) -> WebResult {
    let f = ProfileForm::from_pairs(&pairs);
    let action = action_of(&pairs);
    match action.as_str() {
        "review" | "save" => {
            let valid = match service::validate(ctx.services(), &f).await {
                Ok(v) => v,
                Err(errors) => {
                    draft::store(&ctx, NEW_DRAFT, &f);
                    draft::store_errors(&ctx, NEW_DRAFT, &errors);
                    return ctx.redirect("/partnerexporte/neu");
                }
            };
            if action == "review" {
                draft::store(&ctx, NEW_DRAFT, &f);
                return ctx.redirect("/partnerexporte/neu/pruefen");
            }
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
            let p = service::create(&mut uow, valid).await?;
            uow.commit().await?;
            draft::discard(&ctx, NEW_DRAFT);
            ctx.session.flash("reports-partner-flash-saved");
            ctx.redirect(&format!("/partnerexporte/{}", p.id))
        }
        "cancel" => {
            draft::discard(&ctx, NEW_DRAFT);
            ctx.redirect("/partnerexporte")
        }
        _ => {
            draft::store(&ctx, NEW_DRAFT, &f);
            ctx.redirect("/partnerexporte/neu")
        }
    }
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

async fn edit_page(ctx: &Ctx, id: i64, review: bool) -> WebResult {
    let p = load_profile(ctx, id).await?;
    let stored = draft::load::<ProfileForm>(ctx, &edit_draft(id));
    let action = format!("/partnerexporte/{id}/bearbeiten");
    if review {
        return match stored {
            Some(f) => review_page(ctx, &f, &action).await,
            None => ctx.redirect(&action),
        };
    }
    let f = stored.unwrap_or_else(|| ProfileForm::from_model(&p));
    let errors = draft::take_errors(ctx, &edit_draft(id));
    form_page(
        ctx,
        &f,
        &errors,
        &action,
        &format!("/partnerexporte/{id}"),
        false,
    )
    .await
}

/// The edit form.
#[handler]
pub async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    edit_page(&ctx, id, false).await
}

/// The confirmation page before saving a change.
#[handler]
pub async fn edit_review(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    edit_page(&ctx, id, true).await
}

/// Edit submit: as [`new_submit`]; the subject stays the profile's.
#[handler]
pub async fn edit_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let before = load_profile(&ctx, id).await?;
    let mut f = ProfileForm::from_pairs(&pairs);
    f.subject = before.subject.clone();
    let k = edit_draft(id);
    let form = format!("/partnerexporte/{id}/bearbeiten");
    let action = action_of(&pairs);
    match action.as_str() {
        "review" | "save" => {
            let valid = match service::validate(ctx.services(), &f).await {
                Ok(v) => v,
                Err(errors) => {
                    draft::store(&ctx, &k, &f);
                    draft::store_errors(&ctx, &k, &errors);
                    return ctx.redirect(&form);
                }
            };
            if action == "review" {
                draft::store(&ctx, &k, &f);
                return ctx.redirect(&format!("{form}/pruefen"));
            }
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
            service::update(&mut uow, &before, valid).await?;
            uow.commit().await?;
            draft::discard(&ctx, &k);
            ctx.session.flash("reports-partner-flash-saved");
            ctx.redirect(&format!("/partnerexporte/{id}"))
        }
        "cancel" => {
            draft::discard(&ctx, &k);
            ctx.redirect(&format!("/partnerexporte/{id}"))
        }
        _ => {
            draft::store(&ctx, &k, &f);
            ctx.redirect(&form)
        }
    }
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

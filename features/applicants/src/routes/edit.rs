//! Create and edit (R-APP-1/2/4, R-GEN-1/2): a form in sections, a review page before saving,
//! cancelling with confirmation, POST-redirect-GET also for errors (server-side draft). A
//! possible duplicate (same folded name, birth date and country) is shown on the review page
//! with a link; saving then needs the explicit "trotzdem anlegen" confirmation.

use hih_db::UnitOfWork;
use hih_kernel::{AppError, FieldErrors, Role};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult, draft};
use poem::handler;
use poem::web::{Form, Path};

use crate::entities::applicant;
use crate::form::SCALAR_FIELDS;
use crate::routes::record::{label_of, labels, load, value_keys};
use crate::scope::required_country;
use crate::service::{
    self, ApplicantForm, LEVELS, RECOGNITION_RESULTS, SALUTATIONS, STATUSES, VISA_RESULTS, YES_NO,
};

fn base(id: Option<i64>) -> String {
    id.map(|i| format!("/bewerber/{i}/bearbeiten"))
        .unwrap_or_else(|| "/bewerber/neu".into())
}

fn key(id: Option<i64>) -> String {
    id.map(|i| format!("applicant:{i}"))
        .unwrap_or_else(|| "applicant:new".into())
}

fn duplicate_key(id: Option<i64>) -> String {
    format!("{}:duplicate", key(id))
}

fn back(id: Option<i64>) -> String {
    id.map(|i| format!("/bewerber/{i}"))
        .unwrap_or_else(|| "/bewerber".into())
}

/// The registration country the actor is bound to: AHK staff their own (none known: no
/// access), admins none.
fn bound_country(ctx: &Ctx) -> WebResult<Option<String>> {
    match (ctx.actor.role(), required_country(&ctx.actor)) {
        (Some(Role::AhkStaff), None) => Err(WebError(AppError::Forbidden)),
        (_, c) => Ok(c),
    }
}

async fn current(ctx: &Ctx, id: Option<i64>) -> WebResult<Option<applicant::Model>> {
    match id {
        Some(i) => Ok(Some(load(ctx, i).await?)),
        None => Ok(None),
    }
}

async fn form_page(
    ctx: &Ctx,
    id: Option<i64>,
    f: &ApplicantForm,
    errors: &FieldErrors,
    review: bool,
) -> WebResult {
    let triple = |l: &[(String, String)]| {
        l.iter()
            .map(|(c, t)| (c.clone(), String::new(), t.clone()))
            .collect::<Vec<_>>()
    };
    let countries = labels(ctx, "country").await?;
    let occupations = labels(ctx, "occupation").await?;
    let partners = labels(ctx, "partner").await?;
    let bound = bound_country(ctx)?;
    let country_options: Vec<(String, String)> = countries
        .iter()
        .filter(|(c, _)| bound.as_deref().is_none_or(|b| b == c))
        .cloned()
        .collect();
    let duplicate: Option<i64> = draft::load(ctx, &duplicate_key(id));
    let page = context! {
        f => Serde(f),
        action => base(id),
        is_new => id.is_none(),
        hidden_fields => SCALAR_FIELDS.iter().copied().filter(|n| *n != "confirm_duplicate").collect::<Vec<_>>(),
        countries => Serde(triple(&country_options)),
        occupations => Serde(triple(&occupations)),
        partners => Serde(partners.clone()),
        statuses => Serde(STATUSES.to_vec()),
        salutations => Serde(SALUTATIONS.to_vec()),
        levels => Serde(LEVELS.to_vec()),
        recognition_results => Serde(RECOGNITION_RESULTS.to_vec()),
        visa_results => Serde(VISA_RESULTS.to_vec()),
        yes_no => Serde(YES_NO.to_vec()),
        duplicate => duplicate,
        keys => value_keys(f),
        country_label => label_of(&countries, &f.country),
        occupation_label => if f.target_occupation.is_empty() { String::new() } else { label_of(&occupations, &f.target_occupation) },
        partner_labels => f.consent_partners.iter().map(|c| label_of(&partners, c)).collect::<Vec<_>>(),
    };
    ctx.render_form(
        if review {
            "applicants/review.html"
        } else {
            "applicants/form.html"
        },
        errors,
        page,
    )
    .await
}

async fn get_form(ctx: &Ctx, id: Option<i64>, review: bool) -> WebResult {
    let existing = current(ctx, id).await?;
    let bound = bound_country(ctx)?;
    let stored = draft::load::<ApplicantForm>(ctx, &key(id));
    if review && stored.is_none() {
        return ctx.redirect(&base(id));
    }
    let f = stored
        .or_else(|| existing.as_ref().map(ApplicantForm::from_model))
        .unwrap_or_else(|| ApplicantForm {
            status: "interessent".into(),
            country: bound.unwrap_or_default(),
            ..Default::default()
        });
    let errors = draft::take_errors(ctx, &key(id));
    form_page(ctx, id, &f, &errors, review).await
}

async fn post_form(ctx: &Ctx, id: Option<i64>, pairs: Vec<(String, String)>) -> WebResult {
    let existing = current(ctx, id).await?;
    let bound = bound_country(ctx)?;
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let form = ApplicantForm::from_pairs(&pairs);
    let k = key(id);
    let dk = duplicate_key(id);
    match action.as_str() {
        "cancel" => {
            draft::store(ctx, &k, &form);
            ctx.redirect(&format!("{}/abbrechen", base(id)))
        }
        "review" | "save" => {
            draft::store(ctx, &k, &form);
            let valid = match service::validate(ctx.services(), &form, bound.as_deref()).await {
                Ok(v) => v,
                Err(errors) => {
                    draft::store_errors(ctx, &k, &errors);
                    draft::discard(ctx, &dk);
                    return ctx.redirect(&base(id));
                }
            };
            // R-APP-4: warn before a second record of the same person is created.
            let duplicate = match &existing {
                None => service::find_duplicate(ctx.services(), &valid, None).await?,
                Some(_) => None,
            };
            match &duplicate {
                Some(d) => draft::store(ctx, &dk, &d.id),
                None => draft::discard(ctx, &dk),
            }
            let review = format!("{}/pruefen", base(id));
            if action == "review" {
                return ctx.redirect(&review);
            }
            if duplicate.is_some() && form.confirm_duplicate != "on" {
                let mut errors = FieldErrors::new();
                errors.add("confirm_duplicate", "applicants-error-duplicate-confirm");
                draft::store_errors(ctx, &k, &errors);
                return ctx.redirect(&review);
            }
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
            let saved = match &existing {
                None => service::create(&mut uow, valid).await?,
                Some(before) => service::update(&mut uow, before, valid).await?,
            };
            uow.commit().await?;
            draft::discard(ctx, &k);
            draft::discard(ctx, &dk);
            ctx.session.flash(if existing.is_none() {
                "applicants-created"
            } else {
                "applicants-saved"
            });
            ctx.redirect(&format!("/bewerber/{}", saved.id))
        }
        _ => {
            draft::store(ctx, &k, &form);
            ctx.redirect(&base(id))
        }
    }
}

async fn cancel_page(ctx: &Ctx, id: Option<i64>) -> WebResult {
    current(ctx, id).await?;
    ctx.render(
        "platform/cancel.html",
        context! { back => base(id), discard_action => format!("{}/abbrechen", base(id)) },
    )
    .await
}

async fn cancel_confirm(ctx: &Ctx, id: Option<i64>) -> WebResult {
    current(ctx, id).await?;
    draft::discard(ctx, &key(id));
    draft::discard(ctx, &duplicate_key(id));
    ctx.redirect(&back(id))
}

/// New applicant form.
#[handler]
pub async fn new_form(ctx: Ctx) -> WebResult {
    get_form(&ctx, None, false).await
}
/// New applicant submit.
#[handler]
pub async fn new_submit(ctx: Ctx, Form(pairs): Form<Vec<(String, String)>>) -> WebResult {
    post_form(&ctx, None, pairs).await
}
/// New applicant review.
#[handler]
pub async fn new_review(ctx: Ctx) -> WebResult {
    get_form(&ctx, None, true).await
}
/// New applicant cancel confirmation.
#[handler]
pub async fn new_cancel(ctx: Ctx) -> WebResult {
    cancel_page(&ctx, None).await
}
/// New applicant cancel confirmed.
#[handler]
pub async fn new_cancel_confirm(ctx: Ctx) -> WebResult {
    cancel_confirm(&ctx, None).await
}
/// Edit form.
#[handler]
pub async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    get_form(&ctx, Some(id), false).await
}
/// Edit submit.
#[handler]
pub async fn edit_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    post_form(&ctx, Some(id), pairs).await
}
/// Edit review.
#[handler]
pub async fn edit_review(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    get_form(&ctx, Some(id), true).await
}
/// Edit cancel confirmation.
#[handler]
pub async fn edit_cancel(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    cancel_page(&ctx, Some(id)).await
}
/// Edit cancel confirmed.
#[handler]
pub async fn edit_cancel_confirm(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    cancel_confirm(&ctx, Some(id)).await
}

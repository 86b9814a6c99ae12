//! The guest's self-registration (R-REG-2), public under `/registrierung/<token>`: consent,
//! the steps person / qualification / languages (each saved server-side, POST-redirect-GET,
//! so back/next and the browser's back button keep the entries), review, submit. A link that
//! is unknown, expired or used shows one neutral page and accepts nothing. Every POST is
//! rate-limited per client address; writes act as `self-registration`.

use hih_db::UnitOfWork;
use hih_db::access::AccessAction;
use hih_i18n::Locale;
use hih_kernel::{Actor, AppError, FieldErrors};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult, draft};
use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Path};

use crate::entities::{invitation, pending_registration};
use crate::form::ApplicantForm;
use crate::registration::service::{self as reg, CONSENT_KEY};
use crate::registration::steps::{self, STEPS};
use crate::routes::record::{label_of, labels, value_keys};
use crate::service::{LEVELS, SALUTATIONS};

/// The actor of the guest's writes.
pub const GUEST_ACTOR: &str = "self-registration";
const REVIEW: &str = "pruefen";

fn base(token: &str) -> String {
    format!("/registrierung/{token}")
}

fn errors_key(invitation_id: i64, step: &str) -> String {
    format!("registration:{invitation_id}:{step}")
}

/// The neutral page for every link that accepts nothing (unknown, expired, used); the
/// attempt is written to the access log without the token.
async fn gone(ctx: &Ctx) -> WebResult {
    ctx.log_access(
        AccessAction::Denied,
        "invitation",
        None,
        serde_json::Value::Null,
        None,
    )
    .await;
    ctx.render_status(
        StatusCode::GONE,
        "applicants/reg_gone.html",
        context! { public_page => true },
    )
    .await
}

fn rate_limited(ctx: &Ctx) -> WebResult<()> {
    match ctx.remote {
        Some(ip) if !ctx.state.limiter.check("registration", ip) => {
            Err(WebError(AppError::RateLimited))
        }
        _ => Ok(()),
    }
}

/// The open invitation of the token, and the request context in the guest's language: the
/// invitation's form language until the guest switches it (POST /sprache).
async fn open(ctx: &Ctx, token: &str) -> WebResult<Option<(invitation::Model, Ctx)>> {
    let Some(inv) = reg::find_open(ctx.services(), token).await? else {
        return Ok(None);
    };
    let mut ctx = ctx.clone();
    let seen = format!("registration:{}:lang", inv.id);
    if ctx.session.get::<bool>(&seen).is_none() {
        let locale = Locale::parse(&inv.locale).unwrap_or_default();
        ctx.session.set_locale(locale);
        ctx.session.set(&seen, &true);
        ctx.locale = locale;
    }
    Ok(Some((inv, ctx)))
}

async fn guest_uow(ctx: &Ctx) -> WebResult<UnitOfWork> {
    Ok(UnitOfWork::begin(ctx.services(), &Actor::system(GUEST_ACTOR)).await?)
}

/// The consent page.
#[handler]
pub async fn consent_form(ctx: Ctx, Path(token): Path<String>) -> WebResult {
    let Some((inv, ctx)) = open(&ctx, &token).await? else {
        return gone(&ctx).await;
    };
    let pending = reg::pending_of(ctx.services(), inv.id).await?;
    let errors = draft::take_errors(&ctx, &errors_key(inv.id, "consent"));
    ctx.render_form(
        "applicants/reg_consent.html",
        &errors,
        context! {
            action => base(&token),
            consent_key => CONSENT_KEY,
            accepted => pending.is_some(),
            public_page => true,
        },
    )
    .await
}

/// Accepts the consent (version and time stored) and continues with the first step.
#[handler]
pub async fn consent_submit(
    ctx: Ctx,
    Path(token): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    rate_limited(&ctx)?;
    let Some((inv, ctx)) = open(&ctx, &token).await? else {
        return gone(&ctx).await;
    };
    if !pairs.iter().any(|(k, v)| k == "consent" && v == "on") {
        let mut e = FieldErrors::new();
        e.add("consent", "applicants-reg-error-consent");
        draft::store_errors(&ctx, &errors_key(inv.id, "consent"), &e);
        return ctx.redirect(&base(&token));
    }
    // The version of exactly the text the guest saw (admins may edit it, R-TXT).
    let version = reg::consent_version(&ctx.t(CONSENT_KEY));
    let mut uow = guest_uow(&ctx).await?;
    reg::accept_consent(&mut uow, &inv, &version, ctx.locale.code()).await?;
    uow.commit().await?;
    ctx.redirect(&format!("{}/{}", base(&token), STEPS[0].slug))
}

async fn pending_or_consent(
    ctx: &Ctx,
    inv: &invitation::Model,
) -> WebResult<Option<pending_registration::Model>> {
    reg::pending_of(ctx.services(), inv.id)
        .await
        .map_err(WebError)
}

/// The choice lists of the steps, in the page's language.
pub(crate) async fn choices(ctx: &Ctx) -> WebResult<hih_web::minijinja::Value> {
    let occupations: Vec<(String, String, String)> = labels(ctx, "occupation")
        .await?
        .into_iter()
        .map(|(c, l)| (c, String::new(), l))
        .collect();
    Ok(context! {
        salutations => Serde(SALUTATIONS.to_vec()),
        occupations => Serde(occupations),
        levels => Serde(LEVELS.to_vec()),
    })
}

/// The occupation's label for summaries.
pub(crate) async fn occupation_label(ctx: &Ctx, f: &ApplicantForm) -> WebResult<String> {
    if f.target_occupation.is_empty() {
        return Ok(String::new());
    }
    Ok(label_of(
        &labels(ctx, "occupation").await?,
        &f.target_occupation,
    ))
}

/// A step of the form, or the review page.
#[handler]
pub async fn step_form(ctx: Ctx, Path((token, step)): Path<(String, String)>) -> WebResult {
    let Some((inv, ctx)) = open(&ctx, &token).await? else {
        return gone(&ctx).await;
    };
    let Some(pending) = pending_or_consent(&ctx, &inv).await? else {
        return ctx.redirect(&base(&token));
    };
    let f = reg::form_of(&pending);
    let progress: Vec<(&str, &str)> = STEPS.iter().map(|s| (s.slug, s.title_key)).collect();
    if step == REVIEW {
        let errors = draft::take_errors(&ctx, &errors_key(inv.id, REVIEW));
        return ctx
            .render_form(
                "applicants/reg_review.html",
                &errors,
                context! {
                    action => format!("{}/{REVIEW}", base(&token)),
                    base => base(&token),
                    f => Serde(&f),
                    keys => value_keys(&f),
                    occupation_label => occupation_label(&ctx, &f).await?,
                    progress => Serde(progress),
                    current => REVIEW,
                    public_page => true,
                },
            )
            .await;
    }
    let Some((index, s)) = steps::find(&step) else {
        return Err(WebError(AppError::NotFound));
    };
    let errors = draft::take_errors(&ctx, &errors_key(inv.id, s.slug));
    let page = context! {
        action => format!("{}/{}", base(&token), s.slug),
        f => Serde(&f),
        step => s.slug,
        title_key => s.title_key,
        number => index + 1,
        total => STEPS.len(),
        progress => Serde(progress),
        current => s.slug,
        public_page => true,
        ..choices(&ctx).await?
    };
    ctx.render_form("applicants/reg_step.html", &errors, page)
        .await
}

/// Saves a step (always, also with errors, so nothing typed is lost) and goes back or on;
/// "next" only when the step's fields are plausible. On the review page: submit.
#[handler]
pub async fn step_submit(
    ctx: Ctx,
    Path((token, step)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    rate_limited(&ctx)?;
    let Some((inv, ctx)) = open(&ctx, &token).await? else {
        return gone(&ctx).await;
    };
    let Some(pending) = pending_or_consent(&ctx, &inv).await? else {
        return ctx.redirect(&base(&token));
    };
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map(|(_, v)| v.as_str())
        .unwrap_or("next");
    if step == REVIEW {
        return submit(&ctx, &token, &inv, &pending, action).await;
    }
    let Some((index, s)) = steps::find(&step) else {
        return Err(WebError(AppError::NotFound));
    };
    let form = steps::merge(&reg::form_of(&pending), &pairs, s.fields);
    let mut uow = guest_uow(&ctx).await?;
    let pending = reg::save_form(&mut uow, &pending, &form).await?;
    uow.commit().await?;
    if action == "back" {
        return ctx.redirect(&match index {
            0 => base(&token),
            i => format!("{}/{}", base(&token), STEPS[i - 1].slug),
        });
    }
    if let Err(all) = reg::validate_pending(ctx.services(), &pending, &form).await {
        let mine = steps::errors_of(&all, s.fields);
        if !mine.is_empty() {
            draft::store_errors(&ctx, &errors_key(inv.id, s.slug), &mine);
            return ctx.redirect(&format!("{}/{}", base(&token), s.slug));
        }
    }
    let next = STEPS.get(index + 1).map(|n| n.slug).unwrap_or(REVIEW);
    ctx.redirect(&format!("{}/{next}", base(&token)))
}

async fn submit(
    ctx: &Ctx,
    token: &str,
    inv: &invitation::Model,
    pending: &pending_registration::Model,
    action: &str,
) -> WebResult {
    if action == "back" {
        return ctx.redirect(&format!("{}/{}", base(token), STEPS[STEPS.len() - 1].slug));
    }
    let form = reg::form_of(pending);
    if let Err(all) = reg::validate_pending(ctx.services(), pending, &form).await {
        // Back to the first step with a complaint, its messages next to the fields.
        for s in STEPS {
            let mine = steps::errors_of(&all, s.fields);
            if !mine.is_empty() {
                draft::store_errors(ctx, &errors_key(inv.id, s.slug), &mine);
                return ctx.redirect(&format!("{}/{}", base(token), s.slug));
            }
        }
        return Err(WebError(AppError::Validation(all)));
    }
    let mut uow = guest_uow(ctx).await?;
    reg::submit(&mut uow, inv, pending).await?;
    uow.commit().await?;
    ctx.redirect(THANKS)
}

/// Where a guest lands after submitting: thanks and what happens next, nothing about links.
pub(crate) const THANKS: &str = "/registrierung/danke";

/// The thank-you page after a submitted registration (public, no token, no personal data).
#[handler]
pub async fn thanks(ctx: Ctx) -> WebResult {
    ctx.render(
        "applicants/reg_thanks.html",
        context! { public_page => true },
    )
    .await
}

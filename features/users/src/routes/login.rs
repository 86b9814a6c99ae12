//! Login (password, then TOTP or recovery code), TOTP enrolment, recovery codes, logout.

use hih_db::UnitOfWork;
use hih_kernel::{Actor, AppError, FieldErrors};
use hih_web::draft;
use hih_web::minijinja::context;
use hih_web::{Ctx, SessionStage, WebError, WebResult};
use poem::http::StatusCode;
use poem::web::{Form, Query};
use poem::{Response, handler};
use sea_orm::{EntityTrait, IntoActiveModel, Set};
use serde::Deserialize;

use crate::entities::user_account;
use crate::service::{self, SecondFactor};
use crate::{password, totp};

/// Session stage: TOTP must be enrolled before anything else.
pub const STAGE_TOTP_ENROL: &str = "totp_enrol";
/// Session stage: the password must be changed before anything else.
pub const STAGE_PASSWORD_CHANGE: &str = "password_change";

#[derive(Deserialize)]
pub(crate) struct NextQuery {
    next: Option<String>,
}

#[derive(Deserialize, Default)]
pub(crate) struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

#[derive(Deserialize, Default)]
pub(crate) struct CodeForm {
    #[serde(default)]
    code: String,
}

fn safe_next(next: Option<String>) -> Option<String> {
    next.filter(|n| hih_kernel::is_local_path(n) && !n.starts_with("/login"))
}

/// The user behind a half-finished login, if the session is at `stage`.
async fn pending_user(ctx: &Ctx, stage: &SessionStage) -> WebResult<Option<user_account::Model>> {
    if &ctx.session.stage() != stage {
        return Ok(None);
    }
    let Some(id) = ctx.session.user_id() else {
        return Ok(None);
    };
    Ok(user_account::Entity::find_by_id(id)
        .one(&ctx.services().db)
        .await?
        .filter(|u| u.active))
}

/// The login page; after a failed attempt (POST-redirect-GET) with the uniform message and the
/// user name kept.
async fn login_page(ctx: &Ctx) -> WebResult {
    let failed: Option<String> = draft::take(ctx, "login-failed");
    let sec = &ctx.services().settings.security;
    let status = if failed.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    ctx.render_status(
        status,
        "users/login.html",
        context! {
            failed => failed.is_some(),
            username => failed.unwrap_or_default(),
            attempts => sec.lockout_attempts,
            minutes => sec.lockout_minutes,
        },
    )
    .await
}

/// Login form.
#[handler]
pub async fn login_form(ctx: Ctx, Query(q): Query<NextQuery>) -> WebResult {
    if ctx.actor.as_user().is_some() {
        return ctx.redirect("/");
    }
    if let Some(next) = safe_next(q.next) {
        ctx.session.set("_next", &next);
    }
    login_page(&ctx).await
}

/// Checks user name/e-mail and password. Unknown user, wrong password, inactive or locked
/// account all get the same answer after the same work (one argon2 verification).
#[handler]
pub async fn login_submit(ctx: Ctx, Form(form): Form<LoginForm>) -> WebResult {
    if let Some(ip) = ctx.remote
        && !ctx.state.limiter.check("login", ip)
    {
        return Err(WebError(AppError::RateLimited));
    }
    let services = ctx.services();
    let now = services.clock.now();
    let user = service::find_by_login(services, &form.username).await?;
    let ok = match &user {
        Some(u) if u.active && !service::is_locked(u, now) => match &u.password_hash {
            Some(h) => password::verify(&form.password, h),
            None => {
                password::verify_dummy(&form.password);
                false
            }
        },
        _ => {
            password::verify_dummy(&form.password);
            false
        }
    };
    let Some(user) = user.filter(|_| ok) else {
        if let Some(u) = service::find_by_login(services, &form.username).await?
            && u.active
            && !service::is_locked(&u, now)
        {
            service::login_failed(services, &u, "password", ctx.remote).await?;
        } else {
            // Unknown, inactive or locked account: no audit event (nothing changed), but the
            // attempt counts for the misuse detection (R-SEC-1); the name typed is not logged.
            ctx.log_access(
                hih_db::access::AccessAction::Denied,
                "login",
                None,
                serde_json::json!({ "step": "password" }),
                None,
            )
            .await;
        }
        draft::stash(&ctx, "login-failed", &form.username);
        return ctx.redirect("/login");
    };
    let stage = if user.totp_enabled {
        SessionStage::PasswordOk
    } else {
        SessionStage::Other(STAGE_TOTP_ENROL.into())
    };
    ctx.session.elevate(Some(user.id), stage);
    if user.totp_enabled {
        ctx.redirect("/login/code")
    } else {
        ctx.redirect("/login/totp-einrichten")
    }
}

/// Second-factor form.
#[handler]
pub async fn code_form(ctx: Ctx) -> WebResult {
    if pending_user(&ctx, &SessionStage::PasswordOk)
        .await?
        .is_none()
    {
        return ctx.redirect("/login");
    }
    let errors = draft::take_errors(&ctx, "login-code");
    ctx.render_form("users/code.html", &errors, context! {})
        .await
}

/// Where a fully verified user goes next: forced password change or the app.
async fn finish_login(ctx: &Ctx, user: &user_account::Model) -> WebResult {
    let services = ctx.services();
    if user.must_change_password || service::password_expired(services, user, services.clock.now())
    {
        ctx.session.elevate(
            Some(user.id),
            SessionStage::Other(STAGE_PASSWORD_CHANGE.into()),
        );
        return ctx.redirect("/passwort/aendern");
    }
    ctx.session
        .elevate(Some(user.id), SessionStage::Authenticated);
    let next: Option<String> = ctx.session.get("_next");
    ctx.session.remove("_next");
    ctx.redirect(&next.unwrap_or_else(|| "/".into()))
}

/// Verifies the TOTP or recovery code (each accepted once).
#[handler]
pub async fn code_submit(ctx: Ctx, Form(form): Form<CodeForm>) -> WebResult {
    let Some(user) = pending_user(&ctx, &SessionStage::PasswordOk).await? else {
        return ctx.redirect("/login");
    };
    if let Some(ip) = ctx.remote
        && !ctx.state.limiter.check("login", ip)
    {
        return Err(WebError(AppError::RateLimited));
    }
    let services = ctx.services();
    if service::is_locked(&user, services.clock.now()) {
        ctx.session.destroy();
        return ctx.redirect("/login");
    }
    let result = service::check_second_factor(services, &user, &form.code).await?;
    if matches!(result, SecondFactor::Invalid) {
        if service::login_failed(services, &user, "code", ctx.remote).await? {
            ctx.session.destroy();
            return ctx.redirect("/login");
        }
        let mut e = FieldErrors::new();
        e.add("code", "users-code-invalid");
        draft::store_errors(&ctx, "login-code", &e);
        return ctx.redirect("/login/code");
    }
    let actor = Actor::system("login");
    let mut uow = UnitOfWork::begin(services, &actor).await?;
    let fresh = user_account::Entity::find_by_id(user.id)
        .one(uow.txn())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut am = fresh.clone().into_active_model();
    match result {
        SecondFactor::Invalid => return Err(WebError(AppError::Conflict)),
        SecondFactor::Totp(step) => {
            // Replay protection across instances: only a newer step may win.
            if fresh.totp_last_step.is_some_and(|last| step <= last) {
                uow.commit().await?;
                return ctx.redirect("/login/code");
            }
            am.totp_last_step = Set(Some(step));
        }
        SecondFactor::Recovery(code) => {
            if !service::use_recovery_code(&mut uow, &code).await? {
                // Used by a parallel login meanwhile: as invalid as any used code.
                drop(uow);
                let mut e = FieldErrors::new();
                e.add("code", "users-code-invalid");
                draft::store_errors(&ctx, "login-code", &e);
                return ctx.redirect("/login/code");
            }
        }
    }
    am.failed_logins = Set(0);
    am.last_login_at = Set(Some(uow.now()));
    let user = uow.update(&fresh, am).await?;
    uow.event("user", &user.id.to_string(), "login", serde_json::json!({}));
    uow.commit().await?;
    finish_login(&ctx, &user).await
}

async fn enrol_page(ctx: &Ctx, user: &user_account::Model, errors: &FieldErrors) -> WebResult {
    let secret: String = match ctx.session.get::<String>("_totp_secret") {
        Some(s) => s,
        None => {
            let s = totp::new_secret();
            ctx.session.set("_totp_secret", &s);
            s
        }
    };
    let qr = totp::qr_png_base64(&secret, &user.username).unwrap_or_default();
    ctx.render_form(
        "users/totp_enrol.html",
        errors,
        context! {
            qr => qr,
            secret => totp::grouped(&secret),
            account => user.username.clone(),
        },
    )
    .await
}

/// TOTP enrolment: QR code, secret as text, confirmation code.
#[handler]
pub async fn enrol_form(ctx: Ctx) -> WebResult {
    let Some(user) = pending_user(&ctx, &SessionStage::Other(STAGE_TOTP_ENROL.into())).await?
    else {
        return ctx.redirect("/login");
    };
    let errors = draft::take_errors(&ctx, "login-enrol");
    enrol_page(&ctx, &user, &errors).await
}

/// Confirms enrolment with a code, stores the secret and creates recovery codes.
#[handler]
pub async fn enrol_submit(ctx: Ctx, Form(form): Form<CodeForm>) -> WebResult {
    let Some(user) = pending_user(&ctx, &SessionStage::Other(STAGE_TOTP_ENROL.into())).await?
    else {
        return ctx.redirect("/login");
    };
    let Some(secret) = ctx.session.get::<String>("_totp_secret") else {
        return ctx.redirect("/login/totp-einrichten");
    };
    let services = ctx.services();
    let Some(step) = totp::check(&secret, &form.code, services.clock.now(), None) else {
        let mut e = FieldErrors::new();
        e.add("code", "users-code-invalid");
        draft::store_errors(&ctx, "login-enrol", &e);
        return ctx.redirect("/login/totp-einrichten");
    };
    let actor = Actor::system("login");
    let mut uow = UnitOfWork::begin(services, &actor).await?;
    let codes = service::enrol_totp(&mut uow, &user, &secret, step).await?;
    let fresh = user_account::Entity::find_by_id(user.id)
        .one(uow.txn())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut am = fresh.clone().into_active_model();
    am.last_login_at = Set(Some(uow.now()));
    am.failed_logins = Set(0);
    let user = uow.update(&fresh, am).await?;
    uow.event(
        "user",
        &user.id.to_string(),
        "login",
        serde_json::json!({ "totp": "enrolled" }),
    );
    uow.commit().await?;
    ctx.session.remove("_totp_secret");
    ctx.session.set("_recovery_codes", &codes);
    // Continue to the password change or into the app once the codes were shown.
    let next = if user.must_change_password
        || service::password_expired(services, &user, services.clock.now())
    {
        ctx.session.elevate(
            Some(user.id),
            SessionStage::Other(STAGE_PASSWORD_CHANGE.into()),
        );
        "/passwort/aendern"
    } else {
        ctx.session
            .elevate(Some(user.id), SessionStage::Authenticated);
        "/"
    };
    ctx.session.set("_after_codes", &next);
    ctx.redirect("/login/wiederherstellungscodes")
}

/// Shows the recovery codes exactly once.
#[handler]
pub async fn recovery_codes(ctx: Ctx) -> WebResult {
    let Some(codes) = ctx.session.get::<Vec<String>>("_recovery_codes") else {
        return ctx.redirect("/");
    };
    let next: String = ctx
        .session
        .get("_after_codes")
        .unwrap_or_else(|| "/".into());
    ctx.session.remove("_recovery_codes");
    ctx.session.remove("_after_codes");
    ctx.render(
        "users/recovery_codes.html",
        context! { codes => codes, next => next },
    )
    .await
}

/// Ends the session.
#[handler]
pub async fn logout(ctx: Ctx) -> WebResult<Response> {
    if let Some(id) = ctx.actor.user_id() {
        let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
        uow.event("user", &id.to_string(), "logout", serde_json::json!({}));
        uow.commit().await?;
    }
    ctx.session.destroy();
    ctx.session.flash("users-logged-out");
    ctx.redirect("/login")
}

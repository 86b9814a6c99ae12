//! Passwords: the setup link (first password), the forced or voluntary change, and the reset
//! by e-mail link + TOTP code (R-USR-5).

use chrono::Duration;
use hih_db::UnitOfWork;
use hih_i18n::TextArg;
use hih_kernel::{Actor, AppError, FieldErrors, Role};
use hih_mail::Mail;
use hih_web::draft;
use hih_web::minijinja::context;
use hih_web::{Ctx, Session, SessionStage, WebError, WebResult};
use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Path};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;

use crate::entities::{user_account, user_token};
use crate::password;
use crate::routes::login::{STAGE_PASSWORD_CHANGE, STAGE_TOTP_ENROL};
use crate::service::{self, SecondFactor};

#[derive(Deserialize, Default)]
pub(crate) struct NewPasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_repeat: String,
}

#[derive(Deserialize, Default)]
pub(crate) struct ResetForm {
    #[serde(default)]
    step: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_repeat: String,
}

#[derive(Deserialize, Default)]
pub(crate) struct ForgotForm {
    #[serde(default)]
    email: String,
}

async fn invalid_link(ctx: &Ctx, kind: &str) -> WebResult {
    // Invalid or reused single-use links are a misuse signal (R-SEC-1).
    ctx.log_access(
        hih_db::access::AccessAction::Denied,
        "user_token",
        None,
        serde_json::json!({ "kind": kind }),
        None,
    )
    .await;
    ctx.render_status(StatusCode::GONE, "users/link_invalid.html", context! {})
        .await
}

async fn token_user(
    ctx: &Ctx,
    token: &user_token::Model,
) -> WebResult<Option<user_account::Model>> {
    Ok(user_account::Entity::find_by_id(token.user_id)
        .one(&ctx.services().db)
        .await?)
}

// ---- setup link -------------------------------------------------------------------------

async fn setup_page(ctx: &Ctx, user: &user_account::Model, errors: &FieldErrors) -> WebResult {
    ctx.render_form(
        "users/setup.html",
        errors,
        context! {
            username => user.username.clone(),
            min => ctx.services().settings.password.min_length,
        },
    )
    .await
}

/// The setup link's form: choose the first password.
#[handler]
pub async fn setup_form(ctx: Ctx, Path(token): Path<String>) -> WebResult {
    let services = ctx.services();
    let Some(t) = service::find_token(services, &token, "setup").await? else {
        return invalid_link(&ctx, "setup").await;
    };
    let Some(user) = token_user(&ctx, &t).await? else {
        return invalid_link(&ctx, "setup").await;
    };
    let errors = draft::take_errors(&ctx, "setup");
    setup_page(&ctx, &user, &errors).await
}

/// Sets the first password, uses up the link and continues to TOTP enrolment.
#[handler]
pub async fn setup_submit(
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<NewPasswordForm>,
) -> WebResult {
    let services = ctx.services();
    let Some(t) = service::find_token(services, &token, "setup").await? else {
        return invalid_link(&ctx, "setup").await;
    };
    let Some(user) = token_user(&ctx, &t).await? else {
        return invalid_link(&ctx, "setup").await;
    };
    if let Err(AppError::Validation(e)) =
        service::check_new_password(services, &user, &form.password, &form.password_repeat).await
    {
        draft::store_errors(&ctx, "setup", &e);
        return ctx.redirect(&format!("/konto/einrichten/{token}"));
    }
    let actor = Actor::system("account-setup");
    let mut uow = UnitOfWork::begin(services, &actor).await?;
    service::use_token(&mut uow, &t).await?;
    let user = service::set_password(&mut uow, &user, &form.password, false).await?;
    uow.commit().await?;
    Session::end_all_for_user(&services.db, user.id).await?;
    let stage = if user.totp_enabled {
        SessionStage::PasswordOk
    } else {
        SessionStage::Other(STAGE_TOTP_ENROL.into())
    };
    ctx.session.elevate(Some(user.id), stage);
    ctx.redirect(if user.totp_enabled {
        "/login/code"
    } else {
        "/login/totp-einrichten"
    })
}

// ---- change -------------------------------------------------------------------------------

/// The user who may change their password now: forced (stage) or voluntary (logged in).
async fn changing_user(ctx: &Ctx) -> WebResult<Option<(user_account::Model, bool)>> {
    let forced = ctx.session.stage() == SessionStage::Other(STAGE_PASSWORD_CHANGE.into());
    let id = if forced {
        ctx.session.user_id()
    } else {
        ctx.actor.user_id()
    };
    let Some(id) = id else { return Ok(None) };
    Ok(user_account::Entity::find_by_id(id)
        .one(&ctx.services().db)
        .await?
        .filter(|u| u.active)
        .map(|u| (u, forced)))
}

async fn change_page(ctx: &Ctx, forced: bool, errors: &FieldErrors) -> WebResult {
    ctx.render_form(
        "users/password_change.html",
        errors,
        context! {
            forced => forced,
            min => ctx.services().settings.password.min_length,
        },
    )
    .await
}

/// Session key of a checked change awaiting confirmation: the user and the new password's
/// hash (never the password itself).
const PENDING: &str = "password-change:pending";

/// Password change form.
#[handler]
pub async fn change_form(ctx: Ctx) -> WebResult {
    let Some((_, forced)) = changing_user(&ctx).await? else {
        return ctx.redirect("/login");
    };
    let errors = draft::take_errors(&ctx, "password-change");
    change_page(&ctx, forced, &errors).await
}

/// Checks the new password (and the current one, unless the change is forced); a good one is
/// kept as its hash and the confirmation page asks before anything is saved (R-GEN-2).
#[handler]
pub async fn change_submit(ctx: Ctx, Form(form): Form<NewPasswordForm>) -> WebResult {
    let Some((user, forced)) = changing_user(&ctx).await? else {
        return ctx.redirect("/login");
    };
    let services = ctx.services();
    draft::discard(&ctx, PENDING);
    if !forced {
        let ok = user
            .password_hash
            .as_deref()
            .is_some_and(|h| password::verify(&form.current_password, h));
        if !ok {
            let mut e = FieldErrors::new();
            e.add("current_password", "users-pw-current-wrong");
            draft::store_errors(&ctx, "password-change", &e);
            return ctx.redirect("/passwort/aendern");
        }
    }
    if let Err(AppError::Validation(e)) =
        service::check_new_password(services, &user, &form.password, &form.password_repeat).await
    {
        draft::store_errors(&ctx, "password-change", &e);
        return ctx.redirect("/passwort/aendern");
    }
    draft::store(&ctx, PENDING, &(user.id, password::hash(&form.password)?));
    ctx.redirect("/passwort/aendern/bestaetigen")
}

/// The checked change waiting for confirmation, if it belongs to `user`.
fn pending_hash(ctx: &Ctx, user: &user_account::Model) -> Option<String> {
    draft::load::<(i64, String)>(ctx, PENDING)
        .filter(|(id, _)| *id == user.id)
        .map(|(_, hash)| hash)
}

/// "Change your password now?" — without a checked change, back to the form.
#[handler]
pub async fn confirm_form(ctx: Ctx) -> WebResult {
    let Some((user, forced)) = changing_user(&ctx).await? else {
        return ctx.redirect("/login");
    };
    if pending_hash(&ctx, &user).is_none() {
        return ctx.redirect("/passwort/aendern");
    }
    ctx.render("users/password_confirm.html", context! { forced => forced })
        .await
}

/// What the confirmation page sends: `save`, or anything else to go back.
#[derive(Deserialize, Default)]
pub(crate) struct ConfirmForm {
    #[serde(default)]
    action: String,
}

/// Confirmed: saves the new password, other sessions of the user end. Declined: the checked
/// change is dropped and the form opens again.
#[handler]
pub async fn confirm_submit(ctx: Ctx, Form(form): Form<ConfirmForm>) -> WebResult {
    let Some((user, forced)) = changing_user(&ctx).await? else {
        return ctx.redirect("/login");
    };
    let hash = pending_hash(&ctx, &user);
    draft::discard(&ctx, PENDING);
    let Some(hash) = hash.filter(|_| form.action == "save") else {
        return ctx.redirect("/passwort/aendern");
    };
    let services = ctx.services();
    let actor = if forced {
        Actor::system("password-change")
    } else {
        ctx.actor.clone()
    };
    let mut uow = UnitOfWork::begin(services, &actor).await?;
    let user = service::set_password_hash(&mut uow, &user, hash, false).await?;
    uow.commit().await?;
    Session::end_all_for_user(&services.db, user.id).await?;
    ctx.session
        .elevate(Some(user.id), SessionStage::Authenticated);
    ctx.session.flash("users-pw-changed");
    ctx.redirect("/")
}

// ---- reset --------------------------------------------------------------------------------

/// "Passwort vergessen?" form.
#[handler]
pub async fn forgot_form(ctx: Ctx) -> WebResult {
    ctx.render_form("users/forgot.html", &FieldErrors::new(), context! {})
        .await
}

/// Sends the reset link if the address belongs to an active account and notifies the
/// operator. The answer is the same either way.
#[handler]
pub async fn forgot_submit(ctx: Ctx, Form(form): Form<ForgotForm>) -> WebResult {
    if let Some(ip) = ctx.remote
        && !ctx.state.limiter.check("reset", ip)
    {
        return Err(WebError(AppError::RateLimited));
    }
    let services = ctx.services();
    let email = form.email.trim().to_lowercase();
    let user = user_account::Entity::find()
        .filter(user_account::Column::EmailFolded.eq(email))
        .filter(user_account::Column::Active.eq(true))
        .one(&services.db)
        .await?;
    if let Some(user) = user {
        let actor = Actor::system("password-reset");
        let mut uow = UnitOfWork::begin(services, &actor).await?;
        service::revoke_tokens(&mut uow, user.id, "reset").await?;
        let minutes = services.settings.security.reset_link_minutes;
        let token =
            service::issue_token(&mut uow, user.id, "reset", Duration::minutes(minutes)).await?;
        let link = services
            .settings
            .absolute_url(&format!("/passwort/zuruecksetzen/{token}"));
        let texts = &services.texts;
        let lang = ctx.locale;
        let name = TextArg::Str(user.display_name());
        hih_mail::queue(
            &mut uow,
            Mail {
                to: user.email.clone(),
                subject: texts.t(lang, "users-mail-reset-subject", &[]),
                body: texts.t(
                    lang,
                    "users-mail-reset-body",
                    &[
                        ("name", name),
                        ("link", TextArg::Str(link)),
                        ("minutes", TextArg::Num(minutes as f64)),
                    ],
                ),
            },
        )
        .await?;
        for operator in operator_addresses(services).await? {
            hih_mail::queue(
                &mut uow,
                Mail {
                    to: operator,
                    subject: texts.t(
                        hih_i18n::Locale::De,
                        "users-mail-reset-operator-subject",
                        &[],
                    ),
                    body: texts.t(
                        hih_i18n::Locale::De,
                        "users-mail-reset-operator-body",
                        &[("username", TextArg::Str(user.username.clone()))],
                    ),
                },
            )
            .await?;
        }
        uow.commit().await?;
    }
    ctx.session.flash("users-reset-sent");
    ctx.redirect("/login")
}

/// The operator's addresses: the configured one, else all active super admins.
async fn operator_addresses(services: &hih_kernel::Services) -> Result<Vec<String>, AppError> {
    if let Some(a) = &services.settings.mail.operator_email {
        return Ok(vec![a.clone()]);
    }
    Ok(user_account::Entity::find()
        .filter(user_account::Column::Role.eq(Role::SuperAdmin.code()))
        .filter(user_account::Column::Active.eq(true))
        .all(&services.db)
        .await?
        .into_iter()
        .map(|u| u.email)
        .collect())
}

async fn reset_page(ctx: &Ctx, code_ok: bool, errors: &FieldErrors) -> WebResult {
    ctx.render_form(
        "users/reset.html",
        errors,
        context! {
            code_ok => code_ok,
            min => ctx.services().settings.password.min_length,
        },
    )
    .await
}

fn reset_verified(ctx: &Ctx, token: &user_token::Model) -> bool {
    ctx.session
        .get::<i64>("_reset_token")
        .is_some_and(|id| id == token.id)
}

/// Reset link: first the TOTP code, then the new password.
#[handler]
pub async fn reset_form(ctx: Ctx, Path(token): Path<String>) -> WebResult {
    let Some(t) = service::find_token(ctx.services(), &token, "reset").await? else {
        return invalid_link(&ctx, "reset").await;
    };
    let Some(user) = token_user(&ctx, &t).await? else {
        return invalid_link(&ctx, "reset").await;
    };
    let code_ok = reset_verified(&ctx, &t) || !user.totp_enabled;
    let errors = draft::take_errors(&ctx, "reset");
    reset_page(&ctx, code_ok, &errors).await
}

/// Handles both steps of the reset form.
#[handler]
pub async fn reset_submit(
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<ResetForm>,
) -> WebResult {
    let services = ctx.services();
    let Some(t) = service::find_token(services, &token, "reset").await? else {
        return invalid_link(&ctx, "reset").await;
    };
    let Some(user) = token_user(&ctx, &t).await?.filter(|u| u.active) else {
        return invalid_link(&ctx, "reset").await;
    };
    let code_ok = reset_verified(&ctx, &t) || !user.totp_enabled;
    if form.step == "code" || !code_ok {
        if let Some(ip) = ctx.remote
            && !ctx.state.limiter.check("reset", ip)
        {
            return Err(WebError(AppError::RateLimited));
        }
        match service::check_second_factor(services, &user, &form.code).await? {
            SecondFactor::Totp(step) => {
                let mut uow = UnitOfWork::begin(services, &Actor::system("password-reset")).await?;
                let fresh = user_account::Entity::find_by_id(user.id)
                    .one(uow.txn())
                    .await?
                    .ok_or(AppError::NotFound)?;
                let mut am = sea_orm::IntoActiveModel::into_active_model(fresh.clone());
                am.totp_last_step = sea_orm::Set(Some(step));
                uow.update(&fresh, am).await?;
                uow.commit().await?;
                ctx.session.set("_reset_token", &t.id);
                return ctx.redirect(&format!("/passwort/zuruecksetzen/{token}"));
            }
            _ => {
                service::login_failed(services, &user, "reset-code", ctx.remote).await?;
                let mut e = FieldErrors::new();
                e.add("code", "users-code-invalid");
                draft::store_errors(&ctx, "reset", &e);
                return ctx.redirect(&format!("/passwort/zuruecksetzen/{token}"));
            }
        }
    }
    if let Err(AppError::Validation(e)) =
        service::check_new_password(services, &user, &form.password, &form.password_repeat).await
    {
        draft::store_errors(&ctx, "reset", &e);
        return ctx.redirect(&format!("/passwort/zuruecksetzen/{token}"));
    }
    let mut uow = UnitOfWork::begin(services, &Actor::system("password-reset")).await?;
    service::use_token(&mut uow, &t).await?;
    service::set_password(&mut uow, &user, &form.password, false).await?;
    uow.commit().await?;
    Session::end_all_for_user(&services.db, user.id).await?;
    ctx.session.remove("_reset_token");
    ctx.session.flash("users-reset-done");
    ctx.redirect("/login")
}

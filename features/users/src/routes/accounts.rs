//! User administration (R-USR-1/2/5): the account page, activate, deactivate, delete, reset,
//! anonymised overview (the list is in [`super::accounts_list`], the create and edit forms in
//! [`super::account_form`]).

use std::collections::BTreeMap;

use chrono::Duration;
use hih_db::UnitOfWork;
use hih_db::access::AccessAction;
use hih_i18n::TextArg;
use hih_kernel::{AppError, FieldErrors, Role};
use hih_mail::Mail;
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, Session, WebError, WebResult, iso};
use poem::handler;
use poem::web::{Form, Path};
use rand::Rng;
use sea_orm::{EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use crate::entities::{institution, recovery_code, user_account};
use crate::grants;
use crate::scope::visible_users;
use crate::service::{self, SALUTATIONS};
use hih_web::draft;

pub(super) async fn institution_names(ctx: &Ctx) -> WebResult<BTreeMap<i64, institution::Model>> {
    Ok(service::institutions(ctx.services())
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect())
}

/// Role choices: all roles for the list filter, the grantable ones in the form.
pub(super) fn role_options(roles: &[Role]) -> Vec<(String, String)> {
    roles
        .iter()
        .map(|r| (r.code().to_string(), r.label_key()))
        .collect()
}

pub(super) fn institution_options(
    all: &BTreeMap<i64, institution::Model>,
) -> Vec<(String, String, String)> {
    all.values()
        .map(|i| (i.id.to_string(), String::new(), i.name.clone()))
        .collect()
}

/// Loads an account the actor may see, else 404 (and an access-log entry).
pub(super) async fn load_user(ctx: &Ctx, id: i64) -> WebResult<user_account::Model> {
    let found = user_account::Entity::find_by_id(id)
        .filter(visible_users(&ctx.actor))
        .one(&ctx.services().db)
        .await?;
    match found {
        Some(u) => Ok(u),
        None => Err(ctx.not_found_in_scope("user", &id.to_string()).await),
    }
}

/// Account detail with the available actions.
#[handler]
pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let user = load_user(&ctx, id).await?;
    let institutions = institution_names(&ctx).await?;
    ctx.log_view("user", id).await;
    let is_self = ctx.actor.user_id() == Some(id);
    let may_manage = grants::may_manage(&ctx.actor, &user);
    // A freshly generated initial password is shown here exactly once.
    let initial_password: Option<String> = draft::take(&ctx, &format!("initial-password:{id}"));
    ctx.render(
        "users/detail.html",
        context! {
            u => detail_value(&user, &institutions),
            is_self => is_self,
            may_manage => may_manage,
            initial_password => initial_password,
        },
    )
    .await
}

fn detail_value(
    u: &user_account::Model,
    institutions: &BTreeMap<i64, institution::Model>,
) -> Value {
    context! {
        id => u.id,
        salutation_key => SALUTATIONS.iter().find(|(v, _)| *v == u.salutation).map(|(_, k)| *k).unwrap_or("users-salutation-keine"),
        first_name => u.first_name.clone(),
        last_name => u.last_name.clone(),
        name => u.display_name(),
        institution => institutions.get(&u.institution_id).map(|i| i.name.clone()).unwrap_or_default(),
        position => u.position.clone(),
        email => u.email.clone(),
        username => u.username.clone(),
        phone => u.phone.clone(),
        role_key => Role::from_code(&u.role).map(|r| r.label_key()).unwrap_or_default(),
        active => u.active,
        never_set_up => u.activated_at.is_none(),
        totp_enabled => u.totp_enabled,
        locked => u.locked_until.is_some(),
        last_login => u.last_login_at.map(iso),
        created_at => iso(u.created_at),
        password_changed_at => u.password_changed_at.map(iso),
    }
}

// ---- state changes (each behind a confirmation page) ------------------------------------------

#[derive(Deserialize, Default)]
pub(crate) struct ActionPost {
    #[serde(default)]
    method: String,
    #[serde(default)]
    reset_password: Option<String>,
    #[serde(default)]
    reset_totp: Option<String>,
}

async fn confirm_page(
    ctx: &Ctx,
    user: &user_account::Model,
    what: &str,
    errors: &FieldErrors,
) -> WebResult {
    ctx.render_form(
        "users/confirm.html",
        errors,
        context! {
            what => what,
            id => user.id,
            name => user.display_name(),
            needs_password => user.password_hash.is_none(),
            active => user.active,
        },
    )
    .await
}

fn refuse_self(ctx: &Ctx, user: &user_account::Model) -> WebResult<()> {
    if ctx.actor.user_id() == Some(user.id) {
        return Err(WebError(AppError::Refused("users-refuse-self".into())));
    }
    Ok(())
}

/// `Ok` if the actor may act on this account ([`grants::may_manage`]); else 403, written to
/// the access log as a denied attempt.
pub(super) async fn require_manage(ctx: &Ctx, user: &user_account::Model) -> WebResult<()> {
    if grants::may_manage(&ctx.actor, user) {
        return Ok(());
    }
    ctx.log_access(
        AccessAction::Denied,
        "user",
        Some(user.id.to_string()),
        serde_json::json!({ "reason": "role boundary" }),
        None,
    )
    .await;
    Err(WebError(AppError::Forbidden))
}

/// Confirmation page of an action (`aktivieren`, `deaktivieren`, `loeschen`, `zuruecksetzen`).
#[handler]
pub async fn action_form(ctx: Ctx, Path((id, what)): Path<(i64, String)>) -> WebResult {
    let user = load_user(&ctx, id).await?;
    if !["aktivieren", "deaktivieren", "loeschen", "zuruecksetzen"].contains(&what.as_str()) {
        return Err(WebError(AppError::NotFound));
    }
    refuse_self(&ctx, &user)?;
    require_manage(&ctx, &user).await?;
    let errors = draft::take_errors(&ctx, &format!("action:{id}:{what}"));
    confirm_page(&ctx, &user, &what, &errors).await
}

fn setup_mail(ctx: &Ctx, user: &user_account::Model, token: &str) -> Mail {
    let s = ctx.services();
    let hours = s.settings.security.setup_link_hours;
    let link = s
        .settings
        .absolute_url(&format!("/konto/einrichten/{token}"));
    Mail {
        to: user.email.clone(),
        subject: s
            .texts
            .t(hih_i18n::Locale::De, "users-mail-setup-subject", &[]),
        body: s.texts.t(
            hih_i18n::Locale::De,
            "users-mail-setup-body",
            &[
                ("name", TextArg::Str(user.display_name())),
                ("username", TextArg::Str(user.username.clone())),
                ("link", TextArg::Str(link)),
                ("hours", TextArg::Num(hours as f64)),
            ],
        ),
    }
}

/// A random initial password that meets the policy (upper, lower, digits, special).
fn initial_password() -> String {
    const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    const LOWER: &[u8] = b"abcdefghijkmnpqrstuvwxyz";
    const DIGITS: &[u8] = b"23456789";
    const SPECIAL: &[u8] = b"!#%+-?";
    let mut rng = rand::rng();
    let mut pick = |set: &[u8], n: usize| -> String {
        (0..n)
            .map(|_| set[rng.random_range(0..set.len())] as char)
            .collect()
    };
    format!(
        "{}{}-{}{}{}",
        pick(UPPER, 2),
        pick(LOWER, 5),
        pick(DIGITS, 3),
        pick(SPECIAL, 1),
        pick(LOWER, 3)
    )
}

/// Executes a confirmed action.
#[handler]
pub async fn action_submit(
    ctx: Ctx,
    Path((id, what)): Path<(i64, String)>,
    Form(post): Form<ActionPost>,
) -> WebResult {
    let user = load_user(&ctx, id).await?;
    refuse_self(&ctx, &user)?;
    require_manage(&ctx, &user).await?;
    let services = ctx.services();
    let mut uow = UnitOfWork::begin(services, &ctx.actor).await?;
    let mut am = user.clone().into_active_model();
    am.updated_at = Set(uow.now());
    match what.as_str() {
        "aktivieren" => {
            am.active = Set(true);
            if user.activated_at.is_none() {
                am.activated_at = Set(Some(uow.now()));
            }
            if user.password_hash.is_none() {
                match post.method.as_str() {
                    "link" => {
                        let user = uow.update(&user, am).await?;
                        service::revoke_tokens(&mut uow, user.id, "setup").await?;
                        let hours = services.settings.security.setup_link_hours;
                        let token = service::issue_token(
                            &mut uow,
                            user.id,
                            "setup",
                            Duration::hours(hours),
                        )
                        .await?;
                        hih_mail::queue(&mut uow, setup_mail(&ctx, &user, &token)).await?;
                        uow.commit().await?;
                        ctx.session.flash("users-activated-link");
                        return ctx.redirect(&format!("/benutzer/{id}"));
                    }
                    "initial" => {
                        let user = uow.update(&user, am).await?;
                        let password = initial_password();
                        service::set_password(&mut uow, &user, &password, true).await?;
                        uow.commit().await?;
                        // Shown exactly once, never stored in clear.
                        draft::stash(&ctx, &format!("initial-password:{id}"), &password);
                        return ctx.redirect(&format!("/benutzer/{id}"));
                    }
                    _ => {
                        drop(uow);
                        let mut e = FieldErrors::new();
                        e.add("method", "users-activate-choose");
                        draft::store_errors(&ctx, &format!("action:{id}:{what}"), &e);
                        return ctx.redirect(&format!("/benutzer/{id}/aktion/{what}"));
                    }
                }
            }
            uow.update(&user, am).await?;
            uow.commit().await?;
            ctx.session.flash("users-activated");
        }
        "deaktivieren" => {
            am.active = Set(false);
            uow.update(&user, am).await?;
            uow.commit().await?;
            Session::end_all_for_user(&services.db, id).await?;
            ctx.session.flash("users-deactivated");
        }
        "loeschen" => {
            Session::end_all_for_user(uow.txn(), id).await?;
            uow.delete::<user_account::ActiveModel>(user).await?;
            uow.commit().await?;
            ctx.session.flash("users-deleted");
            return ctx.redirect("/benutzer");
        }
        "zuruecksetzen" => {
            let pw = post.reset_password.is_some();
            let totp = post.reset_totp.is_some();
            if !pw && !totp {
                drop(uow);
                let mut e = FieldErrors::new();
                e.add("reset_password", "users-reset-choose");
                draft::store_errors(&ctx, &format!("action:{id}:{what}"), &e);
                return ctx.redirect(&format!("/benutzer/{id}/aktion/{what}"));
            }
            if pw {
                am.password_hash = Set(None);
                am.password_changed_at = Set(None);
                am.must_change_password = Set(false);
            }
            if totp {
                am.totp_secret = Set(None);
                am.totp_enabled = Set(false);
                am.totp_last_step = Set(None);
                let codes = recovery_code::Entity::find()
                    .filter(sea_orm::ColumnTrait::eq(&recovery_code::Column::UserId, id))
                    .all(uow.txn())
                    .await?;
                for c in codes {
                    uow.delete::<recovery_code::ActiveModel>(c).await?;
                }
            }
            am.failed_logins = Set(0);
            am.locked_until = Set(None);
            let user = uow.update(&user, am).await?;
            if pw && user.active {
                service::revoke_tokens(&mut uow, user.id, "setup").await?;
                let hours = services.settings.security.setup_link_hours;
                let token =
                    service::issue_token(&mut uow, user.id, "setup", Duration::hours(hours))
                        .await?;
                hih_mail::queue(&mut uow, setup_mail(&ctx, &user, &token)).await?;
            }
            uow.commit().await?;
            Session::end_all_for_user(&services.db, id).await?;
            ctx.session.flash("users-reset-saved");
        }
        _ => return Err(WebError(AppError::NotFound)),
    }
    ctx.redirect(&format!("/benutzer/{id}"))
}

// ---- anonymised overview --------------------------------------------------------------------

#[derive(Serialize)]
struct OverviewRow {
    institution: String,
    counts: Vec<u64>,
    inactive: u64,
    last_login: Option<String>,
}

/// Counts by institution and role, inactive accounts and the latest login per institution —
/// no names, no addresses (what the operator needs, R-ACT).
#[handler]
pub async fn overview(ctx: Ctx) -> WebResult {
    let institutions = institution_names(&ctx).await?;
    let users = user_account::Entity::find().all(&ctx.services().db).await?;
    let rows: Vec<OverviewRow> = institutions
        .values()
        .map(|inst| {
            let mine: Vec<&user_account::Model> = users
                .iter()
                .filter(|u| u.institution_id == inst.id)
                .collect();
            OverviewRow {
                institution: inst.name.clone(),
                counts: Role::ALL
                    .iter()
                    .map(|r| {
                        mine.iter()
                            .filter(|u| u.active && u.role == r.code())
                            .count() as u64
                    })
                    .collect(),
                inactive: mine.iter().filter(|u| !u.active).count() as u64,
                last_login: mine.iter().filter_map(|u| u.last_login_at).max().map(iso),
            }
        })
        .collect();
    let totals: Vec<u64> = Role::ALL
        .iter()
        .map(|r| {
            users
                .iter()
                .filter(|u| u.active && u.role == r.code())
                .count() as u64
        })
        .collect();
    ctx.render(
        "users/overview.html",
        context! {
            rows => Serde(rows),
            roles => Serde(Role::ALL.iter().map(|r| r.label_key()).collect::<Vec<_>>()),
            totals => Serde(totals),
            inactive_total => users.iter().filter(|u| !u.active).count(),
        },
    )
    .await
}

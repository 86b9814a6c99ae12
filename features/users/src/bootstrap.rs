//! Creating administrators from the command line (`hih create-admin`) and on first start.

use chrono::Duration;
use hih_db::UnitOfWork;
use hih_kernel::{Actor, AppError, FieldErrors, Role, Services};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::entities::{institution, user_account};
use crate::service::{self, AccountForm};

/// What `create-admin` produced.
#[derive(Debug)]
pub struct CreatedAdmin {
    /// The account.
    pub user: user_account::Model,
    /// The single-use setup link, when no password was given.
    pub setup_link: Option<String>,
}

/// Explains a validation failure in German on the terminal.
pub fn describe(services: &Services, errors: &FieldErrors) -> String {
    errors
        .0
        .iter()
        .map(|e| {
            let args: Vec<(&str, hih_i18n::TextArg)> = e
                .args
                .iter()
                .map(|(k, v)| (k.as_str(), hih_i18n::TextArg::Str(v.clone())))
                .collect();
            format!(
                "{}: {}",
                e.field,
                services.texts.t(hih_i18n::Locale::De, &e.key, &args)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Creates an active administrator of the HiH project team. With a password, the password is
/// set (policy applies) and TOTP enrolment follows at first login; without, a single-use setup
/// link (valid per setting, default 72 h) is returned.
pub async fn create_admin(
    services: &Services,
    username: &str,
    email: &str,
    password: Option<&str>,
) -> Result<CreatedAdmin, AppError> {
    let team = institution::Entity::find()
        .filter(institution::Column::Kind.eq("team"))
        .one(&services.db)
        .await?
        .ok_or_else(|| AppError::Internal("institution HiH-Projektteam missing".into()))?;
    let form = AccountForm {
        salutation: "keine".into(),
        first_name: "Administrator".into(),
        last_name: username.into(),
        institution_id: team.id.to_string(),
        position: "Administration".into(),
        email: email.into(),
        username: username.into(),
        phone: "00000".into(),
        role: Role::Admin.code().into(),
    };
    let valid = service::validate_account(
        services,
        &form,
        None,
        &hih_kernel::Actor::system("accounts"),
    )
    .await?;
    let actor = Actor::system("create-admin");
    let mut uow = UnitOfWork::begin(services, &actor).await?;
    let user = service::create_account(&mut uow, valid, true).await?;
    let mut setup_link = None;
    let user = match password {
        Some(pw) => {
            let previous = Vec::new();
            password_policy(services, &user, pw, &previous)?;
            service::set_password(&mut uow, &user, pw, false).await?
        }
        None => {
            let hours = services.settings.security.setup_link_hours;
            let token =
                service::issue_token(&mut uow, user.id, "setup", Duration::hours(hours)).await?;
            setup_link = Some(
                services
                    .settings
                    .absolute_url(&format!("/konto/einrichten/{token}")),
            );
            user
        }
    };
    uow.commit().await?;
    Ok(CreatedAdmin { user, setup_link })
}

fn password_policy(
    services: &Services,
    user: &user_account::Model,
    pw: &str,
    previous: &[String],
) -> Result<(), AppError> {
    crate::password::check_policy(
        &services.settings.password,
        "password",
        pw,
        &user.username,
        &user.email,
        previous,
    )
    .into_result()
}

/// On first start (no account at all) creates the administrator `admin` and returns its setup
/// link; if that account exists but never set a password, issues a fresh link (old ones are
/// revoked). Returns `None` once any account is usable.
pub async fn first_start_link(services: &Services) -> Result<Option<String>, AppError> {
    let count = user_account::Entity::find().count(&services.db).await?;
    if count == 0 {
        let created = create_admin(services, "admin", "admin@localhost.localdomain", None).await?;
        return Ok(created.setup_link);
    }
    let usable = user_account::Entity::find()
        .filter(user_account::Column::PasswordHash.is_not_null())
        .count(&services.db)
        .await?;
    if usable > 0 {
        return Ok(None);
    }
    let Some(admin) = user_account::Entity::find()
        .filter(user_account::Column::UsernameFolded.eq("admin"))
        .one(&services.db)
        .await?
    else {
        return Ok(None);
    };
    let actor = Actor::system("first-start");
    let mut uow = UnitOfWork::begin(services, &actor).await?;
    service::revoke_tokens(&mut uow, admin.id, "setup").await?;
    let hours = services.settings.security.setup_link_hours;
    let token = service::issue_token(&mut uow, admin.id, "setup", Duration::hours(hours)).await?;
    uow.commit().await?;
    Ok(Some(
        services
            .settings
            .absolute_url(&format!("/konto/einrichten/{token}")),
    ))
}

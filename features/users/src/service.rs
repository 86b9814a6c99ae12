//! Account operations. Every write goes through the audited unit of work.

use chrono::{DateTime, Duration, Utc};
use hih_db::UnitOfWork;
use hih_db::fold::{fold, fold_fields};
use hih_kernel::{AppError, FieldErrors, Role, Services};
use hih_notify::Notice;
use rand::Rng;
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, NotSet, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};

use crate::entities::{institution, password_history, recovery_code, user_account, user_token};
use crate::password;
use crate::validate::{is_email, is_phone, is_username};
use hih_db::{hash_token, new_token};

/// Salutations offered in forms (value, text key).
pub const SALUTATIONS: [(&str, &str); 4] = [
    ("frau", "users-salutation-frau"),
    ("herr", "users-salutation-herr"),
    ("divers", "users-salutation-divers"),
    ("keine", "users-salutation-keine"),
];

/// The editable fields of an account (create and edit forms).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AccountForm {
    /// Anrede.
    #[serde(default)]
    pub salutation: String,
    /// Vorname.
    #[serde(default)]
    pub first_name: String,
    /// Nachname.
    #[serde(default)]
    pub last_name: String,
    /// Institution id as text (form value).
    #[serde(default)]
    pub institution_id: String,
    /// Position.
    #[serde(default)]
    pub position: String,
    /// E-Mail.
    #[serde(default)]
    pub email: String,
    /// Benutzername.
    #[serde(default)]
    pub username: String,
    /// Telefon.
    #[serde(default)]
    pub phone: String,
    /// Role code.
    #[serde(default)]
    pub role: String,
}

impl AccountForm {
    /// The form of an existing account.
    pub fn from_model(m: &user_account::Model) -> Self {
        AccountForm {
            salutation: m.salutation.clone(),
            first_name: m.first_name.clone(),
            last_name: m.last_name.clone(),
            institution_id: m.institution_id.to_string(),
            position: m.position.clone(),
            email: m.email.clone(),
            username: m.username.clone(),
            phone: m.phone.clone(),
            role: m.role.clone(),
        }
    }

    fn trimmed(&self) -> Self {
        AccountForm {
            salutation: self.salutation.trim().to_string(),
            first_name: self.first_name.trim().to_string(),
            last_name: self.last_name.trim().to_string(),
            institution_id: self.institution_id.trim().to_string(),
            position: self.position.trim().to_string(),
            email: self.email.trim().to_string(),
            username: self.username.trim().to_string(),
            phone: self.phone.trim().to_string(),
            role: self.role.trim().to_string(),
        }
    }
}

/// Which institution kinds a role may belong to.
fn role_fits(role: Role, kind: &str) -> bool {
    match role {
        Role::IhkStaff => kind == "ihk",
        Role::AhkStaff => kind == "ahk",
        Role::Admin | Role::Dpo => kind == "team",
        Role::SuperAdmin => kind == "operator",
    }
}

/// A validated account form.
pub struct ValidAccount {
    form: AccountForm,
    institution_id: i64,
    role: Role,
}

/// Validates an account form; `existing` is the account being edited (for uniqueness), and
/// `self_edit` keeps role and institution out of the user's reach.
pub async fn validate_account(
    services: &Services,
    form: &AccountForm,
    existing: Option<&user_account::Model>,
    actor: &hih_kernel::Actor,
) -> Result<ValidAccount, AppError> {
    let f = form.trimmed();
    let mut e = FieldErrors::new();
    e.check_texts(&f, &[]);
    if !SALUTATIONS.iter().any(|(v, _)| *v == f.salutation) {
        e.add("salutation", "users-error-salutation");
    }
    for (field, value, missing) in [
        (
            "first_name",
            &f.first_name,
            "users-error-first-name-missing",
        ),
        ("last_name", &f.last_name, "users-error-last-name-missing"),
        ("position", &f.position, "users-error-position-missing"),
    ] {
        if value.is_empty() {
            e.add(field, missing);
        } else if value.chars().count() > 200 {
            e.add(field, "users-error-too-long");
        }
    }
    if !is_email(&f.email) {
        e.add("email", "users-error-email");
    }
    if !is_phone(&f.phone) {
        e.add("phone", "users-error-phone");
    }
    if !is_username(&f.username) {
        e.add("username", "users-error-username");
    }
    let role = Role::from_code(&f.role);
    let institution = match f.institution_id.parse::<i64>() {
        Ok(id) => {
            institution::Entity::find_by_id(id)
                .one(&services.db)
                .await?
        }
        Err(_) => None,
    };
    match (&institution, role) {
        (None, _) => e.add("institution_id", "users-error-institution"),
        (Some(i), Some(r)) if !role_fits(r, &i.kind) => {
            e.add("institution_id", "users-error-institution-role")
        }
        _ => {}
    }
    match role {
        None => e.add("role", "users-error-role"),
        Some(r) => {
            let unchanged = existing.is_some_and(|m| m.role == r.code());
            if !unchanged && !crate::grants::may_grant(actor, r) {
                e.add("role", "users-error-role-not-grantable");
            }
        }
    }
    let id = existing.map(|m| m.id).unwrap_or(-1);
    if e.is_empty() || !e.has("username") {
        let clash = user_account::Entity::find()
            .filter(user_account::Column::UsernameFolded.eq(fold(&f.username)))
            .filter(user_account::Column::Id.ne(id))
            .one(&services.db)
            .await?;
        if clash.is_some() {
            e.add("username", "users-error-username-taken");
        }
    }
    if !e.has("email") {
        let clash = user_account::Entity::find()
            .filter(user_account::Column::EmailFolded.eq(f.email.to_lowercase()))
            .filter(user_account::Column::Id.ne(id))
            .one(&services.db)
            .await?;
        if clash.is_some() {
            e.add("email", "users-error-email-taken");
        }
    }
    e.into_result()?;
    Ok(ValidAccount {
        institution_id: institution.map(|i| i.id).unwrap_or_default(),
        role: role.unwrap_or(Role::Dpo),
        form: f,
    })
}

/// The folded sort key of an account: "nachname vorname".
fn sort_name(f: &AccountForm) -> String {
    format!("{} {}", fold(&f.last_name), fold(&f.first_name))
}

fn search_text(f: &AccountForm) -> String {
    fold_fields([
        f.first_name.as_str(),
        f.last_name.as_str(),
        f.username.as_str(),
        f.email.as_str(),
        f.position.as_str(),
        f.phone.as_str(),
    ])
}

/// Creates an account (inactive unless `active`).
pub async fn create_account(
    uow: &mut UnitOfWork,
    v: ValidAccount,
    active: bool,
) -> Result<user_account::Model, AppError> {
    let now = uow.now();
    let f = &v.form;
    let created = uow
        .insert(user_account::ActiveModel {
            id: NotSet,
            salutation: Set(f.salutation.clone()),
            first_name: Set(f.first_name.clone()),
            last_name: Set(f.last_name.clone()),
            institution_id: Set(v.institution_id),
            position: Set(f.position.clone()),
            email: Set(f.email.clone()),
            email_folded: Set(f.email.to_lowercase()),
            username: Set(f.username.clone()),
            username_folded: Set(fold(&f.username)),
            phone: Set(f.phone.clone()),
            role: Set(v.role.code().to_string()),
            active: Set(active),
            activated_at: Set(active.then_some(now)),
            password_hash: Set(None),
            password_changed_at: Set(None),
            must_change_password: Set(false),
            totp_secret: Set(None),
            totp_enabled: Set(false),
            totp_last_step: Set(None),
            failed_logins: Set(0),
            locked_until: Set(None),
            last_login_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            search_text: Set(search_text(f)),
            sort_name: Set(sort_name(f)),
        })
        .await?;
    // Accounts created on the server itself (first start, `hih create-admin`) are audited as
    // the system's; only grants made through the application are reported.
    if crate::grants::is_privileged(v.role) && uow.actor().as_user().is_some() {
        report_role_grant(uow, &created, None).await?;
    }
    Ok(created)
}

/// Applies an edit form. `self_edit` keeps role and institution unchanged.
pub async fn update_account(
    uow: &mut UnitOfWork,
    before: &user_account::Model,
    v: ValidAccount,
    self_edit: bool,
) -> Result<user_account::Model, AppError> {
    let f = v.form;
    let mut am = before.clone().into_active_model();
    am.salutation = Set(f.salutation.clone());
    am.first_name = Set(f.first_name.clone());
    am.last_name = Set(f.last_name.clone());
    am.position = Set(f.position.clone());
    am.email = Set(f.email.clone());
    am.email_folded = Set(f.email.to_lowercase());
    am.username = Set(f.username.clone());
    am.username_folded = Set(fold(&f.username));
    am.phone = Set(f.phone.clone());
    if !self_edit {
        am.institution_id = Set(v.institution_id);
        am.role = Set(v.role.code().to_string());
    }
    am.updated_at = Set(uow.now());
    am.search_text = Set(search_text(&f));
    am.sort_name = Set(sort_name(&f));
    let after = uow.update(before, am).await?;
    if after.role != before.role {
        report_role_grant(uow, &after, Some(&before.role)).await?;
    }
    Ok(after)
}

/// Tells admins and the data-protection officer that an account got a role (R-ACT, R-SEC-1):
/// every change of an existing account's role, and new accounts with a privileged role.
async fn report_role_grant(
    uow: &mut UnitOfWork,
    account: &user_account::Model,
    before: Option<&str>,
) -> Result<(), AppError> {
    let label = |code: &str| {
        Role::from_code(code)
            .map(|r| {
                uow.services()
                    .texts
                    .t(hih_i18n::Locale::De, &r.label_key(), &[])
            })
            .unwrap_or_else(|| code.to_string())
    };
    let notice = Notice::new(ROLE_GRANT_KIND, "users-notice-role-granted")
        .arg("name", account.display_name())
        .arg("username", account.username.clone())
        .arg("role", label(&account.role))
        .arg(
            "before",
            before.map(label).unwrap_or_else(|| "–".to_string()),
        )
        .arg("by", uow.actor().display_name())
        .mail(
            "users-mail-role-granted-subject",
            "users-mail-role-granted-body",
        );
    report_security_event(uow, notice, Some(&format!("/benutzer/{}", account.id))).await
}

/// Kind of the notification about a role given to an account.
pub const ROLE_GRANT_KIND: &str = "security.role-grant";

/// Finds an account by user name or e-mail (case-insensitive).
pub async fn find_by_login(
    services: &Services,
    login: &str,
) -> Result<Option<user_account::Model>, AppError> {
    let login = login.trim();
    if login.is_empty() {
        return Ok(None);
    }
    let col = if login.contains('@') {
        user_account::Column::EmailFolded.eq(login.to_lowercase())
    } else {
        user_account::Column::UsernameFolded.eq(fold(login))
    };
    Ok(user_account::Entity::find()
        .filter(col)
        .one(&services.db)
        .await?)
}

/// Previous password hashes (current first), for the "not one of the last N" rule.
pub async fn password_hashes(
    services: &Services,
    user: &user_account::Model,
) -> Result<Vec<String>, AppError> {
    let mut out: Vec<String> = user.password_hash.iter().cloned().collect();
    let n = services.settings.password.history;
    let rows = password_history::Entity::find()
        .filter(password_history::Column::UserId.eq(user.id))
        .order_by_desc(password_history::Column::Id)
        .all(&services.db)
        .await?;
    out.extend(rows.into_iter().map(|r| r.hash));
    out.truncate(n);
    Ok(out)
}

/// Checks a new password (twice entered) against the policy.
pub async fn check_new_password(
    services: &Services,
    user: &user_account::Model,
    pw: &str,
    repeat: &str,
) -> Result<(), AppError> {
    let previous = password_hashes(services, user).await?;
    let mut e = password::check_policy(
        &services.settings.password,
        "password",
        pw,
        &user.username,
        &user.email,
        &previous,
    );
    if pw != repeat {
        e.add("password_repeat", "users-pw-mismatch");
    }
    e.into_result()
}

/// Sets a new password: hash, change date, history (keeps the last N).
pub async fn set_password(
    uow: &mut UnitOfWork,
    user: &user_account::Model,
    pw: &str,
    must_change: bool,
) -> Result<user_account::Model, AppError> {
    set_password_hash(uow, user, password::hash(pw)?, must_change).await
}

/// Sets a password given as its hash (a change confirmed on a second page keeps only the
/// hash between the two requests); as [`set_password`] otherwise.
pub async fn set_password_hash(
    uow: &mut UnitOfWork,
    user: &user_account::Model,
    hash: String,
    must_change: bool,
) -> Result<user_account::Model, AppError> {
    if let Some(old) = &user.password_hash {
        uow.insert(password_history::ActiveModel {
            id: NotSet,
            user_id: Set(user.id),
            hash: Set(old.clone()),
            created_at: Set(uow.now()),
        })
        .await?;
    }
    let keep = uow.services().settings.password.history;
    let rows = password_history::Entity::find()
        .filter(password_history::Column::UserId.eq(user.id))
        .order_by_desc(password_history::Column::Id)
        .all(uow.txn())
        .await?;
    for old in rows.into_iter().skip(keep.saturating_sub(1)) {
        uow.delete::<password_history::ActiveModel>(old).await?;
    }
    let mut am = user.clone().into_active_model();
    am.password_hash = Set(Some(hash));
    am.password_changed_at = Set(Some(uow.now()));
    am.must_change_password = Set(must_change);
    am.failed_logins = Set(0);
    am.locked_until = Set(None);
    am.updated_at = Set(uow.now());
    uow.update(user, am).await
}

/// Whether the password has passed its maximum age.
pub fn password_expired(
    services: &Services,
    user: &user_account::Model,
    now: DateTime<Utc>,
) -> bool {
    let max = services.settings.password.max_age_days;
    max > 0
        && user
            .password_changed_at
            .is_some_and(|t| t + Duration::days(max) <= now)
}

fn recovery_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    let mut pick = || -> String {
        (0..4)
            .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
            .collect()
    };
    format!("{}-{}", pick(), pick())
}

/// Normalises a typed recovery code.
pub fn normalise_recovery(code: &str) -> String {
    code.trim().to_lowercase().replace([' ', '-'], "")
}

/// Stores the confirmed TOTP secret and creates ten fresh recovery codes (returned once).
pub async fn enrol_totp(
    uow: &mut UnitOfWork,
    user: &user_account::Model,
    secret: &str,
    step: i64,
) -> Result<Vec<String>, AppError> {
    let old = recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user.id))
        .all(uow.txn())
        .await?;
    for c in old {
        uow.delete::<recovery_code::ActiveModel>(c).await?;
    }
    let mut codes = Vec::new();
    for _ in 0..10 {
        let code = recovery_code();
        uow.insert(recovery_code::ActiveModel {
            id: NotSet,
            user_id: Set(user.id),
            code_hash: Set(hash_token(&normalise_recovery(&code))),
            used_at: Set(None),
        })
        .await?;
        codes.push(code);
    }
    let mut am = user.clone().into_active_model();
    am.totp_secret = Set(Some(secret.to_string()));
    am.totp_enabled = Set(true);
    am.totp_last_step = Set(Some(step));
    am.updated_at = Set(uow.now());
    uow.update(user, am).await?;
    Ok(codes)
}

/// Outcome of a second-factor attempt.
pub enum SecondFactor {
    /// A TOTP code for this step was accepted.
    Totp(i64),
    /// A recovery code was used up.
    Recovery(recovery_code::Model),
    /// Wrong, reused or malformed.
    Invalid,
}

/// Checks a TOTP or recovery code without writing.
pub async fn check_second_factor(
    services: &Services,
    user: &user_account::Model,
    code: &str,
) -> Result<SecondFactor, AppError> {
    let now = services.clock.now();
    if let Some(secret) = &user.totp_secret
        && let Some(step) = crate::totp::check(secret, code, now, user.totp_last_step)
    {
        return Ok(SecondFactor::Totp(step));
    }
    let norm = normalise_recovery(code);
    if norm.len() == 8 {
        let row = recovery_code::Entity::find()
            .filter(recovery_code::Column::UserId.eq(user.id))
            .filter(recovery_code::Column::CodeHash.eq(hash_token(&norm)))
            .filter(recovery_code::Column::UsedAt.is_null())
            .one(&services.db)
            .await?;
        if let Some(r) = row {
            return Ok(SecondFactor::Recovery(r));
        }
    }
    Ok(SecondFactor::Invalid)
}

/// Kind of the notification about a locked account.
pub const LOCKOUT_KIND: &str = "security.lockout";

/// Records a failed login; locks the account after too many (R-USR-6). Returns whether the
/// account is now locked. The client address `addr` goes into the audit event, so the misuse
/// detection (R-SEC-1) finds bursts from one address across accounts.
pub async fn login_failed(
    services: &Services,
    user: &user_account::Model,
    stage: &str,
    addr: Option<std::net::IpAddr>,
) -> Result<bool, AppError> {
    let actor = hih_kernel::Actor::system("login");
    let mut uow = UnitOfWork::begin(services, &actor).await?;
    let fresh = user_account::Entity::find_by_id(user.id)
        .one(uow.txn())
        .await?
        .ok_or(AppError::NotFound)?;
    let failures = fresh.failed_logins + 1;
    let sec = &services.settings.security;
    let lock = failures >= sec.lockout_attempts;
    let mut am = fresh.clone().into_active_model();
    am.failed_logins = Set(if lock { 0 } else { failures });
    if lock {
        am.locked_until = Set(Some(uow.now() + Duration::minutes(sec.lockout_minutes)));
    }
    uow.update(&fresh, am).await?;
    uow.event(
        "user",
        &user.id.to_string(),
        "login-failed",
        match addr {
            Some(addr) => {
                serde_json::json!({ "step": stage, "failures": failures, "addr": addr.to_string() })
            }
            None => serde_json::json!({ "step": stage, "failures": failures }),
        },
    );
    if lock {
        uow.event(
            "user",
            &user.id.to_string(),
            "lockout",
            serde_json::json!({ "minutes": sec.lockout_minutes }),
        );
        tracing::warn!(user_id = user.id, "account locked after failed logins");
        let notice = Notice::new(LOCKOUT_KIND, "users-notice-lockout")
            .arg("username", user.username.clone())
            .mail("users-mail-lockout-subject", "users-mail-lockout-body");
        report_security_event(&mut uow, notice, Some(&format!("/benutzer/{}", user.id))).await?;
    }
    uow.commit().await?;
    Ok(lock)
}

/// Whether the account is locked now.
pub fn is_locked(user: &user_account::Model, now: DateTime<Utc>) -> bool {
    user.locked_until.is_some_and(|t| t > now)
}

/// Creates a single-use token for a user and returns the clear token (for the link).
pub async fn issue_token(
    uow: &mut UnitOfWork,
    user_id: i64,
    purpose: &str,
    valid_for: Duration,
) -> Result<String, AppError> {
    let token = new_token();
    uow.insert(user_token::ActiveModel {
        id: NotSet,
        user_id: Set(user_id),
        purpose: Set(purpose.to_string()),
        token_hash: Set(hash_token(&token)),
        created_at: Set(uow.now()),
        expires_at: Set(uow.now() + valid_for),
        used_at: Set(None),
    })
    .await?;
    Ok(token)
}

/// Finds a usable (unused, unexpired) token of a purpose.
pub async fn find_token(
    services: &Services,
    token: &str,
    purpose: &str,
) -> Result<Option<user_token::Model>, AppError> {
    let now = services.clock.now();
    Ok(user_token::Entity::find()
        .filter(user_token::Column::TokenHash.eq(hash_token(token)))
        .filter(user_token::Column::Purpose.eq(purpose))
        .one(&services.db)
        .await?
        .filter(|t| t.used_at.is_none() && t.expires_at > now))
}

/// Marks a token used inside a unit of work (fails if someone else used it meanwhile).
pub async fn use_token(uow: &mut UnitOfWork, token: &user_token::Model) -> Result<(), AppError> {
    let fresh = user_token::Entity::find_by_id(token.id)
        .one(uow.txn())
        .await?
        .ok_or(AppError::Conflict)?;
    if fresh.used_at.is_some() {
        return Err(AppError::Conflict);
    }
    let mut am = fresh.clone().into_active_model();
    am.used_at = Set(Some(uow.now()));
    uow.update(&fresh, am).await?;
    Ok(())
}

/// Uses up a recovery code inside a unit of work: re-read in the transaction (which holds the
/// write lock taken by [`UnitOfWork::begin`]), so of several concurrent logins with one code
/// exactly one wins. `false`: someone else used it meanwhile.
pub async fn use_recovery_code(
    uow: &mut UnitOfWork,
    code: &recovery_code::Model,
) -> Result<bool, AppError> {
    let Some(fresh) = recovery_code::Entity::find_by_id(code.id)
        .one(uow.txn())
        .await?
        .filter(|c| c.used_at.is_none())
    else {
        return Ok(false);
    };
    let mut am = fresh.clone().into_active_model();
    am.used_at = Set(Some(uow.now()));
    uow.update(&fresh, am).await?;
    Ok(true)
}

/// Invalidates all open tokens of a purpose for a user (a new link replaces old ones).
pub async fn revoke_tokens(
    uow: &mut UnitOfWork,
    user_id: i64,
    purpose: &str,
) -> Result<(), AppError> {
    let open = user_token::Entity::find()
        .filter(user_token::Column::UserId.eq(user_id))
        .filter(user_token::Column::Purpose.eq(purpose))
        .filter(user_token::Column::UsedAt.is_null())
        .all(uow.txn())
        .await?;
    for t in open {
        uow.delete::<user_token::ActiveModel>(t).await?;
    }
    Ok(())
}

/// Institutions for select boxes.
pub async fn institutions(services: &Services) -> Result<Vec<institution::Model>, AppError> {
    Ok(institution::Entity::find()
        .order_by_asc(institution::Column::Id)
        .all(&services.db)
        .await?)
}

/// Reports a security event (R-SEC-1) to all active admins and data-protection officers,
/// inside the caller's unit of work: a notification (admins' leads to `admin_href`, the
/// officers' to nothing they could not open) and an e-mail.
pub async fn report_security_event(
    uow: &mut UnitOfWork,
    notice: Notice,
    admin_href: Option<&str>,
) -> Result<(), AppError> {
    use crate::recipients::{Filter, active_with_role};
    let admins = active_with_role(uow.txn(), Role::Admin, Filter::All).await?;
    let officers = active_with_role(uow.txn(), Role::Dpo, Filter::All).await?;
    let for_admins = match admin_href {
        Some(href) => notice.clone().href(href),
        None => notice.clone(),
    };
    hih_notify::notify(uow, &admins, &for_admins).await?;
    hih_notify::notify(uow, &officers, &notice).await?;
    Ok(())
}

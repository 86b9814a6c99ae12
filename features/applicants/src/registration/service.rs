//! Invitation and registration operations; every write goes through the audited unit of work.

use chrono::{DateTime, Duration, Utc};
use hih_db::{UnitOfWork, hash_token, new_token};
use hih_kernel::{AppError, FieldErrors, Role, Services};
use hih_notify::Notice;
use hih_users::recipients::{self, Filter};
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, NotSet, QueryFilter, Set};

use crate::entities::{applicant, invitation, pending_registration};
use crate::form::ApplicantForm;
use crate::service;

/// Review outcome of an approved registration.
pub const APPROVED: &str = "approved";
/// Review outcome of a rejected registration.
pub const REJECTED: &str = "rejected";
/// Languages of the registration form (value, text key): every guest language.
pub const FORM_LOCALES: [(&str, &str); 4] = [
    ("de", "applicants-reg-locale-de"),
    ("en", "applicants-reg-locale-en"),
    ("pt", "applicants-reg-locale-pt"),
    ("vi", "applicants-reg-locale-vi"),
];
/// Text key of the consent declaration (editable under `/admin/texte`, R-TXT).
pub const CONSENT_KEY: &str = "applicants-reg-consent-text";

/// What the list shows for an invitation.
pub fn state_of(inv: &invitation::Model, now: DateTime<Utc>) -> &'static str {
    match (inv.used_at, inv.outcome.as_str()) {
        (Some(_), APPROVED) => "approved",
        (Some(_), REJECTED) => "rejected",
        (Some(_), _) => "used",
        (None, _) if inv.expires_at <= now => "expired",
        (None, _) => "open",
    }
}

/// The version of a consent text: the first 16 hex digits of its SHA-256, so any edit of the
/// text gives a new version.
pub fn consent_version(text: &str) -> String {
    hash_token(text).chars().take(16).collect()
}

/// What staff enter for a new invitation.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct InvitationForm {
    /// Optional name.
    pub name: String,
    /// Optional e-mail address.
    pub email: String,
    /// Form language.
    pub locale: String,
    /// Registration country (admins choose; AHK staff have their own).
    pub country: String,
    /// `on`: e-mail the link to `email`.
    pub send_mail: String,
}

/// Checks an invitation form; `bound` is the AHK staff member's country.
pub async fn validate_invitation(
    services: &Services,
    f: &InvitationForm,
    bound: Option<&str>,
) -> Result<InvitationForm, FieldErrors> {
    let mut f = f.clone();
    let mut e = FieldErrors::new();
    e.check_texts(&f, &[]);
    if let Some(c) = bound {
        f.country = c.to_string();
    }
    if f.country.is_empty() {
        e.add("country", "applicants-error-country");
    } else if !hih_reference::lists::is_valid(services, "country", &f.country)
        .await
        .unwrap_or(false)
    {
        e.add("country", "applicants-error-choice");
    }
    if !FORM_LOCALES.iter().any(|(v, _)| *v == f.locale) {
        e.add("locale", "applicants-error-choice");
    }
    if f.name.chars().count() > 200 {
        e.add("name", "applicants-error-too-long");
    } else if !service::is_name(&f.name) {
        e.add("name", "applicants-error-name-chars");
    }
    f.email = f.email.trim().to_string();
    if !f.email.is_empty() && !hih_users::validate::is_email(&f.email) {
        e.add("email", "users-error-email");
    }
    if f.send_mail == "on" && f.email.is_empty() {
        e.add("email", "applicants-reg-error-mail-needs-address");
    }
    if e.is_empty() { Ok(f) } else { Err(e) }
}

/// Creates an invitation valid for `invitation_days`; returns it and the clear token (shown
/// once, never stored).
pub async fn create_invitation(
    uow: &mut UnitOfWork,
    f: &InvitationForm,
    created_by: Option<i64>,
) -> Result<(invitation::Model, String), AppError> {
    let token = new_token();
    let now = uow.now();
    let days = uow.services().settings.invitation_days;
    let inv = uow
        .insert(invitation::ActiveModel {
            id: NotSet,
            token_hash: Set(hash_token(&token)),
            country: Set(f.country.clone()),
            name: Set(f.name.trim().to_string()),
            email: Set(f.email.trim().to_string()),
            locale: Set(f.locale.clone()),
            created_by: Set(created_by),
            created_at: Set(now),
            expires_at: Set(now + Duration::days(days)),
            used_at: Set(None),
            outcome: Set(String::new()),
            reject_reason: Set(String::new()),
            applicant_id: Set(None),
        })
        .await?;
    Ok((inv, token))
}

/// The link of a token.
pub fn link(services: &Services, token: &str) -> String {
    services
        .settings
        .absolute_url(&format!("/registrierung/{token}"))
}

/// The invitation of a token if it still accepts input (not submitted, not expired).
pub async fn find_open(
    services: &Services,
    token: &str,
) -> Result<Option<invitation::Model>, AppError> {
    let now = services.clock.now();
    Ok(invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(hash_token(token)))
        .one(&services.db)
        .await?
        .filter(|i| i.used_at.is_none() && i.expires_at > now))
}

/// The pending registration of an invitation, if the guest has accepted the consent.
pub async fn pending_of(
    services: &Services,
    invitation_id: i64,
) -> Result<Option<pending_registration::Model>, AppError> {
    Ok(pending_registration::Entity::find()
        .filter(pending_registration::Column::InvitationId.eq(invitation_id))
        .one(&services.db)
        .await?)
}

/// The stored form of a pending registration.
pub fn form_of(p: &pending_registration::Model) -> ApplicantForm {
    serde_json::from_str(&p.data).unwrap_or_default()
}

fn to_json(f: &ApplicantForm) -> Result<String, AppError> {
    serde_json::to_string(f).map_err(AppError::internal)
}

/// Records the accepted consent (version, time) and starts or keeps the wizard's state.
pub async fn accept_consent(
    uow: &mut UnitOfWork,
    inv: &invitation::Model,
    version: &str,
    locale: &str,
) -> Result<pending_registration::Model, AppError> {
    let now = uow.now();
    let existing = pending_registration::Entity::find()
        .filter(pending_registration::Column::InvitationId.eq(inv.id))
        .one(uow.txn())
        .await?;
    match existing {
        Some(p) => {
            let mut am = p.clone().into_active_model();
            am.consent_version = Set(version.to_string());
            am.consent_at = Set(now);
            am.locale = Set(locale.to_string());
            am.updated_at = Set(now);
            uow.update(&p, am).await
        }
        None => {
            let form = ApplicantForm {
                country: inv.country.clone(),
                status: "interessent".into(),
                email: inv.email.clone(),
                ..Default::default()
            };
            uow.insert(pending_registration::ActiveModel {
                id: NotSet,
                invitation_id: Set(inv.id),
                country: Set(inv.country.clone()),
                data: Set(to_json(&form)?),
                consent_version: Set(version.to_string()),
                consent_at: Set(now),
                locale: Set(locale.to_string()),
                submitted_at: Set(None),
                updated_at: Set(now),
            })
            .await
        }
    }
}

/// Stores the form of a pending registration (a wizard step or a staff correction). The
/// country and status are fixed by the invitation.
pub async fn save_form(
    uow: &mut UnitOfWork,
    p: &pending_registration::Model,
    form: &ApplicantForm,
) -> Result<pending_registration::Model, AppError> {
    let mut form = form.clone();
    form.country = p.country.clone();
    form.status = "interessent".into();
    let mut am = p.clone().into_active_model();
    am.data = Set(to_json(&form)?);
    am.updated_at = Set(uow.now());
    uow.update(p, am).await
}

/// Full check of a registration, as for applicants (R-APP-2), with the consent filled in
/// from the pending record.
pub async fn validate_pending(
    services: &Services,
    p: &pending_registration::Model,
    form: &ApplicantForm,
) -> Result<service::ValidApplicant, FieldErrors> {
    let mut form = form.clone();
    form.country = p.country.clone();
    form.status = "interessent".into();
    form.consent_storage_date = p.consent_at.date_naive().to_string();
    form.consent_storage_version = p.consent_version.clone();
    service::validate(services, &form, Some(&p.country)).await
}

/// Submits the registration: uses up the invitation (refused with `Conflict` if it was used
/// meanwhile), marks the entry submitted and notifies the AHK staff of the country (in-app and
/// by e-mail), all in the caller's unit of work (acting as `self-registration`).
pub async fn submit(
    uow: &mut UnitOfWork,
    inv: &invitation::Model,
    p: &pending_registration::Model,
) -> Result<(), AppError> {
    let fresh = invitation::Entity::find_by_id(inv.id)
        .one(uow.txn())
        .await?
        .ok_or(AppError::Conflict)?;
    if fresh.used_at.is_some() || fresh.expires_at <= uow.now() {
        return Err(AppError::Conflict);
    }
    let now = uow.now();
    let mut am = fresh.clone().into_active_model();
    am.used_at = Set(Some(now));
    uow.update(&fresh, am).await?;
    let mut pm = p.clone().into_active_model();
    pm.submitted_at = Set(Some(now));
    pm.updated_at = Set(now);
    uow.update(p, pm).await?;
    let to = recipients::active_with_role(uow.txn(), Role::AhkStaff, Filter::Country(&p.country))
        .await?;
    let notice = Notice::new("applicants.registration", "applicants-reg-notice")
        .arg("country", p.country.clone())
        .href(&format!("/bewerber/registrierungen/{}", p.id))
        .mail("applicants-reg-mail-subject", "applicants-reg-mail-body");
    hih_notify::notify(uow, &to, &notice).await?;
    Ok(())
}

async fn close_invitation(
    uow: &mut UnitOfWork,
    invitation_id: i64,
    outcome: &str,
    reason: &str,
    applicant_id: Option<i64>,
) -> Result<(), AppError> {
    let inv = invitation::Entity::find_by_id(invitation_id)
        .one(uow.txn())
        .await?
        .ok_or(AppError::Conflict)?;
    let mut am = inv.clone().into_active_model();
    am.outcome = Set(outcome.to_string());
    am.reject_reason = Set(reason.to_string());
    am.applicant_id = Set(applicant_id);
    if inv.used_at.is_none() {
        am.used_at = Set(Some(uow.now()));
    }
    uow.update(&inv, am).await?;
    Ok(())
}

/// Re-reads a pending registration inside the transaction (`Conflict` if another reviewer
/// decided it meanwhile).
async fn fresh_pending(
    uow: &UnitOfWork,
    p: &pending_registration::Model,
) -> Result<pending_registration::Model, AppError> {
    pending_registration::Entity::find_by_id(p.id)
        .one(uow.txn())
        .await?
        .ok_or(AppError::Conflict)
}

/// Approves (four-eyes, by a logged-in staff member): creates the applicant with the next ID
/// of its country and status Interessent/in, deletes the pending data, closes the invitation.
pub async fn approve(
    uow: &mut UnitOfWork,
    p: &pending_registration::Model,
    valid: service::ValidApplicant,
) -> Result<applicant::Model, AppError> {
    let p = fresh_pending(uow, p).await?;
    let created = service::create(uow, valid).await?;
    close_invitation(uow, p.invitation_id, APPROVED, "", Some(created.id)).await?;
    uow.delete::<pending_registration::ActiveModel>(p).await?;
    Ok(created)
}

/// Rejects with a reason (kept on the invitation and in the audit log); the pending data is
/// deleted.
pub async fn reject(
    uow: &mut UnitOfWork,
    p: &pending_registration::Model,
    reason: &str,
) -> Result<(), AppError> {
    let p = fresh_pending(uow, p).await?;
    close_invitation(uow, p.invitation_id, REJECTED, reason.trim(), None).await?;
    uow.delete::<pending_registration::ActiveModel>(p).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitation_states() {
        let now = Utc::now();
        let mut inv = invitation::Model {
            id: 1,
            token_hash: String::new(),
            country: "VN".into(),
            name: String::new(),
            email: String::new(),
            locale: "de".into(),
            created_by: None,
            created_at: now,
            expires_at: now + Duration::days(1),
            used_at: None,
            outcome: String::new(),
            reject_reason: String::new(),
            applicant_id: None,
        };
        assert_eq!(state_of(&inv, now), "open");
        assert_eq!(state_of(&inv, now + Duration::days(2)), "expired");
        inv.used_at = Some(now);
        assert_eq!(state_of(&inv, now + Duration::days(2)), "used");
        inv.outcome = APPROVED.into();
        assert_eq!(state_of(&inv, now), "approved");
        assert_eq!(consent_version("a").len(), 16);
        assert_ne!(consent_version("a"), consent_version("b"));
    }
}

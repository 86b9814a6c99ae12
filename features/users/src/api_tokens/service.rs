//! Creating, revoking and checking personal API tokens. The secret is 256 random bits; only
//! its SHA-256 is stored (a high-entropy secret needs no slow hash), with its first characters
//! as a non-secret prefix the owner recognises it by.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use hih_db::UnitOfWork;
use hih_db::{hash_token, new_token};
use hih_kernel::{Actor, ApiCredential, AppError, FieldErrors, Services};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, EntityTrait, IntoActiveModel, NotSet, QueryFilter, Set};

use crate::entities::api_token;
use crate::permissions::MANAGE_USERS;

/// What every secret starts with, so a leaked one is recognisable (secret scanners, logs).
pub const SECRET_START: &str = "hih_";
/// Characters of the secret kept as its prefix (`hih_` and eight more).
const PREFIX_LEN: usize = 12;
/// The longest validity a token may get, in days (R-API-1: at most a year).
pub const MAX_DAYS: i64 = 365;
/// The validity the form suggests, in days.
pub const DEFAULT_DAYS: i64 = 90;
/// The longest name.
const NAME_MAX: usize = 100;
/// How often the last use is written at most (keeps reads cheap).
const LAST_USE_EVERY_SECONDS: i64 = 60;

/// A checked request for a new token.
#[derive(Debug, Clone)]
pub struct NewToken {
    /// The owner's name for it.
    pub name: String,
    /// The last day it is accepted (UTC).
    pub valid_until: NaiveDate,
    /// Refused for writes.
    pub read_only: bool,
}

/// A created token and its secret, which exists nowhere else from now on.
pub struct Created {
    /// The stored token.
    pub token: api_token::Model,
    /// The secret to show once.
    pub secret: String,
}

/// The tokens `actor` may see and revoke: account managers everyone's, everybody else their
/// own (the one scoping function of tokens).
pub fn visible_tokens(actor: &Actor) -> Condition {
    if MANAGE_USERS.allows(actor) {
        Condition::all()
    } else {
        Condition::all().add(api_token::Column::UserId.eq(actor.user_id().unwrap_or(-1)))
    }
}

/// Checks a request: a name (1–100 characters) and a last day after today and at most
/// [`MAX_DAYS`] ahead. Messages are text keys next to the fields `name` and `valid_until`.
pub fn check(
    name: &str,
    valid_until: &str,
    read_only: bool,
    today: NaiveDate,
) -> Result<NewToken, FieldErrors> {
    let mut e = FieldErrors::new();
    let name = name.trim();
    if let Some((key, max)) = hih_kernel::text_problem(name, false) {
        e.add_with("name", key, &[("max", max.to_string())]);
    } else if name.is_empty() {
        e.add("name", "users-api-token-name-missing");
    } else if name.chars().count() > NAME_MAX {
        e.add_with(
            "name",
            "users-api-token-name-long",
            &[("max", NAME_MAX.to_string())],
        );
    }
    let until = NaiveDate::parse_from_str(valid_until.trim(), "%Y-%m-%d").ok();
    match until {
        None => e.add("valid_until", "users-api-token-date-invalid"),
        Some(d) if d <= today => e.add("valid_until", "users-api-token-date-past"),
        Some(d) if d > today + Duration::days(MAX_DAYS) => e.add_with(
            "valid_until",
            "users-api-token-date-too-far",
            &[("days", MAX_DAYS.to_string())],
        ),
        Some(_) => {}
    }
    match (until, e.is_empty()) {
        (Some(valid_until), true) => Ok(NewToken {
            name: name.to_string(),
            valid_until,
            read_only,
        }),
        _ => Err(e),
    }
}

/// The moment a token valid through `day` stops being accepted: the next midnight (UTC).
pub fn expiry_of(day: NaiveDate) -> DateTime<Utc> {
    (day + Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or_default()
}

/// The last day a token is accepted.
pub fn last_day(expires_at: DateTime<Utc>) -> NaiveDate {
    (expires_at - Duration::seconds(1)).date_naive()
}

/// Creates a token for `owner` in the unit of work (audited; the hash redacted).
pub async fn create(uow: &mut UnitOfWork, owner: i64, new: NewToken) -> Result<Created, AppError> {
    let secret = format!("{SECRET_START}{}", new_token());
    let prefix: String = secret.chars().take(PREFIX_LEN).collect();
    let token = uow
        .insert(api_token::ActiveModel {
            id: NotSet,
            user_id: Set(owner),
            name: Set(new.name),
            prefix: Set(prefix),
            secret_hash: Set(hash_token(&secret)),
            read_only: Set(new.read_only),
            created_at: Set(uow.now()),
            expires_at: Set(expiry_of(new.valid_until)),
            last_used_at: Set(None),
            revoked_at: Set(None),
            revoked_by: Set(None),
        })
        .await?;
    Ok(Created { token, secret })
}

/// Revokes a token in the unit of work (audited); a revoked token stays listed.
pub async fn revoke(uow: &mut UnitOfWork, token: &api_token::Model) -> Result<(), AppError> {
    if token.revoked_at.is_some() {
        return Ok(());
    }
    let mut am = token.clone().into_active_model();
    am.revoked_at = Set(Some(uow.now()));
    am.revoked_by = Set(uow.actor().user_id());
    uow.update(token, am).await?;
    Ok(())
}

/// The credential for a presented secret: `None` when no token has it, or it expired, was
/// revoked, or its owner is deactivated. Records the last use at most once a minute per token
/// (a conditional update of that one column, like a session's last activity: bookkeeping, not
/// a change of the record, so it is not an audit entry).
pub async fn authenticate(
    services: &Services,
    secret: &str,
) -> Result<Option<ApiCredential>, AppError> {
    if !secret.starts_with(SECRET_START) {
        return Ok(None);
    }
    let now = services.clock.now();
    let Some(token) = api_token::Entity::find()
        .filter(api_token::Column::SecretHash.eq(hash_token(secret)))
        .one(&services.db)
        .await?
    else {
        return Ok(None);
    };
    if token.revoked_at.is_some() || token.expires_at <= now {
        return Ok(None);
    }
    let Some(actor) = crate::resolver::actor_of(services, token.user_id).await? else {
        return Ok(None);
    };
    let stale = now - Duration::seconds(LAST_USE_EVERY_SECONDS);
    if token.last_used_at.is_none_or(|at| at < stale) {
        api_token::Entity::update_many()
            .col_expr(api_token::Column::LastUsedAt, Expr::value(now))
            .filter(api_token::Column::Id.eq(token.id))
            .filter(
                Condition::any()
                    .add(api_token::Column::LastUsedAt.is_null())
                    .add(api_token::Column::LastUsedAt.lt(stale)),
            )
            .exec(&services.db)
            .await?;
    }
    Ok(Some(ApiCredential {
        actor,
        token_id: token.id,
        read_only: token.read_only,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn validity_is_after_today_and_within_a_year() {
        let today = day("2026-11-02");
        assert!(check("Auswertung", "2026-11-03", false, today).is_ok());
        assert!(check("Auswertung", "2027-11-02", true, today).is_ok());
        let far = check("Auswertung", "2027-11-03", false, today)
            .err()
            .unwrap_or_default();
        assert!(far.has("valid_until"));
        let past = check("Auswertung", "2026-11-02", false, today)
            .err()
            .unwrap_or_default();
        assert!(past.has("valid_until"));
        let bad = check(" ", "morgen", false, today).err().unwrap_or_default();
        assert!(bad.has("name") && bad.has("valid_until"));
    }

    #[test]
    fn a_token_ends_at_midnight_after_its_last_day() {
        let end = expiry_of(day("2026-12-31"));
        assert_eq!(end.to_rfc3339(), "2027-01-01T00:00:00+00:00");
        assert_eq!(last_day(end), day("2026-12-31"));
    }
}

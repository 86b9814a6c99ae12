//! In-app notifications (R-NOT-1), optionally with an e-mail (R-NOT-3).
//!
//! A feature decides *who* is told (the users feature resolves recipients by role and
//! institution, see `hih_users::recipients`) and calls [`notify`] inside its own unit of work:
//! the rows (and the mails through the outbox) exist exactly when the change that caused them
//! committed, and they are audited like every other write. The platform never looks at
//! feature tables: recipients arrive as [`Recipient`] values.
//!
//! The web platform shows the unread count in the header (the bell) and the list at
//! `/benachrichtigungen`; the daily [`PURGE_JOB`] enforces retention.

pub mod entity;
mod purge;
mod tiles;

use std::sync::Arc;

use hih_db::UnitOfWork;
use hih_i18n::{Catalog, Locale, TextArg};
use hih_kernel::{AppError, Registry};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, NotSet, PaginatorTrait,
    QueryFilter, QueryOrder, Select, Set,
};
use serde_json::{Map, Value};

pub use entity::Model as Notification;
pub use purge::{PURGE_JOB, Purge, UNREAD_MAX_DAYS};

/// Who receives a notice: the account id, and the address and language for an e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// User account id.
    pub user_id: i64,
    /// E-mail address (used only when the notice carries a mail).
    pub email: String,
    /// Language of the mail (German unless the account stores another).
    pub locale: Locale,
}

/// An e-mail that accompanies a notice: subject and body text keys, rendered with the
/// notice's arguments in each recipient's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailSpec {
    /// Text key of the subject.
    pub subject_key: String,
    /// Text key of the plain-text body.
    pub body_key: String,
}

/// What to tell: a kind, a text key with arguments, a target page and optionally a mail.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Stable kind (`security.lockout`), for filtering and statistics.
    pub kind: String,
    /// Text key of the message.
    pub text_key: String,
    /// Arguments of the message (and the mail); numbers are numeric placeables.
    pub args: Map<String, Value>,
    /// Local target page (`/benutzer/7`), if any.
    pub href: Option<String>,
    /// Also send an e-mail.
    pub mail: Option<MailSpec>,
}

impl Notice {
    /// A notice without arguments, target or mail.
    pub fn new(kind: &str, text_key: &str) -> Self {
        Notice {
            kind: kind.to_string(),
            text_key: text_key.to_string(),
            args: Map::new(),
            href: None,
            mail: None,
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.args.insert(name.to_string(), value.into());
        self
    }

    /// Sets the target page (a local path; anything else is refused by [`notify`]).
    pub fn href(mut self, href: &str) -> Self {
        self.href = Some(href.to_string());
        self
    }

    /// Also sends an e-mail with these subject and body keys.
    pub fn mail(mut self, subject_key: &str, body_key: &str) -> Self {
        self.mail = Some(MailSpec {
            subject_key: subject_key.to_string(),
            body_key: body_key.to_string(),
        });
        self
    }
}

/// Whether `href` is a plain local path (no scheme, no `//host`), the only kind of target a
/// notification may lead to: the kernel's one check.
pub use hih_kernel::is_local_path;

/// Turns stored JSON arguments into text arguments.
pub fn text_args(args: &Map<String, Value>) -> Vec<(String, TextArg)> {
    args.iter()
        .map(|(k, v)| {
            let arg = match v {
                Value::Number(n) => TextArg::Num(n.as_f64().unwrap_or_default()),
                Value::String(s) => TextArg::Str(s.clone()),
                other => TextArg::Str(other.to_string()),
            };
            (k.clone(), arg)
        })
        .collect()
}

/// Renders a text key with arguments in a language.
fn render_key(texts: &Catalog, locale: Locale, key: &str, args: &[(String, TextArg)]) -> String {
    let args: Vec<(&str, TextArg)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    texts.t(locale, key, &args)
}

/// The message of a stored notification in a language.
pub fn render(texts: &Catalog, locale: Locale, n: &Notification) -> String {
    let args = match serde_json::from_str::<Value>(&n.args) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    render_key(texts, locale, &n.text_key, &text_args(&args))
}

/// Writes the notice for every recipient (once per account) inside the caller's unit of
/// work, and queues the e-mails if the notice has one. Returns the number of notifications.
pub async fn notify(
    uow: &mut UnitOfWork,
    recipients: &[Recipient],
    notice: &Notice,
) -> Result<usize, AppError> {
    if let Some(href) = &notice.href
        && !is_local_path(href)
    {
        return Err(AppError::Internal(format!(
            "notification target is not a local path: {href}"
        )));
    }
    let args_json = Value::Object(notice.args.clone()).to_string();
    let args = text_args(&notice.args);
    let texts = uow.services().texts.clone();
    let mut seen = std::collections::BTreeSet::new();
    for r in recipients {
        if !seen.insert(r.user_id) {
            continue;
        }
        let now = uow.now();
        uow.insert(entity::ActiveModel {
            id: NotSet,
            user_id: Set(r.user_id),
            kind: Set(notice.kind.clone()),
            text_key: Set(notice.text_key.clone()),
            args: Set(args_json.clone()),
            href: Set(notice.href.clone()),
            created_at: Set(now),
            read_at: Set(None),
        })
        .await?;
        if let Some(mail) = &notice.mail {
            hih_mail::queue(
                uow,
                hih_mail::Mail {
                    to: r.email.clone(),
                    subject: render_key(&texts, r.locale, &mail.subject_key, &args),
                    body: render_key(&texts, r.locale, &mail.body_key, &args),
                },
            )
            .await?;
        }
    }
    Ok(seen.len())
}

/// The number of unread notifications of a user (one indexed `COUNT`, for the bell).
pub async fn unread_count<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<u64, AppError> {
    Ok(entity::Entity::find()
        .filter(entity::Column::UserId.eq(user_id))
        .filter(entity::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

/// A user's notifications, newest first; only the unread ones if `unread_only`.
pub fn list_of(user_id: i64, unread_only: bool) -> Select<entity::Entity> {
    let mut select = entity::Entity::find().filter(entity::Column::UserId.eq(user_id));
    if unread_only {
        select = select.filter(entity::Column::ReadAt.is_null());
    }
    select
        .order_by_desc(entity::Column::CreatedAt)
        .order_by_desc(entity::Column::Id)
}

/// One notification of this user; another user's id gives `None` (the caller answers 404).
pub async fn find_own<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    id: i64,
) -> Result<Option<Notification>, AppError> {
    Ok(entity::Entity::find_by_id(id)
        .filter(entity::Column::UserId.eq(user_id))
        .one(db)
        .await?)
}

/// Marks one of the acting user's notifications read (nothing changes if it already is).
/// Another user's id gives [`AppError::NotFound`].
pub async fn mark_read(
    uow: &mut UnitOfWork,
    user_id: i64,
    id: i64,
) -> Result<Notification, AppError> {
    let n = find_own(uow.txn(), user_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if n.read_at.is_some() {
        return Ok(n);
    }
    let mut am = n.clone().into_active_model();
    am.read_at = Set(Some(uow.now()));
    uow.update(&n, am).await
}

/// Marks all unread notifications of a user read in one statement, audited as one event with
/// the count. Returns the count.
pub async fn mark_all_read(uow: &mut UnitOfWork, user_id: i64) -> Result<u64, AppError> {
    let now = uow.now();
    let changed = entity::Entity::update_many()
        .col_expr(entity::Column::ReadAt, Expr::value(now))
        .filter(entity::Column::UserId.eq(user_id))
        .filter(entity::Column::ReadAt.is_null())
        .exec(uow.txn())
        .await?
        .rows_affected;
    if changed > 0 {
        uow.event(
            "notification",
            "*",
            "mark-all-read",
            serde_json::json!({ "user_id": user_id, "count": changed }),
        );
    }
    Ok(changed)
}

/// Registers the retention job (daily) and the start-page tile (called by the host before
/// the features, like the mail platform).
pub fn register(r: &mut Registry) {
    r.job(PURGE_JOB, "job-notify-purge", Arc::new(Purge));
    r.cron(PURGE_JOB, "0 40 2 * * *");
    r.tiles(Arc::new(tiles::UnreadTile));
    r.audit_entity("notification");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_targets() {
        assert!(is_local_path("/benutzer/7"));
        assert!(!is_local_path("//evil.example/x"));
        assert!(!is_local_path("https://evil.example/"));
        assert!(!is_local_path("/\\evil"));
    }

    #[test]
    fn numbers_become_numeric_arguments() {
        let n = Notice::new("k", "key").arg("count", 3).arg("name", "Anna");
        let args = text_args(&n.args);
        assert!(matches!(args[0], (ref k, TextArg::Num(x)) if k == "count" && x == 3.0));
        assert!(matches!(args[1], (ref k, TextArg::Str(ref s)) if k == "name" && s == "Anna"));
    }
}

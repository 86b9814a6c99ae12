//! Server-side sessions in the database (R-USR-6): the cookie carries a random token, the
//! table only its SHA-256, so a database dump does not yield usable cookies. Idle and absolute
//! timeouts, a new id at every privilege change, and a synchronizer CSRF token per session.

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Duration, Utc};
use hih_db::entities::session;
use hih_i18n::Locale;
use hih_kernel::{AppError, Settings};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
    sea_query::ExprTrait,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// How far a session has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionStage {
    /// No login (may still hold a CSRF token, language, wizard state).
    Anonymous,
    /// Password accepted, second factor pending.
    PasswordOk,
    /// Fully logged in.
    Authenticated,
    /// A feature-defined intermediate step (e.g. `password_change`, `totp_enrol`).
    Other(String),
}

impl SessionStage {
    fn code(&self) -> &str {
        match self {
            SessionStage::Anonymous => "anonymous",
            SessionStage::PasswordOk => "password_ok",
            SessionStage::Authenticated => "authenticated",
            SessionStage::Other(s) => s,
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "anonymous" => SessionStage::Anonymous,
            "password_ok" => SessionStage::PasswordOk,
            "authenticated" => SessionStage::Authenticated,
            other => SessionStage::Other(other.to_string()),
        }
    }
}

use hih_db::{hash_token as token_hash, new_token as random_token};

struct State {
    row: Option<session::Model>,
    /// A fresh cookie value to send (new or rotated session).
    new_token: Option<String>,
    /// Row to delete on persist (rotation, destroy).
    delete_hash: Option<String>,
    dirty: bool,
    cookie_cleared: bool,
    now: DateTime<Utc>,
    absolute: Duration,
    idle: Duration,
    /// Whether the cookie named a logged-in session that had expired (this request's new
    /// anonymous session carries its drafts until the same user logs in again).
    expired: bool,
}

/// How a one-time message looks (the KERN alert's tone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlashTone {
    /// The outcome of an action.
    Success,
    /// Something the user should know before going on.
    Warning,
}

/// A one-time message for the next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Flash {
    /// Its text key.
    pub key: String,
    /// Its tone.
    pub tone: FlashTone,
}

/// The session-data keys that survive an expired session: the form drafts and their pending
/// errors ([`crate::draft`]), and the language.
fn is_carried_over(key: &str) -> bool {
    key.starts_with("_draft:") || key.starts_with("_draft_errors:")
}

/// The session-data key naming the user whose expired session the drafts came from.
const EXPIRED_USER: &str = "_expired_user";

/// The text key of the notice on the login page after a session expired.
pub const EXPIRED_NOTICE: &str = "layout-session-expired";

/// The request's session handle (cheap clone; all clones share the state).
#[derive(Clone)]
pub struct Session(Arc<Mutex<State>>);

impl Session {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Loads the session for a cookie token; expired sessions are deleted and treated as absent.
    /// When the expired session was a user's, the new anonymous session says so on the next
    /// page (the login page) and keeps that session's form drafts and language for the same
    /// user's next login (WCAG 2.2.1: nothing typed and confirmed is lost to the timeout).
    pub async fn load<C: ConnectionTrait>(
        db: &C,
        token: Option<&str>,
        now: DateTime<Utc>,
        settings: &Settings,
    ) -> Result<Self, AppError> {
        let idle = Duration::minutes(settings.security.session_idle_minutes);
        let absolute = Duration::hours(settings.security.session_absolute_hours);
        let mut row = None;
        let mut delete_hash = None;
        let mut expired = None;
        if let Some(token) = token {
            let hash = token_hash(token);
            if let Some(r) = session::Entity::find_by_id(hash.clone()).one(db).await? {
                if r.expires_at <= now || r.last_seen_at + idle <= now {
                    delete_hash = Some(hash);
                    expired = r.user_id.is_some().then_some(r);
                } else {
                    row = Some(r);
                }
            }
        }
        let cookie_cleared = token.is_some() && row.is_none();
        let session = Session(Arc::new(Mutex::new(State {
            row,
            new_token: None,
            delete_hash,
            dirty: false,
            cookie_cleared,
            now,
            absolute,
            idle,
            expired: expired.is_some(),
        })));
        if let Some(old) = expired {
            session.carry_over(&old);
        }
        Ok(session)
    }

    /// Starts the anonymous session that follows an expired one of a user: its language, its
    /// drafts, whose they were, and the notice for the login page.
    fn carry_over(&self, old: &session::Model) {
        if let Some(locale) = Locale::parse(&old.lang) {
            self.set_locale(locale);
        }
        let data = serde_json::from_str::<Map<String, Value>>(&old.data).unwrap_or_default();
        for (key, value) in data.iter().filter(|(k, _)| is_carried_over(k)) {
            self.set(key, value);
        }
        self.set(EXPIRED_USER, &old.user_id);
        self.flash_warning(EXPIRED_NOTICE);
    }

    /// Whether this request's cookie named a user's session that had expired.
    pub fn expired(&self) -> bool {
        self.lock().expired
    }

    /// When the session ends if the user does nothing more: after the idle time from now, or
    /// at its absolute end if that comes first. `None` without a session.
    pub fn ends_at(&self) -> Option<DateTime<Utc>> {
        let s = self.lock();
        let idle_end = s.now + s.idle;
        s.row
            .as_ref()
            .map(|r| std::cmp::min(idle_end, r.expires_at))
    }

    /// A session without a cookie and without a database row, for answering when the
    /// database cannot be read (it is never persisted).
    pub fn detached(now: DateTime<Utc>, settings: &Settings) -> Self {
        Session(Arc::new(Mutex::new(State {
            row: None,
            new_token: None,
            delete_hash: None,
            dirty: false,
            cookie_cleared: false,
            now,
            absolute: Duration::hours(settings.security.session_absolute_hours),
            idle: Duration::minutes(settings.security.session_idle_minutes),
            expired: false,
        })))
    }

    fn ensure(state: &mut State) {
        if state.row.is_none() {
            let token = random_token();
            state.row = Some(session::Model {
                id_hash: token_hash(&token),
                user_id: None,
                stage: SessionStage::Anonymous.code().to_string(),
                csrf_token: random_token(),
                lang: Locale::De.code().to_string(),
                data: "{}".to_string(),
                created_at: state.now,
                last_seen_at: state.now,
                expires_at: state.now + state.absolute,
            });
            state.new_token = Some(token);
            state.dirty = true;
        }
    }

    /// Whether a session row exists (no row is created by asking).
    pub fn exists(&self) -> bool {
        self.lock().row.is_some()
    }

    /// The logged-in (or half logged-in) user.
    pub fn user_id(&self) -> Option<i64> {
        self.lock().row.as_ref().and_then(|r| r.user_id)
    }

    /// The stage.
    pub fn stage(&self) -> SessionStage {
        self.lock()
            .row
            .as_ref()
            .map(|r| SessionStage::parse(&r.stage))
            .unwrap_or(SessionStage::Anonymous)
    }

    /// The UI language.
    pub fn locale(&self) -> Locale {
        self.lock()
            .row
            .as_ref()
            .and_then(|r| Locale::parse(&r.lang))
            .unwrap_or_default()
    }

    /// Sets the UI language (creates a session if needed).
    pub fn set_locale(&self, locale: Locale) {
        let mut s = self.lock();
        Self::ensure(&mut s);
        if let Some(r) = s.row.as_mut() {
            r.lang = locale.code().to_string();
        }
        s.dirty = true;
    }

    /// The CSRF token for forms (creates an anonymous session if none exists yet).
    pub fn csrf_token(&self) -> String {
        let mut s = self.lock();
        Self::ensure(&mut s);
        s.row
            .as_ref()
            .map(|r| r.csrf_token.clone())
            .unwrap_or_default()
    }

    /// Compares a submitted token in constant time. No session → never valid.
    pub fn csrf_matches(&self, submitted: &str) -> bool {
        let s = self.lock();
        let Some(expected) = s.row.as_ref().map(|r| r.csrf_token.as_bytes().to_vec()) else {
            return false;
        };
        let given = submitted.as_bytes();
        if given.len() != expected.len() || expected.is_empty() {
            return false;
        }
        expected
            .iter()
            .zip(given)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }

    fn data(state: &State) -> Map<String, Value> {
        state
            .row
            .as_ref()
            .and_then(|r| serde_json::from_str::<Map<String, Value>>(&r.data).ok())
            .unwrap_or_default()
    }

    /// Reads a value stored by a feature (wizard step, pending action).
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        let s = self.lock();
        Self::data(&s)
            .get(key)
            .and_then(|v| serde_json::from_value(v.clone()).ok())
    }

    /// Stores a value (creates a session if needed).
    pub fn set<T: Serialize>(&self, key: &str, value: &T) {
        let mut s = self.lock();
        Self::ensure(&mut s);
        let mut data = Self::data(&s);
        if let Ok(v) = serde_json::to_value(value) {
            data.insert(key.to_string(), v);
        }
        if let Some(r) = s.row.as_mut() {
            r.data = Value::Object(data).to_string();
        }
        s.dirty = true;
    }

    /// Removes a stored value.
    pub fn remove(&self, key: &str) {
        let mut s = self.lock();
        if s.row.is_none() {
            return;
        }
        let mut data = Self::data(&s);
        if data.remove(key).is_some() {
            if let Some(r) = s.row.as_mut() {
                r.data = Value::Object(data).to_string();
            }
            s.dirty = true;
        }
    }

    /// Queues a one-time message (text key) for the next page: the outcome of an action.
    pub fn flash(&self, text_key: &str) {
        self.queue_flash(text_key, FlashTone::Success);
    }

    /// Queues a one-time warning (text key) for the next page (e.g. the session expired).
    pub fn flash_warning(&self, text_key: &str) {
        self.queue_flash(text_key, FlashTone::Warning);
    }

    fn queue_flash(&self, text_key: &str, tone: FlashTone) {
        let mut list: Vec<Flash> = self.get("_flash").unwrap_or_default();
        list.push(Flash {
            key: text_key.to_string(),
            tone,
        });
        self.set("_flash", &list);
    }

    /// Takes the queued messages.
    pub fn take_flash(&self) -> Vec<Flash> {
        let list: Vec<Flash> = self.get("_flash").unwrap_or_default();
        if !list.is_empty() {
            self.remove("_flash");
        }
        list
    }

    /// Moves the session to a new stage for `user_id` under a **new session id** and CSRF
    /// token (defeats session fixation). Wizard data and language survive.
    pub fn elevate(&self, user_id: Option<i64>, stage: SessionStage) {
        self.keep_drafts_only_for(user_id);
        let mut s = self.lock();
        Self::ensure(&mut s);
        let token = random_token();
        let now = s.now;
        let absolute = s.absolute;
        let old_is_persisted = s.new_token.is_none();
        if let Some(r) = s.row.as_mut() {
            let old = std::mem::replace(&mut r.id_hash, token_hash(&token));
            r.user_id = user_id;
            r.stage = stage.code().to_string();
            r.csrf_token = random_token();
            if stage == SessionStage::Authenticated {
                r.created_at = now;
                r.expires_at = now + absolute;
            }
            if old_is_persisted {
                s.delete_hash = Some(old);
            }
        }
        s.new_token = Some(token);
        s.dirty = true;
    }

    /// Drafts carried over from an expired session belong to its user only: anyone else
    /// logging in on the same browser starts without them.
    fn keep_drafts_only_for(&self, user_id: Option<i64>) {
        let Some(owner) = self.get::<i64>(EXPIRED_USER) else {
            return;
        };
        if user_id.is_some_and(|id| id != owner) {
            let data = {
                let s = self.lock();
                Self::data(&s)
            };
            for key in data.keys().filter(|k| is_carried_over(k)) {
                self.remove(key);
            }
            self.remove(EXPIRED_USER);
        } else if user_id == Some(owner) {
            self.remove(EXPIRED_USER);
        }
    }

    /// Ends the session (logout).
    pub fn destroy(&self) {
        let mut s = self.lock();
        if let Some(r) = s.row.take()
            && s.new_token.is_none()
        {
            s.delete_hash = Some(r.id_hash);
        }
        s.new_token = None;
        s.dirty = false;
        s.cookie_cleared = true;
    }

    /// Writes changes back. Returns the cookie action: `Some(Some(token))` to set,
    /// `Some(None)` to clear, `None` to leave the cookie alone.
    pub async fn persist<C: ConnectionTrait>(
        &self,
        db: &C,
    ) -> Result<Option<Option<String>>, AppError> {
        let (row, new_token, delete_hash, dirty, cleared, touch) = {
            let mut s = self.lock();
            let touch = s
                .row
                .as_ref()
                .is_some_and(|r| s.now - r.last_seen_at > Duration::seconds(60));
            let now = s.now;
            if let Some(r) = s.row.as_mut() {
                r.last_seen_at = now;
            }
            let out = (
                s.row.clone(),
                s.new_token.take(),
                s.delete_hash.take(),
                s.dirty,
                s.cookie_cleared,
                touch,
            );
            s.dirty = false;
            out
        };
        if let Some(hash) = delete_hash {
            session::Entity::delete_by_id(hash).exec(db).await?;
        }
        if let Some(row) = row {
            if new_token.is_some() {
                session::ActiveModel::from(row).insert(db).await?;
            } else if dirty || touch {
                let mut am = row.clone().into_active_model();
                am.user_id = Set(row.user_id);
                am.stage = Set(row.stage.clone());
                am.csrf_token = Set(row.csrf_token.clone());
                am.lang = Set(row.lang.clone());
                am.data = Set(row.data.clone());
                am.last_seen_at = Set(row.last_seen_at);
                am.expires_at = Set(row.expires_at);
                am.created_at = Set(row.created_at);
                am.update(db).await?;
            }
        }
        Ok(match new_token {
            Some(t) => Some(Some(t)),
            None if cleared => Some(None),
            None => None,
        })
    }

    /// Ends every session of a user (deactivation, password reset, role change).
    pub async fn end_all_for_user<C: ConnectionTrait>(
        db: &C,
        user_id: i64,
    ) -> Result<u64, AppError> {
        Ok(session::Entity::delete_many()
            .filter(session::Column::UserId.eq(user_id))
            .exec(db)
            .await?
            .rows_affected)
    }

    /// Deletes expired sessions (purge job). Returns how many.
    pub async fn purge_expired<C: ConnectionTrait>(
        db: &C,
        now: DateTime<Utc>,
        settings: &Settings,
    ) -> Result<u64, AppError> {
        let idle = Duration::minutes(settings.security.session_idle_minutes);
        Ok(session::Entity::delete_many()
            .filter(
                session::Column::ExpiresAt
                    .lte(now)
                    .or(session::Column::LastSeenAt.lte(now - idle)),
            )
            .exec(db)
            .await?
            .rows_affected)
    }
}

//! Server-side sessions (R-USR-6). The cookie holds a random token; the table only its hash.
use sea_orm::entity::prelude::*;

/// A session row.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session")]
pub struct Model {
    /// SHA-256 of the cookie token (hex).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id_hash: String,
    /// The account, once the password step succeeded.
    pub user_id: Option<i64>,
    /// `anonymous`, `password_ok`, `authenticated`, or a feature-specific step.
    pub stage: String,
    /// The synchronizer CSRF token of this session.
    pub csrf_token: String,
    /// UI language code.
    pub lang: String,
    /// Feature data (wizard steps, flash messages) as JSON.
    pub data: String,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Last request (idle timeout).
    pub last_seen_at: DateTimeUtc,
    /// Absolute expiry.
    pub expires_at: DateTimeUtc,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! Personal API tokens (R-API-1, migration `users_api_tokens`): the secret is shown once and
//! stored only as its SHA-256.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One token.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "api_token")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The owner: the token acts with exactly this account's role and scope.
    pub user_id: i64,
    /// The owner's name for it ("Auswertung Q3").
    pub name: String,
    /// The secret's first characters (`hih_AbCd1234`), not secret: how the owner recognises it.
    pub prefix: String,
    /// SHA-256 (hex) of the secret.
    pub secret_hash: String,
    /// Refused for unsafe methods (POST, PUT, PATCH, DELETE).
    pub read_only: bool,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Not accepted from this moment on.
    pub expires_at: DateTimeUtc,
    /// Last accepted use (recorded at most once a minute).
    pub last_used_at: Option<DateTimeUtc>,
    /// Revoked (then never accepted again).
    pub revoked_at: Option<DateTimeUtc>,
    /// Who revoked it (the owner or an administrator).
    pub revoked_by: Option<i64>,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl hih_db::Auditable for Model {
    const ENTITY: &'static str = "api_token";
    const REDACTED: &'static [&'static str] = &["secret_hash"];
    fn audit_id(&self) -> String {
        self.id.to_string()
    }
}

//! Admins' text overrides (R-TXT-1); they win over the `.ftl` defaults.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One override.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "text_override")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Locale code.
    pub locale: String,
    /// Message key.
    pub key: String,
    /// Fluent source of the value.
    pub value: String,
    /// Last change.
    pub updated_at: DateTimeUtc,
    /// Who changed it (`user:<id>`).
    pub updated_by: String,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl crate::Auditable for Model {
    const ENTITY: &'static str = "text";
    fn audit_id(&self) -> String {
        format!("{}:{}", self.locale, self.key)
    }
}

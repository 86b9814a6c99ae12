//! Random keys shared by all instances (e.g. for CSRF tokens).
use sea_orm::entity::prelude::*;

/// One named key (base64).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "app_secret")]
pub struct Model {
    /// Key name.
    #[sea_orm(primary_key, auto_increment = false)]
    pub name: String,
    /// Base64 value.
    pub value: String,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

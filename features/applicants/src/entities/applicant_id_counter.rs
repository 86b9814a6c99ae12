//! The per-country counter of the applicant ID (R-ID-1/2). Written only by [`crate::id`].
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// The last number handed out in a country.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "applicant_id_counter")]
pub struct Model {
    /// ISO country code.
    #[sea_orm(primary_key, auto_increment = false)]
    pub country: String,
    /// The last number handed out.
    pub last_number: i64,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

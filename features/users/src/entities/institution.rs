//! Institutions (R-ACT-1): IHKs (with a district), AHKs (with a country), the project team,
//! the operator. Reference data editable by admins.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One institution.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "institution")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Name ("IHK Erfurt").
    pub name: String,
    /// `ihk`, `ahk`, `team`, `operator`.
    pub kind: String,
    /// ISO country code for AHKs.
    pub country_code: Option<String>,
    /// Selectable for new accounts.
    pub active: bool,
    /// Folded name, the sort key (German order in SQL).
    pub sort_name: String,
}

/// No relations declared (accounts refer by id).
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("institution");

//! The date of each status change of a company (R-COM-1).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One change.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "company_status_change")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Company.
    pub company_id: i64,
    /// New status.
    pub status: String,
    /// Day of the change.
    pub changed_on: Date,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("company_status");

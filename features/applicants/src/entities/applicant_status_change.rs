//! The status history of an applicant (R-APP-1: the date of each change).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One status change.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "applicant_status_change")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The applicant (record id).
    pub applicant_id: i64,
    /// The new status.
    pub status: String,
    /// Dropout reason (status `abbrecher`).
    pub dropout_reason: String,
    /// Day of the change.
    pub changed_on: Date,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("applicant_status_change");

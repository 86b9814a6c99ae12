//! The figures of one outreach format within a month (R-COM-4).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One outreach format's figures.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "monthly_count_line")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The month.
    pub monthly_count_id: i64,
    /// Outreach format (reference list kind `outreach`, code).
    pub outreach: String,
    /// Companies addressed.
    pub addressed: i32,
    /// Of which with fewer than 250 employees (KMU).
    pub addressed_kmu: i32,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("monthly_count_line");

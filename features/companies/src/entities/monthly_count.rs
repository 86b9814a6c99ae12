//! Monthly counts, category 1A (R-COM-4): one row per IHK district and calendar month; the
//! figures per outreach format are in [`super::monthly_count_line`].
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One month of one IHK district.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "monthly_count")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The IHK (institution of kind `ihk`).
    pub district_id: i64,
    /// Calendar year.
    pub year: i32,
    /// Calendar month, 1–12.
    pub month: i32,
    /// When an admin closed the month (read-only for IHK staff from then on).
    pub closed_at: Option<DateTimeUtc>,
    /// The admin (user id) who closed it.
    pub closed_by: Option<i64>,
    /// First entered.
    pub created_at: DateTimeUtc,
    /// Last changed.
    pub updated_at: DateTimeUtc,
}

/// No relations declared (lines refer by id).
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("monthly_count");

//! IHK districts (R-REF-2): each row assigns one Landkreis or kreisfreie Stadt to one IHK.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One area of a district.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "district_area")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The IHK (institution).
    pub institution_id: i64,
    /// Landkreis or kreisfreie Stadt, as written in the postcode data.
    pub name: String,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("district_area");

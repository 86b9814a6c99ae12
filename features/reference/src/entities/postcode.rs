//! Postcodes with place, district and state (R-REF-1), imported from CSV.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One (PLZ, Ort) row.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "postcode")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Five digits, may start with 0.
    pub plz: String,
    /// Place.
    pub ort: String,
    /// Landkreis; empty for kreisfreie Städte (the Ort is the district then).
    pub landkreis: Option<String>,
    /// Bundesland.
    pub bundesland: String,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The district unit this row belongs to: its Landkreis, or the Ort of a kreisfreie Stadt.
    pub fn kreis(&self) -> &str {
        match self.landkreis.as_deref() {
            Some(l) if !l.is_empty() => l,
            _ => &self.ort,
        }
    }
}

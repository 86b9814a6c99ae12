//! Admin-editable reference lists (R-REF-3): industries (WZ 2008 sections), target occupations,
//! outreach formats, partner categories.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One list entry.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "reference_item")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `industry`, `occupation`, `outreach`, `partner`.
    pub kind: String,
    /// Stable code stored on records.
    pub code: String,
    /// German label.
    pub label_de: String,
    /// English label.
    pub label_en: String,
    /// Offered in forms.
    pub active: bool,
    /// Display order.
    pub sort: i32,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("reference_item");

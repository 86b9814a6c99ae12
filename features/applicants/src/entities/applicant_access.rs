//! Applicants opened to an IHK district. Extension point for the matching feature (R-MAT-3):
//! it inserts a row when a match with a company of the district exists, makes it dormant while
//! all those companies are deactivated and removes it when the last match ends;
//! [`crate::scope::visible_applicants`] reads the active rows for IHK staff.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One applicant visible to one IHK district.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "applicant_access")]
pub struct Model {
    /// The applicant (record id).
    #[sea_orm(primary_key, auto_increment = false)]
    pub applicant_id: i64,
    /// The IHK district (institution id).
    #[sea_orm(primary_key, auto_increment = false)]
    pub district_id: i64,
    /// Why (e.g. `match:<id>`).
    pub reason: String,
    /// Whether IHK staff read the applicant through this row. A dormant row (`false`) keeps
    /// the applicant counted for the district while the companies that carry it are
    /// deactivated (R-COM-3, R-RET-3).
    pub active: bool,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl hih_db::Auditable for Model {
    const ENTITY: &'static str = "applicant_access";
    fn audit_id(&self) -> String {
        format!("{}:{}", self.applicant_id, self.district_id)
    }
}

//! Anonymous counter of matches deleted with their company or applicant (R-RET-3).
use sea_orm::entity::prelude::*;

/// A count of deleted matches sharing these dimensions.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stat_placement_residue")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// IHK district of the company.
    pub district_id: Option<i64>,
    /// Country of the applicant.
    pub country: String,
    /// Target occupation of the applicant.
    pub occupation: String,
    /// Industry of the company.
    pub industry: String,
    /// Match status.
    pub status: String,
    /// Month of the match `YYYY-MM`.
    pub placed_month: String,
    /// How many matches.
    pub n: i64,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! Anonymous counter of deleted companies (R-RET-3): one row per dimension tuple.
use sea_orm::entity::prelude::*;

/// A count of deleted companies sharing these dimensions.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stat_company_residue")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// IHK district.
    pub district_id: Option<i64>,
    /// Landkreis or kreisfreie Stadt.
    pub kreis: Option<String>,
    /// Industry code.
    pub industry: String,
    /// Size class code ([`crate::statistics::dims::size_class`]).
    pub size_class: String,
    /// 1 if fewer than 250 employees (KMU), else 0.
    pub is_kmu: i32,
    /// Project status.
    pub status: String,
    /// Outreach format code.
    pub outreach_format: String,
    /// Entry month `YYYY-MM`.
    pub created_month: String,
    /// How many companies.
    pub n: i64,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

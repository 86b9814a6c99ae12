//! A match (Vermittlung) of an applicant with a company (R-MAT-1).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One applicant placed with one company; unique per pair.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "placement")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The company (record id).
    pub company_id: i64,
    /// The applicant (record id).
    pub applicant_id: i64,
    /// Date of the match.
    pub placed_on: Date,
    /// Position: code of the reference list `occupation`.
    pub position: String,
    /// `vermittelt`, `vertrag`, `arbeitsaufnahme`, `beendet`.
    pub status: String,
    /// Free-text remarks.
    pub remarks: String,
    /// The account that entered the match.
    pub created_by: Option<i64>,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Updated.
    pub updated_at: DateTimeUtc,
    /// Folded company name, Bewerberkennung, applicant name and remarks (list search).
    pub search_text: String,
}

/// The matched company and applicant (for the list's joins).
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The company.
    #[sea_orm(
        belongs_to = "hih_companies::entities::company::Entity",
        from = "Column::CompanyId",
        to = "hih_companies::entities::company::Column::Id"
    )]
    Company,
    /// The applicant.
    #[sea_orm(
        belongs_to = "hih_applicants::entities::applicant::Entity",
        from = "Column::ApplicantId",
        to = "hih_applicants::entities::applicant::Column::Id"
    )]
    Applicant,
}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("placement");

impl Related<hih_companies::entities::company::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Company.def()
    }
}

impl Related<hih_applicants::entities::applicant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Applicant.def()
    }
}

//! A partner export profile (R-EXP-3): what one partner category receives.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One profile.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "partner_profile")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Name shown in lists and file titles.
    pub name: String,
    /// Code of the reference list `partner` whose consent a record needs.
    pub partner_category: String,
    /// `applicant` or `company`.
    pub subject: String,
    /// Selected field codes of the subject's catalogue, comma-separated, in catalogue order.
    pub fields: String,
    /// Applicants: only this country of registration (empty: all).
    pub filter_country: String,
    /// Only this status (empty: all).
    pub filter_status: String,
    /// Companies: only this IHK district (none: all).
    pub filter_district_id: Option<i64>,
    /// Records without consent: `pseudonym` (ID only) or `omit`.
    pub without_consent: String,
    /// `xlsx` or `csv`.
    pub format: String,
    /// Generated on the 1st of each month.
    pub monthly: bool,
    /// Address the download link may be mailed to (empty: none).
    pub recipient_email: String,
    /// Deactivated profiles are kept (their files stay recorded) but not generated.
    pub active: bool,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Updated.
    pub updated_at: DateTimeUtc,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("partner_profile");

//! Companies (category 1B, R-COM-1).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One company.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "company")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Firmenname.
    pub name: String,
    /// Rechtsform.
    pub legal_form: String,
    /// Straße.
    pub street: String,
    /// Hausnummer.
    pub house_number: String,
    /// PLZ.
    pub plz: String,
    /// Ort.
    pub ort: String,
    /// Landkreis or kreisfreie Stadt (derived from the postcode data).
    pub kreis: Option<String>,
    /// IHK district (institution id, derived).
    pub district_id: Option<i64>,
    /// Industry code (WZ 2008 section).
    pub industry: String,
    /// Number of employees.
    pub employees: Option<i32>,
    /// Website.
    pub website: String,
    /// Telefon.
    pub phone: String,
    /// E-Mail.
    pub email: String,
    /// Contact person: Anrede.
    pub contact_salutation: String,
    /// Contact person: Vorname.
    pub contact_first_name: String,
    /// Contact person: Nachname.
    pub contact_last_name: String,
    /// Contact person: Funktion.
    pub contact_function: String,
    /// Contact person: Telefon.
    pub contact_phone: String,
    /// Contact person: E-Mail.
    pub contact_email: String,
    /// `interessiert`, `teilnehmend`, `abbrecher`.
    pub status: String,
    /// Date of the last status change.
    pub status_since: Date,
    /// Wanted target occupations (comma-separated codes).
    pub target_occupations: String,
    /// Open positions.
    pub open_positions: Option<i32>,
    /// Outreach format code.
    pub outreach_format: String,
    /// Consent to storage: date.
    pub consent_storage_date: Option<Date>,
    /// Consent to storage: text version.
    pub consent_storage_version: String,
    /// Consent to passing data on, per partner category (comma-separated codes).
    pub consent_partners: String,
    /// Free-text remarks.
    pub remarks: String,
    /// Deactivated records are seen by admins only, until the retention purge.
    pub active: bool,
    /// When deactivated.
    pub deactivated_at: Option<DateTimeUtc>,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Updated.
    pub updated_at: DateTimeUtc,
    /// Folded text of all text fields (free-text search).
    pub search_text: String,
    /// Folded name (German sort order).
    pub sort_name: String,
    /// Normalised PLZ, Ort, Straße, Hausnummer (duplicate check, unique).
    pub address_key: String,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("company");

//! Applicants (category 2, R-APP-1).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One applicant. Names are free Unicode text (Vietnamese, Portuguese, Devanagari, …).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "applicant")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Bewerberkennung `HIH-VN-0001` (R-ID); `None` only for records that have none yet
    /// (self-registrations before approval, a later slice).
    pub applicant_id: Option<String>,
    /// The running number of the ID within its country (sorting: 10000 after 9999).
    pub id_number: Option<i64>,
    /// `interessent`, `bewerber`, `zukuenftige_fachkraft`, `fachkraft`, `abbrecher`.
    pub status: String,
    /// Date of the last status change.
    pub status_since: Date,
    /// Dropout reason (status `abbrecher`).
    pub dropout_reason: String,
    /// Anrede.
    pub salutation: String,
    /// Vorname(n).
    pub first_names: String,
    /// Nachname.
    pub last_name: String,
    /// Geburtsdatum.
    pub birth_date: Date,
    /// Staatsangehörigkeit.
    pub nationality: String,
    /// Country of registration (ISO code from the reference list `country`).
    pub country: String,
    /// Wohnort.
    pub residence: String,
    /// E-Mail.
    pub email: String,
    /// Telefon.
    pub phone: String,
    /// Target occupation (code of the reference list `occupation`).
    pub target_occupation: String,
    /// Vocational qualification.
    pub qualification: String,
    /// Years of professional experience.
    pub experience_years: Option<i32>,
    /// German level A1–C2 (empty: unknown).
    pub german_level: String,
    /// Language course start.
    pub course_start: Option<Date>,
    /// Language course end.
    pub course_end: Option<Date>,
    /// Language course dropped out on.
    pub course_dropout: Option<Date>,
    /// Certificate level A1–C2.
    pub certificate_level: String,
    /// Certificate date.
    pub certificate_date: Option<Date>,
    /// Language course provider.
    pub course_provider: String,
    /// Recognition procedure applied for.
    pub recognition_applied: Option<Date>,
    /// Recognition decided.
    pub recognition_decided: Option<Date>,
    /// `voll`, `teilweise` (with adaptation qualification), `abgelehnt`, or empty.
    pub recognition_result: String,
    /// Adaptation qualification start.
    pub adaptation_start: Option<Date>,
    /// Adaptation qualification end.
    pub adaptation_end: Option<Date>,
    /// Visa applied for.
    pub visa_applied: Option<Date>,
    /// Visa granted (decision date).
    pub visa_granted: Option<Date>,
    /// `erteilt`, `abgelehnt`, or empty.
    pub visa_result: String,
    /// Entry to Germany.
    pub entry_date: Option<Date>,
    /// Work start.
    pub work_start: Option<Date>,
    /// Integration measures (free text).
    pub integration_measures: String,
    /// Employed after 6 months: `ja`, `nein`, or empty.
    pub employed_6m: String,
    /// Employed after 12 months: `ja`, `nein`, or empty.
    pub employed_12m: String,
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
    /// Folded "Nachname Vornamen" (sorting, duplicate check).
    pub sort_name: String,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("applicant");

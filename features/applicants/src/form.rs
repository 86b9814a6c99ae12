//! The applicant form as submitted (all text) and its conversion from a stored record.

use serde::{Deserialize, Serialize};

use crate::entities::applicant;

/// The multi-line fields of the applicant form (longer texts with line breaks allowed).
pub const MULTILINE_FIELDS: [&str; 4] = [
    "dropout_reason",
    "qualification",
    "integration_measures",
    "remarks",
];

/// The applicant form, grouped as the page groups it (R-APP-1). Every value is the raw text
/// the user typed, so a form with errors comes back exactly as entered.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ApplicantForm {
    /// Anrede.
    pub salutation: String,
    /// Vorname(n).
    pub first_names: String,
    /// Nachname.
    pub last_name: String,
    /// Geburtsdatum.
    pub birth_date: String,
    /// Staatsangehörigkeit.
    pub nationality: String,
    /// Country of registration (code).
    pub country: String,
    /// Wohnort.
    pub residence: String,
    /// E-Mail.
    pub email: String,
    /// Telefon.
    pub phone: String,
    /// Status.
    pub status: String,
    /// Dropout reason.
    pub dropout_reason: String,
    /// Target occupation (code).
    pub target_occupation: String,
    /// Vocational qualification.
    pub qualification: String,
    /// Years of experience.
    pub experience_years: String,
    /// German level.
    pub german_level: String,
    /// Language course start.
    pub course_start: String,
    /// Language course end.
    pub course_end: String,
    /// Language course dropout.
    pub course_dropout: String,
    /// Certificate level.
    pub certificate_level: String,
    /// Certificate date.
    pub certificate_date: String,
    /// Course provider.
    pub course_provider: String,
    /// Recognition applied.
    pub recognition_applied: String,
    /// Recognition decided.
    pub recognition_decided: String,
    /// Recognition result.
    pub recognition_result: String,
    /// Adaptation qualification start.
    pub adaptation_start: String,
    /// Adaptation qualification end.
    pub adaptation_end: String,
    /// Visa applied.
    pub visa_applied: String,
    /// Visa granted.
    pub visa_granted: String,
    /// Visa result.
    pub visa_result: String,
    /// Entry to Germany.
    pub entry_date: String,
    /// Work start.
    pub work_start: String,
    /// Integration measures.
    pub integration_measures: String,
    /// Employed after 6 months.
    pub employed_6m: String,
    /// Employed after 12 months.
    pub employed_12m: String,
    /// Consent to storage: date.
    pub consent_storage_date: String,
    /// Consent to storage: text version.
    pub consent_storage_version: String,
    /// Consent to passing data on: partner category codes.
    pub consent_partners: Vec<String>,
    /// Remarks.
    pub remarks: String,
    /// `on` when the user confirmed creating a possible duplicate (R-APP-4).
    pub confirm_duplicate: String,
}

/// Names of the single-valued fields, in form order (hidden fields of the review page).
pub const SCALAR_FIELDS: [&str; 38] = [
    "salutation",
    "first_names",
    "last_name",
    "birth_date",
    "nationality",
    "country",
    "residence",
    "email",
    "phone",
    "status",
    "dropout_reason",
    "target_occupation",
    "qualification",
    "experience_years",
    "german_level",
    "course_start",
    "course_end",
    "course_dropout",
    "certificate_level",
    "certificate_date",
    "course_provider",
    "recognition_applied",
    "recognition_decided",
    "recognition_result",
    "adaptation_start",
    "adaptation_end",
    "visa_applied",
    "visa_granted",
    "visa_result",
    "entry_date",
    "work_start",
    "integration_measures",
    "employed_6m",
    "employed_12m",
    "consent_storage_date",
    "consent_storage_version",
    "remarks",
    "confirm_duplicate",
];

impl ApplicantForm {
    /// Builds the form from submitted pairs (the partner checkboxes repeat their name;
    /// unknown names such as `action` and `csrf_token` are ignored).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut map = serde_json::Map::new();
        let mut partners = Vec::new();
        for (k, v) in pairs {
            if k == "consent_partners" {
                partners.push(serde_json::Value::from(v.clone()));
            } else if SCALAR_FIELDS.contains(&k.as_str()) {
                map.insert(k.clone(), serde_json::Value::from(v.clone()));
            }
        }
        map.insert(
            "consent_partners".into(),
            serde_json::Value::Array(partners),
        );
        serde_json::from_value(serde_json::Value::Object(map)).unwrap_or_default()
    }

    /// The form of an existing applicant.
    pub fn from_model(m: &applicant::Model) -> Self {
        let d = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        ApplicantForm {
            salutation: m.salutation.clone(),
            first_names: m.first_names.clone(),
            last_name: m.last_name.clone(),
            birth_date: m.birth_date.to_string(),
            nationality: m.nationality.clone(),
            country: m.country.clone(),
            residence: m.residence.clone(),
            email: m.email.clone(),
            phone: m.phone.clone(),
            status: m.status.clone(),
            dropout_reason: m.dropout_reason.clone(),
            target_occupation: m.target_occupation.clone(),
            qualification: m.qualification.clone(),
            experience_years: m
                .experience_years
                .map(|e| e.to_string())
                .unwrap_or_default(),
            german_level: m.german_level.clone(),
            course_start: d(m.course_start),
            course_end: d(m.course_end),
            course_dropout: d(m.course_dropout),
            certificate_level: m.certificate_level.clone(),
            certificate_date: d(m.certificate_date),
            course_provider: m.course_provider.clone(),
            recognition_applied: d(m.recognition_applied),
            recognition_decided: d(m.recognition_decided),
            recognition_result: m.recognition_result.clone(),
            adaptation_start: d(m.adaptation_start),
            adaptation_end: d(m.adaptation_end),
            visa_applied: d(m.visa_applied),
            visa_granted: d(m.visa_granted),
            visa_result: m.visa_result.clone(),
            entry_date: d(m.entry_date),
            work_start: d(m.work_start),
            integration_measures: m.integration_measures.clone(),
            employed_6m: m.employed_6m.clone(),
            employed_12m: m.employed_12m.clone(),
            consent_storage_date: d(m.consent_storage_date),
            consent_storage_version: m.consent_storage_version.clone(),
            consent_partners: m
                .consent_partners
                .split(',')
                .filter(|x| !x.is_empty())
                .map(str::to_string)
                .collect(),
            remarks: m.remarks.clone(),
            confirm_duplicate: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_fill_the_form_and_collect_partners() {
        let pairs: Vec<(String, String)> = [
            ("last_name", "Nguyễn"),
            ("consent_partners", "ba"),
            ("consent_partners", "sprachkurs"),
            ("action", "review"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let f = ApplicantForm::from_pairs(&pairs);
        assert_eq!(f.last_name, "Nguyễn");
        assert_eq!(f.consent_partners, vec!["ba", "sprachkurs"]);
    }
}

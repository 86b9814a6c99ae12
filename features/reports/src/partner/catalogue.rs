//! The fixed field catalogues of partner exports (R-EXP-3), one per subject. Each field says
//! whether it is personal: a record without the partner category's consent keeps only its ID
//! and the non-personal fields (pseudonym mode) — never a name, address or contact detail.

use std::collections::HashMap;

use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_web::export::Cell;

/// What a profile exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// Applicants (category 2); the pseudonym is the Bewerberkennung (R-ID-3).
    Applicant,
    /// Companies (category 1B); the pseudonym is the record number `U-<id>`.
    Company,
}

impl Subject {
    /// Both subjects.
    pub const ALL: [Subject; 2] = [Subject::Applicant, Subject::Company];

    /// The stored value.
    pub fn code(self) -> &'static str {
        match self {
            Self::Applicant => "applicant",
            Self::Company => "company",
        }
    }

    /// Parses a stored value.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == value)
    }

    /// Text key of its label.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Applicant => "reports-partner-subject-applicant",
            Self::Company => "reports-partner-subject-company",
        }
    }

    /// The field catalogue.
    pub fn fields(self) -> &'static [FieldDef] {
        match self {
            Self::Applicant => APPLICANT_FIELDS,
            Self::Company => COMPANY_FIELDS,
        }
    }

    /// Text key of the ID column (always the first column).
    pub fn id_label_key(self) -> &'static str {
        match self {
            Self::Applicant => "reports-partner-col-applicant-id",
            Self::Company => "reports-partner-col-company-id",
        }
    }
}

/// One exportable field.
#[derive(Debug, Clone, Copy)]
pub struct FieldDef {
    /// Stable code stored in the profile.
    pub code: &'static str,
    /// Text key of the column header and the checkbox label.
    pub label_key: &'static str,
    /// Personal data: left empty for records without consent.
    pub personal: bool,
}

const fn f(code: &'static str, label_key: &'static str, personal: bool) -> FieldDef {
    FieldDef {
        code,
        label_key,
        personal,
    }
}

/// Fields of applicant exports.
pub const APPLICANT_FIELDS: &[FieldDef] = &[
    f("salutation", "reports-partner-field-salutation", true),
    f("first_names", "reports-partner-field-first-names", true),
    f("last_name", "reports-partner-field-last-name", true),
    f("birth_date", "reports-partner-field-birth-date", true),
    f("nationality", "reports-partner-field-nationality", true),
    f("residence", "reports-partner-field-residence", true),
    f("email", "reports-partner-field-email", true),
    f("phone", "reports-partner-field-phone", true),
    f("country", "reports-partner-field-country", false),
    f("status", "reports-partner-field-status", false),
    f(
        "target_occupation",
        "reports-partner-field-target-occupation",
        false,
    ),
    f("german_level", "reports-partner-field-german-level", false),
    f("course_start", "reports-partner-field-course-start", false),
    f("course_end", "reports-partner-field-course-end", false),
    f(
        "certificate_level",
        "reports-partner-field-certificate-level",
        false,
    ),
    f(
        "recognition_applied",
        "reports-partner-field-recognition-applied",
        false,
    ),
    f(
        "recognition_result",
        "reports-partner-field-recognition-result",
        false,
    ),
    f("visa_result", "reports-partner-field-visa-result", false),
    f("entry_date", "reports-partner-field-entry-date", false),
    f("work_start", "reports-partner-field-work-start", false),
];

/// Fields of company exports.
pub const COMPANY_FIELDS: &[FieldDef] = &[
    f("name", "reports-partner-field-company-name", true),
    f("street", "reports-partner-field-street", true),
    f("house_number", "reports-partner-field-house-number", true),
    f("plz", "reports-partner-field-plz", true),
    f("ort", "reports-partner-field-ort", true),
    f("phone", "reports-partner-field-phone", true),
    f("email", "reports-partner-field-email", true),
    f("website", "reports-partner-field-website", true),
    f("contact_name", "reports-partner-field-contact-name", true),
    f("contact_email", "reports-partner-field-contact-email", true),
    f("contact_phone", "reports-partner-field-contact-phone", true),
    f("district", "reports-partner-field-district", false),
    f("industry", "reports-partner-field-industry", false),
    f("employees", "reports-partner-field-employees", false),
    f("status", "reports-partner-field-status", false),
    f(
        "open_positions",
        "reports-partner-field-open-positions",
        false,
    ),
];

/// Labels for coded values, loaded once per file (German: files go to German partners).
#[derive(Debug, Default)]
pub struct Labels {
    /// Reference-list code → label, per kind (`country`, `occupation`, `industry`).
    pub reference: HashMap<(&'static str, String), String>,
    /// Status value → label.
    pub statuses: HashMap<String, String>,
    /// IHK district id → name.
    pub districts: HashMap<i64, String>,
}

impl Labels {
    fn of(&self, kind: &'static str, code: &str) -> String {
        self.reference
            .get(&(kind, code.to_string()))
            .cloned()
            .unwrap_or_else(|| code.to_string())
    }

    fn status(&self, code: &str) -> String {
        self.statuses
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.to_string())
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn date(d: Option<chrono::NaiveDate>) -> Cell {
    d.map(Cell::Date).unwrap_or_else(|| text(""))
}

fn number(n: Option<i32>) -> Cell {
    n.map(|n| Cell::Number(f64::from(n)))
        .unwrap_or_else(|| text(""))
}

/// The pseudonym of a company towards partners: its record number.
pub fn company_pseudonym(id: i64) -> String {
    format!("U-{id:05}")
}

/// The cell of applicant field `code`.
pub fn applicant_cell(a: &applicant::Model, code: &str, labels: &Labels) -> Cell {
    match code {
        "salutation" => text(&a.salutation),
        "first_names" => text(&a.first_names),
        "last_name" => text(&a.last_name),
        "birth_date" => Cell::Date(a.birth_date),
        "nationality" => text(&a.nationality),
        "residence" => text(&a.residence),
        "email" => text(&a.email),
        "phone" => text(&a.phone),
        "country" => text(&labels.of("country", &a.country)),
        "status" => text(&labels.status(&a.status)),
        "target_occupation" => text(&labels.of("occupation", &a.target_occupation)),
        "german_level" => text(&a.german_level),
        "course_start" => date(a.course_start),
        "course_end" => date(a.course_end),
        "certificate_level" => text(&a.certificate_level),
        "recognition_applied" => date(a.recognition_applied),
        "recognition_result" => text(&a.recognition_result),
        "visa_result" => text(&a.visa_result),
        "entry_date" => date(a.entry_date),
        "work_start" => date(a.work_start),
        _ => text(""),
    }
}

/// The cell of company field `code`.
pub fn company_cell(c: &company::Model, code: &str, labels: &Labels) -> Cell {
    match code {
        "name" => text(&c.name),
        "street" => text(&c.street),
        "house_number" => text(&c.house_number),
        "plz" => text(&c.plz),
        "ort" => text(&c.ort),
        "phone" => text(&c.phone),
        "email" => text(&c.email),
        "website" => text(&c.website),
        "contact_name" => text(format!("{} {}", c.contact_first_name, c.contact_last_name).trim()),
        "contact_email" => text(&c.contact_email),
        "contact_phone" => text(&c.contact_phone),
        "district" => text(
            &c.district_id
                .and_then(|d| labels.districts.get(&d).cloned())
                .unwrap_or_default(),
        ),
        "industry" => text(&labels.of("industry", &c.industry)),
        "employees" => number(c.employees),
        "status" => text(&labels.status(&c.status)),
        "open_positions" => number(c.open_positions),
        _ => text(""),
    }
}

/// Whether a record's `consent_partners` (comma-separated codes) covers `category`.
pub fn consents(consent_partners: &str, category: &str) -> bool {
    !category.is_empty() && consent_partners.split(',').any(|c| c.trim() == category)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consent_needs_the_exact_category() {
        assert!(consents("ba,sprachkurs", "sprachkurs"));
        assert!(consents(" ba , sprachkurs ", "ba"));
        assert!(!consents("ba", "sprachkurs"));
        assert!(!consents("sprachkurs-plus", "sprachkurs"));
        assert!(!consents("", "ba"));
        assert!(!consents("ba", ""));
    }

    #[test]
    fn codes_are_unique_and_names_are_personal() {
        for s in Subject::ALL {
            let codes: std::collections::HashSet<_> = s.fields().iter().map(|f| f.code).collect();
            assert_eq!(codes.len(), s.fields().len());
            assert_eq!(Subject::parse(s.code()), Some(s));
        }
        for code in ["first_names", "last_name", "email", "phone", "birth_date"] {
            assert!(
                APPLICANT_FIELDS
                    .iter()
                    .any(|f| f.code == code && f.personal)
            );
        }
        for code in ["name", "contact_name", "email", "street"] {
            assert!(COMPANY_FIELDS.iter().any(|f| f.code == code && f.personal));
        }
        assert_eq!(company_pseudonym(42), "U-00042");
    }
}

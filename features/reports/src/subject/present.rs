//! The report as a person reads it (R-RET-2, GDPR Art. 12 "intelligible form"): every field
//! under its German label from the catalogue (`reports-subject-field-<column>`), values as
//! people read them — dates and times in German form (Europe/Berlin), yes/no, list labels
//! instead of codes (salutation, status, country, industry, occupation, level, results,
//! partner categories, contact type and topic), district names — and the JSON texts of log
//! entries, registration data and notifications spelled out as "Label: value" pairs.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate};
use chrono_tz::Europe::Berlin;
use hih_i18n::Locale;
use hih_kernel::{AppError, Services};
use hih_reference::lists as selection_lists;
use hih_users::entities::institution;
use sea_orm::EntityTrait;
use serde_json::{Map, Value};

/// Reference list kinds and the columns whose codes they name.
const LIST_COLUMNS: [(&str, &[&str]); 7] = [
    ("country", &["country", "nationality"]),
    ("industry", &["industry"]),
    (
        "occupation",
        &["target_occupation", "target_occupations", "position"],
    ),
    ("outreach", &["outreach_format"]),
    ("partner", &["consent_partners"]),
    ("contact_type", &["contact_type"]),
    ("contact_topic", &["topic"]),
];

/// Fixed code lists `(code, text key)` by column.
fn fixed(column: &str, section: &str) -> &'static [(&'static str, &'static str)] {
    match column {
        "salutation" | "contact_salutation" => &hih_companies::service::SALUTATIONS,
        "german_level" | "certificate_level" => &hih_applicants::service::LEVELS,
        "recognition_result" => &hih_applicants::service::RECOGNITION_RESULTS,
        "visa_result" => &hih_applicants::service::VISA_RESULTS,
        "employed_6m" | "employed_12m" => &hih_applicants::service::YES_NO,
        "status" => match section {
            "matches" => &hih_matching::service::STATUSES,
            "company" => &hih_companies::service::STATUSES,
            _ => &hih_applicants::service::STATUSES,
        },
        _ => &[],
    }
}

/// Columns that hold JSON text spelled out as "Label: value" pairs.
const JSON_TEXT: [&str; 4] = ["changes", "data", "args", "detail"];

/// Turns stored columns and values into labels and readable text in one language.
pub struct Presenter {
    services: Services,
    locale: Locale,
    lists: HashMap<&'static str, Vec<(String, String)>>,
    districts: HashMap<i64, String>,
    /// `company` or `applicant`: which status list the record section uses.
    record_kind: &'static str,
}

impl Presenter {
    /// Loads the lists and district names for a report about a `company` or `applicant`.
    pub async fn load(
        services: &Services,
        locale: Locale,
        record_kind: &'static str,
    ) -> Result<Self, AppError> {
        let mut lists = HashMap::new();
        for (kind, _) in LIST_COLUMNS {
            lists.insert(
                kind,
                selection_lists::options(services, kind, locale).await?,
            );
        }
        let districts = institution::Entity::find()
            .all(&services.db)
            .await?
            .into_iter()
            .map(|i| (i.id, i.name))
            .collect();
        Ok(Presenter {
            services: services.clone(),
            locale,
            lists,
            districts,
            record_kind,
        })
    }

    fn t(&self, key: &str) -> String {
        self.services.texts.t(self.locale, key, &[])
    }

    /// The text key of a column's label.
    pub fn label_key(column: &str) -> String {
        format!("reports-subject-field-{}", column.replace('_', "-"))
    }

    /// The label of a column in section `section` (the applicant's own `applicant_id` is the
    /// Bewerberkennung; elsewhere the column refers to the record number).
    pub fn label(&self, section: &str, column: &str) -> String {
        match (section, self.record_kind, column) {
            ("record", "applicant", "applicant_id") => self.t(&Self::label_key("applicant_code")),
            _ => self.t(&Self::label_key(column)),
        }
    }

    /// A code named by the catalogue key `prefix-<code>`, or the code itself when the
    /// catalogue has no such text (entities and actions of other features).
    fn named(&self, prefix: &str, code: &str) -> String {
        let key = format!("{prefix}-{}", code.replace(['_', '.'], "-"));
        if self.services.texts.has(self.locale, &key) {
            self.t(&key)
        } else {
            code.to_string()
        }
    }

    /// One value of `column` in section `section` as text.
    pub fn value(&self, section: &str, column: &str, v: &Value) -> String {
        let section = if matches!(section, "record" | "status_history") {
            self.record_kind
        } else {
            section
        };
        match v {
            Value::Null => String::new(),
            Value::Bool(b) => self.yes_no(*b),
            Value::Array(items) => items
                .iter()
                .map(|i| self.value(section, column, i))
                .collect::<Vec<_>>()
                .join(", "),
            Value::Object(o) => self.pairs(section, o),
            Value::Number(n) => match (column, n.as_i64()) {
                ("district_id", Some(id)) => self
                    .districts
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| id.to_string()),
                _ => n.to_string(),
            },
            Value::String(s) => self.text(section, column, s),
        }
    }

    fn yes_no(&self, b: bool) -> String {
        self.t(if b {
            "reports-subject-yes"
        } else {
            "reports-subject-no"
        })
    }

    fn text(&self, section: &str, column: &str, s: &str) -> String {
        if JSON_TEXT.contains(&column)
            && let Ok(parsed @ (Value::Object(_) | Value::Array(_))) =
                serde_json::from_str::<Value>(s)
        {
            return self.value(section, column, &parsed);
        }
        if let Some(key) = fixed(column, section)
            .iter()
            .find(|(code, _)| *code == s)
            .map(|(_, key)| *key)
        {
            return self.t(key);
        }
        if let Some((kind, _)) = LIST_COLUMNS.iter().find(|(_, cols)| cols.contains(&column)) {
            // Several codes may be stored comma-separated (target occupations).
            let labels: Vec<String> = s
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(|code| {
                    self.lists
                        .get(kind)
                        .and_then(|l| l.iter().find(|(c, _)| c == code))
                        .map_or_else(|| code.to_string(), |(_, label)| label.clone())
                })
                .collect();
            return labels.join(", ");
        }
        match column {
            "text_key" => return self.t(s),
            "entity" => return self.named("reports-subject-entity", s),
            "action" => return self.named("reports-subject-action", s),
            "locale" => return self.named("reports-subject-locale", s),
            _ => {}
        }
        if let Ok(at) = DateTime::parse_from_rfc3339(s) {
            return at
                .with_timezone(&Berlin)
                .format("%d.%m.%Y %H:%M")
                .to_string();
        }
        if let Ok(day) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return day.format("%d.%m.%Y").to_string();
        }
        s.to_string()
    }

    /// A JSON object as "Label: value" pairs; a `[old, new]` pair (audit changes) as
    /// "Label: old → new".
    fn pairs(&self, section: &str, o: &Map<String, Value>) -> String {
        o.iter()
            .filter(|(k, _)| !k.ends_with("_folded") && *k != "search_text" && *k != "sort_name")
            .map(|(k, v)| {
                let shown = match v.as_array() {
                    Some(pair) if pair.len() == 2 => format!(
                        "{} → {}",
                        self.value(section, k, &pair[0]),
                        self.value(section, k, &pair[1])
                    ),
                    _ => self.value(section, k, v),
                };
                format!("{}: {shown}", self.label(section, k))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The partner categories the person consented to hand data to (the recipients besides
    /// the programme itself), as labels.
    pub fn recipients(&self, record: &Map<String, Value>) -> Vec<String> {
        match record.get("consent_partners") {
            Some(v @ (Value::String(_) | Value::Array(_))) => {
                let text = self.value("record", "consent_partners", v);
                text.split(", ")
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            }
            _ => Vec::new(),
        }
    }
}

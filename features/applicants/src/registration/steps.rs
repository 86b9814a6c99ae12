//! The steps of the self-registration form and the fields each one asks for (the subset of
//! R-APP-1 a person can give about themselves).

use hih_kernel::FieldErrors;

use crate::form::ApplicantForm;

/// One step: URL slug, title key, fields.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    /// Path segment under `/registrierung/<token>/`.
    pub slug: &'static str,
    /// Text key of the step's heading.
    pub title_key: &'static str,
    /// Form fields of the step.
    pub fields: &'static [&'static str],
}

/// The steps in order.
pub const STEPS: [Step; 3] = [
    Step {
        slug: "person",
        title_key: "applicants-reg-step-person",
        fields: &[
            "salutation",
            "first_names",
            "last_name",
            "birth_date",
            "nationality",
            "residence",
            "email",
            "phone",
        ],
    },
    Step {
        slug: "qualifikation",
        title_key: "applicants-reg-step-qualification",
        fields: &["target_occupation", "qualification", "experience_years"],
    },
    Step {
        slug: "sprachen",
        title_key: "applicants-reg-step-languages",
        fields: &["german_level", "certificate_level", "certificate_date"],
    },
];

/// The step with this slug and its index.
pub fn find(slug: &str) -> Option<(usize, Step)> {
    STEPS
        .iter()
        .copied()
        .enumerate()
        .find(|(_, s)| s.slug == slug)
}

/// All fields the guest fills in.
pub fn all_fields() -> impl Iterator<Item = &'static str> {
    STEPS.iter().flat_map(|s| s.fields.iter().copied())
}

/// Copies the submitted values of `fields` into `form` (other fields stay as stored).
pub fn merge(form: &ApplicantForm, pairs: &[(String, String)], fields: &[&str]) -> ApplicantForm {
    let mut map = match serde_json::to_value(form) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    for field in fields {
        let value = pairs
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        map.insert((*field).to_string(), serde_json::Value::from(value));
    }
    serde_json::from_value(serde_json::Value::Object(map)).unwrap_or_else(|_| form.clone())
}

/// Only the errors of `fields`.
pub fn errors_of(errors: &FieldErrors, fields: &[&str]) -> FieldErrors {
    let mut out = FieldErrors::new();
    for e in &errors.0 {
        if fields.contains(&e.field.as_str()) {
            out.0.push(e.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_a_step_keeps_the_other_fields() {
        let f = ApplicantForm {
            last_name: "Nguyễn".into(),
            qualification: "Köchin".into(),
            ..Default::default()
        };
        let pairs = vec![
            ("last_name".to_string(), "Trần".to_string()),
            ("qualification".to_string(), "ignored".to_string()),
        ];
        let m = merge(&f, &pairs, STEPS[0].fields);
        assert_eq!(m.last_name, "Trần");
        assert_eq!(m.qualification, "Köchin");
        assert!(find("sprachen").is_some_and(|(i, _)| i == 2));
        assert!(find("unbekannt").is_none());
        assert_eq!(all_fields().count(), 14);
    }
}

//! Limits for every free-text field of a form (R-NFR-6): a sensible maximum length and no
//! control characters (newline and tab only in multi-line fields). Every form's validation
//! calls [`FieldErrors::check_texts`] once with its submitted form, so the message sits next
//! to the field like every other validation message; nothing too long or with hidden
//! characters reaches the database (PostgreSQL refuses NUL in text and would answer 500).

use serde::Serialize;
use serde_json::Value;

use crate::FieldErrors;

/// Most characters of a single-line field (names, addresses, e-mail, codes).
pub const LINE_MAX: usize = 300;
/// Most characters of a multi-line field (remarks, reasons, text catalogue values).
pub const TEXT_MAX: usize = 10_000;

/// What is wrong with a text value, if anything: the text key and the limit.
pub fn text_problem(value: &str, multiline: bool) -> Option<(&'static str, usize)> {
    let max = if multiline { TEXT_MAX } else { LINE_MAX };
    let allowed = |c: char| !c.is_control() || (multiline && matches!(c, '\n' | '\r' | '\t'));
    if !value.chars().all(allowed) {
        return Some(("form-error-control", max));
    }
    if value.chars().count() > max {
        return Some(("form-error-too-long", max));
    }
    None
}

impl FieldErrors {
    /// Checks every text field of `form` (its serialised string fields, and strings in lists):
    /// at most [`LINE_MAX`] characters, or [`TEXT_MAX`] for the fields named in `multiline`;
    /// no control characters but newline and tab in multi-line fields. Adds one message per
    /// field that has none yet.
    pub fn check_texts<T: Serialize>(&mut self, form: &T, multiline: &[&str]) {
        let Ok(Value::Object(fields)) = serde_json::to_value(form) else {
            return;
        };
        for (name, value) in &fields {
            let texts: Vec<&str> = match value {
                Value::String(s) => vec![s.as_str()],
                Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
                _ => continue,
            };
            let is_multiline = multiline.contains(&name.as_str());
            if let Some((key, max)) = texts
                .into_iter()
                .find_map(|t| text_problem(t, is_multiline))
                && !self.has(name)
            {
                self.add_with(name, key, &[("max", max.to_string())]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Form {
        name: String,
        remarks: String,
        tags: Vec<String>,
        count: i64,
    }

    #[test]
    fn limits_and_control_characters() {
        let ok = Form {
            name: "Müller GmbH".into(),
            remarks: "Zeile 1\nZeile 2\twith tab".into(),
            tags: vec!["a".into()],
            count: 3,
        };
        let mut e = FieldErrors::new();
        e.check_texts(&ok, &["remarks"]);
        assert!(e.is_empty());

        let bad = Form {
            name: "x\u{0}y".into(),
            remarks: "r".repeat(TEXT_MAX + 1),
            tags: vec!["ok".into(), "a\nb".into()],
            count: 3,
        };
        let mut e = FieldErrors::new();
        e.check_texts(&bad, &["remarks"]);
        assert!(e.has("name") && e.has("remarks") && e.has("tags"));
        let keys: Vec<&str> = e.0.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "form-error-control",
                "form-error-too-long",
                "form-error-control"
            ]
        );

        let mut e = FieldErrors::new();
        e.check_texts(
            &Form {
                name: "n".repeat(LINE_MAX + 1),
                remarks: String::new(),
                tags: vec![],
                count: 0,
            },
            &[],
        );
        assert_eq!(e.0[0].args, vec![("max".to_string(), LINE_MAX.to_string())]);
        assert!(text_problem(&"n".repeat(LINE_MAX), false).is_none());
    }
}

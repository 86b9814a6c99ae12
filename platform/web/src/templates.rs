//! minijinja environment with the text function `t(key, **args)`, German date filters and
//! `asset(name)`. Templates come from the registry (built into the binary).

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Berlin;
use hih_i18n::{Catalog, Locale, TextArg};
use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, Error, ErrorKind, State};

/// The compiled templates (cheap to clone).
#[derive(Clone)]
pub struct Templates {
    env: Arc<Environment<'static>>,
}

fn locale_of(state: &State) -> Locale {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Locale::parse))
        .unwrap_or_default()
}

/// Formats a UTC instant (RFC 3339 text) as `HH:MM` in Europe/Berlin.
fn time_de(value: Value) -> String {
    value
        .as_str()
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|dt| dt.with_timezone(&Berlin).format("%H:%M").to_string())
        .unwrap_or_default()
}

/// Formats a UTC instant (RFC 3339 text or chrono value) as `TT.MM.JJJJ` in Europe/Berlin.
fn date_de(value: Value) -> String {
    let Some(s) = value.as_str() else {
        return String::new();
    };
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return dt.with_timezone(&Berlin).format("%d.%m.%Y").to_string();
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return d.format("%d.%m.%Y").to_string();
    }
    s.to_string()
}

/// Formats a UTC instant as `TT.MM.JJJJ HH:MM` in Europe/Berlin (R-GEN-4).
fn datetime_de(value: Value) -> String {
    let Some(s) = value.as_str() else {
        return String::new();
    };
    match DateTime::parse_from_rfc3339(s) {
        Ok(dt) => dt
            .with_timezone(&Berlin)
            .format("%d.%m.%Y %H:%M")
            .to_string(),
        Err(_) => s.to_string(),
    }
}

/// Formats a chrono UTC instant for templates (RFC 3339), to be used with `date_de`.
pub fn iso(dt: DateTime<Utc>) -> String {
    dt.to_rfc3339()
}

impl Templates {
    /// Compiles `(name, source)` templates; a syntax error is a build defect and fails start.
    pub fn new(
        sources: &[(String, &'static str)],
        texts: Arc<Catalog>,
    ) -> Result<Self, minijinja::Error> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        for (name, source) in sources {
            env.add_template_owned(name.clone(), *source)?;
        }
        let catalog = texts.clone();
        env.add_function(
            "t",
            move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, Error> {
                let mut args = Vec::new();
                for name in kwargs.args() {
                    let v: Value = kwargs.get(name)?;
                    let arg = if let Some(n) = v.as_i64() {
                        TextArg::Num(n as f64)
                    } else {
                        TextArg::Str(v.to_string())
                    };
                    args.push((name, arg));
                }
                let args_ref: Vec<(&str, TextArg)> =
                    args.iter().map(|(k, v)| (*k, v.clone())).collect();
                Ok(catalog.t(locale_of(state), key, &args_ref))
            },
        );
        let catalog = texts.clone();
        // Whether the catalogue has a text (optional parts such as a hint's details).
        env.add_function("has_text", move |state: &State, key: &str| {
            catalog.has(locale_of(state), key)
        });
        let catalog = texts;
        env.add_function(
            "t_args",
            move |state: &State, key: &str, pairs: Value| -> Result<String, Error> {
                let mut args: Vec<(String, TextArg)> = Vec::new();
                let iter = pairs
                    .try_iter()
                    .map_err(|_| Error::new(ErrorKind::InvalidOperation, "pairs expected"))?;
                for pair in iter {
                    let k = pair.get_item(&Value::from(0))?;
                    let v = pair.get_item(&Value::from(1))?;
                    args.push((k.to_string(), TextArg::Str(v.to_string())));
                }
                let args_ref: Vec<(&str, TextArg)> =
                    args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                Ok(catalog.t(locale_of(state), key, &args_ref))
            },
        );
        env.add_function("asset", |name: &str| crate::asset_url(name));
        env.add_filter("date_de", date_de);
        env.add_filter("datetime_de", datetime_de);
        env.add_filter("time_de", time_de);
        Ok(Templates { env: Arc::new(env) })
    }

    /// Renders a template with a context.
    pub fn render(&self, name: &str, ctx: Value) -> Result<String, minijinja::Error> {
        self.env.get_template(name)?.render(ctx)
    }

    /// The templates that show the text `key` (`t("key"…)`, or the key quoted as a macro
    /// argument), sorted by name: the text editor's "where used". Texts that only code shows
    /// (messages, mails, file headers) are in no template.
    pub fn usages(&self, key: &str) -> Vec<String> {
        let quoted = [format!("\"{key}\""), format!("'{key}'")];
        let mut out: Vec<String> = self
            .env
            .templates()
            .filter(|(_, t)| quoted.iter().any(|q| t.source().contains(q.as_str())))
            .map(|(n, _)| n.to_string())
            .collect();
        out.sort();
        out
    }

    /// Names and sources of all templates (for the literal-text test).
    pub fn names(&self) -> Vec<String> {
        self.env.templates().map(|(n, _)| n.to_string()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_dates_in_berlin_time() {
        assert_eq!(date_de(Value::from("2026-06-30T22:30:00Z")), "01.07.2026");
        assert_eq!(
            datetime_de(Value::from("2026-01-15T08:05:00Z")),
            "15.01.2026 09:05"
        );
        assert_eq!(date_de(Value::from("2026-02-03")), "03.02.2026");
        assert_eq!(time_de(Value::from("2026-07-15T08:05:00+00:00")), "10:05");
    }

    /// Renders one field of the platform's form macros with a hint and two errors.
    fn field_with_errors(macro_call: &str) -> String {
        let catalog = Catalog::new(
            crate::app::platform_texts()
                .into_iter()
                .map(|(feature, locale, text)| (feature, locale, text.to_string())),
        )
        .expect("platform texts parse");
        let page =
            format!("{{% import \"platform/forms.html\" as forms %}}{{{{ forms.{macro_call} }}}}");
        let page: &'static str = Box::leak(page.into_boxed_str());
        let templates = Templates::new(
            &[
                (
                    "platform/forms.html".to_string(),
                    include_str!("../templates/forms.html"),
                ),
                ("page.html".to_string(), page),
            ],
            Arc::new(catalog),
        )
        .expect("templates compile");
        let errors = minijinja::context! {
            by_field => minijinja::context! { phone => vec!["a", "b"] },
            summary => Vec::<String>::new(),
            any => true,
        };
        templates
            .render("page.html", minijinja::context! { errors => errors })
            .expect("renders")
    }

    #[test]
    fn errors_are_linked_to_their_field() {
        for call in [
            "input(\"phone\", \"form-any\", hint_key=\"form-any\", errors=errors)",
            "textarea(\"phone\", \"form-any\", hint_key=\"form-any\", errors=errors)",
            "select(\"phone\", \"form-any\", [], hint_key=\"form-any\", errors=errors)",
        ] {
            let html = field_with_errors(call);
            assert!(
                html.contains(r#"aria-describedby="phone-hint phone-error-1 phone-error-2""#),
                "{call}: {html}"
            );
            assert!(html.contains(r#"id="phone-error-2""#), "{call}: {html}");
        }
        let html = field_with_errors("input(\"phone\", \"form-any\", errors=errors)");
        assert!(
            html.contains(r#"aria-describedby="phone-error-1 phone-error-2""#),
            "{html}"
        );
    }
}

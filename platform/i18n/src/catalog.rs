use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Mutex, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::Locale;

/// An argument for a text: `name` and a string or number value.
#[derive(Debug, Clone)]
pub enum TextArg {
    /// A string placeable.
    Str(String),
    /// A numeric placeable (plural rules apply).
    Num(f64),
}

/// One message of the catalogue as shown in the text editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEntry {
    /// The message id, e.g. `users-login-title`.
    pub key: String,
    /// The feature whose `.ftl` file defines it.
    pub feature: String,
    /// The locale.
    pub locale: Locale,
    /// The default text from the file (Fluent source of the value).
    pub default: String,
    /// The admin's override, if any.
    pub current_override: Option<String>,
}

/// Why a catalogue or an override was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CatalogError {
    /// A bundled `.ftl` file has a syntax error (a build defect).
    #[error("syntax error in {feature}/{locale}.ftl: {detail}")]
    Syntax {
        /// Feature name.
        feature: String,
        /// Locale code.
        locale: String,
        /// Parser message.
        detail: String,
    },
    /// The same key is defined by two features.
    #[error("text key {0} is defined twice")]
    Duplicate(String),
    /// An override is not valid Fluent.
    #[error("invalid text override for {0}")]
    InvalidOverride(String),
    /// The key is not in the default catalogue.
    #[error("unknown text key {0}")]
    UnknownKey(String),
}

/// One language's compiled texts.
type Bundle = FluentBundle<FluentResource>;

/// The variable names a Fluent text uses (`$name`), each once, in order of appearance.
fn variables(value: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = value;
    while let Some(at) = rest.find('$') {
        let name: String = rest[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        rest = &rest[at + 1 + name.len()..];
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

struct Source {
    feature: String,
    locale: Locale,
    text: String,
}

struct Built {
    bundles: HashMap<Locale, Bundle>,
}

/// The merged text catalogue of all features, with overrides.
pub struct Catalog {
    sources: Vec<Source>,
    /// (locale, key) → (feature, default source text of the value)
    defaults: BTreeMap<(Locale, String), (String, String)>,
    overrides: RwLock<HashMap<(Locale, String), String>>,
    built: RwLock<Built>,
    /// Keys a guest language was asked for and showed from its fallback (see
    /// [`Catalog::untranslated`]).
    untranslated: Mutex<BTreeSet<(Locale, String)>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("keys", &self.defaults.len())
            .finish()
    }
}

/// Turns a multi-line value into valid Fluent source for `key = value`.
fn message_source(key: &str, value: &str) -> String {
    let body = value.trim_end().replace('\n', "\n    ");
    format!("{key} = {body}\n")
}

fn parse(feature: &str, locale: Locale, text: &str) -> Result<FluentResource, CatalogError> {
    FluentResource::try_new(text.to_string()).map_err(|(_, errors)| CatalogError::Syntax {
        feature: feature.to_string(),
        locale: locale.code().to_string(),
        detail: format!("{errors:?}"),
    })
}

/// Extracts (key, value source) of each message of a resource.
fn messages(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in text.lines() {
        let starts_message =
            line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && line.contains('=');
        if starts_message {
            if let Some((k, v)) = current.take() {
                out.push((k, v.join("\n")));
            }
            if let Some((k, v)) = line.split_once('=') {
                current = Some((k.trim().to_string(), vec![v.trim().to_string()]));
            }
        } else if line.starts_with(' ') && !line.trim().is_empty() {
            if let Some((_, v)) = current.as_mut() {
                v.push(line.trim().to_string());
            }
        } else if let Some((k, v)) = current.take() {
            out.push((k, v.join("\n")));
        }
    }
    if let Some((k, v)) = current.take() {
        out.push((k, v.join("\n")));
    }
    out.into_iter()
        .map(|(k, v)| (k, v.trim().to_string()))
        .collect()
}

impl Catalog {
    /// Builds a catalogue from `(feature, locale, ftl source)` triples.
    pub fn new(
        sources: impl IntoIterator<Item = (String, Locale, String)>,
    ) -> Result<Self, CatalogError> {
        let mut list = Vec::new();
        let mut defaults = BTreeMap::new();
        for (feature, locale, text) in sources {
            parse(&feature, locale, &text)?;
            for (key, value) in messages(&text) {
                if defaults
                    .insert((locale, key.clone()), (feature.clone(), value))
                    .is_some()
                {
                    return Err(CatalogError::Duplicate(key));
                }
            }
            list.push(Source {
                feature,
                locale,
                text,
            });
        }
        let built = Self::build(&list, &HashMap::new())?;
        Ok(Catalog {
            sources: list,
            defaults,
            overrides: RwLock::new(HashMap::new()),
            built: RwLock::new(built),
            untranslated: Mutex::new(BTreeSet::new()),
        })
    }

    fn build(
        sources: &[Source],
        overrides: &HashMap<(Locale, String), String>,
    ) -> Result<Built, CatalogError> {
        let mut bundles = HashMap::new();
        for locale in Locale::ALL {
            bundles.insert(locale, Self::bundle(sources, overrides, locale)?);
        }
        Ok(Built { bundles })
    }

    /// The bundle of one language: the fallback language's texts first, then the language's
    /// own (a guest language shows English where it has no text of its own), each layer with
    /// its overrides.
    fn bundle(
        sources: &[Source],
        overrides: &HashMap<(Locale, String), String>,
        locale: Locale,
    ) -> Result<Bundle, CatalogError> {
        let lang = locale
            .code()
            .parse()
            .map_err(|_| CatalogError::UnknownKey(locale.code().to_string()))?;
        let mut bundle = FluentBundle::new_concurrent(vec![lang]);
        bundle.set_use_isolating(false);
        for layer in locale.fallback().into_iter().chain([locale]) {
            for source in sources.iter().filter(|s| s.locale == layer) {
                let res = parse(&source.feature, layer, &source.text)?;
                bundle.add_resource_overriding(res);
            }
            for ((l, key), value) in overrides {
                if *l == layer {
                    let res = parse("override", layer, &message_source(key, value))?;
                    bundle.add_resource_overriding(res);
                }
            }
        }
        Ok(bundle)
    }

    /// How `value` reads as the text `key` once saved, as users will see it: formatted with
    /// the other texts it refers to, each variable shown as its name in angle quotes
    /// (`{ $count }` → `‹count›`). Refused like [`Catalog::validate_override`].
    pub fn preview(&self, locale: Locale, key: &str, value: &str) -> Result<String, CatalogError> {
        self.validate_override(locale, key, value)?;
        let mut overrides = self.overrides.read().map(|o| o.clone()).unwrap_or_default();
        overrides.insert((locale, key.to_string()), value.to_string());
        let bundle = Self::bundle(&self.sources, &overrides, locale)?;
        let pattern = bundle
            .get_message(key)
            .and_then(|m| m.value())
            .ok_or_else(|| CatalogError::InvalidOverride(key.to_string()))?;
        let mut args = FluentArgs::new();
        for name in variables(value) {
            args.set(name.clone(), FluentValue::from(format!("‹{name}›")));
        }
        let mut errors = Vec::new();
        Ok(bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned())
    }

    /// Checks that `value` is a valid Fluent text for `key` (used before saving an override).
    pub fn validate_override(
        &self,
        locale: Locale,
        key: &str,
        value: &str,
    ) -> Result<(), CatalogError> {
        if !self.defaults.contains_key(&(locale, key.to_string())) {
            return Err(CatalogError::UnknownKey(key.to_string()));
        }
        if value.trim().is_empty() {
            return Err(CatalogError::InvalidOverride(key.to_string()));
        }
        let res = FluentResource::try_new(message_source(key, value))
            .map_err(|_| CatalogError::InvalidOverride(key.to_string()))?;
        let ok = res.entries().count() == 1
            && res.entries().all(|e| {
                matches!(e, fluent_syntax::ast::Entry::Message(m) if m.id.name == key && m.value.is_some())
            });
        if ok {
            Ok(())
        } else {
            Err(CatalogError::InvalidOverride(key.to_string()))
        }
    }

    /// Replaces all overrides (as loaded from the database) and rebuilds the bundles.
    /// Invalid overrides are skipped with a warning, so a bad row never breaks the UI.
    pub fn set_overrides(&self, rows: impl IntoIterator<Item = (Locale, String, String)>) {
        let mut map = HashMap::new();
        for (locale, key, value) in rows {
            if self.validate_override(locale, &key, &value).is_ok() {
                map.insert((locale, key), value);
            } else {
                tracing::warn!(%key, %locale, "ignoring invalid text override");
            }
        }
        match Self::build(&self.sources, &map) {
            Ok(built) => {
                if let Ok(mut b) = self.built.write() {
                    *b = built;
                }
                if let Ok(mut o) = self.overrides.write() {
                    *o = map;
                }
            }
            Err(error) => tracing::error!(%error, "could not rebuild text catalogue"),
        }
    }

    /// Formats the message `key` in `locale`. A missing key yields the key itself (and a
    /// warning); tests make sure that never happens for keys the code uses.
    pub fn t(&self, locale: Locale, key: &str, args: &[(&str, TextArg)]) -> String {
        let Ok(built) = self.built.read() else {
            return key.to_string();
        };
        let Some(bundle) = built.bundles.get(&locale) else {
            return key.to_string();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(%key, %locale, "missing text key");
            return key.to_string();
        };
        if locale.fallback().is_some()
            && !self.has(locale, key)
            && let Ok(mut missing) = self.untranslated.lock()
        {
            missing.insert((locale, key.to_string()));
        }
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                TextArg::Str(s) => fargs.set(*name, FluentValue::from(s.clone())),
                TextArg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(%key, ?errors, "text formatting problem");
        }
        text.into_owned()
    }

    /// The keys a guest language has been asked for since the start and could only show in
    /// its fallback language: the guest-page tests walk every guest page in every guest
    /// language and expect this to stay empty.
    pub fn untranslated(&self) -> Vec<(Locale, String)> {
        self.untranslated
            .lock()
            .map(|m| m.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// Whether `key` exists in the defaults of `locale`.
    pub fn has(&self, locale: Locale, key: &str) -> bool {
        self.defaults.contains_key(&(locale, key.to_string()))
    }

    /// The default (file) text of a key.
    pub fn default_text(&self, locale: Locale, key: &str) -> Option<&str> {
        self.defaults
            .get(&(locale, key.to_string()))
            .map(|(_, v)| v.as_str())
    }

    /// All keys of a locale.
    pub fn keys(&self, locale: Locale) -> Vec<&str> {
        self.defaults
            .keys()
            .filter(|(l, _)| *l == locale)
            .map(|(_, k)| k.as_str())
            .collect()
    }

    /// All entries (defaults and overrides), sorted by key then locale.
    pub fn entries(&self) -> Vec<TextEntry> {
        let overrides = self.overrides.read().map(|o| o.clone()).unwrap_or_default();
        let mut out: Vec<TextEntry> = self
            .defaults
            .iter()
            .map(|((locale, key), (feature, default))| TextEntry {
                key: key.clone(),
                feature: feature.clone(),
                locale: *locale,
                default: default.clone(),
                current_override: overrides.get(&(*locale, key.clone())).cloned(),
            })
            .collect();
        out.sort_by(|a, b| a.key.cmp(&b.key).then(a.locale.cmp(&b.locale)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::new(vec![
            (
                "demo".to_string(),
                Locale::De,
                "demo-hello = Hallo { $name }!\ndemo-multi =\n    Zeile eins\n    Zeile zwei\n"
                    .to_string(),
            ),
            (
                "demo".to_string(),
                Locale::En,
                "demo-hello = Hello { $name }!\ndemo-multi = One\n".to_string(),
            ),
        ])
        .unwrap()
    }

    #[test]
    fn the_preview_formats_the_new_text_with_its_variables_named() {
        let c = catalog();
        assert_eq!(
            c.preview(
                Locale::De,
                "demo-hello",
                "Servus { $name } und { $name }, { demo-multi }"
            )
            .unwrap(),
            "Servus ‹name› und ‹name›, Zeile eins\nZeile zwei"
        );
        // Nothing is saved by a preview.
        assert_eq!(
            c.t(
                Locale::De,
                "demo-hello",
                &[("name", TextArg::Str("Jörg".into()))]
            ),
            "Hallo Jörg!"
        );
        assert!(c.preview(Locale::De, "demo-hello", "kaputt { $").is_err());
        assert!(c.preview(Locale::De, "demo-unbekannt", "Text").is_err());
        assert_eq!(variables("{ $a } { $b-c } $ { $a }"), vec!["a", "b-c"]);
    }

    #[test]
    fn formats_without_isolation_marks() {
        let c = catalog();
        let s = c.t(
            Locale::De,
            "demo-hello",
            &[("name", TextArg::Str("Jörg".into()))],
        );
        assert_eq!(s, "Hallo Jörg!");
    }

    #[test]
    fn override_wins_and_can_be_reverted() {
        let c = catalog();
        c.set_overrides(vec![(
            Locale::De,
            "demo-hello".into(),
            "Servus { $name }".into(),
        )]);
        assert_eq!(
            c.t(
                Locale::De,
                "demo-hello",
                &[("name", TextArg::Str("A".into()))]
            ),
            "Servus A"
        );
        assert_eq!(
            c.t(
                Locale::En,
                "demo-hello",
                &[("name", TextArg::Str("A".into()))]
            ),
            "Hello A!"
        );
        c.set_overrides(vec![]);
        assert_eq!(
            c.t(
                Locale::De,
                "demo-hello",
                &[("name", TextArg::Str("A".into()))]
            ),
            "Hallo A!"
        );
    }

    #[test]
    fn invalid_override_is_refused() {
        let c = catalog();
        assert!(
            c.validate_override(Locale::De, "demo-hello", "Hallo { $")
                .is_err()
        );
        assert!(c.validate_override(Locale::De, "nope", "x").is_err());
        assert!(c.validate_override(Locale::De, "demo-hello", "  ").is_err());
        assert!(
            c.validate_override(Locale::De, "demo-hello", "Zwei\nZeilen")
                .is_ok()
        );
    }

    #[test]
    fn guest_languages_fall_back_to_english() {
        let c = Catalog::new(vec![
            ("demo".into(), Locale::De, "a = Hallo\nb = Tschüss\n".into()),
            ("demo".into(), Locale::En, "a = Hello\nb = Bye\n".into()),
            ("demo".into(), Locale::Vi, "a = Xin chào\n".into()),
        ])
        .unwrap();
        assert_eq!(c.t(Locale::Vi, "a", &[]), "Xin chào");
        assert_eq!(c.t(Locale::Vi, "b", &[]), "Bye");
        assert_eq!(c.t(Locale::Pt, "a", &[]), "Hello");
        assert_eq!(
            c.untranslated(),
            vec![(Locale::Pt, "a".to_string()), (Locale::Vi, "b".to_string())]
        );
        assert!(c.has(Locale::Vi, "a") && !c.has(Locale::Vi, "b"));
        c.set_overrides(vec![(Locale::En, "b".into(), "Goodbye".into())]);
        assert_eq!(c.t(Locale::Vi, "b", &[]), "Goodbye");
    }

    #[test]
    fn lists_multiline_defaults_and_duplicates_fail() {
        let c = catalog();
        assert_eq!(
            c.default_text(Locale::De, "demo-multi"),
            Some("Zeile eins\nZeile zwei")
        );
        assert!(
            Catalog::new(vec![
                ("a".into(), Locale::De, "x = 1\n".into()),
                ("b".into(), Locale::De, "x = 2\n".into()),
            ])
            .is_err()
        );
    }
}

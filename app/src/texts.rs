//! The command line's texts: the same Fluent catalogue as the web pages (the platform's
//! `app-cli-…` keys in `i18n/<locale>/platform.ftl`), in German, the operators' language. Built
//! without a database, so even a refused configuration is reported through the catalogue.

use std::sync::OnceLock;

use hih_i18n::{Catalog, Locale, TextArg};

/// The progress bar of long commands: no words of its own; the unit comes as its message.
pub const PROGRESS_TEMPLATE: &str = "{bar:40} {pos}/{len} {msg} ({per_sec}, {eta})";

fn catalog() -> Option<&'static Catalog> {
    static CATALOG: OnceLock<Option<Catalog>> = OnceLock::new();
    CATALOG
        .get_or_init(|| {
            let sources = hih_web::platform_texts()
                .into_iter()
                .map(|(f, l, s)| (f, l, s.to_string()));
            Catalog::new(sources).ok()
        })
        .as_ref()
}

/// The German text of `key` with string arguments (the key itself if the catalogue is
/// unusable, which the catalogue tests rule out).
pub fn t(key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, TextArg)> = args
        .iter()
        .map(|(k, v)| (*k, TextArg::Str(v.clone())))
        .collect();
    catalog().map_or_else(|| key.to_string(), |c| c.t(Locale::De, key, &args))
}

/// Like [`t`] with one numeric argument `n` (plural rules apply).
pub fn t_n(key: &str, n: f64, args: &[(&str, String)]) -> String {
    let mut all: Vec<(&str, TextArg)> = vec![("n", TextArg::Num(n))];
    all.extend(args.iter().map(|(k, v)| (*k, TextArg::Str(v.clone()))));
    catalog().map_or_else(|| key.to_string(), |c| c.t(Locale::De, key, &all))
}

//! Text catalogues (R-TXT): every visible string is a Fluent message.
//!
//! Features register their `.ftl` sources (from `i18n/<locale>/<feature>.ftl`) with the host;
//! the [`Catalog`] merges them per locale and lets run-time overrides (admins' edits, stored
//! in the database by the admin feature) win over the defaults.

mod catalog;
mod locale;

pub use catalog::{Catalog, CatalogError, TextArg, TextEntry};
pub use locale::Locale;

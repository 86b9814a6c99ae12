//! Answer templates for frequent questions (R-CNS-2): each is an editable text pair in the
//! catalogues, `counselling-answer-<name>-title` (what staff choose) and
//! `counselling-answer-<name>` (the wording, with the guest's pseudonym as `$name`), so admins
//! change them in the text editor like every label. A template is written in the guest's
//! language (the language of the guest's pages), German while none is known; staff can edit
//! it before sending. Inserting one never writes anything: the conversation page comes back
//! with the template added to what was typed.

use hih_i18n::{Catalog, Locale, TextArg};

/// The templates, in the order staff see them.
pub const NAMES: [&str; 5] = [
    "welcome",
    "documents",
    "recognition",
    "appointment",
    "closing",
];

/// The choices for the template field: `(name, title key)`.
pub fn options() -> Vec<(String, String)> {
    NAMES
        .iter()
        .map(|n| (n.to_string(), format!("counselling-answer-{n}-title")))
        .collect()
}

/// `typed` with template `name` added after a blank line (alone when nothing was typed);
/// `None` for an unknown template.
pub fn insert(
    texts: &Catalog,
    locale: Locale,
    name: &str,
    pseudonym: &str,
    typed: &str,
) -> Option<String> {
    if !NAMES.contains(&name) {
        return None;
    }
    let text = texts.t(
        locale,
        &format!("counselling-answer-{name}"),
        &[("name", TextArg::Str(pseudonym.to_string()))],
    );
    let typed = typed.trim_end();
    Some(if typed.is_empty() {
        text
    } else {
        format!("{typed}\n\n{text}")
    })
}

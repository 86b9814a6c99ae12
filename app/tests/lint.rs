//! Texts: every key in both locales, no literal user-visible text in templates (R-TXT-2).
//! The crates' dependencies follow the feature order: [`dependencies`].

mod dependencies;

use std::path::{Path, PathBuf};

use hih_i18n::Locale;
use hih_kernel::Role;

use crate::app;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if !["target", "node_modules", "tests", ".git"].contains(&name) {
                files(&p, ext, out);
            }
        } else if p.extension().and_then(|x| x.to_str()) == Some(ext) {
            out.push(p);
        }
    }
}

/// Removes `{{ … }}`, `{% … %}` and `{# … #}` blocks.
fn strip_jinja(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    loop {
        let next = ["{{", "{%", "{#"]
            .iter()
            .filter_map(|m| rest.find(m).map(|i| (i, *m)))
            .min();
        let Some((i, open)) = next else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..i]);
        let close = match open {
            "{{" => "}}",
            "{%" => "%}",
            _ => "#}",
        };
        match rest[i..].find(close) {
            Some(j) => rest = &rest[i + j + 2..],
            None => break,
        }
    }
    out
}

/// Literal words left in a template once expressions, tags' names and markup are removed.
fn literal_text(template: &str) -> Vec<String> {
    // HTML entities (&lt; &nbsp; …) are punctuation, not words.
    let mut s = strip_jinja(template);
    while let Some(i) = s.find('&') {
        match s[i..].find(';') {
            Some(j) if j <= 8 => s.replace_range(i..i + j + 1, " "),
            _ => s.replace_range(i..i + 1, " "),
        }
    }
    let mut found = Vec::new();
    // Text between tags.
    let mut in_tag = false;
    let mut text = String::new();
    let mut attrs = String::new();
    for c in s.chars() {
        match c {
            '<' => {
                in_tag = true;
                if text.chars().any(char::is_alphabetic) {
                    found.push(text.trim().to_string());
                }
                text.clear();
            }
            '>' => {
                in_tag = false;
                attrs.push('\n');
            }
            _ if in_tag => attrs.push(c),
            _ => text.push(c),
        }
    }
    // Attributes people read: alt, title, aria-label, placeholder.
    for attr in ["alt=\"", "title=\"", "aria-label=\"", "placeholder=\""] {
        for (i, _) in attrs.match_indices(attr) {
            let v = &attrs[i + attr.len()..];
            let v = &v[..v.find('"').unwrap_or(v.len())];
            if v.chars().any(char::is_alphabetic) {
                found.push(format!("{attr}{v}\""));
            }
        }
    }
    found
}

#[test]
fn templates_contain_no_literal_text() {
    let mut templates = Vec::new();
    files(&root().join("features"), "html", &mut templates);
    files(&root().join("platform"), "html", &mut templates);
    assert!(
        templates.len() >= 10,
        "templates found: {}",
        templates.len()
    );
    let mut problems = Vec::new();
    for t in &templates {
        let src = std::fs::read_to_string(t).unwrap();
        for lit in literal_text(&src) {
            problems.push(format!("{}: {lit}", t.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "literal text in templates:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_literal_text_check_can_fail() {
    assert_eq!(literal_text("<p>Hallo Welt</p>"), vec!["Hallo Welt"]);
    assert_eq!(
        literal_text("<img alt=\"Logo\" src=\"x\">"),
        vec!["alt=\"Logo\""]
    );
    assert!(literal_text("<p>{{ t(\"x\") }} ({{ n }})</p>").is_empty());
}

/// The literal words in the format strings of print macros in Rust code (`println!`,
/// `eprintln!`, `print!`, `eprint!`) and progress templates: text a person reads on the
/// command line must come from the catalogue like every page text (R-TXT-2). `{…}`
/// placeholders are not words; code after `#[cfg(test)]` is skipped.
fn printed_words(src: &str) -> Vec<String> {
    let code = src.split("#[cfg(test)]").next().unwrap_or(src);
    let mut found = Vec::new();
    for mac in [
        "println!(",
        "eprintln!(",
        "print!(",
        "eprint!(",
        "with_template(",
    ] {
        let mut rest = code;
        while let Some(i) = rest.find(mac) {
            let before = rest[..i].chars().next_back();
            rest = &rest[i + mac.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // `println!(` inside `eprintln!(`
            }
            let Some(open) = rest.trim_start().strip_prefix('"') else {
                continue;
            };
            let Some(end) = open.find('"') else {
                continue;
            };
            let literal = &open[..end];
            let mut outside = String::new();
            let mut depth = 0;
            for c in literal.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ if depth == 0 => outside.push(c),
                    _ => {}
                }
            }
            if outside.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                found.push(literal.to_string());
            }
        }
    }
    found
}

#[test]
fn command_line_output_comes_from_the_catalogue() {
    let mut sources = Vec::new();
    for dir in ["app/src", "features", "platform"] {
        files(&root().join(dir), "rs", &mut sources);
    }
    assert!(sources.len() > 50, "sources found: {}", sources.len());
    let mut problems = Vec::new();
    // Build scripts talk to cargo, not to people.
    sources.retain(|f| !f.ends_with("build.rs"));
    for f in &sources {
        let src = std::fs::read_to_string(f).unwrap();
        for words in printed_words(&src) {
            problems.push(format!("{}: {words}", f.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "literal text printed for people (use a catalogue key):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_printed_text_check_can_fail() {
    assert_eq!(
        printed_words("eprintln!(\"Fehler: {e}\");"),
        vec!["Fehler: {e}"]
    );
    assert!(printed_words("println!(\"{}\", t(\"x\")); eprintln!(\"{n}/{total}\");").is_empty());
    assert!(printed_words("#[cfg(test)] println!(\"Hallo Welt\");").is_empty());
}

/// Keys used in templates (`t("…")`, `t('…')`, and macro arguments ending in `_key`) and in
/// Rust code (string literals shaped like text keys with a known prefix).
fn used_keys() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut sources = Vec::new();
    for dir in ["features", "platform", "app/src"] {
        files(&root().join(dir), "html", &mut sources);
        files(&root().join(dir), "rs", &mut sources);
    }
    let prefixes = [
        "users-",
        "admin-",
        "home-",
        "error-",
        "form-",
        "layout-",
        "job-",
        "app-",
        "role-",
        "applicants-",
        "protocol-",
        "operations-",
        "reference-",
        "counselling-",
    ];
    for f in sources {
        let mut src = std::fs::read_to_string(&f).unwrap();
        if f.extension().is_some_and(|e| e == "html") {
            // CSS classes and ids look like keys; they are not texts.
            for attr in ["class=\"", "id=\""] {
                while let Some(i) = src.find(attr) {
                    let end = src[i + attr.len()..]
                        .find('"')
                        .map(|j| i + attr.len() + j + 1)
                        .unwrap_or(src.len());
                    src.replace_range(i..end, "");
                }
            }
        }
        for quote in ['"', '\''] {
            for piece in src.split(quote).skip(1).step_by(2) {
                let is_key = prefixes.iter().any(|p| piece.starts_with(p))
                    && piece.len() > 4
                    && piece
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !piece.ends_with('-');
                if is_key {
                    out.push((piece.to_string(), f.display().to_string()));
                }
            }
        }
    }
    out
}

#[tokio::test]
async fn every_key_exists_in_german_and_english() {
    let app = app().await;
    let texts = &app.services().texts;
    let used = used_keys();
    assert!(used.len() > 100, "keys found: {}", used.len());
    let mut missing = Vec::new();
    for (key, file) in &used {
        for locale in Locale::STAFF {
            if !texts.has(locale, key) {
                missing.push(format!("{key} ({locale}) used in {file}"));
            }
        }
    }
    for role in Role::ALL {
        for locale in Locale::STAFF {
            if !texts.has(locale, &role.label_key()) {
                missing.push(format!("{} ({locale})", role.label_key()));
            }
        }
    }
    for status in ["outbox", "queued", "sent", "failed"] {
        let key = format!("admin-outbox-status-{status}");
        if !texts.has(Locale::De, &key) || !texts.has(Locale::En, &key) {
            missing.push(key);
        }
    }
    let de: Vec<&str> = texts.keys(Locale::De);
    let en: Vec<&str> = texts.keys(Locale::En);
    for k in &de {
        if !en.contains(k) {
            missing.push(format!("{k} only in German"));
        }
    }
    for k in &en {
        if !de.contains(k) {
            missing.push(format!("{k} only in English"));
        }
    }
    // A guest language translates texts that exist; a key of its own would be a typo.
    for guest in Locale::ALL.into_iter().filter(|l| !l.is_staff()) {
        for k in texts.keys(guest) {
            if !de.contains(&k) {
                missing.push(format!("{k} only in {guest}"));
            }
        }
    }
    assert!(missing.is_empty(), "missing texts:\n{}", missing.join("\n"));
}

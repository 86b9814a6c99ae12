//! Field checks shared by the users forms (and reusable by other features).

/// A plausible e-mail address: one `@`, non-empty local part, a dot in the domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    if s.len() > 254 || s.chars().any(char::is_whitespace) {
        return false;
    }
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
        }
        None => false,
    }
}

/// Telefon: digits, spaces and `+ / -` only, at least five digits (R-USR-1).
pub fn is_phone(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '/' | '-'))
        && s.chars().filter(char::is_ascii_digit).count() >= 5
}

/// A user name: 3–64 letters, digits, `.`, `-`, `_`.
pub fn is_username(s: &str) -> bool {
    let n = s.chars().count();
    (3..=64).contains(&n)
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert!(is_email("anna.mueller@ihk-erfurt.de"));
        assert!(!is_email("anna@"));
        assert!(!is_email("anna mueller@x.de"));
        assert!(!is_email("anna@localhost"));
        assert!(is_phone("+49 361 / 3484-0"));
        assert!(!is_phone("0361 abc"));
        assert!(!is_phone("12"));
        assert!(is_username("a.mueller"));
        assert!(!is_username("a b"));
    }
}

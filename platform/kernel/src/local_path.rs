//! The one check for redirect and link targets (R-NFR-6): only plain local paths of this
//! application are followed. Used by every redirect (login's `next=`, the language switch,
//! POST-redirect-GET) and by notification links.

/// Whether `target` is a plain local path: it begins with one `/`, is not followed by a second
/// `/` or a `\` (which browsers read as `//host`), and holds only visible ASCII — no control
/// character (TAB, CR, LF are dropped by browsers, so `/\t/host` would become `//host`), no
/// space, no backslash anywhere, no non-ASCII text.
pub fn is_local_path(target: &str) -> bool {
    let bytes = target.as_bytes();
    if bytes.first() != Some(&b'/') {
        return false;
    }
    if matches!(bytes.get(1), Some(b'/' | b'\\')) {
        return false;
    }
    bytes.iter().all(|b| b.is_ascii_graphic() && *b != b'\\')
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn plain_local_paths_pass() {
        for ok in [
            "/",
            "/unternehmen",
            "/unternehmen?q=a&per=20",
            "/bewerber/7#tab",
            "/a%2Fb",
        ] {
            assert!(is_local_path(ok), "{ok}");
        }
    }

    #[test]
    fn the_open_redirect_family_is_refused() {
        for bad in [
            "",
            "//evil.example/",
            "/\\evil.example",
            "/\t/evil.example",
            "/\r/evil.example",
            "/\n/evil.example",
            "/\u{0}/evil.example",
            "/ /evil.example",
            "/x\\y",
            "https://evil.example/",
            "http:/evil.example",
            "javascript:alert(1)",
            "evil.example",
            "/ü",
            "/\u{7f}",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }
}

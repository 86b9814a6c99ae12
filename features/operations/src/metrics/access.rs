//! Who may read `/metrics`: a scraper with the configured bearer token, or a client from a
//! configured address or network. Nobody else — not even a logged-in administrator — and with
//! nothing configured, nobody at all.

use std::net::IpAddr;

use hih_kernel::MetricsSettings;
use secrecy::ExposeSecret;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Whether the request may read the metrics: its `Authorization` header carries the token
/// (`Bearer …`, compared in constant time over SHA-256 digests, so neither the content nor
/// the length leaks through timing), or its client address (behind trusted proxies) lies in
/// `metrics.allow_from`.
pub fn allowed(
    settings: &MetricsSettings,
    client: Option<IpAddr>,
    authorization: Option<&str>,
) -> bool {
    token_matches(settings, authorization) || address_allowed(settings, client)
}

fn token_matches(settings: &MetricsSettings, authorization: Option<&str>) -> bool {
    let Some(expected) = settings.token.as_ref().map(|t| t.expose_secret().trim()) else {
        return false;
    };
    if expected.is_empty() {
        return false;
    }
    let Some(given) = authorization.and_then(bearer) else {
        return false;
    };
    let a = Sha256::digest(given.as_bytes());
    let b = Sha256::digest(expected.as_bytes());
    a.ct_eq(&b).into()
}

/// The token of an `Authorization: Bearer <token>` header (scheme case-insensitive).
fn bearer(header: &str) -> Option<&str> {
    let (scheme, token) = header.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

fn address_allowed(settings: &MetricsSettings, client: Option<IpAddr>) -> bool {
    client.is_some_and(|addr| settings.allow_from.iter().any(|net| net.0.contains(&addr)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::SecretString;

    fn settings(token: Option<&str>, allow: &[&str]) -> MetricsSettings {
        MetricsSettings {
            token: token.map(SecretString::from),
            allow_from: allow.iter().map(|a| a.parse().unwrap()).collect(),
        }
    }

    #[test]
    fn nothing_configured_means_nobody() {
        let s = settings(None, &[]);
        assert!(!allowed(&s, "127.0.0.1".parse().ok(), Some("Bearer x")));
        let empty = settings(Some(""), &[]);
        assert!(!allowed(&empty, None, Some("Bearer ")));
    }

    #[test]
    fn the_token_or_the_address_opens_it() {
        let s = settings(Some("geheim-123"), &["10.0.0.0/8", "192.0.2.7"]);
        assert!(allowed(&s, None, Some("Bearer geheim-123")));
        assert!(allowed(&s, None, Some("bearer  geheim-123 ")));
        assert!(!allowed(&s, None, Some("Bearer geheim-12")));
        assert!(!allowed(&s, None, Some("Basic geheim-123")));
        assert!(!allowed(&s, None, Some("geheim-123")));
        assert!(allowed(&s, "10.1.2.3".parse().ok(), None));
        assert!(allowed(&s, "192.0.2.7".parse().ok(), None));
        assert!(!allowed(&s, "192.0.2.8".parse().ok(), None));
        assert!(!allowed(&s, None, None));
    }
}

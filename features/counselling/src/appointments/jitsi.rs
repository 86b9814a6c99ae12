//! Links to rooms on the configured Jitsi server (`counselling.jitsi_url`); no video server is
//! part of this product. With `counselling.jitsi_jwt_secret` the link carries a token for
//! Jitsi's token authentication (JWT, HS256 with the RustCrypto `hmac`/`sha2` crates):
//! issuer and audience the configured `jitsi_app_id`, the room, the person's display name,
//! valid from an hour before the start until a day after it.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use hih_kernel::CounsellingSettings;
use hmac::{Hmac, Mac};
use rand::RngCore;
use secrecy::ExposeSecret;
use sha2::Sha256;

/// Whether video appointments are offered (a server is configured).
pub fn enabled(s: &CounsellingSettings) -> bool {
    !s.jitsi_url.trim().is_empty()
}

/// A new random room name: 128 bits as 32 hex digits.
pub fn new_room() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The signed token for `room` and the person `name`, if a secret is configured.
fn token(
    s: &CounsellingSettings,
    room: &str,
    name: &str,
    starts_at: DateTime<Utc>,
) -> Option<String> {
    let secret = s.jitsi_jwt_secret.as_ref()?;
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let host = s
        .jitsi_url
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let claims = serde_json::json!({
        "iss": s.jitsi_app_id,
        "aud": s.jitsi_app_id,
        "sub": host,
        "room": room,
        "nbf": (starts_at - Duration::hours(1)).timestamp(),
        "exp": (starts_at + Duration::days(1)).timestamp(),
        "context": { "user": { "name": name } },
    });
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signing_input = format!("{header}.{payload}");
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.expose_secret().as_bytes()).ok()?;
    mac.update(signing_input.as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    Some(format!("{signing_input}.{signature}"))
}

/// The room's link for the person `name` (the guest's pseudonym or the staff member's name).
pub fn room_url(
    s: &CounsellingSettings,
    room: &str,
    name: &str,
    starts_at: DateTime<Utc>,
) -> String {
    let base = s.jitsi_url.trim().trim_end_matches('/');
    match token(s, room, name, starts_at) {
        Some(jwt) => format!("{base}/{room}?jwt={jwt}"),
        None => format!("{base}/{room}"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use secrecy::SecretString;

    #[test]
    fn rooms_are_random_and_tokens_verify_with_the_secret() {
        let a = new_room();
        assert_eq!(a.len(), 32);
        assert_ne!(a, new_room());
        let mut s = CounsellingSettings::default();
        assert!(!enabled(&s));
        s.jitsi_url = "https://meet.example.org/".into();
        assert!(enabled(&s));
        let at = Utc::now();
        assert_eq!(
            room_url(&s, "abc", "Gast", at),
            "https://meet.example.org/abc"
        );
        s.jitsi_jwt_secret = Some(SecretString::from("geheim"));
        s.jitsi_app_id = "hih".into();
        let url = room_url(&s, "abc", "Gast", at);
        let jwt = url.split("?jwt=").nth(1).unwrap();
        let parts: Vec<&str> = jwt.split('.').collect();
        assert_eq!(parts.len(), 3);
        let claims: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        assert_eq!(claims["room"], "abc");
        assert_eq!(claims["sub"], "meet.example.org");
        assert_eq!(claims["iss"], "hih");
        let mut mac = Hmac::<Sha256>::new_from_slice(b"geheim").unwrap();
        mac.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
        mac.verify_slice(&URL_SAFE_NO_PAD.decode(parts[2]).unwrap())
            .unwrap();
    }
}

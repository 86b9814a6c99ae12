//! TOTP (RFC 6238: SHA-1, 6 digits, 30 s, ±1 step) with replay protection: a code's time step
//! must be newer than the last accepted one.

use chrono::{DateTime, Utc};
use totp_rs::{Algorithm, Builder, Secret, Totp};

fn build(secret_b32: &str, account: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret_b32).ok()?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret)
        .with_issuer(Some("HiH Projektdatenbank"))
        .with_account_name(account.replace(':', "_"))
        .build()
        .ok()
}

/// A new random secret (160 bit), base32.
pub fn new_secret() -> String {
    Secret::generate().to_base32()
}

/// The secret in groups of four for reading aloud / typing.
pub fn grouped(secret_b32: &str) -> String {
    secret_b32
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// QR code of the `otpauth://` URL as a base64 PNG (generated locally).
pub fn qr_png_base64(secret_b32: &str, account: &str) -> Option<String> {
    build(secret_b32, account)?.to_qr_base64().ok()
}

/// The `otpauth://` URL.
pub fn url(secret_b32: &str, account: &str) -> Option<String> {
    build(secret_b32, account)?.to_url().ok()
}

/// Checks a code at `now`; returns the matched step if valid and newer than `last_step`.
pub fn check(
    secret_b32: &str,
    code: &str,
    now: DateTime<Utc>,
    last_step: Option<i64>,
) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let t = build(secret_b32, "x")?;
    let step = t.check(&code, u64::try_from(now.timestamp()).ok()?)? as i64;
    match last_step {
        Some(last) if step <= last => None,
        _ => Some(step),
    }
}

/// The code for a time (tests and CLI diagnostics).
pub fn code_at(secret_b32: &str, now: DateTime<Utc>) -> Option<String> {
    let t = build(secret_b32, "x")?;
    Some(t.generate(u64::try_from(now.timestamp()).ok()?).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn codes_are_accepted_once() {
        let s = new_secret();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        let code = code_at(&s, now).unwrap();
        let step = check(&s, &code, now, None).unwrap();
        assert_eq!(check(&s, &code, now, Some(step)), None, "replay refused");
        let later = now + chrono::Duration::seconds(30);
        let next = code_at(&s, later).unwrap();
        assert!(check(&s, &next, later, Some(step)).is_some());
        assert_eq!(check(&s, "12345", now, None), None);
        assert!(qr_png_base64(&s, "anna").is_some());
        assert!(url(&s, "anna").unwrap().starts_with("otpauth://totp/"));
        assert_eq!(grouped("ABCDEFGH"), "ABCD EFGH");
    }
}

//! Password hashing (argon2id, OWASP parameters m=19 MiB, t=2, p=1 — the crate's defaults)
//! and the policy of R-USR-3. Each failed rule yields its own message key.

use std::collections::HashSet;
use std::sync::LazyLock;

use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use hih_kernel::{AppError, FieldErrors, PasswordSettings};

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/common-passwords.txt")
        .lines()
        .collect()
});

/// A valid hash of a random password, verified against when the user does not exist so that
/// unknown users and wrong passwords take the same time.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash("dummy-Passwort-99!").unwrap_or_default());

/// Hashes a password (argon2id, random salt, PHC string).
pub fn hash(password: &str) -> Result<String, AppError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(AppError::internal)
}

/// Verifies a password against a PHC string; a malformed hash never verifies.
pub fn verify(password: &str, phc: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), phc)
        .is_ok()
}

/// Spends the same time as a real verification (unknown user).
pub fn verify_dummy(password: &str) {
    let _ = verify(password, &DUMMY_HASH);
}

/// Number of entries in the bundled common-password list.
pub fn common_list_len() -> usize {
    COMMON.len()
}

/// Checks a new password against the policy. `field` names the form field for messages.
/// `previous` holds the hashes of the last passwords (current one included).
pub fn check_policy(
    policy: &PasswordSettings,
    field: &str,
    password: &str,
    username: &str,
    email: &str,
    previous: &[String],
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let min = policy.min_length.max(8);
    if password.chars().count() < min {
        errors.add_with(field, "users-pw-too-short", &[("min", min.to_string())]);
    }
    if policy.require_mixed_case
        && !(password.chars().any(char::is_uppercase) && password.chars().any(char::is_lowercase))
    {
        errors.add(field, "users-pw-mixed-case");
    }
    if policy.require_special
        && !password
            .chars()
            .any(|c| !c.is_alphanumeric() && !c.is_whitespace())
    {
        errors.add(field, "users-pw-special");
    }
    let digits = password.chars().filter(char::is_ascii_digit).count();
    if digits < policy.min_digits {
        errors.add_with(
            field,
            "users-pw-digits",
            &[("count", policy.min_digits.to_string())],
        );
    }
    let lower = password.to_lowercase();
    let local = email.split('@').next().unwrap_or("").to_lowercase();
    let user = username.to_lowercase();
    if (!user.is_empty() && lower.contains(&user)) || (local.len() >= 3 && lower.contains(&local)) {
        errors.add(field, "users-pw-contains-name");
    }
    if COMMON.contains(lower.as_str()) {
        errors.add(field, "users-pw-common");
    }
    if errors.is_empty() && previous.iter().any(|h| verify(password, h)) {
        errors.add_with(
            field,
            "users-pw-reused",
            &[("count", policy.history.to_string())],
        );
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(e: &FieldErrors) -> Vec<&str> {
        e.0.iter().map(|x| x.key.as_str()).collect()
    }

    /// The message keys `check_policy` gives for `password` of user "anna" (a@x.de) with this
    /// password history.
    fn anna(p: &PasswordSettings, password: &str, history: &[String]) -> Vec<String> {
        keys(&check_policy(p, "pw", password, "anna", "a@x.de", history))
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn each_rule_has_its_message() {
        let p = PasswordSettings::default();
        assert_eq!(anna(&p, "Kurz1!9", &[]), ["users-pw-too-short"]);
        assert_eq!(
            anna(&p, "nurkleinbuchstaben12!", &[]),
            ["users-pw-mixed-case"]
        );
        assert_eq!(anna(&p, "OhneSonderzeichen12", &[]), ["users-pw-special"]);
        assert_eq!(anna(&p, "EineZiffer1!abc", &[]), ["users-pw-digits"]);
        assert_eq!(
            anna(&p, "Xanna-Mueller-42", &[]),
            ["users-pw-contains-name"]
        );
        assert_eq!(anna(&p, "Gut-Passwort-42", &[]), Vec::<&str>::new());
    }

    #[test]
    fn common_list_is_large_and_used() {
        assert!(common_list_len() >= 10_000);
        let p = PasswordSettings {
            min_length: 8,
            require_mixed_case: false,
            require_special: false,
            min_digits: 0,
            ..PasswordSettings::default()
        };
        assert_eq!(
            keys(&check_policy(&p, "pw", "Password1", "x", "y@z.de", &[])),
            ["users-pw-common"]
        );
    }

    #[test]
    fn hashes_verify_and_history_is_checked() {
        let h = hash("Gut-Passwort-42").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("Gut-Passwort-42", &h));
        assert!(!verify("Gut-Passwort-43", &h));
        let p = PasswordSettings::default();
        assert_eq!(
            anna(&p, "Gut-Passwort-42", std::slice::from_ref(&h)),
            ["users-pw-reused"]
        );
    }
}

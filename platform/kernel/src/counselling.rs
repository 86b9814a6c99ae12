//! Settings of the counselling channel (R-CNS, `[counselling]` in `hih.toml`): the keys that
//! encrypt message bodies and attachments at rest, retention and upload limits. The feature
//! itself lives in `features/counselling`; ops/counselling.md describes key handling and
//! rotation.

use std::collections::BTreeMap;

use base64::Engine;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// The counselling channel's settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct CounsellingSettings {
    /// Encryption keys by key id: 32 random bytes each, standard base64
    /// (`HIH_COUNSELLING__KEYS__K2026=…`). Old keys stay listed until nothing uses them.
    pub keys: BTreeMap<String, SecretString>,
    /// The id of the key new records are encrypted with. Empty: the only listed key.
    pub current_key: String,
    /// Days a closed conversation is kept before it is deleted (R-CNS-3).
    pub retention_days: i64,
    /// Largest attachment in bytes.
    pub max_attachment_bytes: usize,
    /// Failed passphrase entries before a guest's conversation is locked.
    pub lockout_attempts: i32,
    /// Minutes a guest's conversation stays locked.
    pub lockout_minutes: i64,
    /// Minutes a guest stays signed in without activity.
    pub guest_session_minutes: i64,
    /// Base URL of the Jitsi server video appointments link to (`https://meet.example.org`).
    /// Empty: no video appointments (the option is hidden).
    pub jitsi_url: String,
    /// Secret that signs a JWT for the room (Jitsi's token authentication, HS256). Unset: the
    /// room link carries no token.
    pub jitsi_jwt_secret: Option<SecretString>,
    /// The JWT's issuer and audience `app_id` as configured on the Jitsi server.
    pub jitsi_app_id: String,
    /// Milliseconds between two looks of a live conversation page's event stream for a new
    /// message (one indexed lookup each).
    pub live_poll_ms: u64,
    /// Seconds an event stream stays open; the browser then reconnects by itself.
    pub live_seconds: u64,
}

impl Default for CounsellingSettings {
    fn default() -> Self {
        CounsellingSettings {
            keys: BTreeMap::new(),
            current_key: String::new(),
            retention_days: 180,
            max_attachment_bytes: 10 * 1024 * 1024,
            lockout_attempts: 5,
            lockout_minutes: 15,
            guest_session_minutes: 30,
            jitsi_url: String::new(),
            jitsi_jwt_secret: None,
            jitsi_app_id: String::new(),
            live_poll_ms: 2000,
            live_seconds: 300,
        }
    }
}

/// A counselling setting that must never take effect.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CounsellingSettingsError {
    /// Behind TLS (a production installation) the built-in development key is refused.
    #[error(
        "counselling.keys fehlt: ohne eigenen Schlüssel startet eine Installation mit security.tls = true nicht (siehe ops/counselling.md)"
    )]
    KeyMissing,
    /// `current_key` names no listed key, or several keys are listed without `current_key`.
    #[error("counselling.current_key = „{0}“ nennt keinen Schlüssel aus counselling.keys")]
    UnknownCurrentKey(String),
    /// A key that is not 32 bytes in standard base64.
    #[error(
        "counselling.keys.{0} ist kein Schlüssel aus 32 Byte in Base64 (openssl rand -base64 32)"
    )]
    BadKey(String),
    /// Retention of at least one day.
    #[error("counselling.retention_days muss mindestens 1 sein")]
    Retention,
    /// A live page looks for new messages at most ten times a second.
    #[error("counselling.live_poll_ms muss mindestens 100 sein")]
    LivePoll,
}

impl CounsellingSettings {
    /// The id of the key new records are encrypted with, if keys are configured.
    pub fn current_key_id(&self) -> Option<&str> {
        if self.current_key.is_empty() {
            match self.keys.keys().collect::<Vec<_>>().as_slice() {
                [only] => Some(only.as_str()),
                _ => None,
            }
        } else {
            self.keys
                .get_key_value(&self.current_key)
                .map(|(k, _)| k.as_str())
        }
    }

    /// The 32 bytes of the key `id`, if it is listed and well-formed.
    pub fn key_bytes(&self, id: &str) -> Option<[u8; 32]> {
        let raw = base64::engine::general_purpose::STANDARD
            .decode(self.keys.get(id)?.expose_secret().trim())
            .ok()?;
        raw.try_into().ok()
    }

    /// Checks the settings; `production` is `security.tls`.
    pub fn validate(&self, production: bool) -> Result<(), CounsellingSettingsError> {
        if self.retention_days < 1 {
            return Err(CounsellingSettingsError::Retention);
        }
        if self.live_poll_ms < 100 {
            return Err(CounsellingSettingsError::LivePoll);
        }
        if let Some(bad) = self.keys.keys().find(|id| self.key_bytes(id).is_none()) {
            return Err(CounsellingSettingsError::BadKey(bad.clone()));
        }
        if self.keys.is_empty() {
            return if production {
                Err(CounsellingSettingsError::KeyMissing)
            } else {
                Ok(())
            };
        }
        match self.current_key_id() {
            Some(_) => Ok(()),
            None => Err(CounsellingSettingsError::UnknownCurrentKey(
                self.current_key.clone(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    #[test]
    fn production_needs_a_key_and_current_key_must_exist() {
        let mut s = CounsellingSettings::default();
        assert_eq!(s.validate(false), Ok(()));
        assert_eq!(s.validate(true), Err(CounsellingSettingsError::KeyMissing));
        s.keys.insert("a".into(), SecretString::from("x"));
        assert_eq!(
            s.validate(true),
            Err(CounsellingSettingsError::BadKey("a".into()))
        );
        s.keys.insert("a".into(), SecretString::from(KEY));
        assert_eq!(s.current_key_id(), Some("a"));
        assert_eq!(s.key_bytes("a"), Some(*b"0123456789abcdef0123456789abcdef"));
        s.keys.insert("b".into(), SecretString::from(KEY));
        assert!(s.validate(true).is_err(), "two keys need current_key");
        s.current_key = "b".into();
        assert_eq!(s.validate(true), Ok(()));
        s.current_key = "c".into();
        assert!(s.validate(true).is_err());
    }
}

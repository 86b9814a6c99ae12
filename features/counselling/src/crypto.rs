//! Encryption at rest (R-CNS-3): AES-256-GCM (RustCrypto `aes-gcm`) with a random 96-bit nonce
//! per record and the record's context as associated data, so a ciphertext copied to another
//! conversation does not decrypt. Keys come from `counselling.keys`; each record stores the id
//! of its key, so old keys keep decrypting after a rotation (ops/counselling.md). Without
//! configured keys (development and tests only: production refuses to start, see
//! `CounsellingSettings::validate`) a fixed development key `dev` is used.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hih_kernel::{CounsellingSettings, Settings};
use rand::RngCore;

/// The id of the built-in development key.
pub const DEV_KEY_ID: &str = "dev";
const DEV_KEY: [u8; 32] = *b"hih-counselling-development-key!";

/// Why a text could not be encrypted or decrypted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    /// The record names a key that is not configured (any more).
    #[error("counselling key {0:?} is not configured")]
    UnknownKey(String),
    /// Wrong key, damaged ciphertext or wrong context.
    #[error("counselling ciphertext does not decrypt")]
    Damaged,
}

impl From<CryptoError> for hih_kernel::AppError {
    fn from(e: CryptoError) -> Self {
        hih_kernel::AppError::Internal(e.to_string())
    }
}

/// A sealed text: what is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// Ciphertext with the authentication tag.
    pub ciphertext: Vec<u8>,
    /// The nonce.
    pub nonce: Vec<u8>,
    /// The key's id.
    pub key_id: String,
}

/// The configured keys.
pub struct Keys<'a> {
    settings: &'a CounsellingSettings,
}

impl<'a> Keys<'a> {
    /// The keys of these settings.
    pub fn of(settings: &'a Settings) -> Self {
        Keys {
            settings: &settings.counselling,
        }
    }

    fn cipher(&self, id: &str) -> Result<Aes256Gcm, CryptoError> {
        let key = if self.settings.keys.is_empty() && id == DEV_KEY_ID {
            DEV_KEY
        } else {
            self.settings
                .key_bytes(id)
                .ok_or_else(|| CryptoError::UnknownKey(id.to_string()))?
        };
        Aes256Gcm::new_from_slice(&key).map_err(|_| CryptoError::UnknownKey(id.to_string()))
    }

    /// The id new records are sealed with.
    pub fn current_id(&self) -> &str {
        self.settings.current_key_id().unwrap_or(DEV_KEY_ID)
    }

    /// Encrypts `plain` for the record context `aad` (e.g. `message:<conversation>`).
    pub fn seal(&self, aad: &str, plain: &[u8]) -> Result<Sealed, CryptoError> {
        let id = self.current_id().to_string();
        let cipher = self.cipher(&id)?;
        let mut nonce = [0u8; 12];
        rand::rng().fill_bytes(&mut nonce);
        let ciphertext = cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| CryptoError::Damaged)?;
        Ok(Sealed {
            ciphertext,
            nonce: nonce.to_vec(),
            key_id: id,
        })
    }

    /// Decrypts a record sealed for `aad`.
    pub fn open(
        &self,
        aad: &str,
        key_id: &str,
        nonce: &[u8],
        ciphertext: &[u8],
    ) -> Result<Vec<u8>, CryptoError> {
        if nonce.len() != 12 {
            return Err(CryptoError::Damaged);
        }
        self.cipher(key_id)?
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| CryptoError::Damaged)
    }

    /// Decrypts a text record.
    pub fn open_text(
        &self,
        aad: &str,
        key_id: &str,
        nonce: &[u8],
        ciphertext: &[u8],
    ) -> Result<String, CryptoError> {
        String::from_utf8(self.open(aad, key_id, nonce, ciphertext)?)
            .map_err(|_| CryptoError::Damaged)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use secrecy::SecretString;

    #[test]
    fn round_trip_context_binding_and_rotation() {
        let mut s = Settings::default();
        let k = Keys::of(&s);
        let sealed = k
            .seal("message:1", "Grüße\nzweite Zeile".as_bytes())
            .unwrap();
        assert_eq!(sealed.key_id, DEV_KEY_ID);
        assert!(!String::from_utf8_lossy(&sealed.ciphertext).contains("Grüße"));
        let back = k
            .open_text(
                "message:1",
                &sealed.key_id,
                &sealed.nonce,
                &sealed.ciphertext,
            )
            .unwrap();
        assert_eq!(back, "Grüße\nzweite Zeile");
        assert_eq!(
            k.open(
                "message:2",
                &sealed.key_id,
                &sealed.nonce,
                &sealed.ciphertext
            ),
            Err(CryptoError::Damaged),
            "another record's context does not decrypt"
        );
        // Rotation: k1 sealed, then k2 becomes current; both stay readable.
        s.counselling.keys.insert(
            "k1".into(),
            SecretString::from("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="),
        );
        let old = Keys::of(&s).seal("m", b"alt").unwrap();
        assert_eq!(old.key_id, "k1");
        s.counselling.keys.insert(
            "k2".into(),
            SecretString::from("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="),
        );
        s.counselling.current_key = "k2".into();
        let k = Keys::of(&s);
        let new = k.seal("m", b"neu").unwrap();
        assert_eq!(new.key_id, "k2");
        assert_eq!(
            k.open("m", "k1", &old.nonce, &old.ciphertext).unwrap(),
            b"alt"
        );
        assert_eq!(
            k.open("m", "k2", &new.nonce, &new.ciphertext).unwrap(),
            b"neu"
        );
        // The development key is not used once keys are configured.
        assert_eq!(
            k.open("message:1", DEV_KEY_ID, &sealed.nonce, &sealed.ciphertext),
            Err(CryptoError::UnknownKey(DEV_KEY_ID.into()))
        );
    }
}

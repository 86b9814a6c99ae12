use base64::Engine;
use hih_kernel::AppError;
use rand::RngCore;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};

use crate::entities::app_secret;

/// A random key stored in the database under `name`, created on first use. Shared by all app
/// instances on the same database (e.g. the CSRF/HMAC key), never printed or logged.
pub async fn app_secret(db: &DatabaseConnection, name: &str) -> Result<Vec<u8>, AppError> {
    let engine = base64::engine::general_purpose::STANDARD;
    if let Some(row) = app_secret::Entity::find_by_id(name.to_string())
        .one(db)
        .await?
    {
        return engine.decode(row.value).map_err(AppError::internal);
    }
    let mut key = vec![0u8; 32];
    rand::rng().fill_bytes(&mut key);
    let insert = app_secret::ActiveModel {
        name: Set(name.to_string()),
        value: Set(engine.encode(&key)),
    }
    .insert(db)
    .await;
    if insert.is_err() {
        // Another instance created it concurrently: use theirs.
        let row = app_secret::Entity::find_by_id(name.to_string())
            .one(db)
            .await?
            .ok_or(AppError::Internal("app secret missing".into()))?;
        return engine.decode(row.value).map_err(AppError::internal);
    }
    Ok(key)
}

/// SHA-256 (hex) of a random token — how sessions, single-use links and recovery codes are
/// stored, so a database dump yields no usable token.
pub fn hash_token(token: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new random token (256 bit, URL-safe base64).
pub fn new_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

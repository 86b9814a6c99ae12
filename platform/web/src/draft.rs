//! Form drafts and pending errors kept in the session, so that every form follows
//! POST-redirect-GET — also when the input was wrong: the browser's back and forward buttons
//! move between pages without resubmitting or landing on an expired POST result, and no input
//! is lost (R-GEN-1, R-GEN-2).

use crate::Ctx;
use hih_kernel::{FieldError, FieldErrors};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Loads the draft stored under `key`.
pub fn load<T: DeserializeOwned>(ctx: &Ctx, key: &str) -> Option<T> {
    ctx.session.get(&format!("_draft:{key}"))
}

/// Stores a draft.
pub fn store<T: Serialize>(ctx: &Ctx, key: &str, value: &T) {
    ctx.session.set(&format!("_draft:{key}"), value);
}

/// Discards a draft (and any pending errors).
pub fn discard(ctx: &Ctx, key: &str) {
    ctx.session.remove(&format!("_draft:{key}"));
    ctx.session.remove(&format!("_draft_errors:{key}"));
}

/// Keeps validation errors for the next GET of the form (POST-redirect-GET also on errors, so
/// the back button never lands on a POST result).
pub fn store_errors(ctx: &Ctx, key: &str, errors: &FieldErrors) {
    ctx.session.set(&format!("_draft_errors:{key}"), &errors.0);
}

/// Takes the pending validation errors.
pub fn take_errors(ctx: &Ctx, key: &str) -> FieldErrors {
    let k = format!("_draft_errors:{key}");
    let list: Vec<FieldError> = ctx.session.get(&k).unwrap_or_default();
    if !list.is_empty() {
        ctx.session.remove(&k);
    }
    FieldErrors(list)
}

/// Keeps a value that the next GET shows exactly once (a generated password, a notice).
pub fn stash<T: Serialize>(ctx: &Ctx, key: &str, value: &T) {
    ctx.session.set(&format!("_once:{key}"), value);
}

/// Takes a stashed value (it is gone afterwards).
pub fn take<T: DeserializeOwned>(ctx: &Ctx, key: &str) -> Option<T> {
    let k = format!("_once:{key}");
    let v = ctx.session.get(&k);
    if v.is_some() {
        ctx.session.remove(&k);
    }
    v
}

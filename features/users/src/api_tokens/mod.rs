//! Personal API tokens (R-API-1): a user creates them on the profile (name, expiry within a
//! year, optionally read-only; review before saving), sees the secret exactly once, lists and
//! revokes them; administrators list and revoke everyone's. The REST API accepts a token as
//! `Authorization: Bearer <secret>` with exactly its owner's role and scope ([`service::authenticate`]).

pub mod routes;
pub mod service;

pub use service::{authenticate, visible_tokens};

//! HTTP handlers of the users feature, one module per flow.

pub mod accounts;
pub mod distribution;
mod draft;
pub mod institutions;
pub mod login;
pub mod password;
pub mod profile;

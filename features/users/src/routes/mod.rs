//! HTTP handlers of the users feature, one module per flow.

pub mod login;
pub mod password;

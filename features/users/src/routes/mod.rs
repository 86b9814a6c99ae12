//! HTTP handlers of the users feature, one module per flow.

pub mod account_form;
pub mod accounts;
pub mod accounts_list;
pub mod distribution;
pub mod institutions;
pub mod login;
pub mod password;
pub mod profile;

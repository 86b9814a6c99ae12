//! sea-orm entities of the platform tables (see the `platform_core` migration).

pub mod access_log;
pub mod app_secret;
pub mod audit_head;
pub mod audit_log;
pub mod audit_verification;
pub mod mail_outbox;
pub mod session;
pub mod text_override;

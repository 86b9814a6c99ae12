//! sea-orm entities of the users feature (migration `users_accounts`).

pub mod api_token;
pub mod institution;
pub mod password_history;
pub mod recovery_code;
pub mod user_account;
pub mod user_token;

//! Staff accounts (R-USR-1).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "user_account")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Anrede (`frau`, `herr`, `divers`, `keine`).
    pub salutation: String,
    /// Vorname.
    pub first_name: String,
    /// Nachname.
    pub last_name: String,
    /// Institution.
    pub institution_id: i64,
    /// Position / Funktion.
    pub position: String,
    /// E-Mail as entered.
    pub email: String,
    /// Folded e-mail (unique).
    pub email_folded: String,
    /// Benutzername as entered.
    pub username: String,
    /// Folded user name (unique).
    pub username_folded: String,
    /// Telefon.
    pub phone: String,
    /// Role code.
    pub role: String,
    /// Active accounts can log in.
    pub active: bool,
    /// First activation (unset: the account has never been activated).
    pub activated_at: Option<DateTimeUtc>,
    /// argon2id PHC string.
    pub password_hash: Option<String>,
    /// When the password was last set.
    pub password_changed_at: Option<DateTimeUtc>,
    /// Force a change at next login.
    pub must_change_password: bool,
    /// TOTP secret (base32).
    pub totp_secret: Option<String>,
    /// TOTP enrolled.
    pub totp_enabled: bool,
    /// Last accepted TOTP time step (replay protection).
    pub totp_last_step: Option<i64>,
    /// Consecutive failed logins.
    pub failed_logins: i32,
    /// Locked until.
    pub locked_until: Option<DateTimeUtc>,
    /// Last successful login.
    pub last_login_at: Option<DateTimeUtc>,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Updated.
    pub updated_at: DateTimeUtc,
    /// Folded search text (names, user name, e-mail, position, phone).
    pub search_text: String,
    /// Folded sort key "nachname vorname" (German order in SQL).
    pub sort_name: String,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("user", redacted: ["password_hash", "totp_secret"]);

impl Model {
    /// "Vorname Nachname".
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

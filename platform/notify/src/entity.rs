//! The `notification` table (migration `platform_notification`): one row per recipient.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One notification of one user.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "notification")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Recipient (a user account id).
    pub user_id: i64,
    /// Stable kind chosen by the caller (`security.lockout`, `applicants.review`).
    pub kind: String,
    /// Text key of the message, rendered in the reader's language.
    pub text_key: String,
    /// Message arguments as a JSON object (numbers are numeric placeables).
    pub args: String,
    /// Local target page, if any.
    pub href: Option<String>,
    /// Created at.
    pub created_at: DateTimeUtc,
    /// Read at (`None`: unread).
    pub read_at: Option<DateTimeUtc>,
}

/// No relations declared (the account is referred to by id).
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("notification");

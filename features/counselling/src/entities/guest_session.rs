//! A guest's sign-in after the passphrase: its own cookie and table, apart from staff
//! sessions.
use sea_orm::entity::prelude::*;

/// A guest session.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "counselling_guest_session")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The guest.
    pub guest_id: i64,
    /// SHA-256 of the cookie's token.
    pub token_hash: String,
    /// Ends at (renewed on use).
    pub expires_at: DateTimeUtc,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

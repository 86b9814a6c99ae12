//! Anonymous counts that outlive deleted conversations (R-CNS-3): conversations and messages
//! by country and topic.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// Counted conversations.
pub const CONVERSATIONS: &str = "conversations";
/// Counted messages (guest and staff, not internal notes).
pub const MESSAGES: &str = "messages";

/// One counter.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "counselling_counter")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Country code.
    pub country: String,
    /// Topic code.
    pub topic: String,
    /// [`CONVERSATIONS`] or [`MESSAGES`].
    pub kind: String,
    /// Count.
    pub count: i64,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

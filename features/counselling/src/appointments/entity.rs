//! A video appointment in a conversation: proposed by staff, accepted or declined by the guest.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// Proposed, waiting for the guest's answer.
pub const PROPOSED: &str = "proposed";
/// Accepted by the guest: both see the room's link.
pub const ACCEPTED: &str = "accepted";
/// Declined by the guest.
pub const DECLINED: &str = "declined";

/// An appointment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "counselling_appointment")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The conversation.
    pub conversation_id: i64,
    /// When the call starts.
    pub starts_at: DateTimeUtc,
    /// [`PROPOSED`], [`ACCEPTED`] or [`DECLINED`].
    pub status: String,
    /// The room's random name (128 bit, hex) on the Jitsi server.
    pub room: String,
    /// The staff member who proposed it.
    pub proposed_by: Option<i64>,
    /// Their name when proposing.
    pub proposed_by_name: String,
    /// Proposed.
    pub created_at: DateTimeUtc,
    /// The guest's answer.
    pub answered_at: Option<DateTimeUtc>,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("counselling_appointment", redacted: ["room"]);

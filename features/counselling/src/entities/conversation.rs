//! A conversation between a guest and the AHK staff of a country (R-CNS-1/2).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// Open: the guest and the staff write; closed: kept until the retention ends.
pub const OPEN: &str = "open";
/// See [`OPEN`].
pub const CLOSED: &str = "closed";

/// A conversation.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "counselling_conversation")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The guest.
    pub guest_id: i64,
    /// ISO code of the country whose AHK counsels.
    pub country: String,
    /// Topic code ([`crate::TOPICS`]).
    pub topic: String,
    /// [`OPEN`] or [`CLOSED`].
    pub status: String,
    /// The staff member in charge, if assigned.
    pub assignee_id: Option<i64>,
    /// The linked applicant record, if any.
    pub applicant_id: Option<i64>,
    /// The only name the guest has here (no real name is stored).
    pub pseudonym: String,
    /// The staff member who opened it.
    pub created_by: Option<i64>,
    /// Opened.
    pub created_at: DateTimeUtc,
    /// Last message or status change.
    pub last_activity_at: DateTimeUtc,
    /// The first staff answer (response-time tracking).
    pub first_response_at: Option<DateTimeUtc>,
    /// Closed at (the retention counts from here).
    pub closed_at: Option<DateTimeUtc>,
    /// Shared for integration: IHK staff of a district the linked applicant is opened to (by a
    /// match) may read it on the applicant's page ([`crate::scope`]).
    pub shared_for_integration: bool,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("counselling_conversation");

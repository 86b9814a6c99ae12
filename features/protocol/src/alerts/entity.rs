//! The `misuse_alert` table (migration `protocol_alerts`): one row per episode of a rule and
//! subject.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One alert (an episode of one rule for one subject).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "misuse_alert")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The rule's code ([`super::rules::Rule::code`]).
    pub rule: String,
    /// Who or where: `user:<id>`, a client address, or `*` (several addresses).
    pub subject: String,
    /// Time of the episode's first event.
    pub first_seen: DateTimeUtc,
    /// Time of the episode's latest event.
    pub last_seen: DateTimeUtc,
    /// The rule's measure over the episode: log entries, or exported rows.
    pub count: i64,
    /// [`super::rules::Evidence`] as JSON.
    pub evidence: String,
    /// When an admin or the dpo acknowledged it (`None`: open).
    pub acknowledged_at: Option<DateTimeUtc>,
    /// Who acknowledged it (a user account id).
    pub acknowledged_by: Option<i64>,
}

/// No relations declared (the acknowledging account is referred to by id).
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("misuse_alert");

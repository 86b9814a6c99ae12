//! The `audit_verification` table (migration `operations`): one row per verification of the
//! audit chain (R-AUD-4).

use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One verification run.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "audit_verification")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// When it ran.
    pub verified_at: DateTimeUtc,
    /// Seq of the first entry checked in this run.
    pub from_seq: i64,
    /// Seq of the last entry found intact (the chain is intact up to here).
    pub up_to_seq: i64,
    /// Hash of that entry (the next run continues from it).
    pub up_to_hash: Option<String>,
    /// Entries checked in this run.
    pub entries: i64,
    /// Whether the chain was intact.
    pub intact: bool,
    /// What was wrong, for the operator (plain text; `None` if intact).
    pub problem: Option<String>,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

crate::audited_by_id!("audit_verification");

//! The head of the audit chain (one row): last seq and hash, and the anchor left by the
//! sanctioned purge of old entries.
use sea_orm::entity::prelude::*;

/// The single head row (`id = 1`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_head")]
pub struct Model {
    /// Always 1.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    /// Last written seq.
    pub seq: i64,
    /// Hash of the last written entry.
    pub hash: String,
    /// Seq of the last purged entry (0 = none purged).
    pub anchor_seq: i64,
    /// Hash of the last purged entry (genesis if none).
    pub anchor_hash: String,
    /// Bumped by every unit of work to take the write lock first.
    pub lock_counter: i64,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

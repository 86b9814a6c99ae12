//! The hash chain of the audit trail (R-AUD-4) and its verification (`hih verify-audit`).
//!
//! Each entry's hash is SHA-256 over its sequence number, time, actor, entity, id, action,
//! changes and the previous entry's hash. Sequence numbers are gap-free, and the head row
//! remembers the last hash, so editing, deleting or appending rows behind the application's
//! back breaks the chain. The sanctioned purge of old entries (R-RET-1) records the last
//! purged entry as the new anchor.

use hih_kernel::AppError;
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait, QueryOrder};
use sha2::{Digest, Sha256};

use crate::entities::{audit_head, audit_log};

/// The hash of the empty chain.
pub fn genesis() -> String {
    "0".repeat(64)
}

/// Computes an entry's hash from its fields and the previous hash.
pub fn entry_hash(e: &audit_log::Model) -> String {
    let mut h = Sha256::new();
    for part in [
        e.seq.to_string().as_str(),
        &e.at,
        &e.actor,
        &e.actor_name,
        &e.entity,
        &e.entity_id,
        &e.action,
        &e.changes,
        &e.prev_hash,
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Result of a verification run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// The chain is intact; number of entries checked.
    Intact(u64),
    /// The first entry (by seq) where the chain breaks, and why.
    Broken {
        /// Sequence number of the first bad entry (or the expected one if missing).
        seq: i64,
        /// What is wrong.
        reason: String,
    },
}

/// Walks the whole chain in pages and reports the first break.
pub async fn verify<C: ConnectionTrait>(db: &C) -> Result<Verification, AppError> {
    let head = audit_head::Entity::find_by_id(1)
        .one(db)
        .await?
        .ok_or_else(|| AppError::Internal("audit head missing".into()))?;
    let mut expected_seq = head.anchor_seq + 1;
    let mut prev = head.anchor_hash.clone();
    let mut checked = 0u64;
    let mut pages = audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Seq)
        .paginate(db, 1000);
    while let Some(rows) = pages.fetch_and_next().await? {
        for e in rows {
            if e.seq != expected_seq {
                return Ok(Verification::Broken {
                    seq: expected_seq,
                    reason: format!("entry {expected_seq} missing (found {})", e.seq),
                });
            }
            if e.prev_hash != prev {
                return Ok(Verification::Broken {
                    seq: e.seq,
                    reason: "previous hash does not match".into(),
                });
            }
            if entry_hash(&e) != e.hash {
                return Ok(Verification::Broken {
                    seq: e.seq,
                    reason: "content does not match its hash".into(),
                });
            }
            prev = e.hash.clone();
            expected_seq += 1;
            checked += 1;
        }
    }
    if head.seq != expected_seq - 1 || head.hash != prev {
        return Ok(Verification::Broken {
            seq: expected_seq,
            reason: format!(
                "chain ends at {} but head says {}",
                expected_seq - 1,
                head.seq
            ),
        });
    }
    Ok(Verification::Intact(checked))
}

//! The hash chain of the audit trail (R-AUD-4) and its verification (`hih verify-audit`).
//!
//! Each entry's hash is SHA-256 over its sequence number, time, actor, entity, id, action,
//! changes and the previous entry's hash. Sequence numbers are gap-free, and the head row
//! remembers the last hash, so editing, deleting or appending rows behind the application's
//! back breaks the chain.
//!
//! The sanctioned purge of old entries (R-RET-1, [`purge_before`]) is the only path that
//! deletes audit rows: it deletes the oldest entries, after checking them, and moves the head's
//! anchor to the last deleted entry's (seq, hash). The same transaction appends a `log-purge`
//! event that names the new anchor — the anchor is "signed off" inside the chain it anchors.
//! [`verify`] proves the chain from the anchor, and also that the anchor is the one the latest
//! `log-purge` event signed off, so cutting the oldest entries and moving the anchor behind
//! the application's back is detected as well.

use chrono::{DateTime, SecondsFormat, Utc};
use hih_kernel::AppError;
use sea_orm::sea_query::Expr;
use sea_orm::{AccessMode, DatabaseConnection, DbBackend, IsolationLevel, TransactionTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::UnitOfWork;
use crate::entities::{audit_head, audit_log};

/// Action of the audit events written by the log purge (the audit and the access log's
/// batches and the purge job's run summary).
pub const PURGE_ACTION: &str = "log-purge";

/// Audit entity of the events about the audit log itself.
pub const ENTITY: &str = "audit_log";

/// How many entries the purge reads and checks at once.
const PAGE: u64 = 1000;

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

/// An instant as the audit log stores it (`at`: RFC 3339, microseconds, `Z`), so that text
/// comparison orders like time.
pub fn stored_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
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
        reason: Break,
    },
}

/// Why the chain breaks at an entry; [`Break::text_key`] names it for people (German first),
/// `Display` for the operator's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// The expected entry is missing; the next one found has this seq.
    Missing {
        /// The seq found instead.
        found: i64,
    },
    /// The entry does not name its predecessor's hash.
    PreviousHash,
    /// The entry's content does not match its own hash (it was edited).
    Content,
    /// The chain ends before or after what the head row records.
    Head {
        /// The last seq the head records.
        head: i64,
    },
    /// The anchor was moved without a log purge signing it off.
    UnsignedAnchor,
}

impl Break {
    /// The text key of the German/English explanation (arguments: [`Break::args`]).
    pub fn text_key(&self) -> &'static str {
        match self {
            Break::Missing { .. } => "app-cli-audit-break-missing",
            Break::PreviousHash => "app-cli-audit-break-previous",
            Break::Content => "app-cli-audit-break-content",
            Break::Head { .. } => "app-cli-audit-break-head",
            Break::UnsignedAnchor => "app-cli-audit-break-anchor",
        }
    }

    /// The arguments of the text.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Break::Missing { found } => vec![("found", found.to_string())],
            Break::Head { head } => vec![("head", head.to_string())],
            _ => Vec::new(),
        }
    }
}

impl std::fmt::Display for Break {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Break::Missing { found } => write!(f, "entry missing (found {found})"),
            Break::PreviousHash => write!(f, "previous hash does not match"),
            Break::Content => write!(f, "content does not match its hash"),
            Break::Head { head } => write!(f, "chain does not end where the head says ({head})"),
            Break::UnsignedAnchor => write!(f, "anchor is not signed off by a log purge"),
        }
    }
}

/// Checks one entry against its expected position in the chain: the seq it must have and the
/// hash of its predecessor. `None` if it fits.
fn check_link(e: &audit_log::Model, expected_seq: i64, prev: &str) -> Option<Verification> {
    if e.seq != expected_seq {
        return Some(Verification::Broken {
            seq: expected_seq,
            reason: Break::Missing { found: e.seq },
        });
    }
    if e.prev_hash != prev {
        return Some(Verification::Broken {
            seq: e.seq,
            reason: Break::PreviousHash,
        });
    }
    if entry_hash(e) != e.hash {
        return Some(Verification::Broken {
            seq: e.seq,
            reason: Break::Content,
        });
    }
    None
}

/// The anchor a `log-purge` entry signs off, if it names one.
fn signed_anchor(e: &audit_log::Model) -> Option<Anchor> {
    if e.action != PURGE_ACTION {
        return None;
    }
    let details: Value = serde_json::from_str(&e.changes).ok()?;
    Some(Anchor {
        seq: details.get("anchor_seq")?.as_i64()?,
        hash: details.get("anchor_hash")?.as_str()?.to_string(),
    })
}

/// [`verify`] inside one read-only snapshot of the database, so it gives the same answer while
/// writers append entries (`hih verify-audit` on a running system): the head and every entry
/// are read as of one moment. PostgreSQL: a `REPEATABLE READ` read-only transaction; SQLite:
/// a transaction, whose first read fixes the snapshot (WAL mode).
pub async fn verify_consistent(db: &DatabaseConnection) -> Result<Verification, AppError> {
    Ok(verify_consistent_from(db, None).await?.verification)
}

/// An entry an earlier verification found intact: a later one continues after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// Its seq.
    pub seq: i64,
    /// Its hash.
    pub hash: String,
}

/// What one verification run found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Intact (with the number of entries checked) or the first break.
    pub verification: Verification,
    /// Seq of the first entry checked.
    pub from_seq: i64,
    /// The last entry found intact (`None` if not even the first one was).
    pub last_intact: Option<Checkpoint>,
}

/// [`verify_from`] in one snapshot, like [`verify_consistent`].
pub async fn verify_consistent_from(
    db: &DatabaseConnection,
    start: Option<Checkpoint>,
) -> Result<Outcome, AppError> {
    let txn = match db.get_database_backend() {
        DbBackend::Postgres => {
            db.begin_with_config(
                Some(IsolationLevel::RepeatableRead),
                Some(AccessMode::ReadOnly),
            )
            .await?
        }
        _ => db.begin().await?,
    };
    let result = verify_from(&txn, start).await;
    txn.rollback().await?;
    result
}

/// Walks the whole chain in pages, from the anchor, and reports the first break. A moved
/// anchor must be the one the latest `log-purge` entry signed off. Outside a transaction,
/// concurrent writers can make it see entries beyond the head it read: use
/// [`verify_consistent`] on a running system.
pub async fn verify<C: ConnectionTrait>(db: &C) -> Result<Verification, AppError> {
    Ok(verify_from(db, None).await?.verification)
}

/// Like [`verify`], but with a checkpoint only the entries after it are walked (the daily
/// check and `hih verify-audit --continue`): the checkpoint entry must still carry the hash it
/// had, and the head and the anchor's sign-off are checked as in a full run. A checkpoint the
/// log purge has since deleted means a full run from the anchor.
pub async fn verify_from<C: ConnectionTrait>(
    db: &C,
    start: Option<Checkpoint>,
) -> Result<Outcome, AppError> {
    let head = audit_head::Entity::find_by_id(1)
        .one(db)
        .await?
        .ok_or_else(|| AppError::Internal("audit head missing".into()))?;
    let anchor = Anchor {
        seq: head.anchor_seq,
        hash: head.anchor_hash.clone(),
    };
    let start = match start {
        Some(c) if c.seq > anchor.seq => Some(c),
        _ => None,
    };
    let mut last_intact = start.clone();
    let (mut expected_seq, mut prev) = match &start {
        Some(c) => (c.seq + 1, c.hash.clone()),
        None => (anchor.seq + 1, anchor.hash.clone()),
    };
    let from_seq = expected_seq;
    let broken = |seq, reason| Outcome {
        verification: Verification::Broken { seq, reason },
        from_seq,
        last_intact: None,
    };
    if let Some(c) = &start {
        let still = audit_log::Entity::find()
            .filter(audit_log::Column::Seq.eq(c.seq))
            .one(db)
            .await?;
        match still {
            Some(e) if e.hash == c.hash && entry_hash(&e) == e.hash => {}
            Some(_) => return Ok(broken(c.seq, Break::Content)),
            None => return Ok(broken(c.seq, Break::Missing { found: c.seq + 1 })),
        }
    }
    let mut checked = 0u64;
    let mut pages = audit_log::Entity::find()
        .filter(audit_log::Column::Seq.gte(expected_seq))
        .order_by_asc(audit_log::Column::Seq)
        .paginate(db, PAGE);
    while let Some(rows) = pages.fetch_and_next().await? {
        for e in rows {
            if let Some(Verification::Broken { seq, reason }) = check_link(&e, expected_seq, &prev)
            {
                return Ok(Outcome {
                    last_intact,
                    ..broken(seq, reason)
                });
            }
            prev = e.hash.clone();
            last_intact = Some(Checkpoint {
                seq: e.seq,
                hash: e.hash.clone(),
            });
            expected_seq += 1;
            checked += 1;
        }
    }
    if head.seq != expected_seq - 1 || head.hash != prev {
        return Ok(Outcome {
            last_intact,
            ..broken(expected_seq, Break::Head { head: head.seq })
        });
    }
    if anchor != Anchor::genesis() && latest_signed_anchor(db).await?.as_ref() != Some(&anchor) {
        return Ok(Outcome {
            last_intact,
            ..broken(anchor.seq, Break::UnsignedAnchor)
        });
    }
    Ok(Outcome {
        verification: Verification::Intact(checked),
        from_seq,
        last_intact,
    })
}

/// The anchor the latest `log-purge` entry signed off, if any.
async fn latest_signed_anchor<C: ConnectionTrait>(db: &C) -> Result<Option<Anchor>, AppError> {
    let latest = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(PURGE_ACTION))
        .order_by_desc(audit_log::Column::Seq)
        .all(db)
        .await?;
    Ok(latest.iter().find_map(signed_anchor))
}

/// Where the verifiable chain starts: the last purged entry (seq 0 and the genesis hash while
/// nothing was purged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Seq of the last purged entry.
    pub seq: i64,
    /// Its hash: the `prev_hash` the first remaining entry must carry.
    pub hash: String,
}

impl Anchor {
    /// The anchor of a chain from which nothing was purged.
    pub fn genesis() -> Self {
        Anchor {
            seq: 0,
            hash: genesis(),
        }
    }
}

/// The head's current anchor.
pub async fn anchor<C: ConnectionTrait>(db: &C) -> Result<Anchor, AppError> {
    let head = audit_head::Entity::find_by_id(1)
        .one(db)
        .await?
        .ok_or_else(|| AppError::Internal("audit head missing".into()))?;
    Ok(Anchor {
        seq: head.anchor_seq,
        hash: head.anchor_hash,
    })
}

/// What one purge batch of the audit log did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purge {
    /// `deleted` entries (possibly none) are gone; `anchor` is the anchor afterwards.
    Done {
        /// Entries deleted.
        deleted: u64,
        /// The anchor after the batch.
        anchor: Anchor,
    },
    /// The entries to delete do not verify (an entry was edited, removed or reordered behind
    /// the application's back): nothing was deleted, so the evidence stays.
    Refused {
        /// The first bad entry (or the missing one).
        seq: i64,
        /// What is wrong.
        reason: Break,
    },
}

/// Deletes at most `batch` of the oldest audit entries written before `cutoff` — the only
/// sanctioned deletion of audit rows (R-RET-1) — inside `uow`, whose lock on the head keeps
/// writers out. Only a gap-free prefix of the chain is deleted (it stops at the first entry
/// at or after `cutoff`), and each entry is checked against its predecessor and its hash
/// first: a batch that does not verify is [`Purge::Refused`] and deletes nothing. Otherwise
/// the head's anchor moves to the last deleted entry and, if anything was deleted, an event
/// `log-purge` (entity `audit_log`) records the count, the cutoff and the new anchor in the
/// same transaction.
pub async fn purge_before(
    uow: &mut UnitOfWork,
    cutoff: DateTime<Utc>,
    batch: u64,
) -> Result<Purge, AppError> {
    let before = stored_time(cutoff);
    let head = audit_head::Entity::find_by_id(1)
        .one(uow.txn())
        .await?
        .ok_or_else(|| AppError::Internal("audit head missing".into()))?;
    let old = Anchor {
        seq: head.anchor_seq,
        hash: head.anchor_hash,
    };
    let mut anchor = old.clone();
    let mut left = batch;
    'pages: while left > 0 {
        let rows = audit_log::Entity::find()
            .filter(audit_log::Column::Seq.gt(anchor.seq))
            .order_by_asc(audit_log::Column::Seq)
            .limit(left.min(PAGE))
            .all(uow.txn())
            .await?;
        let full = rows.len() as u64 == left.min(PAGE);
        for e in rows {
            if e.at >= before {
                break 'pages;
            }
            if let Some(Verification::Broken { seq, reason }) =
                check_link(&e, anchor.seq + 1, &anchor.hash)
            {
                return Ok(Purge::Refused { seq, reason });
            }
            anchor = Anchor {
                seq: e.seq,
                hash: e.hash,
            };
            left -= 1;
        }
        if !full {
            break;
        }
    }
    let deleted = anchor.seq - old.seq;
    if deleted == 0 {
        return Ok(Purge::Done { deleted: 0, anchor });
    }
    let result = audit_log::Entity::delete_many()
        .filter(audit_log::Column::Seq.gt(old.seq))
        .filter(audit_log::Column::Seq.lte(anchor.seq))
        .exec(uow.txn())
        .await?;
    if result.rows_affected != deleted as u64 {
        return Err(AppError::Conflict);
    }
    audit_head::Entity::update_many()
        .col_expr(audit_head::Column::AnchorSeq, Expr::value(anchor.seq))
        .col_expr(
            audit_head::Column::AnchorHash,
            Expr::value(anchor.hash.clone()),
        )
        .filter(audit_head::Column::Id.eq(1))
        .exec(uow.txn())
        .await?;
    uow.event(
        ENTITY,
        "*",
        PURGE_ACTION,
        serde_json::json!({
            "deleted": result.rows_affected,
            "before": before,
            "from_seq": old.seq + 1,
            "anchor_seq": anchor.seq,
            "anchor_hash": anchor.hash,
        }),
    );
    Ok(Purge::Done {
        deleted: result.rows_affected,
        anchor,
    })
}

/// The oldest remaining audit entry's time (stored text), if any.
pub async fn oldest<C: ConnectionTrait>(db: &C) -> Result<Option<String>, AppError> {
    Ok(audit_log::Entity::find()
        .select_only()
        .column(audit_log::Column::At)
        .order_by_asc(audit_log::Column::Seq)
        .limit(1)
        .into_tuple::<String>()
        .one(db)
        .await?)
}

/// How many audit entries were written before `cutoff` (those a purge at `cutoff` deletes).
pub async fn count_before<C: ConnectionTrait>(
    db: &C,
    cutoff: DateTime<Utc>,
) -> Result<u64, AppError> {
    Ok(audit_log::Entity::find()
        .filter(audit_log::Column::At.lt(stored_time(cutoff)))
        .count(db)
        .await?)
}

/// The latest recorded verification of the chain (the status page shows it), if any.
pub async fn latest_verification<C: ConnectionTrait>(
    db: &C,
) -> Result<Option<crate::entities::audit_verification::Model>, AppError> {
    use crate::entities::audit_verification::{Column, Entity};
    Ok(Entity::find().order_by_desc(Column::Id).one(db).await?)
}

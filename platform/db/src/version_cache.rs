//! Results computed from the data, kept until the data changes (issue 16). Every unit of work
//! that commits counts up the audit head's `lock_counter` in its own transaction (and a unit
//! with changes moves the chain's `seq` and `hash`), so the head row is the version of all
//! business data, written by every instance in the same database. A value computed at one
//! version is answered again only while the database still shows that version: nothing is
//! stale after a write committed by any instance, and the first request after a write
//! computes afresh. The chain hash in the version also tells two databases apart (tests run
//! several in one process).

use std::collections::VecDeque;
use std::sync::Mutex;

use hih_kernel::AppError;
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::entities::audit_head;

/// The version of the business data: the audit head's commit counter, sequence and hash.
pub async fn data_version<C: ConnectionTrait>(db: &C) -> Result<String, AppError> {
    let head = audit_head::Entity::find_by_id(1)
        .one(db)
        .await?
        .ok_or_else(|| AppError::Internal("audit head missing".into()))?;
    Ok(format!("{}:{}:{}", head.lock_counter, head.seq, head.hash))
}

/// A few values (at most `capacity`, the oldest dropped first), each valid for one data
/// version and one key (scope, period, language …).
pub struct VersionCache<V> {
    capacity: usize,
    entries: Mutex<VecDeque<(String, V)>>,
}

impl<V: Clone> VersionCache<V> {
    /// An empty cache of at most `capacity` values (a `static` per kind of result).
    pub const fn new(capacity: usize) -> Self {
        VersionCache {
            capacity,
            entries: Mutex::new(VecDeque::new()),
        }
    }

    /// The value for `key` at the database's current version: kept, or computed by `compute`
    /// and kept. The version is read before computing, so a write committed meanwhile makes
    /// the next request compute again.
    pub async fn get_or_compute<C, F, Fut>(
        &self,
        db: &C,
        key: &str,
        compute: F,
    ) -> Result<V, AppError>
    where
        C: ConnectionTrait,
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<V, AppError>>,
    {
        let full = format!("{}|{key}", data_version(db).await?);
        if let Some(v) = self.lookup(&full) {
            return Ok(v);
        }
        let v = compute().await?;
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|(k, _)| k != &full);
            if entries.len() >= self.capacity {
                entries.pop_front();
            }
            entries.push_back((full, v.clone()));
        }
        Ok(v)
    }

    fn lookup(&self, full: &str) -> Option<V> {
        let entries = self.entries.lock().ok()?;
        entries
            .iter()
            .find(|(k, _)| k == full)
            .map(|(_, v)| v.clone())
    }
}

//! The unit of work: the one write path for business tables (R-AUD-1).

use std::str::FromStr;

use chrono::{DateTime, SubsecRound, Utc};
use hih_kernel::{Actor, AppError, HookEvent, Services};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait,
    IntoActiveModel, QueryFilter, TransactionTrait,
};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::audit::entry_hash;
use crate::entities::{audit_head, audit_log};

/// A record that the audit trail can describe.
pub trait Auditable: Serialize {
    /// Entity name in the audit log (`user`, `company`).
    const ENTITY: &'static str;
    /// Fields whose values never enter the audit log (password hashes, TOTP secrets, tokens).
    /// A change of them is recorded as `"***"`.
    const REDACTED: &'static [&'static str] = &[];
    /// The record id as text.
    fn audit_id(&self) -> String;
}

/// Implements [`Auditable`] for the entity module's `Model` whose record id is its `id`
/// column: `audited_by_id!("user", redacted: ["password_hash"])` names the entity in the audit
/// log and the fields whose values never enter it.
#[macro_export]
macro_rules! audited_by_id {
    ($entity:literal $(, redacted: [$($field:literal),* $(,)?])? $(,)?) => {
        impl $crate::Auditable for Model {
            const ENTITY: &'static str = $entity;
            $(const REDACTED: &'static [&'static str] = &[$($field),*];)?
            fn audit_id(&self) -> String {
                self.id.to_string()
            }
        }
    };
}

struct Pending {
    entity: String,
    entity_id: String,
    action: String,
    changes: Value,
}

/// An open transaction that records an audit entry for every change and appends them,
/// hash-chained, in the same transaction on [`UnitOfWork::commit`].
///
/// `begin` takes the audit chain's write lock first (an update of the head row), so chains
/// never fork under concurrency and SQLite never has to upgrade a read transaction.
pub struct UnitOfWork {
    txn: DatabaseTransaction,
    actor: Actor,
    now: DateTime<Utc>,
    pending: Vec<Pending>,
    after_commit: Vec<(String, Value)>,
    services: Services,
}

fn to_object<T: Serialize>(m: &T) -> Map<String, Value> {
    match serde_json::to_value(m) {
        Ok(Value::Object(o)) => o,
        _ => Map::new(),
    }
}

/// `{field: [old, new]}` for every field that differs; redacted fields show `"***"`.
fn diff(
    before: Option<&Map<String, Value>>,
    after: Option<&Map<String, Value>>,
    redacted: &[&str],
) -> Value {
    let mut out = Map::new();
    let empty = Map::new();
    let b = before.unwrap_or(&empty);
    let a = after.unwrap_or(&empty);
    let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
    keys.sort();
    keys.dedup();
    for k in keys {
        if k == "search_text" || k.ends_with("_folded") {
            continue;
        }
        let old = b.get(k).cloned().unwrap_or(Value::Null);
        let new = a.get(k).cloned().unwrap_or(Value::Null);
        if old != new {
            let pair = if redacted.contains(&k.as_str()) {
                let mask = |v: &Value| {
                    if v.is_null() {
                        Value::Null
                    } else {
                        Value::from("***")
                    }
                };
                Value::Array(vec![mask(&old), mask(&new)])
            } else {
                Value::Array(vec![old, new])
            };
            out.insert(k.clone(), pair);
        }
    }
    Value::Object(out)
}

impl UnitOfWork {
    /// Opens a transaction for `actor` and takes the audit write lock.
    pub async fn begin(services: &Services, actor: &Actor) -> Result<Self, AppError> {
        let txn = services.db.begin().await?;
        audit_head::Entity::update_many()
            .col_expr(
                audit_head::Column::LockCounter,
                Expr::col(audit_head::Column::LockCounter).add(1),
            )
            .filter(audit_head::Column::Id.eq(1))
            .exec(&txn)
            .await?;
        Ok(UnitOfWork {
            txn,
            actor: actor.clone(),
            now: services.clock.now().trunc_subsecs(6),
            pending: Vec::new(),
            after_commit: Vec::new(),
            services: services.clone(),
        })
    }

    /// The transaction, for reads inside the unit of work and for bulk statements whose
    /// effect is recorded with [`UnitOfWork::event`].
    pub fn txn(&self) -> &DatabaseTransaction {
        &self.txn
    }

    /// The acting user or job.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// "Now" for this unit of work (one instant for all its changes).
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The shared services.
    pub fn services(&self) -> &Services {
        &self.services
    }

    /// Inserts a record and records a `create` entry with all its fields.
    pub async fn insert<A>(&mut self, am: A) -> Result<<A::Entity as EntityTrait>::Model, AppError>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Auditable,
    {
        let model = am.insert(&self.txn).await?;
        let changes = diff(
            None,
            Some(&to_object(&model)),
            <<A::Entity as EntityTrait>::Model as Auditable>::REDACTED,
        );
        self.push(
            <<A::Entity as EntityTrait>::Model as Auditable>::ENTITY,
            model.audit_id(),
            "create",
            changes,
        );
        Ok(model)
    }

    /// Updates a record and records the changed fields (old → new). No entry if nothing
    /// changed.
    pub async fn update<A>(
        &mut self,
        before: &<A::Entity as EntityTrait>::Model,
        am: A,
    ) -> Result<<A::Entity as EntityTrait>::Model, AppError>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Auditable,
    {
        let model = am.update(&self.txn).await?;
        let redacted = <<A::Entity as EntityTrait>::Model as Auditable>::REDACTED;
        let changes = diff(Some(&to_object(before)), Some(&to_object(&model)), redacted);
        let entity = <<A::Entity as EntityTrait>::Model as Auditable>::ENTITY;
        let id = model.audit_id();
        let activation = changes
            .get("active")
            .and_then(|pair| pair.get(1))
            .and_then(Value::as_bool);
        if changes.as_object().is_some_and(|o| !o.is_empty()) {
            self.push(entity, id.clone(), "update", changes);
        }
        if let (Some(active), Ok(numeric)) = (activation, id.parse::<i64>()) {
            self.run_activation_hooks(entity, numeric, active).await?;
        }
        Ok(model)
    }

    /// Deactivates (`active` false, `deactivated_at` now) or reactivates (`active` true,
    /// `deactivated_at` cleared) a record whose entity has these columns and `updated_at`;
    /// audited as an update, so the activation hooks run.
    pub async fn set_active<A>(
        &mut self,
        before: &<A::Entity as EntityTrait>::Model,
        active: bool,
    ) -> Result<<A::Entity as EntityTrait>::Model, AppError>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Auditable + Clone,
    {
        let now = self.now();
        let deactivated_at = (!active).then_some(now);
        let mut am = before.clone().into_active_model();
        for (name, value) in [
            ("active", sea_orm::Value::from(active)),
            ("deactivated_at", sea_orm::Value::from(deactivated_at)),
            ("updated_at", sea_orm::Value::from(now)),
        ] {
            let column = <A::Entity as EntityTrait>::Column::from_str(name).map_err(|_| {
                AppError::Internal(format!("{name} is not a column of this entity"))
            })?;
            am.set(column, value);
        }
        self.update(before, am).await
    }

    /// Runs the registered hooks of `entity` after record `id` was deactivated or reactivated,
    /// in this transaction, and records the writes they report. [`Self::update`] calls it
    /// whenever an `active` field changes.
    async fn run_activation_hooks(
        &mut self,
        entity: &str,
        id: i64,
        active: bool,
    ) -> Result<(), AppError> {
        let hooks: Vec<_> = self.services.activation_hooks.of(entity).cloned().collect();
        for hook in hooks {
            let events = hook.changed(&self.txn, id, active).await?;
            self.record(events);
        }
        Ok(())
    }

    /// Deletes a record physically and records its last state.
    pub async fn delete<A>(
        &mut self,
        model: <A::Entity as EntityTrait>::Model,
    ) -> Result<(), AppError>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Auditable,
    {
        self.delete_recording::<A>(model, false).await
    }

    /// Deletes a record physically on a data subject's erasure request (GDPR Art. 17): like
    /// [`Self::delete`] (statistics folds included), but the audit entry names only the fields
    /// that held a value, each as `"***"`, so the erased data is not copied into the log.
    pub async fn erase<A>(
        &mut self,
        model: <A::Entity as EntityTrait>::Model,
    ) -> Result<(), AppError>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Auditable,
    {
        self.delete_recording::<A>(model, true).await
    }

    async fn delete_recording<A>(
        &mut self,
        model: <A::Entity as EntityTrait>::Model,
        mask_all: bool,
    ) -> Result<(), AppError>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Auditable,
    {
        let redacted = <<A::Entity as EntityTrait>::Model as Auditable>::REDACTED;
        let before = to_object(&model);
        let changes = if mask_all {
            let all: Vec<&str> = before.keys().map(String::as_str).collect();
            diff(Some(&before), None, &all)
        } else {
            diff(Some(&before), None, redacted)
        };
        let id = model.audit_id();
        let entity = <<A::Entity as EntityTrait>::Model as Auditable>::ENTITY;
        if let Ok(numeric) = id.parse::<i64>() {
            self.fold_before_delete(entity, &[numeric]).await?;
        }
        let am: A = model.into_active_model();
        let res = am.delete(&self.txn).await?;
        if res.rows_affected == 0 {
            return Err(AppError::Conflict);
        }
        self.push(
            <<A::Entity as EntityTrait>::Model as Auditable>::ENTITY,
            id,
            "delete",
            changes,
        );
        Ok(())
    }

    /// Runs the registered folds of `entity` over the records `ids` before they are deleted
    /// physically (R-RET-3), in this transaction. [`Self::delete`] and the retention purge call
    /// it; anything else that deletes such records in bulk must too.
    pub async fn fold_before_delete(&mut self, entity: &str, ids: &[i64]) -> Result<(), AppError> {
        if ids.is_empty() {
            return Ok(());
        }
        let folds: Vec<_> = self.services.deletion_folds.of(entity).cloned().collect();
        for fold in folds {
            fold.fold(&self.txn, ids).await?;
        }
        Ok(())
    }

    /// Records the writes a helper made through [`Self::txn`] and reported as
    /// [`HookEvent`]s (the same entries the unit of work writes for its own changes).
    pub fn record(&mut self, events: Vec<HookEvent>) {
        for e in events {
            self.push(&e.entity, e.entity_id, &e.action, e.changes);
        }
    }

    /// Records a named event (login, purge with counts, …) with free details.
    pub fn event(&mut self, entity: &str, entity_id: &str, action: &str, details: Value) {
        self.push(entity, entity_id.to_string(), action, details);
    }

    /// Records that `created` demo records of `entity` were generated from `seed` (one
    /// `demo-data` event for all of them) and commits.
    pub async fn commit_demo_data(
        mut self,
        entity: &str,
        created: u64,
        seed: u64,
    ) -> Result<u64, AppError> {
        self.event(
            entity,
            "*",
            "demo-data",
            serde_json::json!({ "created": created, "seed": seed }),
        );
        self.commit().await?;
        Ok(created)
    }

    /// Enqueues a job once the transaction has committed (e.g. mail delivery).
    pub fn after_commit(&mut self, job: &str, payload: Value) {
        self.after_commit.push((job.to_string(), payload));
    }

    fn push(&mut self, entity: &str, entity_id: String, action: &str, changes: Value) {
        self.pending.push(Pending {
            entity: entity.to_string(),
            entity_id,
            action: action.to_string(),
            changes,
        });
    }

    /// Appends the audit entries (chained), commits, then enqueues the after-commit jobs.
    pub async fn commit(self) -> Result<(), AppError> {
        let UnitOfWork {
            txn,
            actor,
            now,
            pending,
            after_commit,
            services,
        } = self;
        if !pending.is_empty() {
            let head = audit_head::Entity::find_by_id(1)
                .one(&txn)
                .await?
                .ok_or_else(|| AppError::Internal("audit head missing".into()))?;
            let mut seq = head.seq;
            let mut prev = head.hash.clone();
            let at = now.to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
            let mut rows = Vec::with_capacity(pending.len());
            for p in pending {
                seq += 1;
                let mut e = audit_log::Model {
                    seq,
                    at: at.clone(),
                    actor: actor.audit_label(),
                    actor_name: actor.display_name(),
                    entity: p.entity,
                    entity_id: p.entity_id,
                    action: p.action,
                    changes: p.changes.to_string(),
                    prev_hash: prev.clone(),
                    hash: String::new(),
                };
                e.hash = entry_hash(&e);
                prev = e.hash.clone();
                rows.push(audit_log::ActiveModel::from(e));
            }
            audit_log::Entity::insert_many(rows).exec(&txn).await?;
            audit_head::Entity::update_many()
                .col_expr(audit_head::Column::Seq, Expr::value(seq))
                .col_expr(audit_head::Column::Hash, Expr::value(prev))
                .filter(audit_head::Column::Id.eq(1))
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        for (job, payload) in after_commit {
            if let Err(error) = services.jobs.enqueue(&job, payload).await {
                // The periodic sweep of the job's own table picks it up later.
                tracing::warn!(%job, %error, "could not enqueue after commit");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_lists_changes_and_masks_secrets() {
        let before = serde_json::json!({"a": 1, "b": "x", "pw": "old", "search_text": "s"});
        let after = serde_json::json!({"a": 2, "b": "x", "pw": "new", "search_text": "t"});
        let d = diff(before.as_object(), after.as_object(), &["pw"]);
        assert_eq!(d, serde_json::json!({"a": [1, 2], "pw": ["***", "***"]}));
        let created = diff(None, after.as_object(), &["pw"]);
        assert_eq!(created["b"], serde_json::json!([null, "x"]));
    }
}

use std::sync::Arc;

use hih_i18n::Catalog;
use sea_orm::DatabaseConnection;

use crate::{ActivationHook, AppError, Clock, DeletionFold, Settings, StatusCheck};

/// Puts work on the background job queue (implemented by `hih-jobs`).
#[async_trait::async_trait]
pub trait JobQueue: Send + Sync + std::fmt::Debug {
    /// Enqueues the job `name` with a JSON payload; it runs at least once, so handlers must be
    /// idempotent.
    async fn enqueue(&self, name: &str, payload: serde_json::Value) -> Result<(), AppError>;
}

/// The shared handles every handler and job gets: database, settings, clock, texts, queue.
#[derive(Clone, Debug)]
pub struct Services {
    /// The application database (SQLite or PostgreSQL).
    pub db: DatabaseConnection,
    /// Effective configuration.
    pub settings: Arc<Settings>,
    /// The clock (a fixed one in tests).
    pub clock: Arc<dyn Clock>,
    /// Text catalogues with overrides.
    pub texts: Arc<Catalog>,
    /// The background job queue.
    pub jobs: Arc<dyn JobQueue>,
    /// Folds into anonymous statistics counters, run before physical deletions (R-RET-3).
    pub deletion_folds: DeletionFolds,
    /// Hooks run when a record is deactivated or reactivated.
    pub activation_hooks: ActivationHooks,
    /// Checks features contribute to the status page (R-OPS-1).
    pub status_checks: StatusChecks,
}

/// The [`StatusCheck`]s features registered, in feature order.
#[derive(Clone, Default)]
pub struct StatusChecks(pub Arc<Vec<Arc<dyn StatusCheck>>>);

impl std::fmt::Debug for StatusChecks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|check| check.key()))
            .finish()
    }
}

/// The registered [`ActivationHook`]s, looked up by entity.
#[derive(Clone, Default)]
pub struct ActivationHooks(pub Arc<Vec<Arc<dyn ActivationHook>>>);

impl std::fmt::Debug for ActivationHooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|hook| hook.entity()))
            .finish()
    }
}

impl ActivationHooks {
    /// The hooks registered for `entity`.
    pub fn of<'a>(&'a self, entity: &'a str) -> impl Iterator<Item = &'a Arc<dyn ActivationHook>> {
        self.0.iter().filter(move |hook| hook.entity() == entity)
    }
}

/// The registered [`DeletionFold`]s, looked up by entity.
#[derive(Clone, Default)]
pub struct DeletionFolds(pub Arc<Vec<Arc<dyn DeletionFold>>>);

impl std::fmt::Debug for DeletionFolds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|fold| fold.entity()))
            .finish()
    }
}

impl DeletionFolds {
    /// The folds registered for `entity`.
    pub fn of<'a>(&'a self, entity: &'a str) -> impl Iterator<Item = &'a Arc<dyn DeletionFold>> {
        self.0.iter().filter(move |fold| fold.entity() == entity)
    }
}

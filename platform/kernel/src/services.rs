use std::sync::Arc;

use hih_i18n::Catalog;
use sea_orm::DatabaseConnection;

use crate::{AppError, Clock, Settings};

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
}

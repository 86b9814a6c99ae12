//! Opening the database and assembling the application for a command.

use std::sync::Arc;

use hih_jobs::JobSystem;
use hih_kernel::{Settings, SystemClock};
use hih_web::AppState;
use poem::endpoint::BoxEndpoint;

/// Everything a command needs.
pub struct Assembled {
    /// Shared state (services, templates, registries).
    pub state: AppState,
    /// The web application.
    pub app: BoxEndpoint<'static>,
    /// The job system.
    pub jobs: JobSystem,
}

/// Connects, migrates, and assembles the features listed in `main.rs`.
pub async fn assemble(settings: Settings) -> anyhow::Result<Assembled> {
    let settings = Arc::new(settings);
    let db = hih_db::connect(&settings).await?;
    hih_db::migrate(&db).await?;
    let jobs = JobSystem::setup(&db).await?;
    let (state, app) = hih_web::assemble(
        &crate::features(),
        db,
        settings,
        Arc::new(SystemClock),
        jobs.queue(),
    )?;
    Ok(Assembled { state, app, jobs })
}

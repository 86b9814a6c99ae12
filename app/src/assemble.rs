//! Opening the database and assembling the application for a command.

use std::sync::Arc;

use hih_jobs::JobSystem;
use hih_kernel::{Services, Settings, SystemClock};
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
    let features = crate::features()?;
    let settings = Arc::new(settings);
    let db = hih_db::connect(&settings).await?;
    hih_migrations::apply(&db).await?;
    let jobs = JobSystem::setup(&db).await?;
    let (state, app) =
        hih_web::assemble(&features, db, settings, Arc::new(SystemClock), jobs.queue())?;
    Ok(Assembled { state, app, jobs })
}

/// Loads the German postcode table built into the binary when the database has none (a fresh
/// installation; `serve` and `migrate`), so companies can be created at once, and says so on
/// the console. `hih import-plz` replaces it like any other table.
pub async fn load_builtin_postcodes(services: &Services) -> anyhow::Result<()> {
    if let Some(report) = hih_reference::postcodes::builtin::load_if_empty(services).await? {
        hih_db::maintenance::analyze(&services.db).await?;
        println!(
            "{}",
            crate::texts::t(
                "app-cli-plz-builtin",
                &[("imported", report.imported.to_string())]
            )
        );
    }
    Ok(())
}

//! `hih migrate`.

use std::process::ExitCode;

use hih_kernel::Settings;

/// Applies pending migrations.
pub async fn run(settings: Settings) -> anyhow::Result<ExitCode> {
    let db = hih_db::connect(&settings).await?;
    let pending = hih_db::migrations_pending(&db).await?;
    hih_db::migrate(&db).await?;
    hih_jobs::JobSystem::setup(&db).await?;
    println!(
        "{}",
        crate::texts::t_n("app-cli-migrated", pending as f64, &[])
    );
    Ok(ExitCode::SUCCESS)
}

//! `hih migrate`.

use std::process::ExitCode;

use hih_kernel::Settings;

/// Applies pending migrations (and sets up the job tables), then loads the built-in postcode
/// table into an empty database.
pub async fn run(settings: Settings) -> anyhow::Result<ExitCode> {
    let db = hih_db::connect(&settings).await?;
    let pending = hih_migrations::pending(&db).await?;
    drop(db);
    let a = crate::assemble::assemble(settings).await?;
    println!(
        "{}",
        crate::texts::t_n("app-cli-migrated", pending as f64, &[])
    );
    crate::assemble::load_builtin_postcodes(&a.state.services).await?;
    Ok(ExitCode::SUCCESS)
}

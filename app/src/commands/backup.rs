//! `hih backup [--to DIR]` (R-OPS-3): one verified backup, as the scheduled job takes it.

use std::path::Path;
use std::process::ExitCode;

use hih_kernel::{Actor, Settings};
use hih_operations::backup::{self, ChainCheck, Trigger};

/// Takes a backup into `to` (default: `backup.dir`, else `<data_dir>/backups`), prints where
/// it went with its size and SHA-256 and what the verification found; exit code 1 and the
/// reason if it failed (the failure is recorded as well).
pub async fn run(settings: Settings, to: Option<&str>) -> anyhow::Result<ExitCode> {
    let a = crate::assemble::assemble(settings).await?;
    let services = &a.state.services;
    let actor = Actor::system("backup");
    match backup::run(services, &actor, Trigger::Command, to.map(Path::new)).await {
        Ok(done) => {
            let r = &done.record;
            println!(
                "{}",
                crate::texts::t(
                    "app-cli-backup-done",
                    &[
                        ("path", r.path.clone().unwrap_or_default()),
                        ("size", r.size_bytes.unwrap_or_default().to_string()),
                        ("sha256", r.sha256.clone().unwrap_or_default()),
                    ]
                )
            );
            match done.chain {
                ChainCheck::Verified(n) => println!(
                    "{}",
                    crate::texts::t_n("app-cli-backup-chain-intact", n as f64, &[])
                ),
                ChainCheck::NotChecked => println!(
                    "{}",
                    crate::texts::t(
                        "app-cli-backup-note",
                        &[("note", r.error.clone().unwrap_or_default())]
                    )
                ),
            }
            if done.pruned > 0 {
                println!(
                    "{}",
                    crate::texts::t_n("app-cli-backup-pruned", done.pruned as f64, &[])
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!(
                "{}",
                crate::texts::t(
                    "app-cli-backup-failed",
                    &[("error", e.message(&services.texts))]
                )
            );
            Ok(ExitCode::from(1))
        }
    }
}

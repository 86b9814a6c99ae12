//! `hih verify-audit` (R-AUD-4).

use std::process::ExitCode;

use hih_db::audit::{Verification, verify_consistent};
use hih_kernel::Settings;

/// Walks the audit chain in one snapshot (also while the application writes); exit code 1 and
/// the first broken entry if it is not intact.
pub async fn run(settings: Settings) -> anyhow::Result<ExitCode> {
    let db = hih_db::connect(&settings).await?;
    hih_db::migrate(&db).await?;
    match verify_consistent(&db).await? {
        Verification::Intact(n) => {
            println!(
                "{}",
                crate::texts::t_n("app-cli-audit-intact", n as f64, &[])
            );
            Ok(ExitCode::SUCCESS)
        }
        Verification::Broken { seq, reason } => {
            eprintln!(
                "{}",
                crate::texts::t(
                    "app-cli-audit-broken",
                    &[
                        ("seq", seq.to_string()),
                        ("reason", crate::texts::t(reason.text_key(), &reason.args()))
                    ]
                )
            );
            Ok(ExitCode::from(1))
        }
    }
}

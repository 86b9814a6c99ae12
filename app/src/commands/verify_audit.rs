//! `hih verify-audit [--continue]` (R-AUD-4).

use std::process::ExitCode;

use hih_db::audit::Verification;
use hih_kernel::{Actor, Settings};

/// Walks the audit chain in one snapshot (also while the application writes) — the whole
/// chain, or with `--continue` only what came after the last recorded intact verification —
/// records the result for the status page, and exits with code 1 and the first broken entry
/// if it is not intact.
pub async fn run(settings: Settings, resume: bool) -> anyhow::Result<ExitCode> {
    let assembled = crate::assemble::assemble(settings).await?;
    let actor = Actor::system("verify-audit");
    let outcome =
        hih_db::audit_check::verify_and_record(&assembled.state.services, &actor, !resume).await?;
    match outcome.verification {
        Verification::Intact(n) => {
            println!(
                "{}",
                crate::texts::t_n(
                    "app-cli-audit-intact-from",
                    n as f64,
                    &[
                        ("from", outcome.from_seq.to_string()),
                        (
                            "to",
                            outcome
                                .last_intact
                                .map(|c| c.seq)
                                .unwrap_or(outcome.from_seq - 1)
                                .to_string()
                        )
                    ]
                )
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

//! `hih programme-end [--dry-run]` (R-GEN-3): lists what the deletion at the programme's end
//! removes, or — on and after the end date — runs it (the same deletion as the daily job
//! `protocol.programme-end`). Before the date it refuses and deletes nothing, and so it does for
//! a date the application never announced (no warning or deletion recorded for it): such a
//! date was entered after it had passed.

use std::process::ExitCode;

use hih_i18n::{Locale, TextArg};
use hih_kernel::{Actor, AppError, Settings};
use hih_protocol::programme_end::{
    Counts, announced, date_de, days_left, delete, plan, run_deletion,
};

/// The audit actor of a deletion started from the command line.
const ACTOR: &str = "programme-end";

/// Prints the end date, then the counts per kind (dry run) or runs the deletion.
pub async fn run(settings: Settings, dry_run: bool) -> anyhow::Result<ExitCode> {
    let a = crate::assemble::assemble(settings).await?;
    let services = &a.state.services;
    let t = |key: &str, args: &[(&str, TextArg)]| services.texts.t(Locale::De, key, args);
    let print_counts = |counts: &Counts| {
        for (kind, n) in &counts.0 {
            println!(
                "  {}",
                t(
                    "protocol-programme-end-cli-line",
                    &[
                        ("label", TextArg::Str(t(kind.label_key(), &[]))),
                        ("count", TextArg::Num(*n as f64)),
                    ],
                )
            );
        }
        println!(
            "  {}",
            t(
                "protocol-programme-end-cli-total",
                &[("count", TextArg::Num(counts.total() as f64))],
            )
        );
    };
    let end = services.settings.programme_end_date;
    let left = days_left(services);
    match (end, left) {
        (Some(end), Some(left)) if left >= 0 => println!(
            "{}",
            t(
                "protocol-programme-end-cli-date",
                &[
                    ("date", TextArg::Str(date_de(end))),
                    ("days", TextArg::Num(left as f64)),
                ],
            )
        ),
        (Some(end), _) => println!(
            "{}",
            t(
                "protocol-programme-end-cli-date-past",
                &[("date", TextArg::Str(date_de(end)))],
            )
        ),
        // Without a date only the dry run goes on; the deletion refuses below.
        (None, _) if dry_run => println!("{}", t("protocol-programme-end-no-date", &[])),
        (None, _) => {}
    }
    if dry_run {
        let counts = plan(&services.db).await?;
        println!("{}", t("protocol-programme-end-cli-would-delete", &[]));
        print_counts(&counts);
        let kept = delete::kept_monthly_counts(&services.db).await?;
        println!(
            "{}",
            t(
                "protocol-programme-end-cli-kept",
                &[("count", TextArg::Num(kept as f64))],
            )
        );
        return Ok(ExitCode::SUCCESS);
    }
    if let (Some(end), Some(left)) = (end, left)
        && left > 0
    {
        eprintln!(
            "{}",
            t(
                "protocol-programme-end-cli-not-reached",
                &[
                    ("date", TextArg::Str(date_de(end))),
                    ("days", TextArg::Num(left as f64)),
                ],
            )
        );
        return Ok(ExitCode::from(2));
    }
    // A date that passed before the application ever saw it (no warning, no deletion recorded
    // for it) was entered after the fact: it must not trigger the deletion (R-GEN-3).
    if let Some(end) = end
        && !announced(&services.db, end).await?
    {
        eprintln!(
            "{}",
            t(
                "protocol-programme-end-cli-unannounced",
                &[("date", TextArg::Str(date_de(end)))],
            )
        );
        return Ok(ExitCode::from(2));
    }
    match run_deletion(services, &Actor::system(ACTOR)).await {
        Ok(outcome) => {
            println!("{}", t("protocol-programme-end-cli-deleted", &[]));
            print_counts(&outcome.counts);
            if outcome.recorded {
                println!("{}", t("protocol-programme-end-cli-recorded", &[]));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(AppError::Refused(key)) => {
            eprintln!("{}", t(&key, &[]));
            Ok(ExitCode::from(2))
        }
        Err(e) => Err(e.into()),
    }
}

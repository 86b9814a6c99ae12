//! `hih import-plz FILE [--dry-run]` (R-REF-1).

use std::io::IsTerminal;
use std::process::ExitCode;

use hih_kernel::{Actor, Settings};

/// Imports the postcode CSV and prints the validation report.
pub async fn run(settings: Settings, file: &str, dry_run: bool) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
    let a = crate::assemble::assemble(settings).await?;
    let services = &a.state.services;
    let t = |key: &str| services.texts.t(hih_i18n::Locale::De, key, &[]);
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} Zeilen, {per_sec}, noch {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut last_line = 0u64;
    let report = hih_companies::postcodes::import(
        services,
        &Actor::system("import-plz"),
        &bytes,
        dry_run,
        |done, total| match &bar {
            Some(b) => {
                b.set_length(total);
                b.set_position(done);
            }
            None if done - last_line >= 5000 || done == total => {
                eprintln!("{done}/{total} Zeilen gespeichert");
                last_line = done;
            }
            None => {}
        },
    )
    .await?;
    if !dry_run {
        hih_db::maintenance::analyze(&services.db).await?;
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for p in report.problems.iter().take(100) {
        eprintln!("Zeile {}: {}", p.line, t(p.key));
    }
    if report.problems.len() > 100 {
        eprintln!("… und {} weitere Fehler", report.problems.len() - 100);
    }
    if !report.problems.is_empty() {
        eprintln!("Nichts gespeichert: {} Fehler.", report.problems.len());
        return Ok(ExitCode::from(1));
    }
    let verb = if report.dry_run {
        "würden übernommen"
    } else {
        "übernommen"
    };
    println!(
        "{} Zeilen gelesen, {} Einträge {verb}, {} doppelte Zeilen übersprungen.",
        report.rows, report.imported, report.duplicates
    );
    Ok(ExitCode::SUCCESS)
}

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
            indicatif::ProgressStyle::with_template(crate::texts::PROGRESS_TEMPLATE)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_message(crate::texts::t("app-cli-plz-unit", &[]));
        bar
    });
    let mut last_line = 0u64;
    let report = hih_reference::postcodes::import(
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
                eprintln!(
                    "{}",
                    crate::texts::t(
                        "app-cli-plz-progress",
                        &[("done", done.to_string()), ("total", total.to_string())]
                    )
                );
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
        eprintln!(
            "{}",
            crate::texts::t(
                "app-cli-plz-line",
                &[("line", p.line.to_string()), ("problem", t(p.key))]
            )
        );
    }
    if report.problems.len() > 100 {
        eprintln!(
            "{}",
            crate::texts::t_n(
                "app-cli-plz-more",
                (report.problems.len() - 100) as f64,
                &[]
            )
        );
    }
    if !report.problems.is_empty() {
        eprintln!(
            "{}",
            crate::texts::t_n(
                "app-cli-plz-nothing-saved",
                report.problems.len() as f64,
                &[]
            )
        );
        return Ok(ExitCode::from(1));
    }
    let key = if report.dry_run {
        "app-cli-plz-summary-dry-run"
    } else {
        "app-cli-plz-summary"
    };
    println!(
        "{}",
        crate::texts::t(
            key,
            &[
                ("rows", report.rows.to_string()),
                ("imported", report.imported.to_string()),
                ("duplicates", report.duplicates.to_string()),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

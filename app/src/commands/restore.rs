//! `hih restore FILE [--force]` (R-OPS-3): a backup into the configured, empty database, with
//! a progress bar; the audit chain is verified afterwards. Run it with the application
//! stopped.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use hih_i18n::Catalog;
use hih_kernel::{Registry, Settings};
use hih_operations::backup::restore::{self, Progress, Unit};

/// The texts of the platform and the features, without a database (the target is empty).
fn catalogue() -> anyhow::Result<Catalog> {
    let registry = Registry::build(&crate::features()?);
    let mut sources = hih_web::platform_texts();
    sources.extend(registry.texts);
    let sources = sources.into_iter().map(|(f, l, s)| (f, l, s.to_string()));
    Ok(Catalog::new(sources)?)
}

/// The progress display: a bar on a terminal, else a line per tenth.
fn progress(unit: Unit) -> (Progress, Option<indicatif::ProgressBar>) {
    let unit_text = crate::texts::t(
        match unit {
            Unit::Pages => "app-cli-restore-unit-pages",
            Unit::Items => "app-cli-restore-unit-items",
        },
        &[],
    );
    if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(crate::texts::PROGRESS_TEMPLATE)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_message(unit_text);
        let shown = bar.clone();
        let report: Progress = Arc::new(move |done, total| {
            shown.set_length(total);
            shown.set_position(done);
        });
        (report, Some(bar))
    } else {
        let last = AtomicU64::new(u64::MAX);
        let report: Progress = Arc::new(move |done, total| {
            let tenth = (done * 10).checked_div(total).unwrap_or(10);
            if last.swap(tenth, Ordering::Relaxed) != tenth {
                eprintln!(
                    "{}",
                    crate::texts::t(
                        "app-cli-restore-progress",
                        &[
                            ("done", done.to_string()),
                            ("total", total.to_string()),
                            ("unit", unit_text.clone()),
                        ]
                    )
                );
            }
        });
        (report, None)
    }
}

/// Restores `file`; refuses a target that is not empty unless `force`. Exit code 1 and the
/// reason if nothing (or not everything) was restored.
pub async fn run(settings: Settings, file: &str, force: bool) -> anyhow::Result<ExitCode> {
    let texts = catalogue()?;
    let (report, bar) = progress(restore::unit(&settings));
    let result = restore::restore(&settings, Path::new(file), force, report).await;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(done) => {
            let key = if done.replaced {
                "app-cli-restore-replaced"
            } else {
                "app-cli-restore-done"
            };
            println!(
                "{}",
                crate::texts::t(
                    key,
                    &[("file", file.to_string()), ("target", done.target.clone())]
                )
            );
            println!(
                "{}",
                crate::texts::t_n("app-cli-restore-chain-intact", done.entries as f64, &[])
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!(
                "{}",
                crate::texts::t("app-cli-restore-failed", &[("error", e.message(&texts))])
            );
            Ok(ExitCode::from(1))
        }
    }
}

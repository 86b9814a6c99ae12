//! `hih demo-data --companies N [--seed S]` (R-OPR-1).

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use hih_kernel::{AppError, Settings};

/// Creates synthetic companies with a progress bar (terminal) or progress lines.
pub async fn run(settings: Settings, companies: u64, seed: u64) -> anyhow::Result<ExitCode> {
    let a = crate::assemble::assemble(settings).await?;
    let services = &a.state.services;
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(companies);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} Unternehmen, {per_sec}, noch {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let started = Instant::now();
    let mut last = 0u64;
    let result =
        hih_companies::demo::generate(services, companies, seed, |done, total| match &bar {
            Some(b) => b.set_position(done),
            None if done - last >= 10_000 || done == total => {
                eprintln!("{done}/{total} Unternehmen");
                last = done;
            }
            None => {}
        })
        .await;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    match result {
        Ok(n) => {
            hih_db::maintenance::analyze(&services.db).await?;
            let secs = started.elapsed().as_secs_f64();
            println!(
                "{n} Demo-Unternehmen angelegt in {secs:.1} s ({:.0} pro Sekunde).",
                n as f64 / secs.max(0.001)
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(AppError::Refused(key)) => {
            eprintln!("{}", services.texts.t(hih_i18n::Locale::De, &key, &[]));
            Ok(ExitCode::from(2))
        }
        Err(e) => Err(e.into()),
    }
}

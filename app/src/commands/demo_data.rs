//! `hih demo-data [--companies N] [--applicants N] [--contacts N] [--conversations N --messages M]
//! [--seed S]` (R-OPR-1).

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use hih_kernel::{AppError, Services, Settings};

/// Progress display: a bar on a terminal, otherwise a line every 10,000 rows.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    noun: String,
    last: u64,
}

impl Progress {
    fn new(total: u64, noun_key: &str) -> Self {
        let noun = crate::texts::t(noun_key, &[]);
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total);
            bar.set_style(
                indicatif::ProgressStyle::with_template(crate::texts::PROGRESS_TEMPLATE)
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.set_message(noun.clone());
            bar
        });
        Progress { bar, noun, last: 0 }
    }

    fn tick(&mut self, done: u64, total: u64) {
        match &self.bar {
            Some(b) => b.set_position(done),
            None if done - self.last >= 10_000 || done == total => {
                eprintln!("{done}/{total} {}", self.noun);
                self.last = done;
            }
            None => {}
        }
    }

    fn finish(self) {
        if let Some(b) = self.bar {
            b.finish_and_clear();
        }
    }
}

/// Reports the outcome of one generator: the count and rate, or a refusal in German.
async fn report(
    services: &Services,
    result: Result<u64, AppError>,
    started: Instant,
    what: &str,
) -> anyhow::Result<Option<ExitCode>> {
    match result {
        Ok(n) => {
            let secs = started.elapsed().as_secs_f64();
            // Fresh planner statistics for the new volume (see hih_db::maintenance).
            hih_db::maintenance::analyze(&services.db).await?;
            println!(
                "{}",
                crate::texts::t(
                    "app-cli-demo-created",
                    &[
                        ("count", n.to_string()),
                        ("what", crate::texts::t(what, &[])),
                        ("seconds", format!("{secs:.1}")),
                        ("rate", format!("{:.0}", n as f64 / secs.max(0.001))),
                    ]
                )
            );
            Ok(None)
        }
        Err(AppError::Refused(key)) => {
            eprintln!("{}", services.texts.t(hih_i18n::Locale::De, &key, &[]));
            Ok(Some(ExitCode::from(2)))
        }
        Err(e) => Err(e.into()),
    }
}

/// How many records of each kind to create.
pub struct Counts {
    /// Companies.
    pub companies: u64,
    /// Applicants.
    pub applicants: u64,
    /// Contact-history entries (about the companies and applicants then present).
    pub contacts: u64,
    /// Counselling conversations.
    pub conversations: u64,
    /// Messages in those conversations.
    pub messages: u64,
}

/// Creates synthetic companies, applicants and contact entries with progress display.
pub async fn run(settings: Settings, counts: Counts, seed: u64) -> anyhow::Result<ExitCode> {
    let Counts {
        companies,
        applicants,
        contacts,
        conversations,
        messages,
    } = counts;
    let a = crate::assemble::assemble(settings).await?;
    let services = &a.state.services;
    if companies > 0 {
        // Companies take their addresses from the postcode table (built in, if still empty).
        crate::assemble::load_builtin_postcodes(services).await?;
        let mut p = Progress::new(companies, "app-cli-demo-unit-companies");
        let started = Instant::now();
        let result =
            hih_companies::demo::generate(services, companies, seed, |d, t| p.tick(d, t)).await;
        p.finish();
        if let Some(code) = report(services, result, started, "app-cli-demo-companies").await? {
            return Ok(code);
        }
    }
    if applicants > 0 {
        let mut p = Progress::new(applicants, "app-cli-demo-unit-applicants");
        let started = Instant::now();
        let result =
            hih_applicants::demo::generate(services, applicants, seed, |d, t| p.tick(d, t)).await;
        p.finish();
        if let Some(code) = report(services, result, started, "app-cli-demo-applicants").await? {
            return Ok(code);
        }
    }
    if contacts > 0 {
        let mut p = Progress::new(contacts, "app-cli-demo-unit-contacts");
        let started = Instant::now();
        let result =
            hih_contact_history::demo::generate(services, contacts, seed, |d, t| p.tick(d, t))
                .await;
        p.finish();
        if let Some(code) = report(services, result, started, "app-cli-demo-contacts").await? {
            return Ok(code);
        }
    }
    if conversations > 0 {
        let mut p = Progress::new(messages, "app-cli-demo-unit-messages");
        let started = Instant::now();
        let result =
            hih_counselling::demo::generate(services, conversations, messages, seed, |d, t| {
                p.tick(d, t)
            })
            .await;
        p.finish();
        if let Some(code) = report(services, result, started, "app-cli-demo-messages").await? {
            return Ok(code);
        }
    }
    Ok(ExitCode::SUCCESS)
}

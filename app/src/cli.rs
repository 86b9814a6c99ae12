//! Command-line interface (R-OPR-1).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::{commands, config, telemetry};

/// HiH Projektdatenbank.
#[derive(Parser)]
#[command(name = "hih", version, about = "HiH Projektdatenbank")]
struct Cli {
    /// Configuration file (default `hih.toml`, or `HIH_CONFIG`).
    #[arg(long, global = true)]
    config: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the web application and the background workers.
    Serve {
        /// Listen address (default from settings: 127.0.0.1:8080).
        #[arg(long)]
        bind: Option<String>,
    },
    /// Applies pending database migrations.
    Migrate,
    /// Creates an active administrator (prints a single-use setup link unless --password).
    CreateAdmin {
        /// User name.
        #[arg(long)]
        username: String,
        /// E-mail address.
        #[arg(long)]
        email: String,
        /// Initial password (must meet the policy); TOTP is still enrolled at first login.
        #[arg(long)]
        password: Option<String>,
    },
    /// Imports postcodes (CSV `osm_id,ort,plz,landkreis,bundesland`); replaces all or nothing.
    ImportPlz {
        /// The CSV file.
        file: String,
        /// Check and report only.
        #[arg(long)]
        dry_run: bool,
    },
    /// Creates realistic synthetic data (companies take their addresses from the postcode
    /// table: the built-in one is loaded first when it is empty).
    DemoData {
        /// Number of companies.
        #[arg(long, default_value_t = 0)]
        companies: u64,
        /// Number of applicants (Indian, Vietnamese and Brazilian names).
        #[arg(long, default_value_t = 0)]
        applicants: u64,
        /// Number of contact-history entries about the existing companies and applicants.
        #[arg(long, default_value_t = 0)]
        contacts: u64,
        /// Number of counselling conversations (with `--messages` messages in all).
        #[arg(long, default_value_t = 0)]
        conversations: u64,
        /// Number of messages in the counselling conversations.
        #[arg(long, default_value_t = 0)]
        messages: u64,
        /// Random seed (same seed, same data).
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Verifies the hash chain of the audit log in one snapshot (also while the application
    /// writes) and records the result; exits non-zero at the first broken entry.
    VerifyAudit {
        /// Only the entries after the last recorded intact verification.
        #[arg(long = "continue")]
        resume: bool,
    },
    /// Deletes all companies, applicants and what hangs on them on and after the programme's
    /// end date (`programme_end_date`), as the daily job does; refuses before the date.
    ProgrammeEnd {
        /// Only list what would be deleted.
        #[arg(long)]
        dry_run: bool,
    },
    /// Takes a verified backup (SQLite online backup or pg_dump), records it and prunes old
    /// ones beyond `backup.keep`.
    Backup {
        /// Target directory (default: `backup.dir`, else `<data_dir>/backups`).
        #[arg(long)]
        to: Option<String>,
    },
    /// Restores a backup into an empty data directory or database (stop the application
    /// first) and verifies the audit chain.
    Restore {
        /// The backup file.
        file: String,
        /// Replace a database that is not empty.
        #[arg(long)]
        force: bool,
    },
    /// Lists the features in start order.
    Features,
}

/// Parses arguments, loads settings and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Features = cli.command {
        return match crate::features() {
            Ok(features) => {
                for name in features.names() {
                    println!("{name}");
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        };
    }
    // `programme-end` runs on and after the end date, which every other command refuses.
    let loaded = match cli.command {
        Command::ProgrammeEnd { .. } => config::load_allowing_reached_end(cli.config.as_deref()),
        _ => config::load(cli.config.as_deref()),
    };
    let settings = match loaded {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "{}",
                crate::texts::t("app-cli-config-invalid", &[("error", e.to_string())])
            );
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!(
                "{}",
                crate::texts::t("app-cli-runtime-failed", &[("error", e.to_string())])
            );
            return ExitCode::FAILURE;
        }
    };
    let _telemetry = runtime.block_on(async { telemetry::init(&settings) });
    let result = runtime.block_on(async move {
        match cli.command {
            Command::Serve { bind } => commands::serve::run(settings, bind).await,
            Command::Migrate => commands::migrate::run(settings).await,
            Command::CreateAdmin {
                username,
                email,
                password,
            } => {
                commands::create_admin::run(settings, &username, &email, password.as_deref()).await
            }
            Command::VerifyAudit { resume } => commands::verify_audit::run(settings, resume).await,
            Command::ProgrammeEnd { dry_run } => {
                commands::programme_end::run(settings, dry_run).await
            }
            Command::DemoData {
                companies,
                applicants,
                contacts,
                conversations,
                messages,
                seed,
            } => {
                let counts = commands::demo_data::Counts {
                    companies,
                    applicants,
                    contacts,
                    conversations,
                    messages,
                };
                commands::demo_data::run(settings, counts, seed).await
            }
            Command::ImportPlz { file, dry_run } => {
                commands::import_plz::run(settings, &file, dry_run).await
            }
            Command::Backup { to } => commands::backup::run(settings, to.as_deref()).await,
            Command::Restore { file, force } => {
                commands::restore::run(settings, &file, force).await
            }
            Command::Features => Ok(ExitCode::SUCCESS),
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "{}",
                crate::texts::t("app-cli-error", &[("error", format!("{e:#}"))])
            );
            ExitCode::FAILURE
        }
    }
}

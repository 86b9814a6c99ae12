//! `hih` — the HiH Projektdatenbank in one binary.
//!
//! The list of features and their order is [`features`]: each feature crate registers its
//! routes, templates, texts, permissions, jobs, navigation and tiles with the host. Platform
//! crates (`platform/*`) provide the shared machinery; nothing else is wired anywhere else.

mod assemble;
mod cli;
mod commands;
mod config;
mod telemetry;
mod texts;

use hih_kernel::Feature;

/// The features of this product, in start order (navigation is sorted by each entry's order).
pub fn features() -> Vec<&'static dyn Feature> {
    vec![
        &hih_home::HomeFeature,
        &hih_users::UsersFeature,
        &hih_reference::ReferenceFeature,
        &hih_companies::CompaniesFeature,
        &hih_applicants::ApplicantsFeature,
        &hih_contact_history::ContactHistoryFeature,
        &hih_matching::MatchingFeature,
        &hih_reports::ReportsFeature,
        &hih_protocol::ProtocolFeature,
        &hih_admin::AdminFeature,
        &hih_operations::OperationsFeature,
    ]
}

fn main() -> std::process::ExitCode {
    cli::main()
}

//! `hih` — the HiH Projektdatenbank in one binary.
//!
//! Features, in start order: home → users → reference → companies → applicants → contact_history → matching → counselling → reports → protocol → admin → operations → api → graphql
//!
//! That line is a map (a test keeps it equal to the list); the list itself is [`features`],
//! defined in `app/src/lib.rs` (the small `hih_app` library) so that every test setup uses the
//! same list. Each feature crate registers its routes, templates, texts, permissions, jobs,
//! navigation and tiles with the host. Platform crates (`platform/*`) provide the shared
//! machinery; nothing else is wired anywhere else.

mod assemble;
mod cli;
mod commands;
mod config;
mod telemetry;
mod texts;

/// The features of this product, in start order: the list is in `app/src/lib.rs`
/// ([`hih_app::features`]), where the test setups find it too. `hih features` prints it.
pub use hih_app::features;

fn main() -> std::process::ExitCode {
    cli::main()
}

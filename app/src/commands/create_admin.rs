//! `hih create-admin`.

use std::process::ExitCode;

use hih_kernel::{AppError, Settings};

/// Creates an administrator and prints how to log in.
pub async fn run(
    settings: Settings,
    username: &str,
    email: &str,
    password: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let a = crate::assemble::assemble(settings).await?;
    let services = &a.state.services;
    match hih_users::bootstrap::create_admin(services, username, email, password).await {
        Ok(created) => {
            println!("Administrator „{}“ angelegt.", created.user.username);
            match created.setup_link {
                Some(link) => println!(
                    "Einmaliger Einrichtungslink (Passwort und Zwei-Faktor-Anmeldung festlegen):\n{link}"
                ),
                None => println!(
                    "Anmeldung unter {} mit dem angegebenen Passwort; beim ersten Anmelden wird die Zwei-Faktor-Anmeldung eingerichtet.",
                    services.settings.absolute_url("/login")
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(AppError::Validation(errors)) => {
            eprintln!(
                "Administrator nicht angelegt:\n{}",
                hih_users::bootstrap::describe(services, &errors)
            );
            Ok(ExitCode::from(2))
        }
        Err(e) => Err(e.into()),
    }
}

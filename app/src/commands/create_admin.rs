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
            println!(
                "{}",
                crate::texts::t(
                    "app-cli-admin-created",
                    &[("username", created.user.username.clone())]
                )
            );
            match created.setup_link {
                Some(link) => println!(
                    "{}",
                    crate::texts::t("app-cli-admin-setup-link", &[("link", link)])
                ),
                None => println!(
                    "{}",
                    crate::texts::t(
                        "app-cli-admin-password-login",
                        &[("url", services.settings.absolute_url("/login"))]
                    )
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(AppError::Validation(errors)) => {
            eprintln!(
                "{}",
                crate::texts::t(
                    "app-cli-admin-refused",
                    &[("reasons", hih_users::bootstrap::describe(services, &errors))]
                )
            );
            Ok(ExitCode::from(2))
        }
        Err(e) => Err(e.into()),
    }
}

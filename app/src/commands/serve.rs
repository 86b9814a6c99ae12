//! `hih serve`: web application + background workers, graceful shutdown.

use std::process::ExitCode;
use std::time::Duration;

use hih_kernel::Settings;
use poem::Server;
use poem::listener::TcpListener;

/// Runs until Ctrl-C / SIGTERM.
pub async fn run(mut settings: Settings, bind: Option<String>) -> anyhow::Result<ExitCode> {
    if let Some(b) = bind {
        if settings.public_url == Settings::default().public_url {
            settings.public_url = format!("http://{b}");
        }
        settings.bind = b;
    }
    let run_workers = settings.run_workers;
    let bind = settings.bind.clone();
    let a = crate::assemble::assemble(settings).await?;
    let services = a.state.services.clone();
    crate::assemble::load_builtin_postcodes(&services).await?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let workers = if run_workers {
        Some(a.jobs.start(
            services.clone(),
            a.state.jobs.clone(),
            a.state.cron.clone(),
            stop_rx.clone(),
        ))
    } else {
        None
    };
    let url = services
        .settings
        .public_url
        .trim_end_matches('/')
        .to_string();
    println!(
        "{}",
        crate::texts::t("app-cli-serving", &[("url", format!("{url}/login"))])
    );
    match hih_users::bootstrap::first_start_link(&services).await? {
        Some(link) => println!(
            "{}",
            crate::texts::t("app-cli-first-start", &[("link", link)])
        ),
        None => println!("{}", crate::texts::t("app-cli-login-hint", &[])),
    }
    let shutdown = async move {
        let ctrl_c = tokio::signal::ctrl_c();
        #[cfg(unix)]
        {
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                    .map_err(|e| tracing::warn!(error = %e, "no SIGTERM handler"))
                    .ok();
            tokio::select! {
                _ = ctrl_c => {},
                _ = async { if let Some(t) = term.as_mut() { t.recv().await; } else { std::future::pending::<()>().await } } => {},
            }
        }
        #[cfg(not(unix))]
        {
            let _ = ctrl_c.await;
        }
        tracing::info!("shutting down");
    };
    let grace = Duration::from_secs(services.settings.shutdown_grace_seconds);
    let db = services.db.clone();
    Server::new(TcpListener::bind(bind))
        .run_with_graceful_shutdown(a.app, shutdown, Some(grace))
        .await?;
    let _ = stop_tx.send(true);
    if let Some(w) = workers {
        let _ = tokio::time::timeout(grace, w).await;
    }
    // The write-ahead log goes into the database file, so a cold copy is complete.
    hih_db::maintenance::checkpoint_and_close(db).await?;
    Ok(ExitCode::SUCCESS)
}

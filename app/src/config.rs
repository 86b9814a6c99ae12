//! Layered configuration: built-in defaults → `hih.toml` (or `--config`/`HIH_CONFIG`) →
//! environment (`HIH_…`, nested with `__`, e.g. `HIH_MAIL__MODE=smtp`; `DATABASE_URL`).

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use hih_kernel::Settings;

/// Loads the settings. Secrets stay wrapped and never print.
pub fn load(path: Option<&str>) -> anyhow::Result<Settings> {
    let settings = read(path)?;
    settings.validate(chrono::Utc::now().date_naive())?;
    Ok(settings)
}

/// Like [`load`], but a programme end date that has been reached is accepted: `hih
/// programme-end` deletes on and after it (every other check still applies).
pub fn load_allowing_reached_end(path: Option<&str>) -> anyhow::Result<Settings> {
    let settings = read(path)?;
    let others = Settings {
        programme_end_date: None,
        ..settings.clone()
    };
    others.validate(chrono::Utc::now().date_naive())?;
    Ok(settings)
}

/// The layered settings, unchecked.
fn read(path: Option<&str>) -> anyhow::Result<Settings> {
    let file = path
        .map(str::to_string)
        .or_else(|| std::env::var("HIH_CONFIG").ok())
        .unwrap_or_else(|| "hih.toml".to_string());
    let mut figment = Figment::new()
        .merge(Toml::file(&file))
        .merge(Env::prefixed("HIH_").ignore(&["CONFIG"]).split("__"));
    if let Ok(url) = std::env::var("DATABASE_URL") {
        figment = figment.merge(("database.url", url));
    }
    Ok(figment.extract()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::result_large_err)] // figment's Jail API
    fn env_overrides_file_and_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "hih.toml",
                "retention_days = 30\n[mail]\nfrom = \"a@b.de\"\n",
            )?;
            jail.set_env("HIH_RETENTION_DAYS", "45");
            jail.set_env("HIH_SECURITY__SESSION_IDLE_MINUTES", "10");
            jail.set_env("DATABASE_URL", "postgres://u:geheim@h/db");
            let s = load(None).map_err(|e| e.to_string())?;
            assert_eq!(s.retention_days, 45);
            assert_eq!(s.security.session_idle_minutes, 10);
            assert_eq!(s.mail.from, "a@b.de");
            assert_eq!(s.password.min_length, 10);
            assert_eq!(s.database_url(), "postgres://u:geheim@h/db");
            assert!(!format!("{s:?}").contains("geheim"));
            Ok(())
        });
    }
}

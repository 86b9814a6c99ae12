//! Every value the requirements call "a setting", with its default. Loaded by the host app
//! in layers: these defaults → `hih.toml` → environment (`HIH_…`, `DATABASE_URL`).

use chrono::NaiveDate;
use secrecy::SecretString;
use serde::Deserialize;

/// Where the mail goes (R-NOT-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MailMode {
    /// Mails stay in the database outbox, readable by admins (development, tests).
    #[default]
    Outbox,
    /// Mails are delivered over SMTP by a job with retries (and kept in the outbox log).
    Smtp,
}

/// Log line format (R-OPR-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line.
    Json,
}

/// Database connection.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct DatabaseSettings {
    /// `sqlite://…` or `postgres://…`. Empty: `sqlite://<data_dir>/hih.db?mode=rwc`.
    pub url: Option<SecretString>,
    /// Maximum pool size. On SQLite every connection keeps a page cache and a memory map of
    /// its own, and glibc gives each connection's thread an arena that keeps what it freed; at
    /// 100× scale 5 connections served 8 clients and the mixed load as fast as 10 and the
    /// server ended the benchmark at 164 instead of 208 MiB (`ops/performance.md`).
    pub max_connections: u32,
    /// SQLite: the page cache of each connection in KiB (`PRAGMA cache_size`). Small by
    /// default: in WAL mode every commit of another connection empties it (every read request
    /// commits its access-log row), so it mostly serves one request's own statements; 8 MiB
    /// per connection cost up to 80 MiB of memory and made no page faster (`ops/performance.md`).
    pub sqlite_cache_kib: u32,
    /// SQLite: how much of the database file each connection reads through a memory map, in
    /// MiB (`PRAGMA mmap_size`; 0: none, the default). Every connection maps the file on its
    /// own, and each mapping's pages count towards the resident memory (VmRSS) again: at 100×
    /// scale 256 MiB per connection gave a peak VmRSS of 2.7 GiB, and list pages were not
    /// faster than with reads into the page cache (`ops/bench/RESULTS.md`, 2026-12-06).
    pub sqlite_mmap_mib: u32,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        DatabaseSettings {
            url: None,
            max_connections: 5,
            sqlite_cache_kib: 2_048,
            sqlite_mmap_mib: 0,
        }
    }
}

/// Mail transport (R-NOT-3).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct MailSettings {
    /// Outbox only, or SMTP delivery.
    pub mode: MailMode,
    /// SMTP URL, e.g. `smtp://user:pass@host:587?tls=required` (a secret: never printed).
    pub smtp_url: Option<SecretString>,
    /// Sender address.
    pub from: String,
    /// The operator's address (super_admin notifications, R-USR-5, R-OPS-1).
    pub operator_email: Option<String>,
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            mode: MailMode::Outbox,
            smtp_url: None,
            from: "HiH Projektdatenbank <noreply@localhost>".to_string(),
            operator_email: None,
        }
    }
}

/// Password policy (R-USR-3).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct PasswordSettings {
    /// Minimum length (the tender says 8; default 10, never below 8).
    pub min_length: usize,
    /// Require upper and lower case letters.
    pub require_mixed_case: bool,
    /// Require at least one special character.
    pub require_special: bool,
    /// Minimum number of digits.
    pub min_digits: usize,
    /// How many previous passwords may not be reused.
    pub history: usize,
    /// Maximum age in days before a change is forced (0 = never).
    pub max_age_days: i64,
    /// Days before expiry from which a warning is shown.
    pub warn_days: i64,
}

impl Default for PasswordSettings {
    fn default() -> Self {
        PasswordSettings {
            min_length: 10,
            require_mixed_case: true,
            require_special: true,
            min_digits: 2,
            history: 5,
            max_age_days: 180,
            warn_days: 14,
        }
    }
}

/// The REST API `/api/v1` (R-API-1): its limits per caller.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ApiSettings {
    /// Requests per minute and API token (or per session user); more answer 429.
    pub rate_limit_per_minute: u32,
    /// The largest page a list operation returns (`per_page`).
    pub max_page_size: u64,
    /// The largest request body in bytes; larger ones answer 413.
    pub max_body_bytes: usize,
}

impl Default for ApiSettings {
    fn default() -> Self {
        ApiSettings {
            rate_limit_per_minute: 300,
            max_page_size: 100,
            max_body_bytes: 256 * 1024,
        }
    }
}

/// Login, session and token lifetimes (R-USR-5, R-USR-6, R-REG-1).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SecuritySettings {
    /// Serve cookies with `Secure` and the `__Host-` prefix, send HSTS (behind TLS).
    pub tls: bool,
    /// Idle session timeout in minutes.
    pub session_idle_minutes: i64,
    /// Absolute session lifetime in hours.
    pub session_absolute_hours: i64,
    /// Failed logins before the account is locked.
    pub lockout_attempts: i32,
    /// Lock duration in minutes.
    pub lockout_minutes: i64,
    /// Validity of an account setup link in hours.
    pub setup_link_hours: i64,
    /// Validity of a password reset link in minutes.
    pub reset_link_minutes: i64,
    /// Validity of a self-registration invitation in days.
    pub invitation_days: i64,
    /// Login/reset attempts per client address and minute before 429.
    pub rate_limit_per_minute: u32,
    /// Reverse proxies (addresses or networks) whose `X-Forwarded-For` names the client;
    /// default none: the socket peer is the client (see [`crate::client_addr`]).
    pub trusted_proxies: Vec<crate::TrustedProxy>,
}

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings {
            tls: false,
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            lockout_attempts: 5,
            lockout_minutes: 15,
            setup_link_hours: 72,
            reset_link_minutes: 60,
            invitation_days: 14,
            rate_limit_per_minute: 20,
            trusted_proxies: Vec::new(),
        }
    }
}

/// File exports (R-EXP-1).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ExportSettings {
    /// Start CSV files with a UTF-8 byte order mark, so German Excel reads umlauts right when a
    /// file is double-clicked. Switch it off for programs that dislike it (`HIH_EXPORT__CSV_BOM`).
    pub csv_bom: bool,
}

impl Default for ExportSettings {
    fn default() -> Self {
        ExportSettings { csv_bom: true }
    }
}

/// Backups (R-OPS-3).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct BackupSettings {
    /// Hours between scheduled backups (0 = none).
    pub interval_hours: i64,
    /// How many backups to keep.
    pub keep: usize,
    /// Directory (default: `<data_dir>/backups`).
    pub dir: Option<String>,
    /// The `pg_dump` program (PostgreSQL backups; default: `pg_dump` found on `PATH`).
    pub pg_dump: Option<String>,
    /// The `pg_restore` program (verifying and restoring PostgreSQL backups; default:
    /// `pg_restore` found on `PATH`).
    pub pg_restore: Option<String>,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings {
            interval_hours: 24,
            keep: 14,
            dir: None,
            pg_dump: None,
            pg_restore: None,
        }
    }
}

/// Retention of the audit and access logs (R-RET-1: deleted at the latest at the end of the
/// year after the entry was written, automatically).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct LogSettings {
    /// Whole calendar years an entry is kept after the year it was written (legal maximum 1:
    /// an entry of 2026 is deleted on 1 January 2028; 0 deletes it on 1 January 2027).
    pub retention_years: u32,
    /// Entries deleted per transaction by the purge job.
    pub purge_batch: u64,
}

impl LogSettings {
    /// The largest `retention_years` R-RET-1 allows.
    pub const MAX_RETENTION_YEARS: u32 = 1;

    /// Refuses a retention longer than R-RET-1 allows and an empty purge batch.
    pub fn validate(&self) -> Result<(), SettingsError> {
        if self.retention_years > Self::MAX_RETENTION_YEARS {
            return Err(SettingsError::LogRetentionTooLong(self.retention_years));
        }
        if self.purge_batch == 0 {
            return Err(SettingsError::LogPurgeBatch);
        }
        Ok(())
    }
}

impl Default for LogSettings {
    fn default() -> Self {
        LogSettings {
            retention_years: 1,
            purge_batch: 5000,
        }
    }
}

/// Thresholds of the misuse detection (R-SEC-1); each rule alerts admins and the dpo once per
/// episode. `export_alert_rows` (top level) is the export-volume rule's threshold.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct MisuseSettings {
    /// Denied (out-of-scope or forbidden) requests of one user within the window.
    pub denied_per_user: u32,
    /// Failed logins across accounts, or from one address, within the window.
    pub failed_logins: u32,
    /// Invalid or reused single-use links from one address within the window.
    pub invalid_links: u32,
    /// The sliding window of the count rules, in minutes.
    pub window_minutes: i64,
}

impl Default for MisuseSettings {
    fn default() -> Self {
        MisuseSettings {
            denied_per_user: 20,
            failed_logins: 10,
            invalid_links: 5,
            window_minutes: 10,
        }
    }
}

/// Thresholds of the status page (R-OPS-1): when a check turns into a warning or a problem.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct StatusSettings {
    /// Seconds without a heartbeat after which a job worker counts as dead (apalis beats
    /// every 30 s).
    pub worker_timeout_seconds: i64,
    /// Minutes the oldest due job may wait in the queue before the queue counts as congested.
    pub queue_max_wait_minutes: i64,
    /// Hours back in which finally failed jobs and undeliverable mails are reported.
    pub failed_window_hours: i64,
    /// Minutes an undelivered mail may wait (SMTP mode) before it is reported.
    pub mail_max_wait_minutes: i64,
    /// Free space of the data directory below which writing is in danger (a problem; below
    /// twice this, a warning).
    pub disk_min_free_mb: u64,
    /// Hours after which the last successful backup counts as too old (unset: twice
    /// `backup.interval_hours`).
    pub backup_max_age_hours: Option<i64>,
    /// Milliseconds a trivial query may take before the database counts as slow.
    pub db_latency_warn_ms: u64,
}

impl Default for StatusSettings {
    fn default() -> Self {
        StatusSettings {
            worker_timeout_seconds: 90,
            queue_max_wait_minutes: 15,
            failed_window_hours: 24,
            mail_max_wait_minutes: 30,
            disk_min_free_mb: 1024,
            backup_max_age_hours: None,
            db_latency_warn_ms: 500,
        }
    }
}

/// Who may read `/metrics` (R-OPS-1): nobody unless a token or addresses are configured.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MetricsSettings {
    /// Bearer token a scraper sends (`Authorization: Bearer …`; a secret: never printed).
    pub token: Option<SecretString>,
    /// Client addresses or networks (`127.0.0.1`, `10.0.0.0/8`) that may read without a
    /// token; the client address is the one behind `security.trusted_proxies`.
    pub allow_from: Vec<crate::TrustedProxy>,
}

/// Why the configuration is refused at start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// R-GEN-3: an end date in the past would delete all core data at once.
    #[error(
        "programme_end_date {0} liegt in der Vergangenheit; das Programmende muss in der Zukunft liegen (oder leer bleiben)"
    )]
    EndDateInPast(NaiveDate),
    /// The tender's minimum password length is 8.
    #[error("password.min_length muss mindestens 8 sein")]
    PasswordTooShort,
    /// Page sizes are 20, 40, 60 or 0 (all).
    #[error("list_page_size muss 20, 40, 60 oder 0 (alle) sein")]
    PageSize,
    /// `monthly_counts_start` must be a month `JJJJ-MM`.
    #[error("monthly_counts_start muss ein Monat im Format JJJJ-MM sein (z. B. 2026-01)")]
    MonthlyCountsStart,
    /// R-RET-1: log entries are deleted at the latest at the end of the year after the one
    /// they were written in, so `logs.retention_years` may not exceed 1.
    #[error(
        "logs.retention_years = {0} ist nicht zulässig: Protokolleinträge werden spätestens am Ende des auf ihre Entstehung folgenden Jahres gelöscht (höchstens 1)"
    )]
    LogRetentionTooLong(u32),
    /// The log purge deletes at least one entry per transaction.
    #[error("logs.purge_batch muss mindestens 1 sein")]
    LogPurgeBatch,
    /// R-ID-1: the applicant ID's prefix is a short code of capital letters and digits.
    #[error(
        "id_prefix = „{0}“ ist nicht zulässig: 1 bis 10 Großbuchstaben (A–Z) oder Ziffern, beginnend mit einem Buchstaben (z. B. HIH)"
    )]
    IdPrefix(String),
    /// R-OPR-4: product name, logo or colours of the instance.
    #[error(transparent)]
    Branding(#[from] crate::BrandingError),
    /// R-CNS-3: the counselling channel's keys.
    #[error(transparent)]
    Counselling(#[from] crate::CounsellingSettingsError),
}

/// The whole configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Directory for the SQLite file, backups and generated files.
    pub data_dir: String,
    /// Listen address of `hih serve`.
    pub bind: String,
    /// The public base URL used in links sent by e-mail.
    pub public_url: String,
    /// Database.
    pub database: DatabaseSettings,
    /// Mail.
    pub mail: MailSettings,
    /// Password policy.
    pub password: PasswordSettings,
    /// Sessions, lockout, links.
    pub security: SecuritySettings,
    /// Days a deactivated record is kept before physical deletion (R-COM-3).
    pub retention_days: i64,
    /// Days a read notification is kept (R-NOT-1); unread ones are kept up to a year.
    pub notification_retention_days: i64,
    /// Programme end date; unset means no end deletion (R-GEN-3: no default).
    pub programme_end_date: Option<NaiveDate>,
    /// Prefix of the applicant ID (R-ID-1).
    pub id_prefix: String,
    /// Days a self-registration invitation link stays valid (R-REG-1).
    pub invitation_days: i64,
    /// Default page size of lists (20, 40, 60 or 0 = all).
    pub list_page_size: u32,
    /// Default page size per list, by the list's key (`[list_page_sizes] companies = 40`);
    /// lists not named here use `list_page_size`.
    pub list_page_sizes: std::collections::BTreeMap<String, u32>,
    /// Log format.
    pub log_format: LogFormat,
    /// OTLP endpoint (e.g. `http://127.0.0.1:4317`); unset = no export (R-OPR-5).
    pub otlp_endpoint: Option<String>,
    /// Start background workers in `serve`.
    pub run_workers: bool,
    /// Backups.
    pub backup: BackupSettings,
    /// Seconds a stopping instance waits for running requests (long exports) and jobs before
    /// it ends them (SIGTERM, Ctrl-C).
    pub shutdown_grace_seconds: u64,
    /// Retention of the audit and access logs.
    pub logs: LogSettings,
    /// Misuse detection thresholds.
    pub misuse: MisuseSettings,
    /// Rows exported by one user within a day above which admins and the DPO are alerted
    /// (R-SEC-1 "unusual export volume").
    pub export_alert_rows: u64,
    /// How many long requests (list exports, the statistics page, cross-tabs) run at once on
    /// this instance; more wait for a free slot, so they cannot take every core and connection
    /// from interactive pages (`ops/performance.md`).
    pub long_work_slots: u32,
    /// First month (`JJJJ-MM`) for which monthly counts (1A, R-COM-4) are due from every IHK
    /// district. Unset: for each district, from the month of its first monthly count or first
    /// company, so a fresh installation does not report years of missing months.
    pub monthly_counts_start: Option<String>,
    /// Product name, logo and colours of this instance (R-OPR-4).
    pub branding: crate::BrandingSettings,
    /// Thresholds of the status page.
    pub status: StatusSettings,
    /// Access to `/metrics`.
    pub metrics: MetricsSettings,
    /// File exports.
    pub export: ExportSettings,
    /// The REST API's limits.
    pub api: ApiSettings,
    /// The counselling channel (keys, retention, upload limit).
    pub counselling: crate::CounsellingSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            data_dir: "data".to_string(),
            bind: "127.0.0.1:8080".to_string(),
            public_url: "http://127.0.0.1:8080".to_string(),
            database: DatabaseSettings::default(),
            mail: MailSettings::default(),
            password: PasswordSettings::default(),
            security: SecuritySettings::default(),
            retention_days: 90,
            notification_retention_days: 90,
            programme_end_date: None,
            id_prefix: "HIH".to_string(),
            invitation_days: 14,
            list_page_size: 20,
            list_page_sizes: std::collections::BTreeMap::new(),
            log_format: LogFormat::Text,
            otlp_endpoint: None,
            run_workers: true,
            backup: BackupSettings::default(),
            shutdown_grace_seconds: 30,
            logs: LogSettings::default(),
            misuse: MisuseSettings::default(),
            export_alert_rows: 5000,
            long_work_slots: 1,
            monthly_counts_start: None,
            branding: crate::BrandingSettings::default(),
            status: StatusSettings::default(),
            metrics: MetricsSettings::default(),
            export: ExportSettings::default(),
            api: ApiSettings::default(),
            counselling: crate::CounsellingSettings::default(),
        }
    }
}

impl Settings {
    /// Checks values that must never take effect (called before anything starts).
    pub fn validate(&self, today: NaiveDate) -> Result<(), SettingsError> {
        if let Some(end) = self.programme_end_date
            && end <= today
        {
            return Err(SettingsError::EndDateInPast(end));
        }
        if self.password.min_length < 8 {
            return Err(SettingsError::PasswordTooShort);
        }
        if ![20, 40, 60, 0].contains(&self.list_page_size)
            || self
                .list_page_sizes
                .values()
                .any(|p| ![20, 40, 60, 0].contains(p))
        {
            return Err(SettingsError::PageSize);
        }
        if let Some(start) = &self.monthly_counts_start
            && parse_year_month(start).is_none()
        {
            return Err(SettingsError::MonthlyCountsStart);
        }
        self.logs.validate()?;
        if !valid_id_prefix(&self.id_prefix) {
            return Err(SettingsError::IdPrefix(self.id_prefix.clone()));
        }
        self.branding.validate()?;
        self.counselling.validate(self.security.tls)?;
        Ok(())
    }

    /// The address of the local `path` (`/konto/einrichten/…`) as users reach it from outside:
    /// `public_url` without its trailing slash, then `path`. Every link in a mail or a console
    /// message is built here.
    pub fn absolute_url(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.trim_end_matches('/'))
    }

    /// The database URL to use: the configured one or the SQLite file in `data_dir`.
    pub fn database_url(&self) -> String {
        use secrecy::ExposeSecret;
        match &self.database.url {
            Some(url) if !url.expose_secret().is_empty() => url.expose_secret().to_string(),
            _ => format!("sqlite://{}/hih.db?mode=rwc", self.data_dir),
        }
    }
}

/// Whether `prefix` may start applicant IDs (R-ID-1): 1 to 10 capital letters `A–Z` or
/// digits, the first a letter — so `HIH-VN-0001` stays one unambiguous token.
pub fn valid_id_prefix(prefix: &str) -> bool {
    (1..=10).contains(&prefix.len())
        && prefix.starts_with(|c: char| c.is_ascii_uppercase())
        && prefix
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Parses a month `JJJJ-MM` (year 2000–2999) into `(year, month)`.
pub fn parse_year_month(s: &str) -> Option<(i32, u32)> {
    let (y, m) = s.trim().split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let month: u32 = m.parse().ok()?;
    ((2000..3000).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_urls_join_the_public_address_and_the_path_once() {
        let mut s = Settings {
            public_url: "https://hih.example/".into(),
            ..Settings::default()
        };
        assert_eq!(s.absolute_url("/login"), "https://hih.example/login");
        s.public_url = "https://hih.example".into();
        assert_eq!(
            s.absolute_url("/download/x"),
            "https://hih.example/download/x"
        );
    }

    #[test]
    fn defaults_follow_the_requirements() {
        let s = Settings::default();
        assert_eq!(s.password.min_length, 10);
        assert_eq!(s.security.session_idle_minutes, 30);
        assert_eq!(s.security.lockout_attempts, 5);
        assert!(s.programme_end_date.is_none());
        assert_eq!(s.database_url(), "sqlite://data/hih.db?mode=rwc");
    }

    #[test]
    fn an_end_date_in_the_past_is_refused() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut s = Settings::default();
        assert!(s.validate(today).is_ok(), "unset end date is fine");
        s.programme_end_date = NaiveDate::from_ymd_opt(2023, 6, 30);
        let err = s.validate(today).unwrap_err();
        assert!(
            err.to_string()
                .contains("2023-06-30 liegt in der Vergangenheit")
        );
        s.programme_end_date = NaiveDate::from_ymd_opt(2027, 6, 30);
        assert!(s.validate(today).is_ok());
        s.password.min_length = 6;
        assert_eq!(s.validate(today), Err(SettingsError::PasswordTooShort));
        s.password.min_length = 10;
        s.list_page_size = 25;
        assert_eq!(s.validate(today), Err(SettingsError::PageSize));
        s.list_page_size = 20;
        s.monthly_counts_start = Some("2026-13".into());
        assert_eq!(s.validate(today), Err(SettingsError::MonthlyCountsStart));
        s.monthly_counts_start = Some("2026-01".into());
        assert!(s.validate(today).is_ok());
        assert_eq!(parse_year_month("2026-01"), Some((2026, 1)));
        assert_eq!(parse_year_month("26-1"), None);
    }

    #[test]
    fn log_retention_may_not_exceed_one_year() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut s = Settings::default();
        assert_eq!(s.logs.retention_years, 1);
        s.logs.retention_years = 0;
        assert!(s.validate(today).is_ok());
        s.logs.retention_years = 2;
        let err = s.validate(today).unwrap_err();
        assert_eq!(err, SettingsError::LogRetentionTooLong(2));
        assert!(
            err.to_string()
                .contains("logs.retention_years = 2 ist nicht zulässig")
        );
        s.logs.retention_years = 1;
        s.logs.purge_batch = 0;
        assert_eq!(s.validate(today), Err(SettingsError::LogPurgeBatch));
    }

    #[test]
    fn secrets_do_not_print() {
        let s = Settings {
            database: DatabaseSettings {
                url: Some(SecretString::from("postgres://u:topsecret@h/db")),
                max_connections: 1,
                ..DatabaseSettings::default()
            },
            ..Settings::default()
        };
        assert!(!format!("{s:?}").contains("topsecret"));
    }
}

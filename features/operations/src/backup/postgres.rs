//! PostgreSQL backups through the PostgreSQL client tools: `pg_dump --format=custom` (one
//! consistent snapshot of the whole database, also under write load) and `pg_restore`
//! (reading, restoring), found on `PATH` or named by the settings `backup.pg_dump` and
//! `backup.pg_restore`.
//!
//! The connection comes from the configured database URL. Its password never appears in a
//! command line (where `ps` would show it): the tools get the URL without it through
//! `--dbname` and the password through the `PGPASSWORD` environment variable (without one in
//! the URL, libpq's usual sources such as `~/.pgpass` apply). `--no-password` keeps the tools
//! from ever waiting for a prompt.

use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;

use hih_kernel::Settings;
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, Statement};
use tokio::io::AsyncBufReadExt;
use tokio::process::Command;
use url::Url;

use super::error::BackupError;

/// Lines of a tool's error output kept for the message.
const OUTPUT_LINES: usize = 12;

/// How a tool reports progress: `(steps done, steps)`.
pub type StepProgress = Arc<dyn Fn(u64, u64) + Send + Sync>;

/// A PostgreSQL database as the client tools reach it.
#[derive(Clone)]
pub struct PgTarget {
    /// The URL without its password.
    url: Url,
    /// The password, percent-decoded.
    password: Option<String>,
}

impl std::fmt::Debug for PgTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgTarget")
            .field("url", &self.url.as_str())
            .finish_non_exhaustive()
    }
}

impl PgTarget {
    /// Reads a `postgres://` or `postgresql://` URL.
    pub fn parse(url: &str) -> Result<Self, BackupError> {
        let mut url = Url::parse(url).map_err(|e| BackupError::Url(e.to_string()))?;
        if !matches!(url.scheme(), "postgres" | "postgresql") {
            return Err(BackupError::Url(format!("scheme {}", url.scheme())));
        }
        let password = match url.password() {
            Some(p) => Some(
                percent_encoding::percent_decode_str(p)
                    .decode_utf8()
                    .map_err(|e| BackupError::Url(e.to_string()))?
                    .into_owned(),
            ),
            None => None,
        };
        url.set_password(None)
            .map_err(|()| BackupError::Url("no host".into()))?;
        Ok(PgTarget { url, password })
    }

    /// The URL without password (safe to show).
    pub fn display(&self) -> String {
        self.url.to_string()
    }

    /// The same server and role, another database.
    pub fn with_database(&self, name: &str) -> Self {
        let mut url = self.url.clone();
        url.set_path(&format!("/{name}"));
        PgTarget {
            url,
            password: self.password.clone(),
        }
    }

    /// The URL with the password, for this process's own connection only.
    fn full_url(&self) -> String {
        let mut url = self.url.clone();
        if let Some(p) = &self.password {
            let encoded =
                percent_encoding::utf8_percent_encode(p, percent_encoding::NON_ALPHANUMERIC)
                    .to_string();
            // A URL with a host always takes a password.
            let _ = url.set_password(Some(&encoded));
        }
        url.to_string()
    }

    /// A small connection of our own (verification, checks).
    pub async fn connect(&self) -> Result<DatabaseConnection, BackupError> {
        let mut opts = ConnectOptions::new(self.full_url());
        opts.max_connections(1).sqlx_logging(false);
        Ok(Database::connect(opts).await?)
    }

    /// A client tool invocation: `--no-password --dbname=<url>`, password in the environment.
    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.arg("--no-password")
            .arg(format!("--dbname={}", self.url))
            .stdin(Stdio::null())
            .kill_on_drop(true);
        if let Some(p) = &self.password {
            cmd.env("PGPASSWORD", p);
        }
        cmd
    }
}

/// The `pg_dump` program: the setting, else the one on `PATH`.
pub fn pg_dump(settings: &Settings) -> String {
    program(settings.backup.pg_dump.as_deref(), "pg_dump")
}

/// The `pg_restore` program: the setting, else the one on `PATH`.
pub fn pg_restore(settings: &Settings) -> String {
    program(settings.backup.pg_restore.as_deref(), "pg_restore")
}

fn program(configured: Option<&str>, default: &str) -> String {
    configured
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .unwrap_or(default)
        .to_string()
}

fn spawn_error(program: &str, setting: &'static str, e: &std::io::Error) -> BackupError {
    if e.kind() == std::io::ErrorKind::NotFound {
        BackupError::ToolMissing {
            program: program.to_string(),
            setting,
        }
    } else {
        BackupError::ToolFailed {
            program: program.to_string(),
            output: e.to_string(),
        }
    }
}

/// The last lines of a tool's error output, for the message.
fn tail(lines: &[String]) -> String {
    let start = lines.len().saturating_sub(OUTPUT_LINES);
    lines[start..]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Runs a tool to its end; its error output becomes the message if it fails.
async fn run(
    program: &str,
    setting: &'static str,
    mut cmd: Command,
) -> Result<std::process::Output, BackupError> {
    let out = cmd
        .output()
        .await
        .map_err(|e| spawn_error(program, setting, &e))?;
    if out.status.success() {
        Ok(out)
    } else {
        let lines: Vec<String> = String::from_utf8_lossy(&out.stderr)
            .lines()
            .map(str::to_string)
            .collect();
        let mut output = tail(&lines);
        if output.is_empty() {
            output = out.status.to_string();
        }
        Err(BackupError::ToolFailed {
            program: program.to_string(),
            output,
        })
    }
}

/// Dumps the whole database into `dest` (custom format; the file exists with mode 0600).
pub async fn dump(settings: &Settings, target: &PgTarget, dest: &Path) -> Result<(), BackupError> {
    let program = pg_dump(settings);
    let mut cmd = target.command(&program);
    cmd.arg("--format=custom").arg("--file").arg(dest);
    run(&program, "backup.pg_dump", cmd).await.map(|_| ())
}

/// Reads the archive's table of contents (`pg_restore --list`): the number of its entries.
/// Fails if `pg_restore` cannot read the file.
pub async fn list(settings: &Settings, file: &Path) -> Result<u64, BackupError> {
    let program = pg_restore(settings);
    let mut cmd = Command::new(&program);
    cmd.arg("--list")
        .arg(file)
        .stdin(Stdio::null())
        .kill_on_drop(true);
    let out = run(&program, "backup.pg_restore", cmd).await?;
    let entries = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with(';'))
        .count();
    Ok(entries as u64)
}

/// Restores the archive `file` into `target` in one transaction (all or nothing), objects
/// owned by the connecting role. `clean` first drops the archive's objects that exist
/// (`--force` on a database that is not empty). `progress` gets `(items done, items)` from
/// `pg_restore --verbose`'s lines.
pub async fn restore(
    settings: &Settings,
    target: &PgTarget,
    file: &Path,
    clean: bool,
    progress: StepProgress,
) -> Result<(), BackupError> {
    let total = list(settings, file).await?;
    let program = pg_restore(settings);
    let mut cmd = target.command(&program);
    cmd.args([
        "--verbose",
        "--no-owner",
        // Comments on extensions belong to their owner; ours carry none of our own.
        "--no-comments",
        "--exit-on-error",
        "--single-transaction",
    ]);
    if clean {
        cmd.args(["--clean", "--if-exists"]);
    }
    cmd.arg(file).stdout(Stdio::null()).stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| spawn_error(&program, "backup.pg_restore", &e))?;
    let mut lines = Vec::new();
    if let Some(stderr) = child.stderr.take() {
        let mut reader = tokio::io::BufReader::new(stderr).lines();
        let mut done = 0u64;
        while let Ok(Some(line)) = reader.next_line().await {
            if line.starts_with("pg_restore: ") && !line.contains("error") {
                done = (done + 1).min(total);
                progress(done, total);
            }
            lines.push(line);
            if lines.len() > 4 * OUTPUT_LINES {
                lines.drain(..OUTPUT_LINES);
            }
        }
    }
    let status = child.wait().await.map_err(|e| BackupError::ToolFailed {
        program: program.clone(),
        output: e.to_string(),
    })?;
    if status.success() {
        progress(total, total);
        Ok(())
    } else {
        let mut output = tail(&lines);
        if output.is_empty() {
            output = status.to_string();
        }
        Err(BackupError::ToolFailed { program, output })
    }
}

async fn scalar_i64(db: &DatabaseConnection, sql: &str) -> Result<i64, BackupError> {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .ok_or_else(|| BackupError::Database("no row".into()))?;
    Ok(row.try_get::<i64>("", "n")?)
}

/// Whether the connected role may create databases (for the scratch restore).
pub async fn may_create_databases(db: &DatabaseConnection) -> Result<bool, BackupError> {
    let n = scalar_i64(
        db,
        "SELECT COUNT(*) AS n FROM pg_roles WHERE rolname = current_user \
         AND (rolcreatedb OR rolsuper)",
    )
    .await?;
    Ok(n > 0)
}

/// Tables in the database outside PostgreSQL's own schemas (0: an empty database).
pub async fn user_tables(db: &DatabaseConnection) -> Result<i64, BackupError> {
    scalar_i64(
        db,
        "SELECT COUNT(*) AS n FROM pg_tables \
         WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    )
    .await
}

/// A new database name for a scratch restore.
pub fn scratch_name() -> String {
    format!(
        "hih_verify_{}",
        ulid::Ulid::new().to_string().to_lowercase()
    )
}

/// Creates the scratch database `name` through `db` (the application's connection).
pub async fn create_database(db: &DatabaseConnection, name: &str) -> Result<(), BackupError> {
    db.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await?;
    Ok(())
}

/// Drops the scratch database `name`, ending sessions that still use it.
pub async fn drop_database(db: &DatabaseConnection, name: &str) -> Result<(), BackupError> {
    db.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn the_password_leaves_the_url() {
        let t =
            PgTarget::parse("postgres://hih:g%40heim@db.example:5433/hih?sslmode=require").unwrap();
        assert_eq!(
            t.display(),
            "postgres://hih@db.example:5433/hih?sslmode=require"
        );
        assert_eq!(t.password.as_deref(), Some("g@heim"));
        assert!(!format!("{t:?}").contains("heim"));
        let cmd = t.command("pg_dump");
        let args: Vec<String> = cmd
            .as_std()
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert!(args.iter().all(|a| !a.contains("heim")), "{args:?}");
        let env: Vec<_> = cmd.as_std().get_envs().collect();
        assert!(
            env.iter()
                .any(|(k, v)| *k == "PGPASSWORD" && v.is_some_and(|v| v == "g@heim"))
        );
        assert!(t.full_url().contains("g%40heim"));
        let s = t.with_database("hih_verify_x");
        assert_eq!(
            s.display(),
            "postgres://hih@db.example:5433/hih_verify_x?sslmode=require"
        );
        assert!(PgTarget::parse("sqlite://data/hih.db").is_err());
    }

    #[test]
    fn without_a_password_nothing_is_set() {
        let t = PgTarget::parse("postgres://postgres@127.0.0.1:5432/test").unwrap();
        let cmd = t.command("pg_dump");
        assert!(cmd.as_std().get_envs().all(|(k, _)| k != "PGPASSWORD"));
    }
}

//! Why a backup or a restore failed: one variant per cause, each worded for the operator in
//! German through a text key (`operations-backup-error-*`) with what to do.

use hih_db::audit::Break;
use hih_i18n::{Catalog, Locale, TextArg};
use hih_kernel::AppError;

/// A failed backup, verification or restore.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    /// The backup directory cannot be created or used.
    #[error("backup directory {dir}: {error}")]
    Directory {
        /// The directory.
        dir: String,
        /// What the operating system said.
        error: String,
    },
    /// A file cannot be written, read, renamed or hashed.
    #[error("file {path}: {error}")]
    File {
        /// The file.
        path: String,
        /// What the operating system said.
        error: String,
    },
    /// SQLite's online backup (or the restore through it) failed.
    #[error("sqlite online backup: {0}")]
    Sqlite(String),
    /// A PostgreSQL client program is not installed (or not where the setting says).
    #[error("{program} not found")]
    ToolMissing {
        /// The program as configured or looked up on `PATH`.
        program: String,
        /// The setting that names it (`backup.pg_dump`, `backup.pg_restore`).
        setting: &'static str,
    },
    /// A PostgreSQL client program ended with an error.
    #[error("{program} failed: {output}")]
    ToolFailed {
        /// The program.
        program: String,
        /// The end of its error output.
        output: String,
    },
    /// The copy's `PRAGMA integrity_check` found damage.
    #[error("integrity check: {0}")]
    Integrity(String),
    /// The copy's audit chain is broken.
    #[error("audit chain broken at {seq}: {reason}")]
    ChainBroken {
        /// The first bad entry.
        seq: i64,
        /// Why.
        reason: Break,
    },
    /// The file is not a backup of this kind (a PostgreSQL dump for a SQLite installation, or
    /// not a backup at all).
    #[error("{path} is not a {expected} backup")]
    WrongKind {
        /// The file.
        path: String,
        /// `sqlite` or `postgres`: what the configured database needs.
        expected: &'static str,
    },
    /// The restore target already holds data and `--force` was not given.
    #[error("restore target not empty: {target}")]
    TargetNotEmpty {
        /// The database file or database (without password).
        target: String,
    },
    /// The configured database URL cannot be used for the PostgreSQL tools.
    #[error("database url: {0}")]
    Url(String),
    /// The database refused a query (recording, checking the target, scratch database).
    #[error("database: {0}")]
    Database(String),
}

impl From<AppError> for BackupError {
    fn from(e: AppError) -> Self {
        BackupError::Database(e.to_string())
    }
}

impl From<sea_orm::DbErr> for BackupError {
    fn from(e: sea_orm::DbErr) -> Self {
        BackupError::Database(e.to_string())
    }
}

impl BackupError {
    /// The text key of the German/English message (arguments: [`BackupError::args`]).
    pub fn text_key(&self) -> &'static str {
        match self {
            BackupError::Directory { .. } => "operations-backup-error-directory",
            BackupError::File { .. } => "operations-backup-error-file",
            BackupError::Sqlite(_) => "operations-backup-error-sqlite",
            BackupError::ToolMissing { .. } => "operations-backup-error-tool-missing",
            BackupError::ToolFailed { .. } => "operations-backup-error-tool-failed",
            BackupError::Integrity(_) => "operations-backup-error-integrity",
            BackupError::ChainBroken { .. } => "operations-backup-error-chain",
            BackupError::WrongKind { .. } => "operations-backup-error-wrong-kind",
            BackupError::TargetNotEmpty { .. } => "operations-backup-error-not-empty",
            BackupError::Url(_) => "operations-backup-error-url",
            BackupError::Database(_) => "operations-backup-error-database",
        }
    }

    /// The arguments of the message; the reason of a broken chain comes in `texts`' words.
    pub fn args(&self, texts: &Catalog, locale: Locale) -> Vec<(&'static str, String)> {
        match self {
            BackupError::Directory { dir, error } => {
                vec![("dir", dir.clone()), ("error", error.clone())]
            }
            BackupError::File { path, error } => {
                vec![("path", path.clone()), ("error", error.clone())]
            }
            BackupError::Sqlite(error)
            | BackupError::Integrity(error)
            | BackupError::Url(error)
            | BackupError::Database(error) => vec![("error", error.clone())],
            BackupError::ToolMissing { program, setting } => {
                vec![
                    ("program", program.clone()),
                    ("setting", setting.to_string()),
                ]
            }
            BackupError::ToolFailed { program, output } => {
                vec![("program", program.clone()), ("error", output.clone())]
            }
            BackupError::ChainBroken { seq, reason } => {
                let reason_args = text_args(&reason.args());
                let reason_args: Vec<(&str, TextArg)> =
                    reason_args.iter().map(|(k, v)| (*k, v.clone())).collect();
                vec![
                    ("seq", seq.to_string()),
                    ("reason", texts.t(locale, reason.text_key(), &reason_args)),
                ]
            }
            BackupError::WrongKind { path, expected } => {
                vec![("path", path.clone()), ("expected", expected.to_string())]
            }
            BackupError::TargetNotEmpty { target } => vec![("target", target.clone())],
        }
    }

    /// The message in `locale`.
    pub fn message_in(&self, texts: &Catalog, locale: Locale) -> String {
        let args = text_args(&self.args(texts, locale));
        let args: Vec<(&str, TextArg)> = args.iter().map(|(k, v)| (*k, v.clone())).collect();
        texts.t(locale, self.text_key(), &args)
    }

    /// The German message for the operator (the record, the command line, the job's error).
    pub fn message(&self, texts: &Catalog) -> String {
        self.message_in(texts, Locale::De)
    }
}

fn text_args<'a>(args: &[(&'a str, String)]) -> Vec<(&'a str, TextArg)> {
    args.iter()
        .map(|(k, v)| (*k, TextArg::Str(v.clone())))
        .collect()
}

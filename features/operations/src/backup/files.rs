//! Backup files on disk: the directory (mode 0700), names with a UTC timestamp, files created
//! with mode 0600, their SHA-256 and size, the kind of a file by its first bytes.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use hih_db::Backend;
use hih_kernel::Settings;
use sha2::{Digest, Sha256};

use super::error::BackupError;

/// Suffix of a file while it is written and verified; renamed when it passed.
pub const PARTIAL: &str = ".partial";

/// The configured backup directory: `backup.dir`, else `<data_dir>/backups`.
pub fn configured_dir(settings: &Settings) -> PathBuf {
    match &settings.backup.dir {
        Some(dir) if !dir.trim().is_empty() => PathBuf::from(dir),
        _ => Path::new(&settings.data_dir).join("backups"),
    }
}

fn dir_error(dir: &Path, e: impl std::fmt::Display) -> BackupError {
    BackupError::Directory {
        dir: dir.display().to_string(),
        error: e.to_string(),
    }
}

/// A file error about `path`.
pub fn file_error(path: &Path, e: impl std::fmt::Display) -> BackupError {
    BackupError::File {
        path: path.display().to_string(),
        error: e.to_string(),
    }
}

/// Creates `dir` if needed and returns its absolute path. A directory created here, and the
/// configured backup directory (`private`, if the service user owns it), get mode 0700; an
/// existing directory named with `--to` keeps its mode (it may be shared, such as a mount
/// point). The files in either are 0600.
pub fn prepare_dir(dir: &Path, private: bool) -> Result<PathBuf, BackupError> {
    let created = !dir.exists();
    std::fs::create_dir_all(dir).map_err(|e| dir_error(dir, e))?;
    if created {
        set_mode(dir, 0o700).map_err(|e| dir_error(dir, e))?;
    } else if private && let Err(error) = set_mode(dir, 0o700) {
        // A directory that belongs to someone else (a mount point writable for the service
        // user): the files in it are still 0600.
        tracing::warn!(%error, dir = %dir.display(), "backup directory mode not set to 0700");
    }
    let dir = std::fs::canonicalize(dir).map_err(|e| dir_error(dir, e))?;
    if !dir.is_dir() {
        return Err(dir_error(&dir, "not a directory"));
    }
    Ok(dir)
}

/// Sets the permission bits of `path` (Unix; elsewhere nothing).
pub fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

/// The file extension of a backend's backups.
pub fn extension(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "sqlite3",
        Backend::Postgres => "pgdump",
    }
}

/// The code of a backend as records and file names show it.
pub fn backend_code(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    }
}

/// `hih-<backend>-<YYYYMMDDTHHMMSSZ>.<ext>` in `dir`; if taken (two backups within a second),
/// a counter is added before the extension.
pub fn new_path(dir: &Path, backend: Backend, at: DateTime<Utc>) -> PathBuf {
    let stem = format!(
        "hih-{}-{}",
        backend_code(backend),
        at.format("%Y%m%dT%H%M%SZ")
    );
    let ext = extension(backend);
    let mut n = 0u32;
    loop {
        let name = if n == 0 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        if !path.exists() && !partial_of(&path).exists() {
            return path;
        }
        n += 1;
    }
}

/// The name `path` has while it is written.
pub fn partial_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(PARTIAL);
    PathBuf::from(name)
}

/// Creates an empty file that only its owner may read and write (0600); fails if it exists.
pub fn create_private(path: &Path) -> Result<(), BackupError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(|e| file_error(path, e))?;
    // The umask may only take bits away; set them exactly anyway.
    set_mode(path, 0o600).map_err(|e| file_error(path, e))
}

/// The SHA-256 (hex) and size of a file, read in blocks.
pub fn sha256_and_size(path: &Path) -> Result<(String, u64), BackupError> {
    let mut file = std::fs::File::open(path).map_err(|e| file_error(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(|e| file_error(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((hex::encode(hasher.finalize()), size))
}

/// Removes a file that may not exist.
pub fn remove_if_exists(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// What a file holds, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A SQLite database (`SQLite format 3`).
    Sqlite,
    /// A `pg_dump` archive in custom format (`PGDMP`).
    PgDump,
    /// Anything else.
    Other,
}

/// Reads the first bytes of `path` and tells its [`Kind`].
pub fn kind_of(path: &Path) -> Result<Kind, BackupError> {
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| file_error(path, e))?;
    let mut read = 0;
    while read < head.len() {
        let n = file
            .read(&mut head[read..])
            .map_err(|e| file_error(path, e))?;
        if n == 0 {
            break;
        }
        read += n;
    }
    Ok(if head.starts_with(b"SQLite format 3\0") {
        Kind::Sqlite
    } else if head[..read].starts_with(b"PGDMP") {
        Kind::PgDump
    } else {
        Kind::Other
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use chrono::TimeZone;

    use super::*;

    #[test]
    fn names_carry_the_utc_time_and_never_collide() {
        let dir = tempfile_dir();
        let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 5, 7).single().unwrap();
        let first = new_path(&dir, Backend::Sqlite, at);
        assert_eq!(
            first.file_name().unwrap().to_str().unwrap(),
            "hih-sqlite-20261102T090507Z.sqlite3"
        );
        std::fs::write(&first, b"x").unwrap();
        let second = new_path(&dir, Backend::Sqlite, at);
        assert_eq!(
            second.file_name().unwrap().to_str().unwrap(),
            "hih-sqlite-20261102T090507Z-1.sqlite3"
        );
        assert_eq!(
            new_path(&dir, Backend::Postgres, at)
                .file_name()
                .unwrap()
                .to_str()
                .unwrap(),
            "hih-postgres-20261102T090507Z.pgdump"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn files_are_private_and_kinds_are_told_apart() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile_dir();
        let sub = prepare_dir(&dir.join("b"), false).unwrap();
        let mode = std::fs::metadata(&sub).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        let file = sub.join("f");
        create_private(&file).unwrap();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(
            create_private(&file).is_err(),
            "an existing file is refused"
        );
        assert_eq!(kind_of(&file).unwrap(), Kind::Other);
        std::fs::write(&file, b"PGDMP\x01\x0e\x00").unwrap();
        assert_eq!(kind_of(&file).unwrap(), Kind::PgDump);
        std::fs::write(&file, b"SQLite format 3\0rest").unwrap();
        assert_eq!(kind_of(&file).unwrap(), Kind::Sqlite);
        let (sha, size) = sha256_and_size(&file).unwrap();
        assert_eq!(size, 20);
        assert_eq!(sha.len(), 64);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn tempfile_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("hih-files-{}", ulid::Ulid::new()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}

//! SQLite backups through SQLite's online backup API (`rusqlite::backup`, linked to the same
//! bundled SQLite as sqlx, so both share one library and its locks).
//!
//! The copy is taken in one backup step: one read transaction on the live database, which in
//! WAL mode does not block writers and sees one committed state — every acknowledged write
//! up to that moment, including those still in the write-ahead log, and none of the writes
//! that follow. (Copying in small steps would restart whenever another connection writes, and
//! a plain file copy misses the write-ahead log.) The copy is then switched to a rollback
//! journal, so the backup is one self-contained file.
//!
//! A restore copies the backup page by page into a new file next to the target (reporting
//! progress), which the caller renames over the target once it has been verified.
//!
//! Everything here blocks: call it from `spawn_blocking`.

use std::path::Path;
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::error::BackupError;

/// Pages a restore copies per step (the progress bar moves per step).
const RESTORE_PAGES: i32 = 256;

/// How long SQLite waits for a lock before a step reports busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How often a busy step is retried before the backup gives up (with [`BUSY_TIMEOUT`] each).
const BUSY_RETRIES: u32 = 60;

fn sqlite_error(e: impl std::fmt::Display) -> BackupError {
    BackupError::Sqlite(e.to_string())
}

fn open_read_only(path: &Path) -> Result<Connection, BackupError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite_error)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite_error)?;
    Ok(conn)
}

/// Copies `from`'s pages into `to`, `pages` per step (negative: all in one step), calling
/// `progress(done, total)` after each step.
fn copy(
    from: &Connection,
    to: &mut Connection,
    pages: i32,
    progress: &dyn Fn(u64, u64),
) -> Result<(), BackupError> {
    let backup = Backup::new(from, to).map_err(sqlite_error)?;
    let mut busy = 0;
    loop {
        let step = backup.step(pages).map_err(sqlite_error)?;
        let p = backup.progress();
        let total = u64::try_from(p.pagecount).unwrap_or(0);
        let remaining = u64::try_from(p.remaining).unwrap_or(0);
        progress(total.saturating_sub(remaining), total);
        match step {
            StepResult::Done => return Ok(()),
            StepResult::More => busy = 0,
            StepResult::Busy | StepResult::Locked => {
                busy += 1;
                if busy > BUSY_RETRIES {
                    return Err(BackupError::Sqlite("database busy".into()));
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            // Variants SQLite may add later: keep stepping.
            _ => {}
        }
    }
}

/// Switches a copied file to a rollback journal (the live database runs in WAL mode, whose
/// header the copy inherits), so it is one self-contained file.
fn self_contained(conn: &Connection) -> Result<(), BackupError> {
    let mode: String = conn
        .query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0))
        .map_err(sqlite_error)?;
    if mode.eq_ignore_ascii_case("delete") {
        Ok(())
    } else {
        Err(BackupError::Sqlite(format!("journal mode stays {mode}")))
    }
}

/// Takes a consistent copy of the live database `source` into the existing empty file
/// `dest` (created with mode 0600 by the caller).
pub fn snapshot(source: &Path, dest: &Path) -> Result<(), BackupError> {
    let from = open_read_only(source)?;
    let mut to = Connection::open(dest).map_err(sqlite_error)?;
    copy(&from, &mut to, -1, &|_, _| {})?;
    drop(from);
    self_contained(&to)?;
    to.close().map_err(|(_, e)| sqlite_error(e))
}

/// Restores the backup `source` into the new file `dest`, calling `progress(pages done,
/// pages)` after each step.
pub fn restore(source: &Path, dest: &Path, progress: &dyn Fn(u64, u64)) -> Result<(), BackupError> {
    let from = open_read_only(source)?;
    // Reading the schema proves it is a database before anything is written.
    from.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(sqlite_error)?;
    let mut to = Connection::open(dest).map_err(sqlite_error)?;
    copy(&from, &mut to, RESTORE_PAGES, progress)?;
    drop(from);
    self_contained(&to)?;
    to.close().map_err(|(_, e)| sqlite_error(e))
}

/// `PRAGMA integrity_check` on a database file: `Ok` if SQLite answers `ok`, else the
/// problems it lists (at most ten).
pub fn integrity(path: &Path) -> Result<(), BackupError> {
    let conn = open_read_only(path)?;
    let mut stmt = conn
        .prepare("PRAGMA integrity_check(10)")
        .map_err(sqlite_error)?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(sqlite_error)?
        .collect::<Result<_, _>>()
        .map_err(sqlite_error)?;
    if rows.len() == 1 && rows[0] == "ok" {
        Ok(())
    } else {
        Err(BackupError::Integrity(rows.join("; ")))
    }
}

//! What the backup tests of this feature and of the binary share: an empty restore target,
//! row counts per table (live and inside a backup file) and writers that keep writing through
//! the unit of work while a backup is taken.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use hih_db::UnitOfWork;
use hih_kernel::{Actor, Services, Settings};
use hih_testkit::backend_name;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, NotSet, Set, Statement};
use secrecy::SecretString;

use crate::backup::entity as backup_run;
use crate::backup::{Trigger, record, verify};

/// Whether the tests run on PostgreSQL.
pub fn is_postgres() -> bool {
    backend_name() == "postgres"
}

/// The key of an application table in [`counts_of`]'s map.
pub fn table(name: &str) -> String {
    if is_postgres() {
        format!("public.{name}")
    } else {
        name.to_string()
    }
}

/// An empty restore target: a fresh data directory and, on PostgreSQL, a fresh database
/// (dropped at the end).
pub struct Target {
    /// Settings that point at the target (data directory, database).
    pub settings: Settings,
    /// The target's data directory.
    pub data_dir: PathBuf,
    /// The target database's URL on PostgreSQL; `None` on SQLite (the file in `data_dir`).
    pub url: Option<String>,
    _dir: tempfile::TempDir,
    pg: Option<(String, String)>,
}

impl Drop for Target {
    fn drop(&mut self) {
        let Some((admin, name)) = self.pg.take() else {
            return;
        };
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                if let Ok(db) = Database::connect(&admin).await {
                    let _ = db
                        .execute_unprepared(&format!(
                            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                        ))
                        .await;
                }
            });
        })
        .join();
    }
}

/// `url` with its database name replaced by `name` (query kept).
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let base = &base[..base.rfind('/').unwrap()];
    if query.is_empty() {
        format!("{base}/{name}")
    } else {
        format!("{base}/{name}?{query}")
    }
}

/// A fresh, empty restore target.
pub async fn empty_target() -> Target {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let mut settings = Settings {
        data_dir: data_dir.display().to_string(),
        ..Settings::default()
    };
    let mut pg = None;
    let mut url = None;
    if is_postgres() {
        let admin = std::env::var("HIH_TEST_DATABASE_URL").unwrap();
        let name = format!(
            "hih_t_restore_{}",
            ulid::Ulid::new().to_string().to_lowercase()
        );
        let db = Database::connect(&admin).await.unwrap();
        db.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .unwrap();
        db.close().await.unwrap();
        let target_url = with_database(&admin, &name);
        settings.database.url = Some(SecretString::from(target_url.clone()));
        url = Some(target_url);
        pg = Some((admin, name));
    }
    Target {
        settings,
        data_dir,
        url,
        _dir: dir,
        pg,
    }
}

/// Rows per table of a connected database (all tables of the application and of the job
/// queue).
pub async fn counts_of(db: &DatabaseConnection) -> BTreeMap<String, i64> {
    let backend = db.get_database_backend();
    let tables_sql = if is_postgres() {
        "SELECT schemaname || '.' || tablename AS name FROM pg_tables \
         WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"
    } else {
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         ORDER BY 1"
    };
    let tables: Vec<String> = db
        .query_all_raw(Statement::from_string(backend, tables_sql))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get::<String>("", "name").unwrap())
        .collect();
    let mut counts = BTreeMap::new();
    for table in tables {
        let quoted = table
            .split('.')
            .map(|p| format!("\"{p}\""))
            .collect::<Vec<_>>()
            .join(".");
        let row = db
            .query_one_raw(Statement::from_string(
                backend,
                format!("SELECT COUNT(*) AS n FROM {quoted}"),
            ))
            .await
            .unwrap()
            .unwrap();
        counts.insert(table, row.try_get::<i64>("", "n").unwrap());
    }
    counts
}

/// Rows per table in the backup file itself: the SQLite copy opened read-only, or the data
/// sections of the dump as `pg_restore` prints them (`COPY … FROM stdin;` … `\.`).
pub async fn counts_in_backup(file: &Path) -> BTreeMap<String, i64> {
    if !is_postgres() {
        let db = verify::open_sqlite_read_only(file).await.unwrap();
        let counts = counts_of(&db).await;
        db.close().await.unwrap();
        return counts;
    }
    let out = std::process::Command::new("pg_restore")
        .args(["--data-only", "--file=-"])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut counts = BTreeMap::new();
    let mut current: Option<(String, i64)> = None;
    for line in text.lines() {
        if let Some((table, n)) = current.as_mut() {
            if line == "\\." {
                counts.insert(std::mem::take(table), *n);
                current = None;
            } else {
                *n += 1;
            }
        } else if let Some(rest) = line.strip_prefix("COPY ") {
            let table = rest.split(' ').next().unwrap().replace('"', "");
            current = Some((table, 0));
        }
    }
    counts
}

/// Writes through the unit of work as a writer would: a row (a failed backup run of backend
/// `test`) and an event, in one transaction.
pub async fn write_once(services: &Services, writer: usize, n: u64) {
    let actor = Actor::system(format!("writer-{writer}"));
    let mut uow = UnitOfWork::begin(services, &actor).await.unwrap();
    let now = uow.now();
    uow.insert(backup_run::ActiveModel {
        id: NotSet,
        started_at: Set(now),
        finished_at: Set(Some(now)),
        trigger: Set(Trigger::Command.code().into()),
        backend: Set("test".into()),
        path: Set(None),
        size_bytes: Set(None),
        sha256: Set(None),
        outcome: Set(record::FAILED.into()),
        error: Set(Some(format!("writer {writer} #{n}"))),
        pruned_at: Set(None),
    })
    .await
    .unwrap();
    uow.event(
        "writer",
        &n.to_string(),
        "write",
        serde_json::json!({ "n": n }),
    );
    uow.commit().await.unwrap();
}

/// Four writers that call [`write_once`] until stopped.
pub struct Writers {
    handles: Vec<tokio::task::JoinHandle<()>>,
    stop: Arc<AtomicBool>,
    written: Arc<AtomicU64>,
}

impl Writers {
    /// Starts four writers on `services`.
    pub fn start(services: &Services) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let written = Arc::new(AtomicU64::new(0));
        let handles = (0..4)
            .map(|w| {
                let services = services.clone();
                let (stop, written) = (stop.clone(), written.clone());
                tokio::spawn(async move {
                    let mut n = 0;
                    while !stop.load(Ordering::Relaxed) {
                        write_once(&services, w, n).await;
                        n += 1;
                        written.fetch_add(1, Ordering::Relaxed);
                    }
                })
            })
            .collect();
        Writers {
            handles,
            stop,
            written,
        }
    }

    /// How many writes have committed so far.
    pub fn written(&self) -> u64 {
        self.written.load(Ordering::Relaxed)
    }

    /// Waits until at least `at_least` writes have committed (panics after about ten seconds).
    pub async fn wait_for(&self, at_least: u64) {
        for _ in 0..1000 {
            if self.written() >= at_least {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("writers too slow");
    }

    /// Stops the writers and waits for them to finish.
    pub async fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        for w in self.handles {
            w.await.unwrap();
        }
    }
}

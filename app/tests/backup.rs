//! `hih backup` and `hih restore` as an operator runs them (R-OPS-3), on SQLite and
//! PostgreSQL: a backup taken by the binary while four writers write, restored by the binary
//! into an empty target, holds exactly the backup's rows with an intact audit chain; a second
//! restore into the now filled target is refused in German; `hih serve` on the restored data
//! answers ready.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use hih_db::UnitOfWork;
use hih_kernel::{Actor, Services};
use hih_operations::backup::entity as backup_run;
use hih_testkit::backend_name;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, NotSet, Set, Statement};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::app;

fn is_postgres() -> bool {
    backend_name() == "postgres"
}

/// Where an instance keeps its data: the data directory and, on PostgreSQL, the database.
struct Place {
    data_dir: PathBuf,
    url: Option<String>,
}

impl Place {
    /// `hih` with this place's configuration (nothing inherited from the caller).
    fn hih(&self) -> tokio::process::Command {
        let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_hih"));
        cmd.env("HIH_DATA_DIR", &self.data_dir)
            .env("RUST_LOG", "error")
            .env_remove("HIH_CONFIG")
            .kill_on_drop(true);
        match &self.url {
            Some(url) => cmd.env("DATABASE_URL", url),
            None => cmd.env_remove("DATABASE_URL"),
        };
        cmd
    }
}

/// An empty target: a fresh data directory and, on PostgreSQL, a fresh database (dropped at
/// the end).
struct Target {
    place: Place,
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

async fn empty_target() -> Target {
    let dir = tempfile::tempdir().unwrap();
    let mut place = Place {
        data_dir: dir.path().join("data"),
        url: None,
    };
    let mut pg = None;
    if is_postgres() {
        let admin = std::env::var("HIH_TEST_DATABASE_URL").unwrap();
        let name = format!(
            "hih_t_restore_{}",
            ulid_like(&dir.path().display().to_string())
        );
        let db = Database::connect(&admin).await.unwrap();
        db.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .unwrap();
        db.close().await.unwrap();
        let (base, query) = admin.split_once('?').unwrap_or((&admin, ""));
        let base = &base[..base.rfind('/').unwrap()];
        place.url = Some(if query.is_empty() {
            format!("{base}/{name}")
        } else {
            format!("{base}/{name}?{query}")
        });
        pg = Some((admin, name));
    }
    Target {
        place,
        _dir: dir,
        pg,
    }
}

/// A database name part from a unique temporary path.
fn ulid_like(path: &str) -> String {
    path.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase()
}

/// Rows per table (all tables of the application and of the job queue).
async fn counts_of(db: &DatabaseConnection) -> BTreeMap<String, i64> {
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
/// sections of the dump as `pg_restore` prints them.
async fn counts_in_backup(file: &Path) -> BTreeMap<String, i64> {
    if !is_postgres() {
        let url = format!("sqlite://{}?mode=ro", file.display());
        let db = Database::connect(&url).await.unwrap();
        let counts = counts_of(&db).await;
        db.close().await.unwrap();
        return counts;
    }
    let out = std::process::Command::new("pg_restore")
        .args(["--data-only", "--file=-"])
        .arg(file)
        .output()
        .unwrap();
    assert!(out.status.success());
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

/// A row and an audit event in one unit of work, as a writer would.
async fn write_once(services: &Services, writer: usize, n: u64) {
    let actor = Actor::system(format!("writer-{writer}"));
    let mut uow = UnitOfWork::begin(services, &actor).await.unwrap();
    let now = uow.now();
    uow.insert(backup_run::ActiveModel {
        id: NotSet,
        started_at: Set(now),
        finished_at: Set(Some(now)),
        trigger: Set("command".into()),
        backend: Set("test".into()),
        path: Set(None),
        size_bytes: Set(None),
        sha256: Set(None),
        outcome: Set("failed".into()),
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

async fn wait_for(written: &AtomicU64, at_least: u64) {
    for _ in 0..1000 {
        if written.load(Ordering::Relaxed) >= at_least {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("writers too slow");
}

/// The status code of `GET path` on `port`, if the server answers.
async fn status_of(port: u16, path: &str) -> Option<u16> {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.ok()?;
    let text = String::from_utf8_lossy(&response);
    text.split_whitespace().nth(1)?.parse().ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_binary_backs_up_under_writers_restores_and_the_restored_instance_serves() {
    let app = app().await;
    let settings = &app.services().settings;
    let source = Place {
        data_dir: PathBuf::from(&settings.data_dir),
        url: is_postgres().then(|| settings.database_url()),
    };
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicU64::new(0));
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let services = app.services().clone();
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
    wait_for(&written, 40).await;

    let out = tempfile::tempdir().unwrap();
    let backup = source
        .hih()
        .arg("backup")
        .arg("--to")
        .arg(out.path())
        .output()
        .await
        .unwrap();
    let during = written.load(Ordering::Relaxed);
    wait_for(&written, during + 20).await;
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.unwrap();
    }
    let stdout = String::from_utf8_lossy(&backup.stdout);
    assert!(
        backup.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&backup.stderr)
    );
    assert!(
        stdout.contains("Sicherung geschrieben und geprüft"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Audit-Kette der Sicherung intakt"),
        "{stdout}"
    );
    let files: Vec<PathBuf> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "one backup file, no leftovers: {files:?}");
    let file = &files[0];
    let in_backup = counts_in_backup(file).await;
    let audit = if is_postgres() {
        "public.audit_log"
    } else {
        "audit_log"
    };
    assert!(
        in_backup[audit] < counts_of(app.db()).await[audit],
        "writes went on after the backup's moment"
    );

    let target = empty_target().await;
    let restored = target
        .place
        .hih()
        .arg("restore")
        .arg(file)
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&restored.stdout);
    assert!(
        restored.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    assert!(stdout.contains("Wiederhergestellt"), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "Audit-Kette nach der Wiederherstellung geprüft: intakt, {} Einträge",
            in_backup[audit]
        )),
        "{stdout}"
    );
    let target_db = match &target.place.url {
        Some(url) => Database::connect(url).await.unwrap(),
        None => Database::connect(format!(
            "sqlite://{}?mode=ro",
            target.place.data_dir.join("hih.db").display()
        ))
        .await
        .unwrap(),
    };
    assert_eq!(
        counts_of(&target_db).await,
        in_backup,
        "every table holds the backup's rows"
    );
    target_db.close().await.unwrap();

    let again = target
        .place
        .hih()
        .arg("restore")
        .arg(file)
        .output()
        .await
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("Nicht wiederhergestellt") && stderr.contains("ist nicht leer"),
        "{stderr}"
    );

    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let mut serve = target
        .place
        .hih()
        .arg("serve")
        .arg("--bind")
        .arg(format!("127.0.0.1:{port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut ready = None;
    for _ in 0..300 {
        ready = status_of(port, "/readyz").await;
        if ready == Some(200) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let login = status_of(port, "/login").await;
    serve.start_kill().unwrap();
    let _ = serve.wait().await;
    assert_eq!(ready, Some(200), "the restored instance is ready");
    assert_eq!(
        login,
        Some(200),
        "the restored instance serves its login page"
    );
}

//! The migrated database every test database is copied from. Migrating the ~200 steps was
//! most of a test's setup (about 0.9 s on SQLite and 2 s on PostgreSQL, for each of ~450
//! tests); now the first test process that needs it migrates once, and every test copies the
//! result: on SQLite the file, on PostgreSQL with `CREATE DATABASE … TEMPLATE …`. Each test
//! still runs the migrations and the job tables' setup afterwards, which find nothing to do.
//!
//! The template's name carries a hash of what shapes the schema — the migrations' sources and
//! `Cargo.lock` (the job queue's tables come from a crate) — so a changed migration builds a
//! new template and the older ones are removed. Without the sources (a test binary run outside
//! its checkout) there is no template and each test migrates, as before.

use std::path::{Path, PathBuf};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use sha2::{Digest, Sha256};

/// The workspace this test kit was built in.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The hash of the migrations' sources and the lock file, if they can be read.
fn key() -> Option<String> {
    let root = workspace();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("migrations/src"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files.push(root.join("Cargo.lock"));
    let mut hash = Sha256::new();
    for f in files {
        hash.update(f.file_name()?.as_encoded_bytes());
        hash.update(std::fs::read(&f).ok()?);
    }
    Some(hex(&hash.finalize()[..8]))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Migrates a fresh database (and creates the job tables) at `db`.
async fn migrate(db: &DatabaseConnection) {
    hih_migrations::apply(db)
        .await
        .expect("migrate the template");
    hih_jobs::JobSystem::setup(db)
        .await
        .expect("job tables of the template");
}

/// Places a copy of the migrated SQLite template at `target` (the test's database file);
/// false without a template.
pub(crate) async fn sqlite_copy(target: &Path) -> bool {
    let Some(key) = key() else {
        return false;
    };
    let dir = std::env::temp_dir().join("hih-test-templates");
    let template = dir.join(format!("{key}.db"));
    if !template.exists() {
        std::fs::create_dir_all(&dir).expect("template directory");
        // Built under a name of its own, then renamed: a process that loses the race to
        // another one replaces an identical file, and nobody ever copies a half-built one.
        let building = dir.join(format!("{key}-{}.building", ulid::Ulid::new()));
        let url = format!("sqlite://{}?mode=rwc", building.display());
        let db = Database::connect(&url).await.expect("template database");
        migrate(&db).await;
        db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await
            .expect("checkpoint the template");
        db.close().await.expect("close the template");
        std::fs::rename(&building, &template).expect("place the template");
        for old in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = old.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !name.starts_with(&key) && name.ends_with(".db") {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).expect("test data directory");
    }
    std::fs::copy(&template, target).expect("copy the template");
    true
}

/// The name of the migrated PostgreSQL template database on the server of `admin` (built
/// under an advisory lock by the first process that needs it); `None` without a template.
pub(crate) async fn postgres(admin: &DatabaseConnection, admin_url: &str) -> Option<String> {
    let key = key()?;
    let name = format!("hih_tpl_{key}");
    // One process builds; the others wait here and then find it.
    const LOCK: i64 = 0x0068_6968_5f74_706c;
    let lock = format!("SELECT pg_advisory_lock({LOCK})");
    admin
        .execute_unprepared(&lock)
        .await
        .expect("template lock");
    let built = async {
        if database_exists(admin, &name).await {
            return;
        }
        let building = format!("{name}_building");
        let _ = admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{building}\""))
            .await;
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{building}\""))
            .await
            .expect("create the template");
        let db = Database::connect(crate::replace_db_name(admin_url, &building))
            .await
            .expect("connect to the template");
        migrate(&db).await;
        db.close().await.expect("close the template");
        retry_while_in_use(
            admin,
            &format!("ALTER DATABASE \"{building}\" RENAME TO \"{name}\""),
        )
        .await;
        let old = admin
            .query_all_raw(Statement::from_string(
                admin.get_database_backend(),
                format!(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'hih\\_tpl\\_%' AND datname <> '{name}'"
                ),
            ))
            .await
            .unwrap_or_default();
        for row in old {
            if let Ok(old) = row.try_get::<String>("", "datname") {
                let _ = admin
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{old}\""))
                    .await;
            }
        }
    };
    built.await;
    let unlock = format!("SELECT pg_advisory_unlock({LOCK})");
    admin
        .execute_unprepared(&unlock)
        .await
        .expect("template unlock");
    Some(name)
}

async fn database_exists(admin: &DatabaseConnection, name: &str) -> bool {
    admin
        .query_one_raw(Statement::from_string(
            admin.get_database_backend(),
            format!("SELECT 1 AS found FROM pg_database WHERE datname = '{name}'"),
        ))
        .await
        .ok()
        .flatten()
        .is_some()
}

/// Runs `sql` (a statement PostgreSQL refuses while a closed pool's connection to the
/// database is still ending), retrying for up to ten seconds.
pub(crate) async fn retry_while_in_use(admin: &DatabaseConnection, sql: &str) {
    for attempt in 0.. {
        match admin.execute_unprepared(sql).await {
            Ok(_) => return,
            Err(e) if attempt < 100 && e.to_string().contains("being accessed by other users") => {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(e) => panic!("{sql}: {e}"),
        }
    }
}

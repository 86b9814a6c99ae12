//! Safe failure (R-NFR-4): a COMMIT that the storage refuses never answers "saved", loses no
//! acknowledged write, and writes resume by themselves once the storage works again — no
//! restart. Its own test binary: on SQLite the failure is injected by forbidding this process
//! to write file data (`RLIMIT_FSIZE` 0, process-wide); on PostgreSQL a
//! deferred constraint trigger fails every COMMIT with SQLSTATE 53100 (`disk_full`), as the
//! server does when its disk is full.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

use hih_kernel::{Actor, AppError, Feature, Role};
use hih_testkit::TestApp;
use hih_users::testing::agent_for;
use sea_orm::{ConnectionTrait, DatabaseBackend};

fn features() -> Vec<&'static dyn Feature> {
    hih_testkit::features_of(hih_app::features(), &["home", "users", "admin"])
}

/// One acknowledged write: an audited event through the unit of work.
async fn write(app: &TestApp, n: usize) -> Result<(), AppError> {
    let actor = Actor::system("storage-test");
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &actor).await?;
    uow.event(
        "storage-test",
        &n.to_string(),
        "write",
        serde_json::json!({ "n": n }),
    );
    uow.commit().await
}

async fn acknowledged(app: &TestApp) -> i64 {
    let row = app
        .db()
        .query_one_raw(sea_orm::Statement::from_string(
            app.db().get_database_backend(),
            "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'storage-test'".to_string(),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

/// Makes the storage refuse writes until [`Injected::heal`].
enum Injected {
    Sqlite,
    Postgres,
}

impl Injected {
    async fn break_storage(app: &TestApp) -> Injected {
        match app.db().get_database_backend() {
            DatabaseBackend::Postgres => {
                for sql in [
                    "CREATE FUNCTION hih_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS \
                     $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' \
                     USING ERRCODE = '53100'; END $$",
                    "CREATE CONSTRAINT TRIGGER hih_test_disk_full AFTER UPDATE ON audit_head \
                     DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hih_test_disk_full()",
                ] {
                    app.db().execute_unprepared(sql).await.unwrap();
                }
                Injected::Postgres
            }
            _ => {
                // A write beyond the limit fails with EFBIG instead of killing the process.
                let _ignore =
                    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::from_raw(
                        rustix::process::Signal::XFSZ.as_raw(),
                    ))
                    .unwrap();
                // No file of this process may grow or be written at all: every COMMIT's
                // write to the write-ahead log fails with an I/O error, as on a full disk.
                set_file_size_limit(Some(0));
                Injected::Sqlite
            }
        }
    }

    async fn heal(self, app: &TestApp) {
        match self {
            Injected::Postgres => {
                app.db()
                    .execute_unprepared("DROP TRIGGER hih_test_disk_full ON audit_head")
                    .await
                    .unwrap();
            }
            Injected::Sqlite => set_file_size_limit(None),
        }
    }
}

fn set_file_size_limit(limit: Option<u64>) {
    rustix::process::setrlimit(
        rustix::process::Resource::Fsize,
        rustix::process::Rlimit {
            current: limit,
            maximum: None,
        },
    )
    .unwrap();
}

#[tokio::test]
async fn a_refused_commit_is_never_acknowledged_and_writes_resume_without_restart() {
    let app = TestApp::new(&features()).await;
    let (admin, _) = agent_for(&app, Role::Admin, "storage").await;
    for n in 0..20 {
        write(&app, n).await.unwrap();
    }
    assert_eq!(acknowledged(&app).await, 20);

    let injected = Injected::break_storage(&app).await;
    // Several writes in a row are refused, each as a storage failure, never as saved.
    let mut refused = 0;
    for n in 100..110 {
        match write(&app, n).await {
            Err(AppError::Storage(_)) => refused += 1,
            Ok(()) => panic!("write {n} was acknowledged while the storage refuses writes"),
            Err(other) => panic!("write {n} failed as {other:?}, not as a storage failure"),
        }
    }
    assert_eq!(refused, 10);
    // A person saving a form is told, in German, that nothing was saved.
    let page = admin
        .post(
            "/admin/texte/de/home-title",
            &[("value", "Übersicht"), ("action", "save")],
        )
        .await;
    assert_eq!(page.status, 503, "{}", page.body);
    assert!(page.contains("Nichts wurde gespeichert"), "{}", page.body);

    injected.heal(&app).await;
    // Writes work again on the same pool, on every connection it hands out.
    let mut handles = Vec::new();
    for n in 200..216 {
        let app_db = app.services().clone();
        handles.push(tokio::spawn(async move {
            let actor = Actor::system("storage-test");
            let mut uow = hih_db::UnitOfWork::begin(&app_db, &actor).await?;
            uow.event(
                "storage-test",
                &n.to_string(),
                "write",
                serde_json::json!({ "n": n }),
            );
            uow.commit().await
        }));
    }
    for h in handles {
        h.await.unwrap().unwrap();
    }
    // Every acknowledged write is there, no refused one is, and the chain is intact.
    assert_eq!(acknowledged(&app).await, 36);
    assert!(matches!(
        hih_db::audit::verify_consistent(app.db()).await.unwrap(),
        hih_db::audit::Verification::Intact(_)
    ));
    // The readiness probe agrees.
    hih_db::maintenance::write_probe(app.db()).await.unwrap();
}

//! A normal stop leaves a complete database file: the write-ahead log is checkpointed and
//! truncated, so a cold copy of `hih.db` holds every acknowledged write (R-OPS-3).

use hih_kernel::Role;
use hih_users::testing::agent_for;
use sea_orm::{ConnectionTrait, Database, Statement};

use crate::app;

#[tokio::test]
async fn a_stop_checkpoints_the_log_so_a_cold_copy_is_complete() {
    let app = app().await;
    agent_for(&app, Role::Admin, "wal").await;
    for n in 0..50 {
        let actor = hih_kernel::Actor::system("writer");
        let mut uow = hih_db::UnitOfWork::begin(app.services(), &actor)
            .await
            .unwrap();
        uow.event("test", &n.to_string(), "write", serde_json::json!({}));
        uow.commit().await.unwrap();
    }
    let entries = app.count("audit_log").await.unwrap();
    assert!(entries >= 50);
    let sqlite = app.db().get_database_backend() == sea_orm::DatabaseBackend::Sqlite;
    let dir = std::path::PathBuf::from(&app.services().settings.data_dir);
    let wal = dir.join("hih.db-wal");
    if sqlite {
        let before = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        assert!(before > 0, "the writes sit in the write-ahead log");
    }
    hih_db::maintenance::checkpoint_and_close(app.db().clone())
        .await
        .unwrap();
    if sqlite {
        let after = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        assert_eq!(after, 0, "the log is checkpointed and truncated");
        // A cold copy of the database file alone holds every write.
        let copy = tempfile::tempdir().unwrap();
        std::fs::copy(dir.join("hih.db"), copy.path().join("hih.db")).unwrap();
        let url = format!("sqlite://{}/hih.db?mode=ro", copy.path().display());
        let db = Database::connect(&url).await.unwrap();
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT COUNT(*) AS n FROM audit_log".to_string(),
            ))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.try_get::<i64>("", "n").unwrap(), entries);
    }
}

//! Tests of the operations feature's `backup` part (R-OPS-3), on SQLite and PostgreSQL: a
//! backup taken while four writers write restores to exactly the backup's rows with an intact
//! audit chain; a restore refuses a target that is not empty; the hourly job backs up only
//! when the last backup is old; pruning keeps `backup.keep` files; a failing backup is
//! recorded with its message; the page lists backups and requests one (audited).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::Duration;
use hih_db::audit::Verification;
use hih_db::entities::audit_log;
use hih_kernel::{Actor, Role, Settings};
use hih_operations::backup::entity::{self as backup_run, Entity as BackupRun};
use hih_operations::backup::restore::{self, Progress};
use hih_operations::backup::{self, BackupError, ChainCheck, Trigger, files, job, record};
use hih_operations::testing::backup::{
    Writers, counts_in_backup, counts_of, empty_target, is_postgres, table, write_once,
};
use hih_testkit::TestApp;
use hih_users::testing::agent_for;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use crate::{app, features};

fn no_progress() -> Progress {
    Arc::new(|_, _| {})
}

async fn connect(settings: &Settings) -> DatabaseConnection {
    hih_db::connect(settings).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_under_four_writers_restores_to_its_rows_with_an_intact_chain() {
    let app = app().await;
    let writers = Writers::start(app.services());
    writers.wait_for(40).await;
    let out = tempfile::tempdir().unwrap();
    let done = backup::run(
        app.services(),
        &Actor::system("backup"),
        Trigger::Command,
        Some(out.path()),
    )
    .await
    .unwrap();
    writers.wait_for(writers.written() + 40).await;
    writers.stop().await;

    let file = PathBuf::from(done.record.path.clone().unwrap());
    assert!(file.starts_with(std::fs::canonicalize(out.path()).unwrap()));
    assert_eq!(done.record.outcome, record::OK);
    assert!(matches!(done.chain, ChainCheck::Verified(n) if n > 40));
    let (sha, size) = files::sha256_and_size(&file).unwrap();
    assert_eq!(done.record.sha256.as_deref(), Some(sha.as_str()));
    assert_eq!(done.record.size_bytes, Some(size as i64));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "only the owner reads a backup");
    }

    let in_backup = counts_in_backup(&file).await;
    let live = counts_of(app.db()).await;
    let audit = table("audit_log");
    assert!(
        in_backup[&audit] > 40 && in_backup[&audit] < live[&audit],
        "the backup holds the writes before it and none after it: {} of {}",
        in_backup[&audit],
        live[&audit]
    );

    // One moment: each writer's row and its two audit entries are in the copy together.
    let copy = if is_postgres() {
        None
    } else {
        Some(backup::verify::open_sqlite_read_only(&file).await.unwrap())
    };

    let target = empty_target().await;
    let restored = restore::restore(&target.settings, &file, false, no_progress())
        .await
        .unwrap();
    assert!(!restored.replaced);
    let db = connect(&target.settings).await;
    let after = counts_of(&db).await;
    assert_eq!(after, in_backup, "every table holds the backup's rows");
    assert_eq!(
        hih_db::audit::verify_consistent(&db).await.unwrap(),
        Verification::Intact(restored.entries)
    );
    assert_eq!(restored.entries as i64, in_backup[&audit]);
    let snapshot = copy.as_ref().unwrap_or(&db);
    let rows = BackupRun::find()
        .filter(backup_run::Column::Backend.eq("test"))
        .count(snapshot)
        .await
        .unwrap();
    let entries = audit_log::Entity::find()
        .filter(audit_log::Column::Actor.like("system:writer-%"))
        .count(snapshot)
        .await
        .unwrap();
    assert!(rows >= 40);
    assert_eq!(entries, rows * 2, "rows and their audit entries agree");
    if let Some(copy) = copy {
        copy.close().await.unwrap();
    }
}

#[tokio::test]
async fn a_restore_refuses_a_target_that_is_not_empty_unless_forced() {
    let app = app().await;
    let out = tempfile::tempdir().unwrap();
    let actor = Actor::system("backup");
    let done = backup::run(app.services(), &actor, Trigger::Command, Some(out.path()))
        .await
        .unwrap();
    let file = PathBuf::from(done.record.path.unwrap());

    // The running application's own database is not empty.
    let own = app.services().settings.as_ref().clone();
    let before = counts_of(app.db()).await;
    let err = restore::restore(&own, &file, false, no_progress())
        .await
        .unwrap_err();
    assert!(matches!(err, BackupError::TargetNotEmpty { .. }), "{err:?}");
    let message = err.message(&app.services().texts);
    assert!(message.contains("ist nicht leer"), "{message}");
    assert!(message.contains("--force"), "{message}");
    assert_eq!(counts_of(app.db()).await, before, "nothing was touched");

    // A target restored once is not empty either; --force replaces it.
    let target = empty_target().await;
    restore::restore(&target.settings, &file, false, no_progress())
        .await
        .unwrap();
    let again = restore::restore(&target.settings, &file, false, no_progress()).await;
    assert!(matches!(again, Err(BackupError::TargetNotEmpty { .. })));
    let db = connect(&target.settings).await;
    write_once(
        &hih_kernel::Services {
            db: db.clone(),
            ..app.services().clone()
        },
        9,
        1,
    )
    .await;
    db.close().await.unwrap();
    let forced = restore::restore(&target.settings, &file, true, no_progress())
        .await
        .unwrap();
    assert!(forced.replaced);
    let db = connect(&target.settings).await;
    assert_eq!(
        counts_of(&db).await,
        counts_in_backup(&file).await,
        "the forced restore replaced the data written since"
    );

    // A file of the other kind is refused before anything is written.
    let wrong = out.path().join("wrong.bin");
    std::fs::write(&wrong, b"not a backup at all").unwrap();
    let other = empty_target().await;
    let err = restore::restore(&other.settings, &wrong, false, no_progress())
        .await
        .unwrap_err();
    assert!(matches!(err, BackupError::WrongKind { .. }), "{err:?}");
}

async fn ok_backups(app: &TestApp) -> Vec<backup_run::Model> {
    BackupRun::find()
        .filter(backup_run::Column::Outcome.eq(record::OK))
        .order_by_asc(backup_run::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

#[tokio::test]
async fn the_hourly_job_backs_up_only_when_the_last_backup_is_old() {
    let app = app().await;
    let tick = serde_json::json!({ "scheduled_at": 0 });
    app.run_job(job::JOB, tick.clone()).await.unwrap();
    let first = ok_backups(&app).await;
    assert_eq!(first.len(), 1, "no backup yet: the first check backs up");
    assert_eq!(first[0].trigger, "schedule");
    let dir = files::configured_dir(&app.services().settings);
    assert!(
        Path::new(first[0].path.as_deref().unwrap())
            .starts_with(std::fs::canonicalize(&dir).unwrap())
    );

    app.clock.advance(Duration::hours(1));
    app.run_job(job::JOB, tick.clone()).await.unwrap();
    app.clock.advance(Duration::hours(22));
    app.run_job(job::JOB, tick.clone()).await.unwrap();
    assert_eq!(ok_backups(&app).await.len(), 1, "a fresh backup exists");

    app.clock.advance(Duration::hours(1));
    app.run_job(job::JOB, tick.clone()).await.unwrap();
    assert_eq!(
        ok_backups(&app).await.len(),
        2,
        "24 hours later it backs up"
    );

    // Requested on the page, it backs up at once.
    app.run_job(job::JOB, job::page_payload()).await.unwrap();
    let all = ok_backups(&app).await;
    assert_eq!(all.len(), 3);
    assert_eq!(all[2].trigger, "page");

    // 0 turns scheduled backups off.
    let mut settings = TestApp::settings();
    settings.backup.interval_hours = 0;
    let off = TestApp::with_settings(&features(), settings).await;
    off.run_job(job::JOB, tick).await.unwrap();
    assert!(ok_backups(&off).await.is_empty());
}

#[tokio::test]
async fn pruning_keeps_the_newest_files_and_every_record() {
    let mut settings = TestApp::settings();
    settings.backup.keep = 2;
    let app = TestApp::with_settings(&features(), settings).await;
    let actor = Actor::system("backup");
    for _ in 0..4 {
        backup::run(app.services(), &actor, Trigger::Command, None)
            .await
            .unwrap();
        app.clock.advance(Duration::minutes(1));
    }
    let rows = ok_backups(&app).await;
    assert_eq!(rows.len(), 4, "every backup keeps its record");
    let dir = std::fs::canonicalize(files::configured_dir(&app.services().settings)).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "only the owner enters the backup directory");
    }
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    on_disk.sort();
    let mut newest: Vec<String> = rows[2..].iter().map(|r| r.path.clone().unwrap()).collect();
    newest.sort();
    assert_eq!(on_disk, newest, "the newest two files stay");
    for r in &rows[..2] {
        assert!(r.pruned_at.is_some(), "pruned file recorded");
        assert!(!Path::new(r.path.as_deref().unwrap()).exists());
    }
    for r in &rows[2..] {
        assert!(r.pruned_at.is_none());
    }
    // Backups written elsewhere are not pruned by runs into the backup directory.
    let elsewhere = tempfile::tempdir().unwrap();
    let manual = backup::run(
        app.services(),
        &actor,
        Trigger::Command,
        Some(elsewhere.path()),
    )
    .await
    .unwrap();
    backup::run(app.services(), &actor, Trigger::Command, None)
        .await
        .unwrap();
    assert!(Path::new(manual.record.path.as_deref().unwrap()).exists());
}

#[tokio::test]
async fn a_failing_backup_is_recorded_with_its_message() {
    let app = app().await;
    let actor = Actor::system("backup");
    // A directory below a regular file cannot exist (also not for root).
    let scratch = tempfile::tempdir().unwrap();
    let blocker = scratch.path().join("file");
    std::fs::write(&blocker, b"x").unwrap();
    let err = backup::run(
        app.services(),
        &actor,
        Trigger::Command,
        Some(&blocker.join("backups")),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, BackupError::Directory { .. }), "{err:?}");
    let row = record::latest(app.db()).await.unwrap().unwrap();
    assert_eq!(row.outcome, record::FAILED);
    assert!(row.finished_at.is_some());
    let message = row.error.unwrap();
    assert!(
        message.contains("Sicherungsverzeichnis") && message.contains("backups"),
        "{message}"
    );
    assert!(record::latest_ok(app.db()).await.unwrap().is_none());
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("backup_run"))
        .filter(audit_log::Column::EntityId.eq(row.id.to_string()))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(audited, 2, "start and failure are in the audit log");

    if is_postgres() {
        let mut settings = app.services().settings.as_ref().clone();
        settings.backup.pg_dump = Some("/nonexistent/pg_dump".into());
        let services = hih_kernel::Services {
            settings: Arc::new(settings),
            ..app.services().clone()
        };
        let err = backup::run(&services, &actor, Trigger::Command, None)
            .await
            .unwrap_err();
        assert!(matches!(err, BackupError::ToolMissing { .. }), "{err:?}");
        let row = record::latest(app.db()).await.unwrap().unwrap();
        assert_eq!(row.outcome, record::FAILED);
        let message = row.error.unwrap();
        assert!(
            message.contains("/nonexistent/pg_dump") && message.contains("postgresql-client"),
            "{message}"
        );
        let dir = files::configured_dir(&services.settings);
        let left: Vec<_> = std::fs::read_dir(dir).unwrap().collect();
        assert!(left.is_empty(), "no partial file stays behind");
    }

    // The scheduled job reports the failure as its error, without retry.
    let mut settings = TestApp::settings();
    settings.backup.dir = Some(blocker.join("job").display().to_string());
    let failing = TestApp::with_settings(&features(), settings).await;
    let err = failing
        .run_job(job::JOB, serde_json::json!({}))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, hih_kernel::JobError::Permanent(m) if m.contains("Sicherungsverzeichnis")),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_unfinished_backup_is_closed_by_the_next_one() {
    let app = app().await;
    let actor = Actor::system("backup");
    let stale = record::start(app.services(), &actor, Trigger::Schedule, "sqlite", "/x")
        .await
        .unwrap();
    app.clock.advance(Duration::hours(13));
    backup::run(app.services(), &actor, Trigger::Command, None)
        .await
        .unwrap();
    let row = app.record::<BackupRun>(stale.id).await;
    assert_eq!(row.outcome, record::FAILED);
    assert!(row.error.unwrap().contains("Nicht abgeschlossen"));
}

#[tokio::test]
async fn the_page_lists_backups_and_requests_one() {
    let app = app().await;
    let done = backup::run(
        app.services(),
        &Actor::system("backup"),
        Trigger::Command,
        None,
    )
    .await
    .unwrap();
    let (agent, _) = agent_for(&app, Role::Admin, "backup-admin").await;
    let page = agent.get(backup::PATH).await;
    assert_eq!(page.status, 200);
    let file = Path::new(done.record.path.as_deref().unwrap())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let marker = format!("id=\"backup-{}\"", done.record.id);
    let start = page.body.find(&marker).expect("the backup's row");
    let row = &page.body[start..start + page.body[start..].find("</tr>").unwrap()];
    assert!(row.contains(&file), "{row}");
    assert!(
        row.contains(done.record.sha256.as_deref().unwrap()),
        "{row}"
    );
    assert!(
        row.contains("geprüft") && row.contains("Befehl hih backup"),
        "{row}"
    );
    assert!(page.contains("Sicherung jetzt anlegen"));
    assert!(page.contains("nicht über das Web ausgeliefert"));

    let confirm = agent.get(backup::CONFIRM_PATH).await;
    assert_eq!(confirm.status, 200);
    assert!(confirm.contains("Sicherung jetzt anlegen?"));
    let sent = agent.post(backup::CONFIRM_PATH, &[]).await;
    assert_eq!(sent.status, 303);
    assert_eq!(sent.location(), Some(backup::PATH));
    let back = agent.get(backup::PATH).await;
    assert!(back.contains("Sicherung angefordert"));
    let request = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("backup_run"))
        .filter(audit_log::Column::Action.eq("request"))
        .one(app.db())
        .await
        .unwrap()
        .expect("the request is audited");
    assert!(request.actor.starts_with("user:"), "{}", request.actor);
    let queued = hih_jobs::recent_runs(&app.jobs, 50).await.unwrap();
    assert!(
        queued.iter().any(|r| r.job.as_deref() == Some(job::JOB)),
        "the backup job is queued"
    );

    // Without the CSRF token nothing is requested.
    let forged = agent.post_raw(backup::CONFIRM_PATH, &[]).await;
    assert_eq!(forged.status, 403);
}

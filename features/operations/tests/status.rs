//! Tests of the operations feature's `status` part (R-OPS-1): each problem is simulated for
//! real — a worker's heartbeat backdated in apalis' table, a job run marked failed, an old or
//! failed backup row, a migration row deleted from `seaql_migrations`, a trigger that refuses
//! the write probe's update, a disk threshold above the free space, undelivered mail — and
//! shows up on the page in German with what to do; a healthy system says "System
//! betriebsbereit". The status job tells admins, super administrators and the operator once
//! per new degraded state, and once about the recovery; the start page shows a tile meanwhile.

use chrono::Duration;
use hih_db::UnitOfWork;
use hih_db::entities::{audit_verification, mail_outbox};
use hih_kernel::{Actor, Clock, MailMode, Role, Settings};
use hih_operations::backup::entity as backup_run;
use hih_operations::status::{self, Outcome};
use hih_testkit::{Agent, Page, TestApp};
use hih_users::testing::agent_for;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, NotSet, PaginatorTrait, QueryFilter, Set,
};
use secrecy::SecretString;

use crate::features;

const PAGE: &str = "/system/status";

fn postgres(app: &TestApp) -> bool {
    app.db().get_database_backend() == sea_orm::DatabaseBackend::Postgres
}

/// Runs the statement for this backend.
async fn sql(app: &TestApp, sqlite: &str, pg: &str) {
    let stmt = if postgres(app) { pg } else { sqlite };
    app.db().execute_unprepared(stmt).await.unwrap();
}

/// A job worker of instance `host` (process `pid`) whose last heartbeat was `ago` seconds
/// ago, as apalis registers it.
async fn worker(app: &TestApp, host: &str, pid: u32, ago: i64) {
    let id = format!("hih-jobs-{host}-{pid}-01JDZQ7W3K9V5T2M8X4N6B0C1D-r0");
    sql(
        app,
        &format!(
            "INSERT INTO Workers (id, worker_type, storage_name, layers, last_seen) VALUES \
             ('{id}', 'hih-jobs', 'SqliteStorage', '', CAST(strftime('%s', 'now') AS INTEGER) - {ago})"
        ),
        &format!(
            "INSERT INTO apalis.workers (id, worker_type, storage_name, layers, last_seen) VALUES \
             ('{id}', 'hih-jobs', 'PostgresStorage', '', now() - interval '{ago} seconds')"
        ),
    )
    .await;
}

/// Moves every worker's last heartbeat `secs` seconds back.
async fn backdate_workers(app: &TestApp, secs: i64) {
    sql(
        app,
        &format!("UPDATE Workers SET last_seen = last_seen - {secs}"),
        &format!("UPDATE apalis.workers SET last_seen = last_seen - interval '{secs} seconds'"),
    )
    .await;
}

/// A backup attempt that ended `hours_ago` hours ago (by the app's clock).
async fn backup(app: &TestApp, outcome: &str, hours_ago: i64, error: Option<&str>) {
    let at = app.clock.now() - Duration::hours(hours_ago);
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    uow.insert(backup_run::ActiveModel {
        id: NotSet,
        started_at: Set(at),
        finished_at: Set(Some(at)),
        trigger: Set("schedule".into()),
        backend: Set(hih_testkit::backend_name().into()),
        path: Set(Some("/tmp/hih-test.backup".into())),
        size_bytes: Set(Some(5 * 1024 * 1024)),
        sha256: Set(None),
        outcome: Set(outcome.into()),
        error: Set(error.map(str::to_string)),
        pruned_at: Set(None),
    })
    .await
    .unwrap();
    uow.commit().await.unwrap();
}

/// A recorded verification of the audit chain.
async fn verified(app: &TestApp, up_to: i64, intact: bool) {
    audit_verification::Entity::insert(audit_verification::ActiveModel {
        id: NotSet,
        verified_at: Set(app.clock.now()),
        from_seq: Set(1),
        up_to_seq: Set(up_to),
        up_to_hash: Set(None),
        entries: Set(up_to),
        intact: Set(intact),
        problem: Set((!intact).then(|| "Hash von Eintrag 8 stimmt nicht".into())),
    })
    .exec(app.db())
    .await
    .unwrap();
}

/// Everything a healthy system has: a live worker, a fresh good backup, a verified chain.
async fn healthy(app: &TestApp) {
    worker(app, "node-a", 11, 5).await;
    backup(app, "ok", 1, None).await;
    verified(app, 40, true).await;
}

/// The app with these settings.
async fn app_with(f: impl FnOnce(&mut Settings)) -> TestApp {
    let mut settings = TestApp::settings();
    f(&mut settings);
    TestApp::with_settings(&features(), settings).await
}

/// The status page as an administrator.
async fn page(agent: &Agent) -> Page {
    let p = agent.get(PAGE).await;
    assert_eq!(p.status, 200, "{}", p.body);
    p
}

/// The level a check shows in the table.
fn level(p: &Page, check: &str) -> String {
    let marker = format!("id=\"check-{check}\" data-level=\"");
    let start = p
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no row {check}"))
        + marker.len();
    p.body[start..start + p.body[start..].find('"').unwrap()].to_string()
}

fn assert_says(p: &Page, text: &str) {
    assert!(p.contains(text), "expected «{text}» in:\n{}", p.body);
}

#[tokio::test]
async fn a_healthy_system_is_operational() {
    let app = crate::app().await;
    healthy(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "st-ok").await;
    let p = page(&admin).await;
    assert_says(&p, "System betriebsbereit");
    assert!(!p.contains("Betrieb eingeschränkt"));
    for check in [
        "database",
        "migrations",
        "write",
        "workers",
        "queue",
        "failed-jobs",
        "mail",
        "disk",
        "backup",
        "audit",
        "version",
    ] {
        assert_eq!(level(&p, check), "ok", "{check}");
    }
    assert_says(&p, "Intakt bis Eintrag 40");
    assert_says(&p, "Schreiben in die Datenbank funktioniert.");
    assert_says(&p, "node-a (PID 11)");
    assert_says(&p, &format!("Version {}", env!("CARGO_PKG_VERSION")));
    // The operator (super administrator) sees it too.
    let (operator, _) = agent_for(&app, Role::SuperAdmin, "st-op").await;
    assert_says(&page(&operator).await, "System betriebsbereit");
}

#[tokio::test]
async fn a_fresh_installation_says_what_is_missing() {
    let app = crate::app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "st-fresh").await;
    let p = page(&admin).await;
    assert!(!p.contains("System betriebsbereit"));
    assert_says(&p, "Betrieb eingeschränkt");
    assert_eq!(level(&p, "workers"), "problem");
    assert_says(&p, "Kein Job-Worker hat sich je gemeldet");
    assert_eq!(level(&p, "backup"), "problem");
    assert_says(
        &p,
        "Es gibt noch keine Sicherung. Führen Sie „hih backup“ aus",
    );
    assert_eq!(level(&p, "audit"), "warning");
    assert_says(&p, "Die Prüfkette wurde noch nicht geprüft.");
    // Problems come first: the list of findings precedes the table.
    let findings = p.body.find("id=\"status-findings\"").unwrap();
    assert!(findings < p.body.find("id=\"status-checks\"").unwrap());
    assert!(p.contains("id=\"finding-workers\""));
}

#[tokio::test]
async fn a_dead_worker_heartbeat_is_reported() {
    let app = crate::app().await;
    healthy(&app).await;
    worker(&app, "node-b", 22, 600).await;
    let (admin, _) = agent_for(&app, Role::Admin, "st-dead").await;
    let p = page(&admin).await;
    assert_eq!(level(&p, "workers"), "warning");
    assert_says(
        &p,
        "Die Instanz node-b (PID 22) meldet sich seit 10 Minuten nicht mehr",
    );
    // Now the last live worker stops beating too: no job runs.
    backdate_workers(&app, 300).await;
    let p = page(&admin).await;
    assert_eq!(level(&p, "workers"), "problem");
    assert_says(
        &p,
        "Kein Job-Worker meldet sich mehr (letzter Herzschlag vor 5 Minuten)",
    );
    assert_says(&p, "systemctl status hih");
}

#[tokio::test]
async fn a_failed_job_is_reported() {
    let app = crate::app().await;
    healthy(&app).await;
    app.services()
        .jobs
        .enqueue("mail.deliver", serde_json::json!({ "id": 4711 }))
        .await
        .unwrap();
    let (admin, _) = agent_for(&app, Role::Admin, "st-failed").await;
    assert_eq!(level(&page(&admin).await, "failed-jobs"), "ok");
    sql(
        &app,
        "UPDATE Jobs SET status = 'Failed', attempts = max_attempts, \
         done_at = CAST(strftime('%s', 'now') AS INTEGER), \
         last_result = '{\"Err\":\"SMTP-Server antwortet nicht\"}'",
        "UPDATE apalis.jobs SET status = 'Failed', attempts = max_attempts, done_at = now(), \
         last_result = '{\"Err\":\"SMTP-Server antwortet nicht\"}'::jsonb",
    )
    .await;
    let p = page(&admin).await;
    assert_eq!(level(&p, "failed-jobs"), "problem");
    assert_says(
        &p,
        "Ein Job ist in den letzten 24 Stunden endgültig fehlgeschlagen, zuletzt „mail.deliver“ \
         (Fehler: SMTP-Server antwortet nicht). Sehen Sie die Fehler im Job-Dashboard an",
    );
    assert!(
        p.body
            .replace("&#x2f;", "/")
            .contains("href=\"/system/jobs?status=failed\">Zur Seite: Fehlgeschlagene Jobs</a>"),
        "the message leads to the failed runs"
    );
    // Out of the window (a day and more ago): no longer news.
    sql(
        &app,
        "UPDATE Jobs SET done_at = done_at - 90000",
        "UPDATE apalis.jobs SET done_at = done_at - interval '25 hours'",
    )
    .await;
    assert_eq!(level(&page(&admin).await, "failed-jobs"), "ok");
}

#[tokio::test]
async fn an_old_or_failed_backup_is_reported() {
    let app = crate::app().await;
    worker(&app, "node-a", 11, 5).await;
    verified(&app, 3, true).await;
    backup(&app, "ok", 60, None).await;
    let (admin, _) = agent_for(&app, Role::Admin, "st-backup").await;
    let p = page(&admin).await;
    assert_eq!(level(&p, "backup"), "warning");
    assert_says(
        &p,
        "Die letzte erfolgreiche Sicherung ist 60 Stunden alt (vom 30.10.2026 22:00); \
         erwartet wird eine alle 24 Stunden.",
    );
    backup(&app, "failed", 1, Some("pg_dump nicht gefunden")).await;
    let p = page(&admin).await;
    assert_eq!(level(&p, "backup"), "problem");
    assert_says(
        &p,
        "Die letzte Sicherung am 02.11.2026 09:00 ist fehlgeschlagen (Fehler: pg_dump nicht gefunden).",
    );
}

#[tokio::test]
async fn a_missing_migration_is_reported() {
    let app = crate::app().await;
    healthy(&app).await;
    app.db()
        .execute_unprepared(
            "DELETE FROM seaql_migrations WHERE version = (SELECT MAX(version) FROM seaql_migrations)",
        )
        .await
        .unwrap();
    let (admin, _) = agent_for(&app, Role::Admin, "st-migr").await;
    let p = page(&admin).await;
    assert_eq!(level(&p, "migrations"), "problem");
    assert_says(
        &p,
        "Eine Migration fehlt: Das Datenbankschema ist älter als dieses Programm",
    );
    assert_says(&p, "Führen Sie „hih migrate“ aus");
}

#[tokio::test]
async fn a_failing_write_probe_is_reported_and_recovers_by_itself() {
    let app = crate::app().await;
    healthy(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "st-write").await;
    // A trigger refuses the update the probe makes, as a read-only or broken store would.
    if postgres(&app) {
        for s in [
            "CREATE FUNCTION refuse_write() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'read only'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER refuse_write BEFORE UPDATE ON audit_head FOR EACH ROW EXECUTE FUNCTION refuse_write()",
        ] {
            app.db().execute_unprepared(s).await.unwrap();
        }
    } else {
        app.db()
            .execute_unprepared(
                "CREATE TRIGGER refuse_write BEFORE UPDATE ON audit_head BEGIN SELECT RAISE(ABORT, 'read only'); END",
            )
            .await
            .unwrap();
    }
    let p = page(&admin).await;
    assert_eq!(level(&p, "write"), "problem");
    assert_says(
        &p,
        "Die Datenbank lehnt Schreibzugriffe ab: Nichts kann gespeichert werden.",
    );
    // The status job cannot store or send anything while writes fail: it says so.
    assert!(
        app.run_job(status::JOB, serde_json::json!({}))
            .await
            .is_err()
    );
    sql(
        &app,
        "DROP TRIGGER refuse_write",
        "DROP TRIGGER refuse_write ON audit_head",
    )
    .await;
    assert_eq!(level(&page(&admin).await, "write"), "ok");
}

#[tokio::test]
async fn low_disk_space_is_reported() {
    let app = app_with(|s| s.status.disk_min_free_mb = u64::MAX / (4 * 1024 * 1024)).await;
    healthy(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "st-disk").await;
    let p = page(&admin).await;
    assert_eq!(level(&p, "disk"), "problem");
    assert_says(&p, "Fast kein Speicherplatz mehr:");
    assert_says(&p, "Schaffen Sie sofort Platz");
}

#[tokio::test]
async fn undelivered_and_failed_mail_is_reported() {
    let app = app_with(|s| {
        s.mail.mode = MailMode::Smtp;
        s.mail.smtp_url = Some(SecretString::from("smtp://127.0.0.1:1"));
        s.status.mail_max_wait_minutes = 10;
    })
    .await;
    healthy(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "st-mail").await;
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    hih_mail::queue(
        &mut uow,
        hih_mail::Mail {
            to: "x@example.org".into(),
            subject: "Test".into(),
            body: "Test".into(),
        },
    )
    .await
    .unwrap();
    uow.commit().await.unwrap();
    assert_eq!(level(&page(&admin).await, "mail"), "ok");
    app.clock.advance(Duration::minutes(15));
    let p = page(&admin).await;
    assert_eq!(level(&p, "mail"), "warning");
    assert_says(
        &p,
        "Die älteste nicht zugestellte E-Mail wartet seit 15 Minuten (1 wartend, Warnschwelle 10 Minuten).",
    );
    mail_outbox::Entity::update_many()
        .col_expr(mail_outbox::Column::Status, "failed".into())
        .col_expr(
            mail_outbox::Column::LastError,
            Some("send: connection refused".to_string()).into(),
        )
        .exec(app.db())
        .await
        .unwrap();
    let p = page(&admin).await;
    assert_eq!(level(&p, "mail"), "problem");
    assert_says(
        &p,
        "Eine E-Mail konnte in den letzten 24 Stunden auch nach fünf Versuchen nicht zugestellt werden (letzter Fehler: send: connection refused).",
    );
}

#[tokio::test]
async fn a_broken_audit_chain_is_reported() {
    let app = crate::app().await;
    healthy(&app).await;
    verified(&app, 7, false).await;
    let (admin, _) = agent_for(&app, Role::Admin, "st-audit").await;
    let p = page(&admin).await;
    assert_eq!(level(&p, "audit"), "problem");
    assert_says(
        &p,
        "Die Prüfkette ist gebrochen: intakt nur bis Eintrag 7 (geprüft am 02.11.2026 10:00; Befund: Hash von Eintrag 8 stimmt nicht).",
    );
}

#[tokio::test]
async fn postcode_data_is_checked_by_the_reference_feature() {
    let app = TestApp::on_base(hih_app::features(), &["operations"]).await;
    healthy(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "st-plz").await;
    let p = page(&admin).await;
    assert_eq!(level(&p, "postcodes"), "warning");
    assert_says(&p, "Es sind keine Postleitzahlen geladen");
    let csv = "osm_id,ort,plz,landkreis,bundesland\n1,Erfurt,99084,Erfurt,Thüringen\n";
    hih_reference::postcodes::import(
        app.services(),
        &Actor::system("test"),
        csv.as_bytes(),
        false,
        |_, _| {},
    )
    .await
    .unwrap();
    let p = page(&admin).await;
    assert_eq!(level(&p, "postcodes"), "ok");
    assert_says(&p, "1 Postleitzahlen geladen.");
    assert_says(&p, "System betriebsbereit");
}

#[tokio::test]
async fn other_roles_do_not_see_the_status() {
    let app = crate::app().await;
    for role in [Role::IhkStaff, Role::AhkStaff, Role::Dpo] {
        let (agent, _) = agent_for(&app, role, &format!("st-{}", role.code())).await;
        assert_eq!(agent.get(PAGE).await.status, 403, "{role:?}");
    }
    let anonymous = app.agent().get(PAGE).await;
    assert_eq!(anonymous.status, 303);
}

/// Notifications about the system's state.
async fn notices(app: &TestApp) -> Vec<hih_notify::Notification> {
    hih_notify::entity::Entity::find()
        .filter(hih_notify::entity::Column::Kind.eq(status::NOTICE_KIND))
        .all(app.db())
        .await
        .unwrap()
}

/// Mails to an address.
async fn mails_to(app: &TestApp, to: &str) -> Vec<mail_outbox::Model> {
    mail_outbox::Entity::find()
        .filter(mail_outbox::Column::ToAddr.eq(to))
        .all(app.db())
        .await
        .unwrap()
}

async fn check(app: &TestApp) -> Outcome {
    let outcome = status::report::run(app.services(), &Actor::system(status::JOB))
        .await
        .unwrap();
    // The job itself runs the same way and finds nothing new right after.
    app.run_job(status::JOB, serde_json::json!({}))
        .await
        .unwrap();
    outcome
}

#[tokio::test]
async fn a_degraded_state_is_reported_once_and_again_when_new() {
    let app = app_with(|s| s.mail.operator_email = Some("betrieb@example.org".into())).await;
    healthy(&app).await;
    let (admin, admin_user) = agent_for(&app, Role::Admin, "st-n-admin").await;
    let (operator, operator_user) = agent_for(&app, Role::SuperAdmin, "st-n-op").await;
    let (staff, _) = agent_for(&app, Role::IhkStaff, "st-n-staff").await;
    let operator_mails = || mails_to(&app, "betrieb@example.org");
    assert_eq!(
        check(&app).await,
        Outcome::Unchanged,
        "all good, nothing to say"
    );
    assert!(notices(&app).await.is_empty());
    assert!(!admin.get("/").await.contains("Betrieb eingeschränkt"));

    // A failed backup: one notification per admin and operator, one mail to the operator.
    backup(&app, "failed", 0, Some("Datenträger voll")).await;
    assert_eq!(check(&app).await, Outcome::Reported);
    let n = notices(&app).await;
    let mut told: Vec<i64> = n.iter().map(|n| n.user_id).collect();
    told.sort_unstable();
    assert_eq!(told, vec![admin_user.id, operator_user.id]);
    assert!(n.iter().all(|n| n.href.as_deref() == Some(PAGE)));
    let mails = operator_mails().await;
    assert_eq!(mails.len(), 1);
    assert_eq!(
        mails[0].subject,
        "HiH Projektdatenbank: Betrieb eingeschränkt"
    );
    assert!(mails[0].body.contains(
        "- Sicherung (Problem): Die letzte Sicherung am 02.11.2026 10:00 ist fehlgeschlagen (Fehler: Datenträger voll)."
    ), "{}", mails[0].body);
    assert!(
        mails[0]
            .body
            .contains("http://127.0.0.1:8080/system/status")
    );
    // No mail to the accounts themselves (the bell tells them).
    assert!(
        mails_to(&app, &format!("{}@example.org", admin_user.username))
            .await
            .is_empty()
    );

    // The tile, for admins and the operator only, leads to the status page.
    let home = admin.get("/").await.body.replace("&#x2f;", "/");
    assert!(
        home.contains(
            "href=\"/system/status\">Betrieb eingeschränkt: ein Problem, keine Warnungen – zur Statusseite</a>"
        ),
        "{home}"
    );
    assert!(operator.get("/").await.contains("Betrieb eingeschränkt"));
    assert!(!staff.get("/").await.contains("Betrieb eingeschränkt"));

    // The same state a minute later and after refreshes: nothing more.
    app.clock.advance(Duration::minutes(1));
    page(&admin).await;
    page(&admin).await;
    assert_eq!(check(&app).await, Outcome::Unchanged);
    assert_eq!(notices(&app).await.len(), 2);
    assert_eq!(operator_mails().await.len(), 1);

    // Something new (a job that failed for good): reported again, with both findings.
    app.services()
        .jobs
        .enqueue("mail.deliver", serde_json::json!({ "id": 1 }))
        .await
        .unwrap();
    sql(
        &app,
        "UPDATE Jobs SET status = 'Failed', attempts = max_attempts, \
         done_at = CAST(strftime('%s', 'now') AS INTEGER), last_result = '{\"Err\":\"kaputt\"}'",
        "UPDATE apalis.jobs SET status = 'Failed', attempts = max_attempts, done_at = now(), \
         last_result = '{\"Err\":\"kaputt\"}'::jsonb",
    )
    .await;
    assert_eq!(check(&app).await, Outcome::Reported);
    assert_eq!(notices(&app).await.len(), 4);
    let mails = operator_mails().await;
    assert_eq!(mails.len(), 2);
    let latest = mails.iter().max_by_key(|m| m.id).unwrap();
    assert!(latest.body.contains("- Fehlgeschlagene Jobs (Problem):"));
    assert!(latest.body.contains("- Sicherung (Problem):"));
    assert!(
        admin
            .get("/")
            .await
            .contains("Betrieb eingeschränkt: 2 Probleme")
    );

    // One of them goes away: stored, not sent.
    sql(
        &app,
        "UPDATE Jobs SET status = 'Done'",
        "UPDATE apalis.jobs SET status = 'Done'",
    )
    .await;
    assert_eq!(check(&app).await, Outcome::Eased);
    assert_eq!(operator_mails().await.len(), 2);
    assert!(
        admin
            .get("/")
            .await
            .contains("Betrieb eingeschränkt: ein Problem")
    );

    // All good again: one recovery notification and mail, the tile is gone.
    backup(&app, "ok", 0, None).await;
    assert_eq!(check(&app).await, Outcome::Recovered);
    let recovered: Vec<_> = notices(&app)
        .await
        .into_iter()
        .filter(|n| n.text_key == "operations-status-notice-recovered")
        .collect();
    assert_eq!(recovered.len(), 2);
    let mails = operator_mails().await;
    assert_eq!(mails.len(), 3);
    assert!(
        mails
            .iter()
            .any(|m| m.subject == "HiH Projektdatenbank: System wieder betriebsbereit")
    );
    assert!(!admin.get("/").await.contains("Betrieb eingeschränkt"));
    assert_eq!(check(&app).await, Outcome::Unchanged);

    // Each report is in the audit log.
    let events = hih_db::entities::audit_log::Entity::find()
        .filter(hih_db::entities::audit_log::Column::Entity.eq("ops_state"))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(events, 3, "degraded, degraded, recovered");
}

#[tokio::test]
async fn without_an_operator_address_the_super_administrators_are_mailed() {
    let app = crate::app().await;
    let (_, operator) = agent_for(&app, Role::SuperAdmin, "st-m-op").await;
    let (_, admin) = agent_for(&app, Role::Admin, "st-m-admin").await;
    assert_eq!(
        check(&app).await,
        Outcome::Reported,
        "a fresh system has findings"
    );
    let to_operator = mails_to(&app, &format!("{}@example.org", operator.username)).await;
    assert_eq!(to_operator.len(), 1);
    assert!(
        to_operator[0]
            .body
            .contains("Kein Job-Worker hat sich je gemeldet")
    );
    assert!(
        mails_to(&app, &format!("{}@example.org", admin.username))
            .await
            .is_empty()
    );
    assert_eq!(check(&app).await, Outcome::Unchanged);
    assert_eq!(
        mails_to(&app, &format!("{}@example.org", operator.username))
            .await
            .len(),
        1
    );
}

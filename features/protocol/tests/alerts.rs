//! Tests of the protocol feature's `alerts` part (R-SEC-1): each rule fires exactly once for
//! its scenario, driven by real requests; not again while the episode continues; again after
//! the acknowledgement or once the episode has ended; and a normal working day of every role
//! raises nothing.

use chrono::Duration;
use hih_db::entities::{access_log, audit_log, mail_outbox};
use hih_kernel::{Role, Settings};
use hih_matching::testing::{applicant_in, company_in};
use hih_protocol::alerts::entity as misuse_alert;
use hih_protocol::alerts::rules::Evidence;
use hih_protocol::alerts::{NOTICE_KIND, SCAN_JOB};
use hih_testkit::{Agent, Page, TestApp};
use hih_users::testing::{TestUser, agent_for, create_user};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::features;

/// The app with these misuse settings.
async fn app_with(f: impl FnOnce(&mut Settings)) -> TestApp {
    let mut settings = TestApp::settings();
    f(&mut settings);
    TestApp::with_settings(&features(), settings).await
}

/// Runs the scan job as the worker would.
async fn scan(app: &TestApp) {
    app.run_job(SCAN_JOB, serde_json::json!({})).await.unwrap();
}

/// All alerts, oldest first.
async fn alerts(app: &TestApp) -> Vec<misuse_alert::Model> {
    misuse_alert::Entity::find()
        .order_by_asc(misuse_alert::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

/// Notifications about misuse alerts.
async fn notices(app: &TestApp) -> Vec<hih_notify::Notification> {
    hih_notify::entity::Entity::find()
        .filter(hih_notify::entity::Column::Kind.eq(NOTICE_KIND))
        .all(app.db())
        .await
        .unwrap()
}

/// Mails about misuse alerts in the outbox.
async fn alert_mails(app: &TestApp) -> Vec<mail_outbox::Model> {
    mail_outbox::Entity::find()
        .filter(mail_outbox::Column::Subject.contains("Auffälligkeit"))
        .all(app.db())
        .await
        .unwrap()
}

/// Acknowledges an alert through the confirmation page (POST-redirect-GET).
async fn acknowledge(agent: &Agent, id: i64) -> Page {
    let path = format!("/protokoll/auffaelligkeiten/{id}/bestaetigen");
    let confirm = agent.get(&path).await;
    assert_eq!(confirm.status, 200);
    assert!(confirm.contains("Ja, als geprüft bestätigen"));
    let done = agent.post(&path, &[]).await;
    assert_eq!(done.status, 303);
    assert_eq!(
        done.location(),
        Some(format!("/protokoll/auffaelligkeiten/{id}").as_str())
    );
    agent.follow(done).await
}

/// One login attempt from `agent`; its status.
async fn login_attempt(agent: &Agent, username: &str, password: &str) -> u16 {
    agent
        .submit("/login", &[("username", username), ("password", password)])
        .await
        .status
        .as_u16()
}

/// Logs in with a wrong password.
async fn wrong_password(agent: &Agent, username: &str) {
    let p = agent
        .submit(
            "/login",
            &[("username", username), ("password", "Falsch-Passwort-1")],
        )
        .await;
    assert_eq!(p.location(), Some("/login"), "the login is refused");
}

/// Rule 1: an IHK user stepping through 25 foreign company ids. One alert (id stepping) with
/// evidence, a notification and a mail to admins and the dpo; extended, not repeated, while
/// the episode continues; a new one after the acknowledgement.
#[tokio::test]
async fn stepping_through_foreign_ids_alerts_once_per_episode() {
    let app = app_with(|_| {}).await;
    let (admin, admin_user) = agent_for(&app, Role::Admin, "leitung").await;
    let (dpo, dpo_user) = agent_for(&app, Role::Dpo, "dsb").await;
    let (ihk, ihk_user) = agent_for(&app, Role::IhkStaff, "erfurt").await;
    let mut foreign = Vec::new();
    for i in 0..30 {
        foreign.push(company_in(&app, "IHK zu Lübeck", &format!("Fremdfirma {i}")).await);
    }
    for id in &foreign[..25] {
        assert_eq!(ihk.get(&format!("/unternehmen/{id}")).await.status, 404);
    }
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 1, "exactly one alert: {found:?}");
    let alert = &found[0];
    assert_eq!(alert.rule, "denied-access");
    assert_eq!(alert.subject, format!("user:{}", ihk_user.id));
    assert_eq!(alert.count, 25);
    let ev = Evidence::parse(&alert.evidence);
    assert_eq!(ev.variant, "id-stepping");
    assert_eq!(ev.ids.len(), 25);
    assert_eq!(ev.entities.get("company"), Some(&25));
    assert!(
        ev.links
            .iter()
            .any(|l| l.href.starts_with("/protokoll/zugriffe?")
                && l.href.contains(&format!("actor=user%3A{}", ihk_user.id))
                && l.href.contains("action=denied"))
    );

    // Admins and the dpo are told, in the bell and by mail, with a link to the alert.
    let told = notices(&app).await;
    let mut recipients: Vec<i64> = told.iter().map(|n| n.user_id).collect();
    recipients.sort_unstable();
    assert_eq!(recipients, vec![admin_user.id, dpo_user.id]);
    let href = format!("/protokoll/auffaelligkeiten/{}", alert.id);
    assert!(
        told.iter()
            .all(|n| n.href.as_deref() == Some(href.as_str()))
    );
    let mails = alert_mails(&app).await;
    assert_eq!(mails.len(), 2);
    assert!(
        mails[0].body.contains("Durchprobieren fremder IDs"),
        "{}",
        mails[0].body
    );
    assert!(mails[0].body.contains(&href));

    // The pages: list, detail with the evidence, the start-page tile.
    let list = dpo.get("/protokoll/auffaelligkeiten").await;
    assert_eq!(list.status, 200);
    assert!(list.contains("Verweigerte Zugriffe") && list.contains("Test erfurt"));
    let page = dpo.get(&href).await;
    assert_eq!(page.status, 200);
    assert!(
        page.element_text("alert-summary")
            .unwrap()
            .contains("Test erfurt: 25 verweigerte Zugriffe auf 25 verschiedene Datensätze")
    );
    assert!(page.contains("Durchprobieren fremder IDs"));
    assert!(page.contains(&format!("company {}", foreign[0])));
    assert!(page.contains("zugriffe?actor=user%3A"));
    let home = admin.get("/").await;
    assert!(
        home.contains("1 offene Auffälligkeit"),
        "tile on the start page"
    );
    assert!(
        !ihk.get("/").await.contains("Auffälligkeit"),
        "no tile for IHK staff"
    );

    // The episode continues: the same alert grows, nobody is told again.
    for id in &foreign[25..] {
        ihk.get(&format!("/unternehmen/{id}")).await;
    }
    scan(&app).await;
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 1, "no second alert for the continuing episode");
    assert_eq!(found[0].count, 30);
    assert_eq!(notices(&app).await.len(), 2);
    // A scan with nothing new writes nothing (not even an audit entry).
    let audit_before = app.count("audit_log").await.unwrap();
    scan(&app).await;
    assert_eq!(app.count("audit_log").await.unwrap(), audit_before);

    // Acknowledged by the dpo (audited); the tile goes.
    let after = acknowledge(&dpo, alert.id).await;
    assert!(after.contains("Die Auffälligkeit wurde bestätigt."));
    assert!(
        after
            .element_text("alert-status")
            .unwrap()
            .contains("Test dsb")
    );
    let acked = app.record::<misuse_alert::Entity>(alert.id).await;
    assert!(acked.acknowledged_at.is_some());
    assert_eq!(acked.acknowledged_by, Some(dpo_user.id));
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("misuse_alert"))
        .filter(audit_log::Column::EntityId.eq(alert.id.to_string()))
        .filter(audit_log::Column::Action.eq("update"))
        .filter(audit_log::Column::Actor.eq(format!("user:{}", dpo_user.id)))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(audited, 1, "the acknowledgement is audited");
    assert!(!admin.get("/").await.contains("offene Auffälligkeit"));
    // A second acknowledgement changes nothing; the confirmation page is not offered again.
    let again = dpo.get(&format!("{href}/bestaetigen")).await;
    assert_eq!(again.status, 303);
    scan(&app).await;
    assert_eq!(
        alerts(&app).await.len(),
        1,
        "acknowledged entries are not counted again"
    );

    // After the acknowledgement a new burst is a new alert.
    for id in &foreign[..25] {
        ihk.get(&format!("/unternehmen/{id}")).await;
    }
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 2, "a new alert after the acknowledgement");
    assert_eq!(found[1].count, 25);
    assert!(found[1].acknowledged_at.is_none());
    assert_eq!(notices(&app).await.len(), 4);
}

/// Rule 1, the other variant: repeatedly opening a page without permission is told apart
/// from id stepping; below the threshold nothing happens.
#[tokio::test]
async fn repeated_forbidden_pages_are_named_as_such() {
    let app = app_with(|s| s.misuse.denied_per_user = 10).await;
    let (ahk, ahk_user) = agent_for(&app, Role::AhkStaff, "hanoi").await;
    for _ in 0..9 {
        assert_eq!(ahk.get("/benutzer").await.status, 403);
    }
    scan(&app).await;
    assert!(alerts(&app).await.is_empty(), "9 denials stay below 10");
    // Only the window counts: nine denials eleven minutes ago and one now are not ten.
    app.clock.advance(Duration::minutes(11));
    ahk.get("/benutzer").await;
    scan(&app).await;
    assert!(
        alerts(&app).await.is_empty(),
        "the old denials fell out of the window"
    );
    for _ in 0..8 {
        ahk.get("/benutzer").await;
    }
    ahk.get("/protokoll/auffaelligkeiten").await;
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].subject, format!("user:{}", ahk_user.id));
    assert_eq!(found[0].count, 10);
    let ev = Evidence::parse(&found[0].evidence);
    assert_eq!(ev.variant, "forbidden");
    assert_eq!(ev.entities.get("route"), Some(&10));
    let (admin, _) = agent_for(&app, Role::Admin, "leitung").await;
    let page = admin
        .get(&format!("/protokoll/auffaelligkeiten/{}", found[0].id))
        .await;
    assert!(page.contains("verweigerte Zugriffe auf Seiten oder Datensätze ohne Berechtigung"));
    assert!(page.contains("wiederholt verweigerte Seiten oder Datensätze"));
}

/// Rule 2: twelve wrong passwords (the account locks after five; the attempts on the locked
/// account count as well). One alert; more attempts extend it; after a quiet window a new
/// burst is a new episode.
#[tokio::test]
async fn a_failed_login_burst_alerts_once_per_episode() {
    let app = app_with(|_| {}).await;
    let (_admin, _) = agent_for(&app, Role::Admin, "leitung").await;
    let victim = create_user(app.services(), Role::IhkStaff, "opfer").await;
    let guest = app.agent();
    for _ in 0..12 {
        wrong_password(&guest, &victim.username).await;
    }
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("login-failed"))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(audited, 5, "five failures lock the account");
    let denied = access_log::Entity::find()
        .filter(access_log::Column::Entity.eq("login"))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(denied, 7, "attempts on the locked account are logged");
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, "failed-logins");
    // The in-process test client has no address: the attempts count for all addresses.
    assert_eq!(found[0].subject, "*");
    assert_eq!(found[0].count, 12);
    let ev = Evidence::parse(&found[0].evidence);
    assert_eq!(ev.accounts, vec!["opfer".to_string()]);
    assert_eq!(ev.unknown_addresses, 12);
    assert_eq!(notices(&app).await.len(), 1, "the admin is told");

    // The burst goes on: same alert.
    app.clock.advance(Duration::minutes(3));
    for _ in 0..3 {
        wrong_password(&guest, "niemand").await;
    }
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].count, 15);

    // A quiet window later, a new burst is a new episode (without acknowledgement).
    app.clock.advance(Duration::minutes(11));
    scan(&app).await;
    assert_eq!(alerts(&app).await.len(), 1);
    for _ in 0..10 {
        wrong_password(&guest, "niemand").await;
    }
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 2, "a new episode");
    assert_eq!(found[1].count, 10);
    assert_eq!(notices(&app).await.len(), 2);
}

/// Rules 2 and 3 by client address: the address is recorded with each failed login (audit
/// event or access log) and each invalid link; a burst from one address names it, a few
/// attempts from another address raise nothing.
#[tokio::test]
async fn bursts_from_one_address_name_the_address() {
    let app = app_with(|_| {}).await;
    let (admin, _) = agent_for(&app, Role::Admin, "leitung").await;
    let victim = create_user(app.services(), Role::IhkStaff, "opfer").await;
    let attacker = app.agent().from_address("203.0.113.7", None);
    for name in [
        "opfer", "opfer", "admin", "root", "opfer", "x", "y", "z", "opfer", "w",
    ] {
        assert_eq!(
            login_attempt(&attacker, name, "Falsch-Passwort-1").await,
            303
        );
    }
    let other = app.agent().from_address("198.51.100.9", None);
    for _ in 0..3 {
        login_attempt(&other, "opfer", "Falsch-Passwort-1").await;
    }
    let event = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("login-failed"))
        .filter(audit_log::Column::EntityId.eq(victim.id.to_string()))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(
        event.changes.contains("\"addr\":\"203.0.113.7\""),
        "{}",
        event.changes
    );

    let prober = app.agent().from_address("192.0.2.44", None);
    for path in [
        "/konto/einrichten/abc",
        "/passwort/zuruecksetzen/def",
        "/registrierung/ghi",
        "/download/jkl",
        "/konto/einrichten/mno",
    ] {
        assert_eq!(prober.get(path).await.status, 410, "{path}");
    }
    let logged = access_log::Entity::find()
        .filter(access_log::Column::Entity.eq("invitation"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(logged.detail.contains("192.0.2.44"), "{}", logged.detail);
    assert!(!logged.path.contains("ghi"), "the token is masked");

    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 2, "{found:?}");
    let logins = found.iter().find(|a| a.rule == "failed-logins").unwrap();
    assert_eq!(logins.subject, "203.0.113.7");
    assert_eq!(logins.count, 10);
    let ev = Evidence::parse(&logins.evidence);
    assert_eq!(ev.addresses, vec!["203.0.113.7".to_string()]);
    assert!(ev.accounts.contains(&"opfer".to_string()));
    let links = found.iter().find(|a| a.rule == "invalid-links").unwrap();
    assert_eq!(links.subject, "192.0.2.44");
    assert_eq!(links.count, 5);
    let page = admin
        .get(&format!("/protokoll/auffaelligkeiten/{}", logins.id))
        .await;
    assert!(page.contains("10 fehlgeschlagene Anmeldungen von der Adresse 203.0.113.7"));
    let page = admin
        .get(&format!("/protokoll/auffaelligkeiten/{}", links.id))
        .await;
    assert!(page.contains("5 Aufrufe ungültiger oder bereits benutzter Einmal-Links"));
    assert!(page.contains("zugriffe?entity=invitation&amp;action=denied&amp;q=192.0.2.44"));
}

/// Rule 3: six invalid or used single-use links (setup, reset, registration, download): one
/// alert; the seventh extends it; after the acknowledgement a new burst alerts again.
#[tokio::test]
async fn invalid_links_alert_once_per_episode() {
    let app = app_with(|_| {}).await;
    let (admin, _) = agent_for(&app, Role::Admin, "leitung").await;
    let guest = app.agent();
    let paths = [
        "/konto/einrichten/aaaa",
        "/konto/einrichten/bbbb",
        "/passwort/zuruecksetzen/cccc",
        "/registrierung/dddd",
        "/download/eeee",
        "/registrierung/ffff",
    ];
    for path in paths {
        assert_eq!(guest.get(path).await.status, 410, "{path}");
    }
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, "invalid-links");
    assert_eq!(found[0].count, 6);
    let ev = Evidence::parse(&found[0].evidence);
    assert_eq!(ev.entities.get("user_token"), Some(&3));
    assert_eq!(ev.entities.get("invitation"), Some(&2));
    assert_eq!(ev.entities.get("download_link"), Some(&1));
    assert_eq!(notices(&app).await.len(), 1);

    guest.get("/konto/einrichten/gggg").await;
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 1, "the episode continues");
    assert_eq!(found[0].count, 7);

    acknowledge(&admin, found[0].id).await;
    for path in &paths[..4] {
        guest.get(path).await;
    }
    scan(&app).await;
    assert_eq!(
        alerts(&app).await.len(),
        1,
        "four after the acknowledgement stay below five"
    );
    guest.get("/download/hhhh").await;
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 2, "again after the acknowledgement");
    assert_eq!(found[1].count, 5);
    assert_eq!(notices(&app).await.len(), 2);
}

/// Rule 4: an export above the day's limit alerts once; more exports on the same day extend
/// the alert; after the acknowledgement, or on the next day, a new export above the limit
/// alerts again.
#[tokio::test]
async fn export_volume_above_the_limit_alerts_once_a_day() {
    let app = app_with(|s| s.export_alert_rows = 4).await;
    let (admin, admin_user) = agent_for(&app, Role::Admin, "leitung").await;
    let (ihk, ihk_user) = agent_for(&app, Role::IhkStaff, "erfurt").await;
    for i in 0..3 {
        company_in(&app, "IHK Erfurt", &format!("Eigene {i}")).await;
    }
    let csv = ihk.get("/unternehmen/export/export.csv").await;
    assert_eq!(csv.status, 200);
    scan(&app).await;
    assert!(
        alerts(&app).await.is_empty(),
        "3 rows stay below the limit of 4"
    );
    for i in 3..5 {
        company_in(&app, "IHK Erfurt", &format!("Eigene {i}")).await;
    }
    ihk.get("/unternehmen/export/export.xlsx").await;
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 1, "3 + 5 rows on one day exceed 4: {found:?}");
    assert_eq!(found[0].rule, "export-volume");
    assert_eq!(found[0].subject, format!("user:{}", ihk_user.id));
    assert_eq!(found[0].count, 8);
    let ev = Evidence::parse(&found[0].evidence);
    assert_eq!(ev.events, 2);
    assert!(ev.links[0].href.contains("action=export"));
    let page = admin
        .get(&format!("/protokoll/auffaelligkeiten/{}", found[0].id))
        .await;
    assert!(page.contains("Test erfurt: 8 exportierte Zeilen an einem Tag (Grenze: 4)."));
    let told = notices(&app).await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].user_id, admin_user.id);

    // The same day: the alert grows.
    ihk.get("/unternehmen/export/export.csv").await;
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].count, 13);

    // Acknowledged: the next export above the limit alerts again.
    acknowledge(&admin, found[0].id).await;
    ihk.get("/unternehmen/export/export.csv").await;
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].count, 5);

    // The next day is a new episode even without acknowledgement.
    app.clock.advance(Duration::days(1));
    hih_users::testing::login(&app, &ihk, &ihk_user).await;
    assert_eq!(ihk.get("/unternehmen/export/export.csv").await.status, 200);
    scan(&app).await;
    assert_eq!(alerts(&app).await.len(), 3);
    assert_eq!(notices(&app).await.len(), 3);
}

/// Posts a two-step form (`review`, then `save` from the review page).
async fn review_and_save(agent: &Agent, base: &str, fields: &[(&str, &str)]) -> Page {
    agent.get(base).await;
    let mut review = fields.to_vec();
    review.push(("action", "review"));
    let p = agent.post(base, &review).await;
    assert_eq!(p.location(), Some(format!("{base}/pruefen").as_str()));
    agent.get(&format!("{base}/pruefen")).await;
    let mut save = fields.to_vec();
    save.push(("action", "save"));
    let p = agent.post(base, &save).await;
    agent.follow(p).await
}

/// Rule 5: a role change through the user administration is listed as an alert, without a
/// second notification (the users feature reports it itself as `security.role-grant`).
#[tokio::test]
async fn a_role_change_is_listed() {
    let app = app_with(|_| {}).await;
    let (admin, _) = agent_for(&app, Role::Admin, "leitung").await;
    let (dpo, _) = agent_for(&app, Role::Dpo, "dsb").await;
    let staff: TestUser = create_user(app.services(), Role::IhkStaff, "befoerdert").await;
    let team = hih_users::entities::institution::Entity::find()
        .filter(hih_users::entities::institution::Column::Name.eq("HiH-Projektteam"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let fields = [
        ("salutation", "frau"),
        ("first_name", "Test"),
        ("last_name", "befoerdert"),
        ("position", "Referentin"),
        ("email", "befoerdert@example.org"),
        ("username", "befoerdert"),
        ("phone", "+49 30 1234"),
        ("role", "admin"),
        ("institution_id", team.as_str()),
    ];
    review_and_save(
        &admin,
        &format!("/benutzer/{}/bearbeiten", staff.id),
        &fields,
    )
    .await;
    scan(&app).await;
    let found = alerts(&app).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, "granted-role");
    assert_eq!(found[0].subject, format!("user:{}", staff.id));
    let ev = Evidence::parse(&found[0].evidence);
    assert_eq!(ev.changes.len(), 1);
    assert_eq!(ev.changes[0].before, "ihk_staff");
    assert_eq!(ev.changes[0].after, "admin");
    assert_eq!(ev.changes[0].by, "Test leitung");
    assert!(notices(&app).await.is_empty(), "no second notification");
    let grants = hih_notify::entity::Entity::find()
        .filter(hih_notify::entity::Column::Kind.eq("security.role-grant"))
        .count(app.db())
        .await
        .unwrap();
    assert!(grants >= 2, "the users feature told admins and the dpo");
    let page = dpo
        .get(&format!("/protokoll/auffaelligkeiten/{}", found[0].id))
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.contains("Test befoerdert hat eine neue Rolle"),
        "{}",
        page.body
    );
    assert!(page.element_text("alert-changes").is_some());
    scan(&app).await;
    assert_eq!(alerts(&app).await.len(), 1, "listed once");
}

/// Lists filter by rule and status; unknown alerts answer 404; staff roles get 403.
#[tokio::test]
async fn the_list_filters_and_the_pages_are_guarded() {
    let app = app_with(|s| s.misuse.invalid_links = 2).await;
    let (admin, _) = agent_for(&app, Role::Admin, "leitung").await;
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "erfurt").await;
    let guest = app.agent();
    guest.get("/konto/einrichten/a").await;
    guest.get("/konto/einrichten/b").await;
    scan(&app).await;
    let id = alerts(&app).await[0].id;
    let open = admin.get("/protokoll/auffaelligkeiten?status=open").await;
    assert!(open.contains(&format!("/protokoll/auffaelligkeiten/{id}\"")));
    let acked = admin
        .get("/protokoll/auffaelligkeiten?status=acknowledged")
        .await;
    assert!(!acked.contains(&format!("/protokoll/auffaelligkeiten/{id}\"")));
    let other = admin
        .get("/protokoll/auffaelligkeiten?rule=export-volume")
        .await;
    assert!(other.contains("Keine Auffälligkeiten."));
    assert_eq!(
        admin.get("/protokoll/auffaelligkeiten/999999").await.status,
        404
    );
    assert_eq!(ihk.get("/protokoll/auffaelligkeiten").await.status, 403);
    let refused = ihk
        .post(
            &format!("/protokoll/auffaelligkeiten/{id}/bestaetigen"),
            &[],
        )
        .await;
    assert_eq!(refused.status, 403);
    assert!(alerts(&app).await[0].acknowledged_at.is_none());
    assert_eq!(
        admin
            .get("/protokoll/auffaelligkeiten?sort=count&dir=desc")
            .await
            .status,
        200
    );
}

/// The job is registered and runs every minute.
#[tokio::test]
async fn the_scan_runs_every_minute() {
    let app = app_with(|_| {}).await;
    assert!(app.state.jobs.iter().any(|j| j.name == SCAN_JOB));
    assert!(
        app.state
            .cron
            .iter()
            .any(|c| c.job == SCAN_JOB && c.schedule == "0 * * * * *")
    );
    // Nothing in the logs: nothing written, not even an empty unit of work's audit entry.
    let before = app.count("audit_log").await.unwrap();
    scan(&app).await;
    assert_eq!(app.count("audit_log").await.unwrap(), before);
}

/// A normal working day of every role — lists, details, searches, exports, a few typos at
/// login, an old bookmark — scanned every few minutes, raises no alert.
#[tokio::test]
async fn a_normal_working_day_raises_no_alert() {
    let app = app_with(|_| {}).await;
    let own: Vec<i64> = {
        let mut v = Vec::new();
        for i in 0..4 {
            v.push(company_in(&app, "IHK Erfurt", &format!("Thüringer Werk {i}")).await);
        }
        v
    };
    let foreign = company_in(&app, "IHK zu Lübeck", "Hanse GmbH").await;
    let vn = applicant_in(&app, "VN", "Nguyễn").await;
    let _in_ = applicant_in(&app, "IN", "Sharma").await;

    // Typos first: two wrong passwords, one mistyped user name, then the right ones.
    let ihk_user = create_user(app.services(), Role::IhkStaff, "erfurt").await;
    let morning = app.agent();
    wrong_password(&morning, "erfurt").await;
    wrong_password(&morning, "erfurt").await;
    wrong_password(&morning, "erfrut").await;
    hih_users::testing::login(&app, &morning, &ihk_user).await;
    let ihk = morning;
    scan(&app).await;

    let (admin, _) = agent_for(&app, Role::Admin, "leitung").await;
    let (ahk, _) = agent_for(&app, Role::AhkStaff, "hanoi").await;
    let (dpo, _) = agent_for(&app, Role::Dpo, "dsb").await;
    let (op, _) = agent_for(&app, Role::SuperAdmin, "betrieb").await;
    let dpo_user_typo = app.agent();
    wrong_password(&dpo_user_typo, "dsb").await;

    for own_id in &own[..3] {
        for path in [
            "/".to_string(),
            "/unternehmen".into(),
            format!("/unternehmen/{own_id}"),
            "/unternehmen?q=werk".into(),
            "/suche?q=werk".into(),
            "/kontakte".into(),
            "/monatszahlen".into(),
        ] {
            assert!(ihk.get(&path).await.status.is_success(), "ihk {path}");
        }
        for path in [
            "/".to_string(),
            "/bewerber".into(),
            format!("/bewerber/{vn}"),
            "/bewerber?q=nguyen".into(),
            "/vermittlungen".into(),
        ] {
            assert!(ahk.get(&path).await.status.is_success(), "ahk {path}");
        }
        for path in [
            "/".to_string(),
            "/unternehmen".into(),
            format!("/unternehmen/{foreign}"),
            "/bewerber".into(),
            format!("/bewerber/{vn}"),
            "/benutzer".into(),
            "/suche?q=gmbh".into(),
            "/statistik".into(),
            "/protokoll/auffaelligkeiten".into(),
        ] {
            assert!(admin.get(&path).await.status.is_success(), "admin {path}");
        }
        for path in [
            "/",
            "/auskunft",
            "/auskunft?q=sharma",
            "/protokoll/auffaelligkeiten",
        ] {
            assert!(dpo.get(path).await.status.is_success(), "dpo {path}");
        }
        for path in ["/", "/benutzer", "/benutzer?role=ihk_staff", "/profil"] {
            assert!(op.get(path).await.status.is_success(), "super_admin {path}");
        }
        app.clock.advance(Duration::minutes(4));
        scan(&app).await;
    }
    // Exports of the day, below the limit.
    assert_eq!(ihk.get("/unternehmen/export/export.csv").await.status, 200);
    assert_eq!(
        admin.get("/unternehmen/export/export.xlsx").await.status,
        200
    );
    assert_eq!(ahk.get("/bewerber/export/export.csv").await.status, 200);
    // An old bookmark: one foreign record, once.
    assert_eq!(
        ihk.get(&format!("/unternehmen/{foreign}")).await.status,
        404
    );
    scan(&app).await;
    let home = admin.get("/").await;
    assert_eq!(home.status, 200);
    assert!(!home.contains("offene Auffälligkeit"));
    app.clock.advance(Duration::minutes(30));
    scan(&app).await;
    assert!(alerts(&app).await.is_empty(), "{:?}", alerts(&app).await);
    assert!(notices(&app).await.is_empty());
    // The day did contain what the rules look at, each below its threshold.
    let count = |action: &'static str, entity: Option<&'static str>| {
        let mut q = access_log::Entity::find().filter(access_log::Column::Action.eq(action));
        if let Some(e) = entity {
            q = q.filter(access_log::Column::Entity.eq(e));
        }
        q.count(app.db())
    };
    assert_eq!(count("denied", Some("company")).await.unwrap(), 1);
    assert_eq!(count("denied", Some("login")).await.unwrap(), 1);
    assert_eq!(count("export", None).await.unwrap(), 3);
    let failed = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("login-failed"))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(failed, 3);
}

/// Alerts repeat personal data of the logs: they are deleted with the logs (R-RET-1, an alert
/// of 2026 on 1 January 2028), audited as one event.
#[tokio::test]
async fn alerts_leave_with_the_logs() {
    let app = app_with(|s| s.misuse.invalid_links = 2).await;
    let guest = app.agent();
    guest.get("/konto/einrichten/a").await;
    guest.get("/konto/einrichten/b").await;
    scan(&app).await;
    assert_eq!(alerts(&app).await.len(), 1);
    // 31 December 2027, 22:00 UTC: still 2027 in Berlin until 23:00 UTC.
    let last_day =
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 12, 31, 22, 0, 0).unwrap();
    app.clock.advance(last_day - app.services().clock.now());
    scan(&app).await;
    assert_eq!(
        alerts(&app).await.len(),
        1,
        "kept until the end of the following year"
    );
    app.clock.advance(Duration::hours(2));
    scan(&app).await;
    assert!(alerts(&app).await.is_empty(), "deleted on 1 January 2028");
    let purged = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("misuse_alert"))
        .filter(audit_log::Column::Action.eq("purge"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(
        purged.changes.contains("\"deleted\":1"),
        "{}",
        purged.changes
    );
}

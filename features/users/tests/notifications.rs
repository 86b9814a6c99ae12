//! Notifications (R-NOT-1): written in the caller's unit of work, recipients by role and
//! institution, the bell, the list with marking read, scoping, the lockout alert, retention.

use chrono::Duration;
use hih_db::UnitOfWork;
use hih_db::entities::mail_outbox;
use hih_kernel::{Actor, Role};
use hih_notify::{Notice, Recipient, entity as notification};
use hih_testkit::TestApp;
use hih_users::entities::{institution, user_account};
use hih_users::recipients::{Filter, active_with_role, active_with_roles};
use hih_users::testing::{TestUser, agent_for, create_user, create_user_in};
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::app;

fn to(user: &TestUser) -> Recipient {
    Recipient {
        user_id: user.id,
        email: format!("{}@example.org", user.username),
        locale: hih_i18n::Locale::De,
    }
}

/// A test notice whose text is the users feature's lockout message.
fn notice(name: &str) -> Notice {
    Notice::new("test", "users-notice-lockout").arg("username", name)
}

/// Writes `notice` for `user` in a committed unit of work; returns the new row's id.
async fn send(app: &TestApp, user: &TestUser, notice: Notice) -> i64 {
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    hih_notify::notify(&mut uow, &[to(user)], &notice)
        .await
        .unwrap();
    uow.commit().await.unwrap();
    notification::Entity::find()
        .all(app.db())
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.id)
        .max()
        .unwrap()
}

/// The audit entries about notifications with this action (changes as recorded).
async fn audited(app: &TestApp, action: &str) -> Vec<String> {
    app.audit_entries("notification", action)
        .await
        .into_iter()
        .map(|e| e.changes)
        .collect()
}

async fn unread(app: &TestApp, user: &TestUser) -> u64 {
    hih_notify::unread_count(app.db(), user.id).await.unwrap()
}

async fn ids(recipients: Vec<Recipient>) -> Vec<i64> {
    recipients.into_iter().map(|r| r.user_id).collect()
}

#[tokio::test]
async fn a_notice_exists_exactly_when_its_unit_of_work_commits() {
    let app = app().await;
    let user = create_user(app.services(), Role::IhkStaff, "nina").await;
    let mailed = notice("x").mail("users-mail-lockout-subject", "users-mail-lockout-body");
    let mails_before = app.count("mail_outbox").await.unwrap();

    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    hih_notify::notify(&mut uow, &[to(&user), to(&user)], &mailed)
        .await
        .unwrap();
    drop(uow); // rolled back
    assert_eq!(app.count("notification").await.unwrap(), 0);
    assert_eq!(app.count("mail_outbox").await.unwrap(), mails_before);

    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let n = hih_notify::notify(&mut uow, &[to(&user), to(&user)], &mailed)
        .await
        .unwrap();
    uow.commit().await.unwrap();
    assert_eq!(n, 1, "one notification per account");
    assert_eq!(app.count("notification").await.unwrap(), 1);
    let mail = mail_outbox::Entity::find()
        .filter(mail_outbox::Column::ToAddr.eq("nina@example.org"))
        .one(app.db())
        .await
        .unwrap()
        .expect("mail queued in the same unit of work");
    assert!(mail.subject.contains("Sicherheitshinweis"), "German mail");
    assert!(mail.body.contains("„x“"));
    let audited = audited(&app, "create").await;
    assert_eq!(audited.len(), 1, "audited like every write");

    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let foreign =
        hih_notify::notify(&mut uow, &[to(&user)], &notice("x").href("//evil.example")).await;
    assert!(foreign.is_err(), "targets are local paths only");
}

#[tokio::test]
async fn recipients_are_active_accounts_of_a_role_and_institution() {
    let app = app().await;
    let s = app.services();
    let vn = create_user_in(s, Role::AhkStaff, "vn-a", "AHK Vietnam").await;
    let vn_gone = create_user_in(s, Role::AhkStaff, "vn-b", "AHK Vietnam").await;
    let india = create_user_in(s, Role::AhkStaff, "in-a", "AHK Indien").await;
    let erfurt = create_user_in(s, Role::IhkStaff, "ef-a", "IHK Erfurt").await;
    let duesseldorf = create_user_in(s, Role::IhkStaff, "du-a", "IHK Düsseldorf").await;
    let admin = create_user(s, Role::Admin, "ad-a").await;
    let dpo = create_user(s, Role::Dpo, "dp-a").await;
    // Deactivate one account.
    let row = app.record::<user_account::Entity>(vn_gone.id).await;
    let mut uow = UnitOfWork::begin(s, &Actor::system("test")).await.unwrap();
    let mut am = row.clone().into_active_model();
    am.active = Set(false);
    uow.update(&row, am).await.unwrap();
    uow.commit().await.unwrap();

    let db = app.db();
    assert_eq!(
        ids(active_with_role(db, Role::AhkStaff, Filter::Country("VN"))
            .await
            .unwrap())
        .await,
        vec![vn.id],
        "inactive accounts are skipped"
    );
    assert_eq!(
        ids(active_with_role(db, Role::AhkStaff, Filter::All)
            .await
            .unwrap())
        .await,
        vec![vn.id, india.id]
    );
    let erfurt_id = institution::Entity::find()
        .filter(institution::Column::Name.eq("IHK Erfurt"))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id;
    assert_eq!(
        ids(
            active_with_role(db, Role::IhkStaff, Filter::District(erfurt_id))
                .await
                .unwrap()
        )
        .await,
        vec![erfurt.id]
    );
    assert_eq!(
        ids(active_with_role(db, Role::IhkStaff, Filter::All)
            .await
            .unwrap())
        .await,
        vec![erfurt.id, duesseldorf.id]
    );
    assert!(
        active_with_role(db, Role::AhkStaff, Filter::District(erfurt_id))
            .await
            .unwrap()
            .is_empty(),
        "role and institution both have to match"
    );
    let alert = active_with_roles(db, &[Role::Admin, Role::Dpo], Filter::All)
        .await
        .unwrap();
    assert_eq!(ids(alert.clone()).await, vec![admin.id, dpo.id]);
    assert_eq!(alert[0].email, "ad-a@example.org");
}

#[tokio::test]
async fn the_bell_counts_and_the_list_marks_read() {
    let app = app().await;
    let (agent, user) = agent_for(&app, Role::IhkStaff, "bella").await;
    let first = send(&app, &user, notice("eins")).await;
    let second = send(&app, &user, notice("zwei").href("/profil")).await;
    app.clock.advance(Duration::minutes(1));
    send(&app, &user, notice("drei")).await;
    assert_eq!(unread(&app, &user).await, 3);

    let home = agent.get("/").await;
    assert!(
        home.contains("href=\"/benachrichtigungen\""),
        "the bell links to the list"
    );
    assert!(
        home.contains("Benachrichtigungen, </span>"),
        "accessible name"
    );
    assert!(
        home.contains("3 ungelesen</span>"),
        "bell count = unread count"
    );
    assert!(
        home.contains("3 ungelesene Benachrichtigungen"),
        "start-page tile"
    );

    let list = agent.get("/benachrichtigungen").await;
    assert_eq!(list.status, 200);
    let (p1, p3) = (
        list.body.find("„eins“").unwrap(),
        list.body.find("„drei“").unwrap(),
    );
    assert!(p3 < p1, "newest first");
    assert!(list.contains("02.11.2026"), "German date");

    let p = agent
        .post(
            &format!("/benachrichtigungen/{first}/gelesen"),
            &[("back", "/benachrichtigungen?filter=ungelesen")],
        )
        .await;
    assert_eq!(p.location(), Some("/benachrichtigungen?filter=ungelesen"));
    assert_eq!(unread(&app, &user).await, 2);
    let only_unread = agent.follow(p).await;
    assert!(!only_unread.contains("„eins“") && only_unread.contains("„drei“"));
    assert!(agent.get("/").await.contains("2 ungelesen</span>"));

    // Opening: POST marks read and goes to the target; a GET there changes nothing.
    let get = agent
        .get(&format!("/benachrichtigungen/{second}/oeffnen"))
        .await;
    assert_eq!(get.status, 404);
    assert_eq!(unread(&app, &user).await, 2);
    let p = agent
        .post(&format!("/benachrichtigungen/{second}/oeffnen"), &[])
        .await;
    assert_eq!(p.location(), Some("/profil"));
    assert_eq!(unread(&app, &user).await, 1);

    let p = agent
        .post(
            "/benachrichtigungen/alle-gelesen",
            &[("back", "https://evil.example/")],
        )
        .await;
    assert_eq!(
        p.location(),
        Some("/benachrichtigungen"),
        "back only to the list"
    );
    assert_eq!(unread(&app, &user).await, 0);
    let done = agent.follow(p).await;
    assert!(done.contains("Alle Benachrichtigungen sind als gelesen markiert."));
    assert!(done.contains("0 ungelesen</span>"));
    assert!(
        !agent.get("/").await.contains("ungelesene Benachrichtigung"),
        "no tile"
    );
    let events = audited(&app, "mark-all-read").await;
    assert_eq!(events.len(), 1);
    assert!(events[0].contains("\"count\":1"));
}

#[tokio::test]
async fn another_users_notification_is_not_found() {
    let app = app().await;
    let owner = create_user(app.services(), Role::AhkStaff, "olga").await;
    let (other, intruder) = agent_for(&app, Role::Admin, "ivan").await;
    let id = send(&app, &owner, notice("geheim").href("/profil")).await;
    other.get("/benachrichtigungen").await;
    for action in ["gelesen", "oeffnen"] {
        let p = other
            .post(&format!("/benachrichtigungen/{id}/{action}"), &[])
            .await;
        assert_eq!(p.status, 404, "{action}");
    }
    other.post("/benachrichtigungen/alle-gelesen", &[]).await;
    assert_eq!(unread(&app, &owner).await, 1, "untouched");
    assert!(!other.get("/benachrichtigungen").await.contains("geheim"));
    let denied = app.access_entries("notification", "denied").await;
    assert!(
        denied
            .iter()
            .all(|d| d.actor == format!("user:{}", intruder.id))
    );
    assert_eq!(denied.len(), 2);
}

#[tokio::test]
async fn a_lockout_notifies_admins_and_the_data_protection_officer() {
    let app = app().await;
    let (admin_agent, admin) = agent_for(&app, Role::Admin, "alma").await;
    let dpo = create_user(app.services(), Role::Dpo, "dora").await;
    let bystander = create_user(app.services(), Role::IhkStaff, "bert").await;
    let victim = create_user(app.services(), Role::AhkStaff, "vera").await;
    let agent = app.agent();
    agent.get("/login").await;
    for _ in 0..5 {
        agent
            .post(
                "/login",
                &[("username", "vera"), ("password", "Falsch-Passwort-11")],
            )
            .await;
    }
    let rows = notification::Entity::find().all(app.db()).await.unwrap();
    let of = |id: i64| rows.iter().find(|n| n.user_id == id);
    let to_admin = of(admin.id).expect("admin told");
    assert_eq!(to_admin.kind, hih_users::service::LOCKOUT_KIND);
    assert_eq!(
        to_admin.href.as_deref(),
        Some(format!("/benutzer/{}", victim.id).as_str())
    );
    let to_dpo = of(dpo.id).expect("officer told");
    assert_eq!(to_dpo.href, None, "no link the officer could not open");
    assert!(of(bystander.id).is_none() && of(victim.id).is_none());
    assert_eq!(rows.len(), 2);
    // The mails still go out.
    assert_eq!(
        mail_outbox::Entity::find()
            .filter(mail_outbox::Column::ToAddr.is_in(["alma@example.org", "dora@example.org"]))
            .all(app.db())
            .await
            .unwrap()
            .len(),
        2
    );
    let list = admin_agent.get("/benachrichtigungen").await;
    assert!(list.contains("Das Konto „vera“ wurde"), "{}", list.body);
    assert!(admin_agent.get("/").await.contains("1 ungelesen</span>"));
}

#[tokio::test]
async fn the_purge_removes_exactly_the_expired_notifications() {
    let app = app().await;
    let user = create_user(app.services(), Role::IhkStaff, "paul").await;
    let read_old = send(&app, &user, notice("a")).await;
    let unread_old = send(&app, &user, notice("b")).await;
    app.clock.advance(Duration::days(100));
    let read_new = send(&app, &user, notice("c")).await;
    let unread_new = send(&app, &user, notice("d")).await;
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    hih_notify::mark_read(&mut uow, user.id, read_old)
        .await
        .unwrap();
    hih_notify::mark_read(&mut uow, user.id, read_new)
        .await
        .unwrap();
    uow.commit().await.unwrap();

    let left = || async {
        let mut ids: Vec<i64> = notification::Entity::find()
            .all(app.db())
            .await
            .unwrap()
            .into_iter()
            .map(|n| n.id)
            .collect();
        ids.sort();
        ids
    };
    // Day 100: read and older than 90 days → gone; unread ones stay.
    app.run_job(hih_notify::PURGE_JOB, serde_json::Value::Null)
        .await
        .unwrap();
    assert_eq!(left().await, vec![unread_old, read_new, unread_new]);
    app.run_job(hih_notify::PURGE_JOB, serde_json::Value::Null)
        .await
        .unwrap();
    assert_eq!(left().await.len(), 3, "idempotent");
    // Day 366: everything older than a year, and the read one from day 100.
    app.clock.advance(Duration::days(266));
    app.run_job(hih_notify::PURGE_JOB, serde_json::Value::Null)
        .await
        .unwrap();
    assert_eq!(left().await, vec![unread_new]);
    let counts = audited(&app, "purge").await;
    assert_eq!(counts.len(), 3);
    assert!(counts[0].contains("\"deleted\":1") && counts[2].contains("\"deleted\":2"));
    assert!(!counts[0].contains("\"a\""), "counts only, no content");
}

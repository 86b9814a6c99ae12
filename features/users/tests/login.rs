use chrono::Duration;
use hih_kernel::Role;
use hih_users::entities::{recovery_code, user_account};
use hih_users::testing::{code_step, create_user, fresh_code, login, password_step};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::app;

#[tokio::test]
async fn full_login_reaches_the_start_page_with_a_new_session_id_each_step() {
    let app = app().await;
    let user = create_user(app.services(), Role::Admin, "anna").await;
    let agent = app.agent();
    agent.get("/login").await;
    let anonymous = agent
        .session_cookie()
        .expect("anonymous session for the form");
    let page = agent
        .post(
            "/login",
            &[("username", "ANNA"), ("password", &user.password)],
        )
        .await;
    assert_eq!(page.location(), Some("/login/code"));
    let after_password = agent.session_cookie().expect("cookie");
    assert_ne!(
        anonymous, after_password,
        "new session id after the password step"
    );
    // The half-logged-in session cannot see anything yet.
    assert_eq!(agent.get("/").await.location(), Some("/login?next=%2F"));
    agent.get("/login/code").await;
    let code = fresh_code(&app, &user).await;
    let page = agent.post("/login/code", &[("code", &code)]).await;
    assert_eq!(page.location(), Some("/"));
    assert_ne!(
        agent.session_cookie().expect("cookie"),
        after_password,
        "new session id after the second factor"
    );
    let home = agent.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.contains("Willkommen, Test anna."));
}

#[tokio::test]
async fn unknown_user_and_wrong_password_get_the_same_answer() {
    let app = app().await;
    let user = create_user(app.services(), Role::Admin, "bert").await;
    let agent = app.agent();
    let unknown = password_step(&agent, "niemand", "Falsch-Passwort-11").await;
    assert_eq!(unknown.location(), Some("/login"));
    let unknown = agent.follow(unknown).await;
    let wrong = agent
        .post(
            "/login",
            &[
                ("username", &user.username),
                ("password", "Falsch-Passwort-11"),
            ],
        )
        .await;
    assert_eq!(wrong.location(), Some("/login"), "the same answer for both");
    let wrong = agent.follow(wrong).await;
    assert_eq!(unknown.status, 422);
    assert_eq!(wrong.status, 422);
    let msg = "Die Anmeldung ist fehlgeschlagen.";
    assert!(unknown.contains(msg) && wrong.contains(msg));
    // Both pages are identical apart from the echoed user name and the CSRF token.
    let strip = |p: &hih_testkit::Page, name: &str| {
        p.body
            .replace(name, "X")
            .lines()
            .filter(|l| !l.contains("csrf_token"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&unknown, "niemand"), strip(&wrong, &user.username));
}

#[tokio::test]
async fn five_failures_lock_the_account_for_fifteen_minutes() {
    let app = app().await;
    let user = create_user(app.services(), Role::IhkStaff, "carla").await;
    create_user(app.services(), Role::Dpo, "dpo-watch").await;
    let agent = app.agent();
    agent.get("/login").await;
    for _ in 0..5 {
        let p = agent
            .post(
                "/login",
                &[
                    ("username", &user.username),
                    ("password", "Falsch-Passwort-11"),
                ],
            )
            .await;
        assert_eq!(p.status, 303, "POST-redirect-GET");
        let p = agent.follow(p).await;
        assert_eq!(p.status, 422);
    }
    let row = app.record::<user_account::Entity>(user.id).await;
    assert!(row.locked_until.is_some(), "locked after five failures");
    // Even the right password is refused while locked, with the same message.
    let p = agent
        .post(
            "/login",
            &[("username", &user.username), ("password", &user.password)],
        )
        .await;
    assert_eq!(p.status, 303, "POST-redirect-GET");
    let p = agent.follow(p).await;
    assert_eq!(p.status, 422);
    // The lockout is in the audit trail as a security event.
    let events = audit_actions(&app, &user.id.to_string()).await;
    assert!(events.contains(&"lockout".to_string()), "{events:?}");
    // Admins and the data-protection officer are told (R-SEC-1).
    let mails = hih_db::entities::mail_outbox::Entity::find()
        .all(app.db())
        .await
        .unwrap();
    assert!(
        mails
            .iter()
            .any(|m| m.to_addr == "dpo-watch@example.org" && m.body.contains("carla")),
        "{mails:?}"
    );
    // After 15 minutes the right password works again.
    app.clock.advance(Duration::minutes(16));
    let p = agent
        .post(
            "/login",
            &[("username", &user.username), ("password", &user.password)],
        )
        .await;
    assert_eq!(p.location(), Some("/login/code"));
}

#[tokio::test]
async fn a_totp_code_is_accepted_only_once() {
    let app = app().await;
    let user = create_user(app.services(), Role::AhkStaff, "dang").await;
    let first = app.agent();
    login(&app, &first, &user).await;
    let row = app.record::<user_account::Entity>(user.id).await;
    let used_step = row.totp_last_step.expect("step stored");
    // Same step again from another browser: refused.
    let code = hih_users::totp::code_at(
        &user.totp_secret,
        hih_kernel::Clock::now(app.clock.as_ref()),
    )
    .unwrap();
    assert_eq!(
        hih_kernel::Clock::now(app.clock.as_ref()).timestamp() / 30,
        used_step
    );
    let second = app.agent();
    password_step(&second, &user.username, &user.password).await;
    let p = second.submit("/login/code", &[("code", &code)]).await;
    assert_eq!(p.status, 303, "POST-redirect-GET");
    let p = second.follow(p).await;
    assert_eq!(p.status, 422);
    assert!(p.contains("bereits verwendet"));
}

#[tokio::test]
async fn a_recovery_code_works_once() {
    let app = app().await;
    let user = create_user(app.services(), Role::Admin, "emil").await;
    // Replace the stored codes with a known one.
    let code = "abcd-efgh";
    let rows = recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user.id))
        .all(app.db())
        .await
        .unwrap();
    let mut am = rows[0].clone().into_active_model();
    am.code_hash = Set(hih_db::hash_token("abcdefgh"));
    am.update(app.db()).await.unwrap();
    for attempt in 0..2 {
        let agent = app.agent();
        password_step(&agent, &user.username, &user.password).await;
        let p = agent.submit("/login/code", &[("code", code)]).await;
        if attempt == 0 {
            assert_eq!(p.location(), Some("/"), "first use accepted");
        } else {
            assert_eq!(agent.follow(p).await.status, 422, "second use refused");
        }
    }
}

#[tokio::test]
async fn logout_ends_the_session_for_good() {
    let app = app().await;
    let user = create_user(app.services(), Role::Dpo, "frida").await;
    let agent = app.agent();
    login(&app, &agent, &user).await;
    let cookie = agent.session_cookie().unwrap();
    agent.get("/").await;
    let p = agent.post("/logout", &[]).await;
    assert_eq!(p.location(), Some("/login"));
    // Replaying the old cookie gets nowhere.
    let thief = app.agent();
    thief.set_cookie("hih_session", &cookie);
    assert_eq!(thief.get("/").await.location(), Some("/login?next=%2F"));
}

#[tokio::test]
async fn sessions_expire_when_idle_and_absolutely() {
    let app = app().await;
    let user = create_user(app.services(), Role::Admin, "gerd").await;
    let agent = app.agent();
    login(&app, &agent, &user).await;
    app.clock.advance(Duration::minutes(29));
    assert_eq!(agent.get("/").await.status, 200, "29 minutes idle is fine");
    app.clock.advance(Duration::minutes(31));
    assert_eq!(
        agent.get("/").await.location(),
        Some("/login?next=%2F"),
        "31 minutes idle ends it"
    );
    // Absolute: active every 20 minutes, still out after 12 hours.
    login(&app, &agent, &user).await;
    for _ in 0..40 {
        app.clock.advance(Duration::minutes(20));
        let p = agent.get("/").await;
        if p.status != 200 {
            assert_eq!(p.location(), Some("/login?next=%2F"));
            return;
        }
    }
    panic!("session outlived the absolute timeout");
}

#[tokio::test]
async fn deactivation_ends_running_sessions() {
    let app = app().await;
    let user = create_user(app.services(), Role::IhkStaff, "hanna").await;
    let agent = app.agent();
    login(&app, &agent, &user).await;
    let row = app.record::<user_account::Entity>(user.id).await;
    let mut am = row.into_active_model();
    am.active = Set(false);
    am.update(app.db()).await.unwrap();
    assert_eq!(agent.get("/").await.location(), Some("/login?next=%2F"));
}

#[tokio::test]
async fn forced_password_change_comes_before_anything_else() {
    let app = app().await;
    let user = create_user(app.services(), Role::Admin, "ines").await;
    let row = app.record::<user_account::Entity>(user.id).await;
    let mut am = row.into_active_model();
    am.must_change_password = Set(true);
    am.update(app.db()).await.unwrap();
    let agent = app.agent();
    let p = code_step(&app, &agent, &user).await;
    assert_eq!(p.location(), Some("/passwort/aendern"));
    assert_eq!(
        agent.get("/").await.location(),
        Some("/login?next=%2F"),
        "nothing else before the change"
    );
    let p = agent
        .submit(
            "/passwort/aendern",
            &[
                ("password", &user.password),
                ("password_repeat", &user.password),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "POST-redirect-GET");
    let p = agent.follow(p).await;
    assert_eq!(p.status, 422);
    assert!(p.contains("letzten 5 Passwörter"), "reuse refused");
    let p = agent
        .post(
            "/passwort/aendern",
            &[
                ("password", "Neues-Kennwort-77"),
                ("password_repeat", "Neues-Kennwort-77"),
            ],
        )
        .await;
    // Checked, not yet saved: the change asks first (R-GEN-2).
    assert_eq!(p.location(), Some("/passwort/aendern/bestaetigen"));
    let ask = agent.get("/passwort/aendern/bestaetigen").await;
    assert_eq!(ask.status, 200);
    assert!(ask.contains("value=\"save\""));
    assert_eq!(
        agent.get("/").await.location(),
        Some("/login?next=%2F"),
        "nothing changed before the confirmation"
    );
    let p = agent
        .post("/passwort/aendern/bestaetigen", &[("action", "save")])
        .await;
    assert_eq!(p.location(), Some("/"));
    assert_eq!(agent.get("/").await.status, 200);
}

#[tokio::test]
async fn an_expired_password_forces_a_change() {
    let app = app().await;
    let user = create_user(app.services(), Role::Admin, "jan").await;
    app.clock.advance(Duration::days(181));
    let agent = app.agent();
    let p = code_step(&app, &agent, &user).await;
    assert_eq!(p.location(), Some("/passwort/aendern"));
}

pub(crate) async fn audit_actions(app: &hih_testkit::TestApp, entity_id: &str) -> Vec<String> {
    use hih_db::entities::audit_log;
    audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("user"))
        .filter(audit_log::Column::EntityId.eq(entity_id))
        .all(app.db())
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[tokio::test]
async fn start_page_warns_before_the_password_expires() {
    let app = app().await;
    let user = create_user(app.services(), Role::AhkStaff, "kira").await;
    let agent = app.agent();
    login(&app, &agent, &user).await;
    assert!(
        !agent.get("/").await.contains("Ihr Passwort läuft"),
        "no warning when fresh"
    );
    app.clock.advance(Duration::days(170));
    login(&app, &agent, &user).await;
    let home = agent.get("/").await;
    assert!(
        home.contains("Ihr Passwort läuft in 10 Tagen ab"),
        "warning 14 days before: {}",
        home.body
    );
}

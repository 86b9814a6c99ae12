use chrono::Duration;
use hih_db::entities::mail_outbox;
use hih_kernel::Role;
use hih_users::testing::{create_user, fresh_code, login, password_step};
use sea_orm::{EntityTrait, QueryOrder};

use crate::app;

async fn mails(app: &hih_testkit::TestApp) -> Vec<mail_outbox::Model> {
    mail_outbox::Entity::find()
        .order_by_asc(mail_outbox::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

fn link_path(body: &str) -> String {
    let start = body.find("/passwort/zuruecksetzen/").expect("link in mail");
    body[start..].split_whitespace().next().unwrap().to_string()
}

#[tokio::test]
async fn reset_does_not_reveal_whether_an_address_exists() {
    let app = app().await;
    create_user(app.services(), Role::Admin, "kai").await;
    let agent = app.agent();
    let unknown = agent
        .submit("/passwort/vergessen", &[("email", "wer@nirgends.de")])
        .await;
    let known = agent
        .post("/passwort/vergessen", &[("email", "kai@example.org")])
        .await;
    assert_eq!(unknown.status, known.status);
    assert_eq!(unknown.location(), known.location());
    let page = agent.follow(known).await;
    assert!(page.contains("Wenn die Adresse zu einem aktiven Konto gehört"));
    assert_eq!(
        mails(&app)
            .await
            .iter()
            .filter(|m| m.to_addr == "kai@example.org")
            .count(),
        1
    );
}

#[tokio::test]
async fn reset_link_needs_totp_then_sets_password_and_ends_sessions() {
    let app = app().await;
    let operator = create_user(app.services(), Role::SuperAdmin, "operator").await;
    let user = create_user(app.services(), Role::IhkStaff, "lena").await;
    let logged_in = app.agent();
    login(&app, &logged_in, &user).await;
    let agent = app.agent();
    agent
        .submit("/passwort/vergessen", &[("email", "LENA@example.org")])
        .await;
    let all = mails(&app).await;
    let to_user = all
        .iter()
        .find(|m| m.to_addr == "lena@example.org")
        .expect("mail to user");
    assert!(
        all.iter()
            .any(|m| m.to_addr == format!("{}@example.org", operator.username)),
        "operator notified"
    );
    let path = link_path(&to_user.body);
    let p = agent.get(&path).await;
    assert!(p.contains("name=\"code\""), "code step first");
    let bad = agent
        .post(&path, &[("step", "code"), ("code", "123456")])
        .await;
    assert_eq!(bad.status, 303, "POST-redirect-GET");
    let bad = agent.follow(bad).await;
    assert_eq!(bad.status, 422);
    let code = fresh_code(&app, &user).await;
    let p = agent
        .post(&path, &[("step", "code"), ("code", &code)])
        .await;
    assert_eq!(p.location(), Some(path.as_str()));
    let p = agent.get(&path).await;
    assert!(p.contains("name=\"password_repeat\""));
    let p = agent
        .post(
            &path,
            &[
                ("step", "password"),
                ("password", "Neu-Gesetzt-2026"),
                ("password_repeat", "Neu-Gesetzt-2026"),
            ],
        )
        .await;
    assert_eq!(p.location(), Some("/login"));
    // The other session of the user has ended.
    assert_eq!(logged_in.get("/").await.location(), Some("/login?next=%2F"));
    // The link is used up.
    assert_eq!(app.agent().get(&path).await.status, 410);
    // The new password works.
    let again = app.agent();
    let p = password_step(&again, "lena", "Neu-Gesetzt-2026").await;
    assert_eq!(p.location(), Some("/login/code"));
}

#[tokio::test]
async fn reset_link_expires_after_one_hour() {
    let app = app().await;
    create_user(app.services(), Role::Admin, "mara").await;
    let agent = app.agent();
    agent
        .submit("/passwort/vergessen", &[("email", "mara@example.org")])
        .await;
    let path = link_path(&mails(&app).await.last().unwrap().body);
    app.clock.advance(Duration::minutes(59));
    assert_eq!(app.agent().get(&path).await.status, 200);
    app.clock.advance(Duration::minutes(2));
    assert_eq!(app.agent().get(&path).await.status, 410);
}

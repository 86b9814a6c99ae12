use chrono::Duration;
use hih_users::bootstrap::create_admin;
use hih_users::testing::password_step;

use crate::app;

fn path_of(link: &str) -> String {
    link.split_once("://")
        .map(|(_, r)| r[r.find('/').unwrap()..].to_string())
        .unwrap()
}

#[tokio::test]
async fn setup_link_password_totp_codes_start_page() {
    let app = app().await;
    let created = create_admin(app.services(), "admin1", "admin1@example.org", None)
        .await
        .unwrap();
    let path = path_of(&created.setup_link.unwrap());
    let agent = app.agent();
    let p = agent.get(&path).await;
    assert_eq!(p.status, 200);
    assert!(p.contains("admin1"));
    // Policy messages name the failed rule.
    let p = agent
        .post(
            &path,
            &[("password", "kurz"), ("password_repeat", "anders")],
        )
        .await;
    assert_eq!(p.status, 303, "POST-redirect-GET");
    let p = agent.follow(p).await;
    assert_eq!(p.status, 422);
    assert!(p.contains("mindestens 10 Zeichen"));
    assert!(p.contains("Groß- und Kleinbuchstaben"));
    assert!(p.contains("mindestens 2 Ziffern"));
    assert!(p.contains("stimmen nicht überein"));
    assert!(
        p.contains("href=\"#password\""),
        "error summary links to the field"
    );
    let p = agent
        .post(
            &path,
            &[
                ("password", "Passwort-Gut-2026"),
                ("password_repeat", "Passwort-Gut-2026"),
            ],
        )
        .await;
    assert_eq!(p.location(), Some("/login/totp-einrichten"));
    let p = agent.get("/login/totp-einrichten").await;
    let secret = p
        .element_text("totp-secret")
        .expect("secret shown")
        .replace(' ', "");
    assert!(p.contains("data:image/png;base64,"), "QR code inline");
    let wrong = agent
        .post("/login/totp-einrichten", &[("code", "000000")])
        .await;
    assert_eq!(wrong.status, 303, "POST-redirect-GET");
    let wrong = agent.follow(wrong).await;
    assert_eq!(wrong.status, 422);
    let code =
        hih_users::totp::code_at(&secret, hih_kernel::Clock::now(app.clock.as_ref())).unwrap();
    let p = agent
        .post("/login/totp-einrichten", &[("code", &code)])
        .await;
    assert_eq!(p.location(), Some("/login/wiederherstellungscodes"));
    let codes = agent.get("/login/wiederherstellungscodes").await;
    let list = &codes.body[codes.body.find("id=\"recovery-codes\"").unwrap()..];
    let list = &list[..list.find("</ul>").unwrap()];
    assert_eq!(list.matches("<li>").count(), 10, "ten recovery codes");
    assert_eq!(
        agent.get("/login/wiederherstellungscodes").await.location(),
        Some("/"),
        "shown once"
    );
    assert_eq!(agent.get("/").await.status, 200);
    // The link is used up.
    let again = app.agent();
    assert_eq!(again.get(&path).await.status, 410);
}

#[tokio::test]
async fn setup_link_expires_after_72_hours() {
    let app = app().await;
    let created = create_admin(app.services(), "admin2", "admin2@example.org", None)
        .await
        .unwrap();
    let path = path_of(&created.setup_link.unwrap());
    app.clock.advance(Duration::hours(71));
    assert_eq!(app.agent().get(&path).await.status, 200);
    app.clock.advance(Duration::hours(2));
    let p = app.agent().get(&path).await;
    assert_eq!(p.status, 410);
    assert!(p.contains("abgelaufen"));
    // A made-up token is refused the same way.
    assert_eq!(
        app.agent().get("/konto/einrichten/erfunden").await.status,
        410
    );
}

#[tokio::test]
async fn create_admin_with_password_still_requires_totp_enrolment() {
    let app = app().await;
    create_admin(
        app.services(),
        "admin3",
        "admin3@example.org",
        Some("Start-Passwort-99"),
    )
    .await
    .unwrap();
    let agent = app.agent();
    let p = password_step(&agent, "admin3", "Start-Passwort-99").await;
    assert_eq!(p.location(), Some("/login/totp-einrichten"));
    assert_eq!(agent.get("/").await.location(), Some("/login?next=%2F"));
    // A password that breaks the policy is refused by the command.
    let err = create_admin(
        app.services(),
        "admin4",
        "admin4@example.org",
        Some("password"),
    )
    .await;
    assert!(matches!(err, Err(hih_kernel::AppError::Validation(_))));
}

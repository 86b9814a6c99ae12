use hih_db::entities::{access_log, audit_log};
use hih_kernel::Role;
use hih_users::testing::{create_user, fresh_code, login};
use sea_orm::EntityTrait;

use crate::app;

#[tokio::test]
async fn secrets_never_reach_the_audit_or_access_log() {
    let app = app().await;
    let user = create_user(app.services(), Role::Admin, "nora").await;
    let agent = app.agent();
    login(&app, &agent, &user).await;
    let p = agent
        .submit(
            "/passwort/aendern",
            &[
                ("current_password", &user.password),
                ("password", "Ganz-Neu-Passwort-55"),
                ("password_repeat", "Ganz-Neu-Passwort-55"),
            ],
        )
        .await;
    assert_eq!(p.location(), Some("/passwort/aendern/bestaetigen"));
    let p = agent
        .submit("/passwort/aendern/bestaetigen", &[("action", "save")])
        .await;
    assert_eq!(p.location(), Some("/"));
    let _ = fresh_code(&app, &user).await;
    let entries = audit_log::Entity::find().all(app.db()).await.unwrap();
    assert!(
        entries.iter().any(|e| e.entity == "user"
            && e.action == "update"
            && e.changes.contains("password_hash")),
        "the change itself is audited"
    );
    let access = access_log::Entity::find().all(app.db()).await.unwrap();
    for text in entries
        .iter()
        .map(|e| e.changes.clone())
        .chain(access.iter().map(|a| a.detail.clone()))
    {
        assert!(!text.contains("$argon2"), "hash leaked: {text}");
        assert!(!text.contains(&user.totp_secret), "TOTP secret leaked");
        assert!(
            !text.contains("Ganz-Neu-Passwort-55") && !text.contains(&user.password),
            "password leaked"
        );
    }
    assert!(
        matches!(hih_db::audit::verify(app.db()).await.unwrap(), hih_db::audit::Verification::Intact(n) if n > 5)
    );
}

#[tokio::test]
async fn a_password_change_asks_first_and_back_saves_nothing() {
    let app = app().await;
    let user = create_user(app.services(), Role::IhkStaff, "paula").await;
    let agent = app.agent();
    login(&app, &agent, &user).await;
    let stored = || async {
        app.record::<hih_users::entities::user_account::Entity>(user.id)
            .await
            .password_hash
    };
    let before = stored().await;
    assert_eq!(
        agent.get("/passwort/aendern/bestaetigen").await.location(),
        Some("/passwort/aendern"),
        "nothing to confirm without a checked change"
    );
    let fields = [
        ("current_password", user.password.as_str()),
        ("password", "Noch-Ein-Passwort-31"),
        ("password_repeat", "Noch-Ein-Passwort-31"),
    ];
    let p = agent.post("/passwort/aendern", &fields).await;
    assert_eq!(p.location(), Some("/passwort/aendern/bestaetigen"));
    assert_eq!(stored().await, before, "checking saves nothing");
    let p = agent
        .post("/passwort/aendern/bestaetigen", &[("action", "back")])
        .await;
    assert_eq!(p.location(), Some("/passwort/aendern"));
    assert_eq!(stored().await, before, "declining saves nothing");
    assert_eq!(
        agent
            .post("/passwort/aendern/bestaetigen", &[("action", "save")])
            .await
            .location(),
        Some("/passwort/aendern"),
        "a declined change cannot be saved afterwards"
    );
    assert_eq!(stored().await, before);
    agent.post("/passwort/aendern", &fields).await;
    agent
        .post("/passwort/aendern/bestaetigen", &[("action", "save")])
        .await;
    assert_ne!(stored().await, before, "confirming saves");
}

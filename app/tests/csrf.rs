use hih_kernel::Role;
use hih_users::testing::agent_for;

use crate::app;

#[tokio::test]
async fn post_without_or_with_wrong_token_is_refused_and_changes_nothing() {
    let app = app().await;
    let agent = app.agent();
    let login = agent.get("/login").await;
    assert!(login.contains("lang=\"de\""));
    let missing = agent
        .post_raw("/sprache", &[("lang", "en"), ("next", "/login")])
        .await;
    assert_eq!(missing.status, 403);
    assert!(missing.contains("Das Formular ist abgelaufen oder ungültig"));
    let wrong = agent
        .post_raw(
            "/sprache",
            &[("csrf_token", "falsch"), ("lang", "en"), ("next", "/login")],
        )
        .await;
    assert_eq!(wrong.status, 403);
    assert!(
        agent.get("/login").await.contains("lang=\"de\""),
        "language unchanged"
    );
    let ok = agent
        .post("/sprache", &[("lang", "en"), ("next", "/login")])
        .await;
    assert_eq!(ok.location(), Some("/login"));
    let english = agent.get("/login").await;
    assert!(english.contains("lang=\"en\"") && english.contains("Log in"));
}

#[tokio::test]
async fn login_post_needs_a_token_too() {
    let app = app().await;
    let user = hih_users::testing::create_user(app.services(), Role::Admin, "olga").await;
    let agent = app.agent();
    agent.get("/login").await;
    let p = agent
        .post_raw(
            "/login",
            &[("username", &user.username), ("password", &user.password)],
        )
        .await;
    assert_eq!(p.status, 403);
    assert!(agent.session_cookie().is_some());
}

#[tokio::test]
async fn a_token_of_another_session_does_not_work() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "paula").await;
    let stranger = app.agent();
    stranger.get("/login").await;
    let foreign = stranger.csrf().expect("token");
    admin.get("/admin/texte").await;
    let p = admin
        .post_raw(
            "/admin/texte/de/home-title",
            &[("csrf_token", &foreign), ("value", "X"), ("action", "save")],
        )
        .await;
    assert_eq!(p.status, 403);
    assert_eq!(app.count("text_override").await.unwrap(), 0);
}

#[tokio::test]
async fn logout_is_post_only_and_protected() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "quirin").await;
    // GET never changes state.
    assert_eq!(admin.get("/logout").await.status, 404);
    assert_eq!(admin.get("/").await.status, 200);
    let p = admin.post_raw("/logout", &[]).await;
    assert_eq!(p.status, 403);
    assert_eq!(admin.get("/").await.status, 200, "still logged in");
}

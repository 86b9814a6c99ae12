//! The session timeout (WCAG 2.2.1, issue 17): every page tells a signed-in user when the
//! session ends without activity; after it ended, the next page is the login page with a
//! notice instead of an error, and the form drafts of the expired session come back for the
//! same user — never for anyone else who signs in on the same browser.

use chrono::Duration;
use hih_kernel::{Clock, Role};
use hih_users::testing::{create_user, login};

use crate::app;

const NOTICE: &str = "Ihre Sitzung ist abgelaufen, weil Sie längere Zeit nichts getan haben.";

/// The institution form's fields, with a name to find again.
fn institution(name: &str) -> [(&'static str, String); 5] {
    [
        ("name", name.to_string()),
        ("kind", "team".to_string()),
        ("country_code", String::new()),
        ("active", "on".to_string()),
        ("action", "review".to_string()),
    ]
}

fn pairs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[tokio::test]
async fn pages_say_when_the_session_ends() {
    let app = app().await;
    let user = create_user(app.services(), Role::Admin, "zeit").await;
    let agent = app.agent();
    login(&app, &agent, &user).await;
    let ends = (app.clock.now() + Duration::minutes(30))
        .with_timezone(&chrono_tz::Europe::Berlin)
        .format("%H:%M")
        .to_string();
    let page = agent.get("/").await;
    assert!(
        page.contains(&format!("Sitzung aktiv bis {ends} Uhr")),
        "{}",
        page.body
    );
    assert!(
        !app.agent()
            .get("/login")
            .await
            .contains("Sitzung aktiv bis")
    );
}

#[tokio::test]
async fn after_the_timeout_the_login_page_explains_and_the_draft_comes_back() {
    let app = app().await;
    let user = create_user(app.services(), Role::Admin, "entwurf").await;
    let agent = app.agent();
    login(&app, &agent, &user).await;
    let institutions = app.count("institution").await.unwrap();
    agent.get("/institutionen/neu").await;
    let draft = institution("Entwurfsinstitut");
    let review = agent.post("/institutionen/neu", &pairs(&draft)).await;
    assert_eq!(review.status, 303, "to the review page");

    app.clock.advance(Duration::minutes(31));
    // The form sent after the timeout: to the login page, with the notice; nothing saved.
    let sent = agent
        .post("/institutionen/neu/pruefen", &[("action", "save")])
        .await;
    assert_eq!(sent.status, 303);
    assert_eq!(sent.location(), Some("/login"));
    let login_page = agent.get("/login").await;
    assert!(login_page.contains(NOTICE), "{}", login_page.body);
    assert!(
        login_page.contains("kern-alert kern-alert--warning"),
        "a warning, not a success message"
    );
    assert_eq!(
        app.count("institution").await.unwrap(),
        institutions,
        "nothing was saved"
    );

    // The same user signs in again: the draft is back in the form.
    login(&app, &agent, &user).await;
    let form = agent.get("/institutionen/neu").await;
    assert!(form.contains("value=\"Entwurfsinstitut\""), "{}", form.body);
}

#[tokio::test]
async fn drafts_of_an_expired_session_never_reach_another_user() {
    let app = app().await;
    let first = create_user(app.services(), Role::Admin, "erste").await;
    let second = create_user(app.services(), Role::Admin, "zweite").await;
    let agent = app.agent();
    login(&app, &agent, &first).await;
    agent.get("/institutionen/neu").await;
    let draft = institution("Geheiminstitut");
    agent.post("/institutionen/neu", &pairs(&draft)).await;

    app.clock.advance(Duration::minutes(31));
    let login_page = agent.get("/").await;
    assert_eq!(login_page.location(), Some("/login?next=%2F"));
    assert!(agent.get("/login").await.contains(NOTICE));

    login(&app, &agent, &second).await;
    let form = agent.get("/institutionen/neu").await;
    assert_eq!(form.status, 200);
    assert!(!form.contains("Geheiminstitut"), "{}", form.body);
}

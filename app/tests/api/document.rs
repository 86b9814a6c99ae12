//! The served OpenAPI document (German descriptions, every error response documented, the
//! bearer scheme), Swagger UI for administrators only, and the rate limit per token.

use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_users::testing::{agent_for, api_token};
use poem::http::Method;

use super::{get, json, problem};
use crate::app;

#[tokio::test]
async fn the_document_describes_every_operation_and_its_errors_in_german() {
    let app = app().await;
    let (admin, user) = agent_for(&app, Role::Admin, "doc-admin").await;
    let (_, token) = api_token(&app, user.id, true).await;
    let doc = json(&get(&admin, "/api/v1/openapi.json", &token).await);
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    assert_eq!(
        doc["components"]["securitySchemes"]["token"]["scheme"],
        "bearer"
    );
    assert!(
        doc["info"]["description"]
            .as_str()
            .unwrap()
            .contains("Zuständigkeitsbereich")
    );
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let what = format!("{method} {path}");
            assert!(
                op["summary"].as_str().is_some_and(|s| !s.is_empty()),
                "{what}: summary"
            );
            assert!(op["operationId"].as_str().is_some(), "{what}: operationId");
            let responses = op["responses"].as_object().unwrap();
            for status in [
                "400", "401", "403", "404", "413", "415", "422", "429", "500",
            ] {
                let r = &responses
                    .get(status)
                    .unwrap_or_else(|| panic!("{what}: {status}"));
                assert!(
                    r["content"]["application/problem+json"].is_object(),
                    "{what}: {status} is problem details"
                );
                assert!(r["description"].as_str().is_some_and(|d| !d.is_empty()));
            }
        }
    }
    // Refused writes name the form's fields in the schema of the problem.
    assert!(doc["components"]["schemas"]["Problem"]["properties"]["errors"].is_object());
}

#[tokio::test]
async fn swagger_ui_is_for_administrators() {
    let app = app().await;
    let anonymous = app.agent();
    let browser = anonymous
        .request(
            Method::GET,
            "/api/v1/docs",
            &[("accept", "text/html")],
            Vec::new(),
        )
        .await;
    assert_eq!(browser.status, 303);
    assert!(browser.location().unwrap().starts_with("/login"));
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "doc-ihk").await;
    problem(&ihk.get("/api/v1/docs").await, 403, "forbidden");
    let (admin, _) = agent_for(&app, Role::Admin, "doc-admin2").await;
    let page = admin.get("/api/v1/docs").await;
    assert_eq!(page.status, 200);
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'sha256-") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    // The pages keep their own policy.
    let home = admin.get("/").await;
    assert!(
        home.header("content-security-policy")
            .unwrap()
            .contains("script-src 'self'")
    );
}

#[tokio::test]
async fn each_token_has_its_own_rate_limit() {
    let mut settings = TestApp::settings();
    settings.api.rate_limit_per_minute = 3;
    let app = TestApp::with_settings(&crate::all_features(), settings).await;
    let (_, user) = agent_for(&app, Role::Admin, "rate").await;
    let (_, first) = api_token(&app, user.id, true).await;
    let (_, second) = api_token(&app, user.id, true).await;
    let client = app.agent();
    for _ in 0..3 {
        assert_eq!(
            get(&client, "/api/v1/reference-lists", &first).await.status,
            200
        );
    }
    problem(
        &get(&client, "/api/v1/reference-lists", &first).await,
        429,
        "rate-limited",
    );
    assert_eq!(
        get(&client, "/api/v1/reference-lists", &second)
            .await
            .status,
        200
    );
}

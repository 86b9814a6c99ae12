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

/// Where in `v` a field is `null` (`path`s); values inside arrays may be (a statistics row's
/// "not computable"), fields may not.
fn null_fields(v: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                if x.is_null() {
                    out.push(format!("{path}.{k}"));
                }
                null_fields(x, &format!("{path}.{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                null_fields(x, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// The document declares optional fields without `nullable` (OpenAPI 3.0), so an answer leaves
/// an empty optional field out instead of sending `null` — records with many empty dates,
/// entries without a company, months without figures.
#[tokio::test]
async fn answers_leave_empty_optional_fields_out_as_the_document_declares() {
    let app = app().await;
    let (agent, user) = agent_for(&app, Role::Admin, "doc-null").await;
    let (_, token) = api_token(&app, user.id, true).await;
    let applicant = hih_matching::testing::applicant_in(&app, "VN", "Leer Nguyễn").await;
    hih_contact_history::testing::entry_with(&app, None, Some(applicant), "Ohne Firma").await;
    hih_companies::testing::company_in(&app, "IHK Erfurt", "Leer GmbH").await;
    let mut found = Vec::new();
    for path in [
        format!("/api/v1/applicants/{applicant}"),
        "/api/v1/applicants".to_string(),
        "/api/v1/contacts".to_string(),
        "/api/v1/companies".to_string(),
        "/api/v1/monthly-counts?status=fehlt".to_string(),
        "/api/v1/matches".to_string(),
        "/api/v1/statistics".to_string(),
    ] {
        let p = get(&agent, &path, &token).await;
        assert_eq!(p.status, 200, "{path}: {}", p.body);
        null_fields(&json(&p), &path, &mut found);
    }
    assert!(found.is_empty(), "null fields: {found:?}");
}

//! Input that does not parse answers 4xx problem details, never a 500; refused input answers
//! 422 with the form's German messages per field; accepted input is saved like the form saves.

use hih_companies::testing::{company_in, company_pairs};
use hih_kernel::Role;
use hih_users::testing::{agent_for, api_token};
use poem::http::Method;

use super::{call, json, problem};
use crate::app;

/// A complete company as the API takes it (the form's test values).
fn company_json(name: &str) -> serde_json::Value {
    let mut v = serde_json::Map::new();
    for (k, val) in company_pairs(name, "99084", "Erfurt") {
        let value = match k.as_str() {
            "employees" => serde_json::json!(val.parse::<i32>().unwrap()),
            _ => serde_json::json!(val),
        };
        v.insert(k, value);
    }
    serde_json::Value::Object(v)
}

#[tokio::test]
async fn input_that_does_not_parse_answers_problem_details() {
    let app = app().await;
    let (_, user) = agent_for(&app, Role::IhkStaff, "err-ihk").await;
    let (_, token) = api_token(&app, user.id, false).await;
    let client = app.agent();
    let post = |body: String| {
        let (client, token) = (&client, &token);
        async move {
            call(
                client,
                Method::POST,
                "/api/v1/companies",
                Some(token),
                Some(&body),
            )
            .await
        }
    };
    problem(&post("{\"name\": ".into()).await, 400, "malformed-json");
    problem(&post("nicht json".into()).await, 400, "malformed-json");
    let mut unknown = company_json("Unbekannt GmbH");
    unknown["geheim"] = serde_json::json!(true);
    problem(&post(unknown.to_string()).await, 422, "invalid-body");
    let mut wrong = company_json("Falsch GmbH");
    wrong["employees"] = serde_json::json!("viele");
    problem(&post(wrong.to_string()).await, 422, "invalid-body");
    problem(&post("[1, 2]".into()).await, 422, "invalid-body");
    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(300 * 1024));
    problem(&post(huge).await, 413, "payload-too-large");
    let xml = client
        .request(
            Method::POST,
            "/api/v1/companies",
            &[
                ("authorization", &format!("Bearer {token}")),
                ("content-type", "application/xml"),
            ],
            b"<company/>".to_vec(),
        )
        .await;
    problem(&xml, 415, "unsupported-media-type");
    let none = client
        .request(
            Method::POST,
            "/api/v1/companies",
            &[("authorization", &format!("Bearer {token}"))],
            Vec::new(),
        )
        .await;
    assert!(none.status.is_client_error(), "{}", none.status);
    assert_eq!(
        none.header("content-type"),
        Some("application/problem+json")
    );
    let nul = call(
        &client,
        Method::GET,
        "/api/v1/companies?q=a%00b",
        Some(&token),
        None,
    )
    .await;
    problem(&nul, 400, "invalid-parameter");
    let mut nul_text = company_json("Nul GmbH");
    nul_text["remarks"] = serde_json::json!("a\u{0}b");
    problem(&post(nul_text.to_string()).await, 422, "validation");
    let missing = call(
        &client,
        Method::GET,
        "/api/v1/gibt-es-nicht",
        Some(&token),
        None,
    )
    .await;
    problem(&missing, 404, "not-found");
    let method = call(
        &client,
        Method::DELETE,
        "/api/v1/reference-lists",
        Some(&token),
        None,
    )
    .await;
    assert!(method.status.is_client_error(), "{}", method.status);
    assert_eq!(
        method.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(app.count("company").await.unwrap(), 0, "nothing saved");
}

#[tokio::test]
async fn refused_input_carries_the_forms_german_messages() {
    let app = app().await;
    let (agent, user) = agent_for(&app, Role::IhkStaff, "err-form").await;
    let (_, token) = api_token(&app, user.id, false).await;
    let mut empty_name = company_json("");
    empty_name["email"] = serde_json::json!("keine-adresse");
    let p = call(
        &agent,
        Method::POST,
        "/api/v1/companies",
        Some(&token),
        Some(&empty_name.to_string()),
    )
    .await;
    let v = problem(&p, 422, "validation");
    let errors = v["errors"].as_array().expect("messages per field");
    let fields: Vec<&str> = errors
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"name") && fields.contains(&"email"), "{v}");

    // The same submission in the form shows the same German messages.
    let pairs: Vec<(String, String)> = empty_name
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                v.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string()),
            )
        })
        .collect();
    agent.get("/unternehmen/neu").await;
    let mut fields: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    fields.push(("action", "review"));
    let refused = agent.post("/unternehmen/neu", &fields).await;
    let form = agent.follow(refused).await;
    assert_eq!(form.status, 422);
    for e in errors {
        let message = e["message"].as_str().unwrap();
        assert!(form.contains(message), "the form shows {message:?}");
    }
    assert_eq!(app.count("company").await.unwrap(), 0);
}

#[tokio::test]
async fn companies_are_created_and_changed_through_the_forms_service() {
    let app = app().await;
    let (_, user) = agent_for(&app, Role::IhkStaff, "err-save").await;
    let (_, token) = api_token(&app, user.id, false).await;
    let client = app.agent();
    let audit_before = app.count("audit_log").await.unwrap();
    let body = company_json("Neue Lotus GmbH").to_string();
    let p = call(
        &client,
        Method::POST,
        "/api/v1/companies",
        Some(&token),
        Some(&body),
    )
    .await;
    assert_eq!(p.status, 201, "{}", p.body);
    let created = json(&p);
    let id = created["id"].as_i64().unwrap();
    assert_eq!(
        p.header("location"),
        Some(format!("/api/v1/companies/{id}").as_str())
    );
    assert!(
        app.count("audit_log").await.unwrap() > audit_before,
        "audited"
    );
    let mut changed = company_json("Neue Lotus GmbH");
    changed["employees"] = serde_json::json!(7);
    let path = format!("/api/v1/companies/{id}");
    let p = call(
        &client,
        Method::PUT,
        &path,
        Some(&token),
        Some(&changed.to_string()),
    )
    .await;
    assert_eq!(p.status, 200, "{}", p.body);
    assert_eq!(json(&p)["employees"], 7);

    // Another district's company: 404, as on the edit page.
    let foreign = company_in(&app, "IHK Düsseldorf", "Fremde AG").await;
    let p = call(
        &client,
        Method::PUT,
        &format!("/api/v1/companies/{foreign}"),
        Some(&token),
        Some(&changed.to_string()),
    )
    .await;
    problem(&p, 404, "not-found");
}

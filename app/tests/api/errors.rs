//! Input that does not parse answers 4xx problem details, never a 500; refused input answers
//! 422 with the form's German messages per field; accepted input is saved like the form saves.

use hih_companies::testing::{company_in, company_pairs};
use hih_kernel::Role;
use hih_users::testing::{agent_for, api_token};
use poem::http::Method;

use super::{call, json, json_schema, problem, schema_properties};
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

/// Every writing operation of the served document, with its path filled in by records in the
/// IHK Erfurt's district, refuses input that does not parse with problem details — never a
/// 500, nothing saved: a body that is not JSON (400), JSON that is not an object, has an
/// unknown field or a field of the wrong type (422), another media type (415), a body over the
/// limit (413). Derived from the document, so a new operation is checked without a change here.
#[tokio::test]
async fn every_write_operation_refuses_bodies_that_do_not_parse() {
    let app = app().await;
    let (admin, user) = agent_for(&app, Role::Admin, "err-all").await;
    let (_, token) = api_token(&app, user.id, false).await;
    let doc = json(&admin.get("/api/v1/openapi.json").await);
    let own = company_in(&app, "IHK Erfurt", "Fehler Erfurt GmbH").await;
    let person = hih_matching::testing::applicant_in(&app, "VN", "Fehler Nguyễn").await;
    let placement = hih_matching::testing::match_of(&app, own, person).await;
    let erfurt = hih_companies::testing::district_id(&app, "IHK Erfurt").await;
    let tables = [
        "company",
        "applicant",
        "placement",
        "contact_entry",
        "monthly_count",
    ];
    let mut before = Vec::new();
    for t in tables {
        before.push(app.count(t).await.unwrap());
    }
    let (mut checked, mut with_body) = (0, 0);
    for (template, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if method == "get" {
                continue;
            }
            let id = if template.starts_with("/matches/") {
                placement
            } else if template.starts_with("/applicants/") {
                person
            } else {
                own
            };
            let path = format!(
                "/api/v1{}",
                template
                    .replace("{id}", &id.to_string())
                    .replace("{district}", &erfurt.to_string())
                    .replace("{period}", "2026-09")
            );
            assert!(!path.contains('{'), "a placeholder to fill in: {path}");
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let who = format!("{method} {path}");
            let send = |body: String| {
                let (client, token, method, path) = (&admin, &token, method.clone(), &path);
                async move { call(client, method, path, Some(token), Some(&body)).await }
            };
            let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(300 * 1024));
            let v = problem(&send(huge).await, 413, "payload-too-large");
            assert!(
                v["detail"].as_str().unwrap().contains("262144"),
                "{who}: {v}"
            );
            checked += 1;
            let Some(schema) = json_schema(&op["requestBody"]["content"]) else {
                continue;
            };
            let props = schema_properties(&doc, schema);
            assert!(!props.is_empty(), "{who}: the body's fields");
            with_body += 1;
            problem(&send("{\"name\": ".into()).await, 400, "malformed-json");
            problem(&send("kein json".into()).await, 400, "malformed-json");
            problem(&send("[1, 2]".into()).await, 422, "invalid-body");
            problem(&send("\"text\"".into()).await, 422, "invalid-body");
            problem(
                &send("{\"gibt_es_nicht\": 1}".into()).await,
                422,
                "invalid-body",
            );
            for field in &props {
                let wrong = serde_json::json!({ field.as_str(): { "falsch": true } });
                let p = send(wrong.to_string()).await;
                let v = problem(&p, 422, "invalid-body");
                assert!(v["errors"].is_null(), "{who} {field}: {v}");
            }
            let xml = admin
                .request(
                    method.clone(),
                    &path,
                    &[
                        ("authorization", &format!("Bearer {token}")),
                        ("content-type", "application/xml"),
                    ],
                    b"<x/>".to_vec(),
                )
                .await;
            problem(&xml, 415, "unsupported-media-type");
        }
    }
    assert!(
        checked >= 10,
        "the document's writing operations: {checked}"
    );
    assert!(with_body >= 9, "operations with a JSON body: {with_body}");
    for (t, n) in tables.into_iter().zip(before) {
        assert_eq!(app.count(t).await.unwrap(), n, "nothing saved in {t}");
    }
}

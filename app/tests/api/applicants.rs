//! Creating and changing applicants in the API: the form's checks (the AHK's country, the
//! fields, the duplicate warning), the applicant ID from the same generator, the unit of work;
//! outside the scope 404, roles without the form 403.

use hih_kernel::Role;
use hih_users::testing::{agent_for, api_token};
use poem::http::Method;

use super::{call, json, problem};
use crate::app;

#[tokio::test]
async fn applicants_are_created_and_changed_through_the_forms_checks() {
    let app = app().await;
    let (_, ahk) = agent_for(&app, Role::AhkStaff, "app-write").await;
    let (_, token) = api_token(&app, ahk.id, false).await;
    let send = |method: Method, path: String, body: String| {
        let app = &app;
        let token = token.clone();
        async move { call(&app.agent(), method, &path, Some(&token), Some(&body)).await }
    };
    let person = |country: &str, extra: &str| {
        format!(
            r#"{{"last_name":"Trần","first_names":"Minh","birth_date":"1994-05-06","country":"{country}","status":"interessent"{extra}}}"#
        )
    };

    let refused = problem(
        &send(
            Method::POST,
            "/api/v1/applicants".into(),
            r#"{"first_names":"Minh"}"#.into(),
        )
        .await,
        422,
        "validation",
    );
    assert!(
        refused["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "last_name"),
        "{refused}"
    );
    let other_country = problem(
        &send(Method::POST, "/api/v1/applicants".into(), person("IN", "")).await,
        422,
        "validation",
    );
    assert!(
        other_country["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "country"),
        "AHK staff register in their own country only: {other_country}"
    );
    let p = send(Method::POST, "/api/v1/applicants".into(), person("VN", "")).await;
    assert_eq!(p.status, 201, "{}", p.body);
    let v = json(&p);
    let id = v["id"].as_i64().unwrap();
    assert!(
        v["applicant_id"].as_str().unwrap().starts_with("HIH-VN-"),
        "{v}"
    );
    assert_eq!(
        p.header("location"),
        Some(format!("/api/v1/applicants/{id}").as_str())
    );
    let created = app.audit_entries("applicant", "create").await;
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].actor, format!("user:{}", ahk.id));

    // The same person again: the form's duplicate warning, unless confirmed.
    let twice = problem(
        &send(Method::POST, "/api/v1/applicants".into(), person("VN", "")).await,
        422,
        "validation",
    );
    assert_eq!(twice["errors"][0]["field"], "confirm_duplicate");
    let confirmed = send(
        Method::POST,
        "/api/v1/applicants".into(),
        person("VN", r#","confirm_duplicate":true"#),
    )
    .await;
    assert_eq!(confirmed.status, 201, "{}", confirmed.body);

    // A change: the form's fields; the country stays once the ID exists.
    let p = send(
        Method::PUT,
        format!("/api/v1/applicants/{id}"),
        person("VN", r#","german_level":"B1","remarks":"Kurs begonnen""#),
    )
    .await;
    assert_eq!(p.status, 200, "{}", p.body);
    assert_eq!(json(&p)["german_level"], "B1");
    assert_eq!(json(&p)["remarks"], "Kurs begonnen");

    // Another country's person: 404; IHK staff may not write applicants: 403.
    let india = hih_applicants::testing::prospect_in(&app, "IN", "Sharma", false).await;
    problem(
        &send(
            Method::PUT,
            format!("/api/v1/applicants/{india}"),
            person("IN", ""),
        )
        .await,
        404,
        "not-found",
    );
    let (_, ihk) = agent_for(&app, Role::IhkStaff, "app-write-ihk").await;
    let (_, ihk_token) = api_token(&app, ihk.id, false).await;
    problem(
        &call(
            &app.agent(),
            Method::POST,
            "/api/v1/applicants",
            Some(&ihk_token),
            Some(&person("VN", "")),
        )
        .await,
        403,
        "forbidden",
    );
}

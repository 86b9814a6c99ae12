//! Companies' deactivation and the monthly counts in the API: the same service, unit of work,
//! checks and scope as the pages; the monthly list counts what the page counts.

use hih_companies::testing::{company_in, district_id, month_with};
use hih_kernel::Role;
use hih_testkit::Page;
use hih_users::testing::{agent_for, api_token};
use poem::http::Method;

use super::{call, get, json, problem};
use crate::app;

/// A writing request with a token.
async fn send(
    app: &hih_testkit::TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: &str,
) -> Page {
    call(&app.agent(), method, path, Some(token), Some(body)).await
}

#[tokio::test]
async fn deactivating_a_company_goes_through_the_service_and_the_scope() {
    let app = app().await;
    let own = company_in(&app, "IHK Erfurt", "Ruhig Erfurt GmbH").await;
    let foreign = company_in(&app, "IHK Düsseldorf", "Ruhig Rhein AG").await;
    let (_, ihk) = agent_for(&app, Role::IhkStaff, "deact-ihk").await;
    let (_, token) = api_token(&app, ihk.id, false).await;
    let (_, read_only) = api_token(&app, ihk.id, true).await;
    let path = |id: i64| format!("/api/v1/companies/{id}/deactivate");

    problem(
        &send(&app, Method::POST, &path(own), &read_only, "").await,
        403,
        "read-only-token",
    );
    let p = send(&app, Method::POST, &path(own), &token, "").await;
    assert_eq!(p.status, 200, "{}", p.body);
    let v = json(&p);
    assert_eq!(v["active"], false);
    assert!(v["deactivated_at"].is_string());
    let audit = app.audit_entries("company", "update").await;
    assert!(
        audit.iter().any(|e| e.entity_id == own.to_string()
            && e.actor == format!("user:{}", ihk.id)
            && e.changes.contains("deactivated_at")),
        "audited as the page's deactivation: {audit:?}"
    );
    // From now on only admins see it: IHK staff 404, an admin a conflict (already inactive).
    problem(
        &send(&app, Method::POST, &path(own), &token, "").await,
        404,
        "not-found",
    );
    let (_, admin) = agent_for(&app, Role::Admin, "deact-admin").await;
    let (_, admin_token) = api_token(&app, admin.id, false).await;
    let again = problem(
        &send(&app, Method::POST, &path(own), &admin_token, "").await,
        409,
        "conflict",
    );
    assert_eq!(again["detail"], "Das Unternehmen ist bereits deaktiviert.");
    // Another district: 404 and a `denied` entry; AHK staff: 403.
    problem(
        &send(&app, Method::POST, &path(foreign), &token, "").await,
        404,
        "not-found",
    );
    let denied = app.access_entries("company", "denied").await;
    assert!(
        denied
            .iter()
            .any(|e| e.entity_id.as_deref() == Some(foreign.to_string().as_str())),
        "{denied:?}"
    );
    let (_, ahk) = agent_for(&app, Role::AhkStaff, "deact-ahk").await;
    let (_, ahk_token) = api_token(&app, ahk.id, false).await;
    problem(
        &send(&app, Method::POST, &path(foreign), &ahk_token, "").await,
        403,
        "forbidden",
    );
    let still = get(
        &app.agent(),
        &format!("/api/v1/companies/{foreign}"),
        &admin_token,
    )
    .await;
    assert_eq!(json(&still)["active"], true);
}

/// The number of months a monthly-count list page shows (one link per row).
fn page_rows(p: &Page) -> usize {
    p.body
        .replace("&#x2f;", "/")
        .split("href=\"/monatszahlen/")
        .skip(1)
        .filter(|part| part.starts_with(|c: char| c.is_ascii_digit()))
        .count()
}

#[tokio::test]
async fn the_monthly_list_counts_what_the_page_counts_in_every_role() {
    let app = app().await;
    let erfurt = district_id(&app, "IHK Erfurt").await;
    let duesseldorf = district_id(&app, "IHK Düsseldorf").await;
    company_in(&app, "IHK Erfurt", "Monat Erfurt GmbH").await;
    month_with(&app, erfurt, "telefon").await;
    month_with(&app, duesseldorf, "telefon").await;
    let filters = [
        "".to_string(),
        "status=offen".to_string(),
        "status=fehlt".to_string(),
        "year=2026&sort=district&dir=asc".to_string(),
        format!("district={erfurt}"),
    ];
    for role in [Role::Admin, Role::IhkStaff, Role::AhkStaff] {
        let name = format!("mon-{}", role.code().replace('_', "-"));
        let (agent, user) = agent_for(&app, role, &name).await;
        let (_, token) = api_token(&app, user.id, true).await;
        for filter in &filters {
            let page = agent.get(&format!("/monatszahlen?{filter}&per=0")).await;
            let api = get(
                &agent,
                &format!("/api/v1/monthly-counts?{filter}&per_page=100"),
                &token,
            )
            .await;
            if role == Role::AhkStaff {
                assert_eq!(page.status, 403);
                problem(&api, 403, "forbidden");
                continue;
            }
            assert_eq!(page.status, 200, "{role:?} {filter}");
            assert_eq!(api.status, 200, "{role:?} {filter}: {}", api.body);
            let v = json(&api);
            assert_eq!(
                v["total"].as_u64().unwrap() as usize,
                page_rows(&page),
                "{role:?} {filter}"
            );
            let items = v["items"].as_array().unwrap();
            assert_eq!(items.len(), page_rows(&page), "{role:?} {filter}");
            if role == Role::IhkStaff {
                assert!(items.iter().all(|i| i["district_id"] == erfurt), "{v}");
            }
        }
    }
    // The month itself: the figures; another district 404 and logged.
    let (_, ihk) = agent_for(&app, Role::IhkStaff, "mon-detail").await;
    let (_, token) = api_token(&app, ihk.id, true).await;
    let p = get(
        &app.agent(),
        &format!("/api/v1/monthly-counts/{erfurt}/2026-10"),
        &token,
    )
    .await;
    assert_eq!(p.status, 200, "{}", p.body);
    let v = json(&p);
    assert_eq!(v["status"], "offen");
    assert_eq!(v["addressed"], 4);
    assert_eq!(v["kmu"], 2);
    assert_eq!(v["lines"][0]["outreach"], "telefon");
    problem(
        &get(
            &app.agent(),
            &format!("/api/v1/monthly-counts/{duesseldorf}/2026-10"),
            &token,
        )
        .await,
        404,
        "not-found",
    );
    let denied = app.access_entries("monthly_count", "denied").await;
    assert!(
        denied
            .iter()
            .any(|e| e.entity_id.as_deref() == Some(format!("{duesseldorf}/2026-10").as_str())),
        "{denied:?}"
    );
    problem(
        &get(
            &app.agent(),
            &format!("/api/v1/monthly-counts/{erfurt}/2099-01"),
            &token,
        )
        .await,
        404,
        "not-found",
    );
}

#[tokio::test]
async fn entering_a_month_uses_the_forms_checks_and_respects_closing() {
    let app = app().await;
    let erfurt = district_id(&app, "IHK Erfurt").await;
    let (_, ihk) = agent_for(&app, Role::IhkStaff, "mon-put").await;
    let (_, token) = api_token(&app, ihk.id, false).await;
    let path = format!("/api/v1/monthly-counts/{erfurt}/2026-09");

    let refused = problem(
        &send(
            &app,
            Method::PUT,
            &path,
            &token,
            r#"{"lines":[{"outreach":"telefon","addressed":3,"kmu":5},{"outreach":"gibt-es-nicht","addressed":1,"kmu":0}]}"#,
        )
        .await,
        422,
        "validation",
    );
    assert_eq!(refused["errors"][0]["field"], "addressed_gibt-es-nicht");
    assert_eq!(
        refused["errors"][0]["message"],
        "Dieses Ansprache-Format gibt es nicht."
    );
    let refused = problem(
        &send(
            &app,
            Method::PUT,
            &path,
            &token,
            r#"{"lines":[{"outreach":"telefon","addressed":3,"kmu":5}]}"#,
        )
        .await,
        422,
        "validation",
    );
    assert_eq!(refused["errors"][0]["field"], "kmu_telefon");
    assert_eq!(
        refused["errors"][0]["message"],
        "Es können nicht mehr KMU angesprochen worden sein als Unternehmen insgesamt."
    );
    assert!(
        app.audit_entries("monthly_count", "create")
            .await
            .is_empty()
    );

    let p = send(
        &app,
        Method::PUT,
        &path,
        &token,
        r#"{"lines":[{"outreach":"telefon","addressed":7,"kmu":5}]}"#,
    )
    .await;
    assert_eq!(p.status, 200, "{}", p.body);
    let v = json(&p);
    assert_eq!(
        (v["status"].as_str(), v["addressed"].as_i64()),
        (Some("offen"), Some(7))
    );
    let created = app.audit_entries("monthly_count", "create").await;
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].actor, format!("user:{}", ihk.id));

    // Closed by an admin (the page's action), the month refuses IHK staff, not admins.
    let (admin_agent, admin) = agent_for(&app, Role::Admin, "mon-close").await;
    let close = admin_agent
        .submit(
            &format!("/monatszahlen/{erfurt}/2026-09/aktion/abschliessen"),
            &[],
        )
        .await;
    assert_eq!(close.status, 303, "{}", close.body);
    let closed = problem(
        &send(&app, Method::PUT, &path, &token, r#"{"lines":[]}"#).await,
        409,
        "conflict",
    );
    assert_eq!(
        closed["detail"],
        "Dieser Monat ist abgeschlossen und kann nicht mehr geändert werden."
    );
    let (_, admin_token) = api_token(&app, admin.id, false).await;
    let p = send(
        &app,
        Method::PUT,
        &path,
        &admin_token,
        r#"{"lines":[{"outreach":"telefon","addressed":8,"kmu":5}]}"#,
    )
    .await;
    assert_eq!(p.status, 200, "{}", p.body);
    assert_eq!(json(&p)["status"], "abgeschlossen");
    assert_eq!(json(&p)["addressed"], 8);
    problem(
        &send(
            &app,
            Method::PUT,
            &path,
            &token,
            r#"{"lines":[], "extra": 1}"#,
        )
        .await,
        422,
        "invalid-body",
    );
}

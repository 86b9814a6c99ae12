//! Matches in the API against the `/vermittlungen` page, per role: the same matches in the
//! same order; outside the scope 404 and logged; AHK staff see the company's name only; a new
//! match and a status change go through the form's checks and open the applicant to the
//! company's district as the form does.

use hih_kernel::Role;
use hih_matching::testing::{applicant_in, company_in, match_of};
use hih_testkit::Page;
use hih_users::testing::{agent_for, api_token};
use poem::http::Method;

use super::{call, get, json, problem};
use crate::app;

/// The applicant of each row of a match list page, in order (repeats kept).
fn page_applicants(p: &Page) -> Vec<i64> {
    p.body
        .replace("&#x2f;", "/")
        .split("href=\"/bewerber/")
        .skip(1)
        .filter_map(|part| {
            let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
            part[digits.len()..]
                .starts_with('"')
                .then(|| digits.parse().ok())
                .flatten()
        })
        .collect()
}

#[tokio::test]
async fn the_api_lists_exactly_the_matches_the_page_lists_in_every_role() {
    let app = app().await;
    let own = company_in(&app, "IHK Erfurt", "Passt Erfurt GmbH").await;
    let foreign = company_in(&app, "IHK Düsseldorf", "Passt Rhein AG").await;
    let vn = applicant_in(&app, "VN", "Vermittelt Nguyễn").await;
    let india = applicant_in(&app, "IN", "Vermittelt Sharma").await;
    let own_vn = match_of(&app, own, vn).await;
    let foreign_vn = match_of(&app, foreign, vn).await;
    let foreign_in = match_of(&app, foreign, india).await;
    for role in [Role::Admin, Role::IhkStaff, Role::AhkStaff] {
        let name = format!("mat-{}", role.code().replace('_', "-"));
        let (agent, user) = agent_for(&app, role, &name).await;
        let (_, token) = api_token(&app, user.id, true).await;
        for filter in [
            "",
            "q=passt",
            "status=vermittelt&sort=company&dir=asc",
            "sort=name",
        ] {
            let page = agent.get(&format!("/vermittlungen?{filter}&per=0")).await;
            assert_eq!(page.status, 200, "{role:?} {filter}");
            let api = get(
                &agent,
                &format!("/api/v1/matches?{filter}&per_page=100"),
                &token,
            )
            .await;
            assert_eq!(api.status, 200, "{role:?} {filter}: {}", api.body);
            let v = json(&api);
            let applicants: Vec<i64> = v["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["applicant_id"].as_i64().unwrap())
                .collect();
            assert_eq!(applicants, page_applicants(&page), "{role:?} {filter}");
            assert_eq!(v["total"].as_u64().unwrap() as usize, applicants.len());
            if role == Role::AhkStaff {
                assert!(
                    v["items"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .all(|i| i.get("company_id").is_none()),
                    "AHK staff see the company's name only: {v}"
                );
            }
        }
        let (inside, outside) = match role {
            Role::Admin => (vec![own_vn, foreign_vn, foreign_in], None),
            Role::IhkStaff => (vec![own_vn], Some(foreign_vn)),
            _ => (vec![own_vn, foreign_vn], Some(foreign_in)),
        };
        let all: Vec<i64> =
            json(&get(&agent, "/api/v1/matches?per_page=100", &token).await)["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].as_i64().unwrap())
                .collect();
        let (mut got, mut want) = (all.clone(), inside.clone());
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{role:?}: exactly the scope");
        if let Some(outside) = outside {
            problem(
                &get(&agent, &format!("/api/v1/matches/{outside}"), &token).await,
                404,
                "not-found",
            );
            let denied = app.access_entries("placement", "denied").await;
            assert!(
                denied.iter().any(|e| e.actor == format!("user:{}", user.id)
                    && e.entity_id.as_deref() == Some(outside.to_string().as_str())),
                "{role:?}: {denied:?}"
            );
        }
        let one = get(&agent, &format!("/api/v1/matches/{own_vn}"), &token).await;
        assert_eq!(one.status, 200, "{}", one.body);
        let one = json(&one);
        assert_eq!(one["company_name"], "Passt Erfurt GmbH");
        assert_eq!(one["applicant_id"], vn);
        assert_eq!(
            one.get("company_id").is_some(),
            role != Role::AhkStaff,
            "{one}"
        );
    }
}

#[tokio::test]
async fn a_new_match_and_a_status_change_go_through_the_form() {
    let app = app().await;
    let own = company_in(&app, "IHK Erfurt", "Neu Passt GmbH").await;
    let foreign = company_in(&app, "IHK Düsseldorf", "Fremd Passt AG").await;
    let vn = applicant_in(&app, "VN", "Neu Nguyễn").await;
    let code = app
        .record::<hih_applicants::entities::applicant::Entity>(vn)
        .await
        .applicant_id
        .unwrap();
    let (_, ihk) = agent_for(&app, Role::IhkStaff, "mat-new").await;
    let (_, token) = api_token(&app, ihk.id, false).await;
    let post = |body: String| {
        let app = &app;
        let token = token.clone();
        async move {
            call(
                &app.agent(),
                Method::POST,
                "/api/v1/matches",
                Some(&token),
                Some(&body),
            )
            .await
        }
    };
    // Not yet visible to the IHK: reading the applicant answers 404.
    problem(
        &get(&app.agent(), &format!("/api/v1/applicants/{vn}"), &token).await,
        404,
        "not-found",
    );
    let refused = problem(
        &post(format!(r#"{{"company_id":{own},"applicant_code":"HIH-XX-9999","placed_on":"gestern","status":"?"}}"#)).await,
        422,
        "validation",
    );
    let fields: Vec<&str> = refused["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        ["applicant_code", "placed_on", "status"]
            .iter()
            .all(|f| fields.contains(f)),
        "{refused}"
    );
    problem(
        &post(format!(r#"{{"company_id":{foreign},"applicant_code":"{code}","placed_on":"2026-10-01","status":"vermittelt"}}"#)).await,
        404,
        "not-found",
    );
    let p = post(format!(
        r#"{{"company_id":{own},"applicant_code":"{}","placed_on":"2026-10-01","status":"vermittelt"}}"#,
        code.to_lowercase()
    ))
    .await;
    assert_eq!(p.status, 201, "{}", p.body);
    let v = json(&p);
    let id = v["id"].as_i64().unwrap();
    assert_eq!(
        v["position"], "koch",
        "empty position: the target occupation"
    );
    assert_eq!(app.audit_entries("placement", "create").await.len(), 1);
    // The match opened the applicant to the district, as the form's match does.
    let now = get(&app.agent(), &format!("/api/v1/applicants/{vn}"), &token).await;
    assert_eq!(now.status, 200, "{}", now.body);
    // The same pair again: the form's duplicate message.
    let again = problem(
        &post(format!(r#"{{"company_id":{own},"applicant_code":"{code}","placed_on":"2026-10-01","status":"vermittelt"}}"#)).await,
        422,
        "validation",
    );
    assert_eq!(again["errors"][0]["key"], "matching-error-duplicate");

    // The status changes, nothing else moves.
    let change = |body: &'static str| {
        let app = &app;
        let token = token.clone();
        async move {
            call(
                &app.agent(),
                Method::PUT,
                &format!("/api/v1/matches/{id}"),
                Some(&token),
                Some(body),
            )
            .await
        }
    };
    problem(
        &change(r#"{"placed_on":"2026-10-01","status":"verlobt"}"#).await,
        422,
        "validation",
    );
    let p = change(r#"{"placed_on":"2026-10-01","status":"vertrag"}"#).await;
    assert_eq!(p.status, 200, "{}", p.body);
    assert_eq!(json(&p)["status"], "vertrag");
    assert_eq!(json(&p)["applicant_id"], vn);
    let updates = app.audit_entries("placement", "update").await;
    assert!(
        updates.iter().any(|e| e.changes.contains("vertrag")),
        "{updates:?}"
    );

    // AHK staff read matches but may not enter them.
    let (_, ahk) = agent_for(&app, Role::AhkStaff, "mat-ahk").await;
    let (_, ahk_token) = api_token(&app, ahk.id, false).await;
    problem(
        &call(
            &app.agent(),
            Method::PUT,
            &format!("/api/v1/matches/{id}"),
            Some(&ahk_token),
            Some(r#"{"placed_on":"2026-10-01","status":"beendet"}"#),
        )
        .await,
        403,
        "forbidden",
    );
}

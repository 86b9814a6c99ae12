//! The contact history in the API against the `/kontakte` page, per role: the same entries in
//! the same order for the same filter; entries outside the scope answer 404 and are logged;
//! a new entry goes through the form's checks and the unit of work, on a record in scope.

use hih_applicants::testing::prospect_in;
use hih_companies::testing::company_in;
use hih_contact_history::testing::entry_with;
use hih_kernel::Role;
use hih_users::testing::{agent_for, api_token};
use poem::http::Method;

use super::{api_ids, call, get, json, linked_ids, problem};
use crate::app;

#[tokio::test]
async fn the_api_lists_exactly_the_entries_the_page_lists_in_every_role() {
    let app = app().await;
    let own = company_in(&app, "IHK Erfurt", "Kontakt Erfurt GmbH").await;
    let foreign = company_in(&app, "IHK Düsseldorf", "Kontakt Rhein AG").await;
    let vn = prospect_in(&app, "VN", "Kontakt Nguyễn", false).await;
    let india = prospect_in(&app, "IN", "Kontakt Sharma", false).await;
    let on_own = entry_with(&app, Some(own), None, "Lotus Anruf Erfurt").await;
    let on_foreign = entry_with(&app, Some(foreign), None, "Lotus Anruf Rhein").await;
    let on_vn = entry_with(&app, None, Some(vn), "Gespräch Hanoi").await;
    let on_india = entry_with(&app, None, Some(india), "Gespräch Delhi").await;
    let on_both = entry_with(&app, Some(own), Some(vn), "Lotus Vorstellung").await;
    let filters = [
        "".to_string(),
        "q=lotus".to_string(),
        "type=telefon&sort=entry&dir=asc".to_string(),
        format!("company={own}"),
        "from=2026-09-01&to=2026-10-31&sort=staff".to_string(),
        "applicant=Kontakt%20Nguy%E1%BB%85n".to_string(),
    ];
    for role in [Role::Admin, Role::IhkStaff, Role::AhkStaff] {
        let name = format!("kon-{}", role.code().replace('_', "-"));
        let (agent, user) = agent_for(&app, role, &name).await;
        let (_, token) = api_token(&app, user.id, true).await;
        for filter in &filters {
            let page = agent.get(&format!("/kontakte?{filter}&per=0")).await;
            assert_eq!(page.status, 200, "{role:?} {filter}");
            let api = get(
                &agent,
                &format!("/api/v1/contacts?{filter}&per_page=100"),
                &token,
            )
            .await;
            assert_eq!(api.status, 200, "{role:?} {filter}: {}", api.body);
            let v = json(&api);
            let expected = linked_ids(&page, "/kontakte/");
            assert_eq!(api_ids(&v), expected, "{role:?} {filter}");
            assert_eq!(v["total"].as_u64().unwrap() as usize, expected.len());
        }
        let all = api_ids(&json(
            &get(&agent, "/api/v1/contacts?per_page=100", &token).await,
        ));
        let mut want = match role {
            Role::Admin => vec![on_own, on_foreign, on_vn, on_india, on_both],
            Role::IhkStaff => vec![on_own, on_both],
            _ => vec![on_vn, on_both],
        };
        let mut got = all.clone();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{role:?}: exactly the scope");
        let outside = [on_own, on_foreign, on_vn, on_india]
            .into_iter()
            .find(|i| !want.contains(i));
        if let Some(outside) = outside {
            problem(
                &get(&agent, &format!("/api/v1/contacts/{outside}"), &token).await,
                404,
                "not-found",
            );
            let denied = app.access_entries("contact_entry", "denied").await;
            assert!(
                denied.iter().any(|e| e.actor == format!("user:{}", user.id)
                    && e.entity_id.as_deref() == Some(outside.to_string().as_str())),
                "{role:?}: {denied:?}"
            );
        }
        // The entry on both records names only what the role may see.
        let both = json(&get(&agent, &format!("/api/v1/contacts/{on_both}"), &token).await);
        assert_eq!(both["remarks"], "Lotus Vorstellung");
        match role {
            Role::IhkStaff => {
                assert_eq!(both["company_id"], own);
                assert!(both["applicant_id"].is_null(), "{both}");
            }
            Role::AhkStaff => {
                assert!(both["company_id"].is_null(), "{both}");
                assert_eq!(both["applicant_id"], vn);
            }
            _ => assert_eq!(
                (both["company_id"].as_i64(), both["applicant_id"].as_i64()),
                (Some(own), Some(vn))
            ),
        }
        let viewed = app.access_entries("contact_entry", "view").await;
        assert!(
            viewed
                .iter()
                .any(|e| e.actor == format!("user:{}", user.id))
        );
    }
}

#[tokio::test]
async fn a_new_entry_goes_through_the_forms_checks_on_a_record_in_scope() {
    let app = app().await;
    let own = company_in(&app, "IHK Erfurt", "Neu Erfurt GmbH").await;
    let foreign = company_in(&app, "IHK Düsseldorf", "Neu Rhein AG").await;
    let vn = prospect_in(&app, "VN", "Neu Nguyễn", false).await;
    let (_, ihk) = agent_for(&app, Role::IhkStaff, "kon-new").await;
    let (_, token) = api_token(&app, ihk.id, false).await;
    let post = |body: String| {
        let app = &app;
        let token = token.clone();
        async move {
            call(
                &app.agent(),
                Method::POST,
                "/api/v1/contacts",
                Some(&token),
                Some(&body),
            )
            .await
        }
    };
    let body = |record: &str| {
        format!(
            r#"{{{record}"contact_date":"2026-10-02","contact_type":"telefon","topic":"beratung","remarks":"Rückruf vereinbart"}}"#
        )
    };

    let refused = problem(
        &post(
            r#"{"company_id":1,"contact_date":"2099-01-01","contact_type":"x"}"#
                .replace("1", &own.to_string()),
        )
        .await,
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
        ["contact_date", "contact_type", "topic", "remarks"]
            .iter()
            .all(|f| fields.contains(f)),
        "{refused}"
    );
    assert!(
        refused["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["message"] == "Das Datum des Kontakts darf nicht in der Zukunft liegen.")
    );
    let neither = problem(&post(body("")).await, 422, "validation");
    assert_eq!(neither["errors"][0]["key"], "contacts-error-record");
    problem(
        &post(body(&format!(r#""company_id":{own},"applicant_id":{vn},"#))).await,
        422,
        "validation",
    );
    problem(
        &post(body(&format!(r#""company_id":{foreign},"#))).await,
        404,
        "not-found",
    );
    problem(
        &post(body(&format!(r#""applicant_id":{vn},"#))).await,
        404,
        "not-found",
    );
    assert!(
        app.audit_entries("contact_entry", "create")
            .await
            .is_empty()
    );

    let p = post(body(&format!(r#""company_id":{own},"#))).await;
    assert_eq!(p.status, 201, "{}", p.body);
    let v = json(&p);
    let id = v["id"].as_i64().unwrap();
    assert_eq!(
        p.header("location"),
        Some(format!("/api/v1/contacts/{id}").as_str())
    );
    assert_eq!(v["company_id"], own);
    assert_eq!(v["remarks"], "Rückruf vereinbart");
    let created = app.audit_entries("contact_entry", "create").await;
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].actor, format!("user:{}", ihk.id));
    // The page shows it like an entry written in the form.
    let (agent, _) = agent_for(&app, Role::Admin, "kon-check").await;
    let page = agent.get(&format!("/kontakte/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Rückruf vereinbart"));

    // AHK staff write on a person of their country.
    let (_, ahk) = agent_for(&app, Role::AhkStaff, "kon-ahk").await;
    let (_, ahk_token) = api_token(&app, ahk.id, false).await;
    let p = call(
        &app.agent(),
        Method::POST,
        "/api/v1/contacts",
        Some(&ahk_token),
        Some(&body(&format!(r#""applicant_id":{vn},"#))),
    )
    .await;
    assert_eq!(p.status, 201, "{}", p.body);
}

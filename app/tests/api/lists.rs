//! The companies' list and detail in the API against the pages, per role: the same records in
//! the same order for the same filter (the list's query), 403 where the page answers 403, and a
//! company outside the caller's scope answers 404 and is access-logged like the detail page.

use hih_companies::testing::{company_in, deactivated_company_in};
use hih_db::entities::access_log;
use hih_kernel::Role;
use hih_testkit::Page;
use hih_users::testing::{agent_for, api_token};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{api_ids, get, json, json_schema, linked_ids, problem, schema_properties};
use crate::app;

/// The company ids a list page links to, in its order.
fn page_ids(p: &Page) -> Vec<i64> {
    linked_ids(p, "/unternehmen/")
}

#[tokio::test]
async fn the_api_lists_exactly_what_the_page_lists_in_every_role() {
    let app = app().await;
    let own = company_in(&app, "IHK Erfurt", "Lotus Erfurt GmbH").await;
    let other = company_in(&app, "IHK Erfurt", "Anker Erfurt KG").await;
    let foreign = company_in(&app, "IHK Düsseldorf", "Lotus Rhein AG").await;
    let resting = deactivated_company_in(&app, "IHK Erfurt", "Lotus Ruhe GmbH").await;
    let filters = [
        "",
        "q=lotus",
        "q=LOTUS&sort=plz&dir=desc",
        "status=interessiert&sort=name&dir=desc",
        "size=kmu",
        "inactive=on",
    ];
    for role in [Role::Admin, Role::IhkStaff, Role::AhkStaff] {
        let name = format!("cmp-{}", role.code().replace('_', "-"));
        let (agent, user) = agent_for(&app, role, &name).await;
        let (_, token) = api_token(&app, user.id, true).await;
        for filter in filters {
            let page = agent.get(&format!("/unternehmen?{filter}&per=0")).await;
            let api_filter = filter.replace("inactive=on", "inactive=true");
            let api = get(
                &agent,
                &format!("/api/v1/companies?{api_filter}&per_page=100"),
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
            let expected = page_ids(&page);
            assert_eq!(
                api_ids(&v),
                expected,
                "{role:?} {filter}: same records, same order"
            );
            assert_eq!(
                v["total"].as_u64().unwrap() as usize,
                expected.len(),
                "{role:?} {filter}"
            );
        }
        if role == Role::AhkStaff {
            continue;
        }
        let all = json(
            &get(
                &agent,
                "/api/v1/companies?per_page=100&inactive=true",
                &token,
            )
            .await,
        );
        let ids = api_ids(&all);
        match role {
            Role::Admin => {
                assert!(
                    [own, other, foreign, resting]
                        .iter()
                        .all(|i| ids.contains(i))
                );
            }
            Role::IhkStaff => {
                assert!(ids.contains(&own) && ids.contains(&other));
                assert!(!ids.contains(&foreign) && !ids.contains(&resting));
            }
            _ => {}
        }
    }
}

#[tokio::test]
async fn paging_is_bounded_and_counts_stay_the_same() {
    let app = app().await;
    for n in 0..5 {
        company_in(&app, "IHK Erfurt", &format!("Seite {n} GmbH")).await;
    }
    let (agent, user) = agent_for(&app, Role::Admin, "cmp-paging").await;
    let (_, token) = api_token(&app, user.id, true).await;
    let first = json(&get(&agent, "/api/v1/companies?per_page=2", &token).await);
    assert_eq!(first["total"], 5);
    assert_eq!(first["pages"], 3);
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let last = json(&get(&agent, "/api/v1/companies?per_page=2&page=3", &token).await);
    assert_eq!(last["items"].as_array().unwrap().len(), 1);
    // A page far beyond the end is the last page, also where the page is read while it is
    // counted (free text) and its offset would overflow 64 bits.
    for filter in ["", "q=seite&"] {
        let far = get(
            &agent,
            &format!("/api/v1/companies?{filter}per_page=2&page=13072261276992016384"),
            &token,
        )
        .await;
        let far = json(&far);
        assert_eq!(far["page"], 3, "{filter}");
        assert_eq!(far["items"].as_array().unwrap().len(), 1, "{filter}");
    }
    let huge = json(&get(&agent, "/api/v1/companies?per_page=100000", &token).await);
    assert_eq!(huge["per_page"], 100, "at most api.max_page_size");
    let p = get(&agent, "/api/v1/companies?per_page=viele", &token).await;
    problem(&p, 400, "invalid-parameter");
}

#[tokio::test]
async fn a_foreign_company_answers_404_and_is_access_logged() {
    let app = app().await;
    let own = company_in(&app, "IHK Erfurt", "Eigene GmbH").await;
    let foreign = company_in(&app, "IHK Düsseldorf", "Fremde AG").await;
    let (_, ihk) = agent_for(&app, Role::IhkStaff, "cmp-ihk").await;
    let (_, token) = api_token(&app, ihk.id, true).await;
    let client = app.agent();
    let p = get(&client, &format!("/api/v1/companies/{own}"), &token).await;
    assert_eq!(p.status, 200, "{}", p.body);
    assert_eq!(json(&p)["name"], "Eigene GmbH");
    problem(
        &get(&client, &format!("/api/v1/companies/{foreign}"), &token).await,
        404,
        "not-found",
    );
    problem(
        &get(&client, "/api/v1/companies/999999", &token).await,
        404,
        "not-found",
    );
    problem(
        &get(&client, "/api/v1/companies/abc", &token).await,
        404,
        "not-found",
    );
    let actor = format!("user:{}", ihk.id);
    let log = access_log::Entity::find()
        .filter(access_log::Column::Actor.eq(actor))
        .filter(access_log::Column::Entity.eq("company"))
        .all(app.db())
        .await
        .unwrap();
    let own_id = own.to_string();
    let foreign_id = foreign.to_string();
    assert!(
        log.iter()
            .any(|e| e.action == "view" && e.entity_id.as_deref() == Some(own_id.as_str()))
    );
    assert!(
        log.iter().any(|e| e.action == "denied"
            && e.entity_id.as_deref() == Some(foreign_id.as_str())
            && e.path == format!("/api/v1/companies/{foreign}")),
        "{log:?}"
    );

    // The AHK staff's role has no companies at all: 403, logged like the page's guard.
    let (_, ahk) = agent_for(&app, Role::AhkStaff, "cmp-ahk").await;
    let (_, ahk_token) = api_token(&app, ahk.id, true).await;
    problem(
        &get(&client, &format!("/api/v1/companies/{own}"), &ahk_token).await,
        403,
        "forbidden",
    );
}

#[tokio::test]
async fn the_api_lists_exactly_the_applicants_the_page_lists_in_every_role() {
    let app = app().await;
    let company = company_in(&app, "IHK Erfurt", "Lotus Partner GmbH").await;
    let vn = hih_applicants::testing::prospect_in(&app, "VN", "Lotus Nguyễn", false).await;
    let matched = hih_applicants::testing::prospect_in(&app, "VN", "Lotus Trần", false).await;
    let india = hih_applicants::testing::prospect_in(&app, "IN", "Lotus Sharma", false).await;
    let resting = hih_applicants::testing::prospect_in(&app, "VN", "Lotus Lê", true).await;
    hih_matching::testing::match_of(&app, company, matched).await;
    let filters = [
        "",
        "q=lotus",
        "q=tran",
        "sort=id&dir=desc",
        "country=IN",
        "inactive=on",
    ];
    for role in [Role::Admin, Role::IhkStaff, Role::AhkStaff] {
        let name = format!("app-{}", role.code().replace('_', "-"));
        let (agent, user) = agent_for(&app, role, &name).await;
        let (_, token) = api_token(&app, user.id, true).await;
        for filter in filters {
            let page = agent.get(&format!("/bewerber?{filter}&per=0")).await;
            assert_eq!(page.status, 200, "{role:?} {filter}");
            let api_filter = filter.replace("inactive=on", "inactive=true");
            let api = get(
                &agent,
                &format!("/api/v1/applicants?{api_filter}&per_page=100"),
                &token,
            )
            .await;
            assert_eq!(api.status, 200, "{role:?} {filter}: {}", api.body);
            let v = json(&api);
            let expected = linked_ids(&page, "/bewerber/");
            assert_eq!(
                api_ids(&v),
                expected,
                "{role:?} {filter}: same records, same order"
            );
            assert_eq!(v["total"].as_u64().unwrap() as usize, expected.len());
        }
        let ids = api_ids(&json(
            &get(
                &agent,
                "/api/v1/applicants?per_page=100&inactive=true",
                &token,
            )
            .await,
        ));
        let expected: Vec<i64> = match role {
            Role::Admin => vec![vn, matched, india, resting],
            Role::IhkStaff => vec![matched],
            _ => vec![vn, matched],
        };
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        let mut want = expected.clone();
        want.sort_unstable();
        assert_eq!(sorted, want, "{role:?}: exactly the scope");
        // Outside the scope: 404 and a `denied` entry, as on the detail page.
        let outside = [vn, matched, india, resting]
            .into_iter()
            .find(|i| !expected.contains(i));
        if let Some(outside) = outside {
            let p = get(&agent, &format!("/api/v1/applicants/{outside}"), &token).await;
            problem(&p, 404, "not-found");
            let logged = access_log::Entity::find()
                .filter(access_log::Column::Actor.eq(format!("user:{}", user.id)))
                .filter(access_log::Column::Action.eq("denied"))
                .filter(access_log::Column::EntityId.eq(outside.to_string()))
                .all(app.db())
                .await
                .unwrap();
            assert_eq!(logged.len(), 1, "{role:?}");
        }
        let inside = get(&agent, &format!("/api/v1/applicants/{matched}"), &token).await;
        assert_eq!(inside.status, 200, "{role:?}: {}", inside.body);
        assert_eq!(json(&inside)["last_name"], "Lotus Trần");
    }
}

/// One REST list and its page: the API path, the page, filters (as both take them) and a
/// detail outside the IHK Erfurt's and the AHK Vietnam's scope.
struct ListCase {
    api: &'static str,
    page: &'static str,
    filters: Vec<String>,
    outside: String,
}

/// The paged list operations of the served document: GET operations without a path parameter
/// whose answer has `total` and `items`.
async fn documented_lists(agent: &hih_testkit::Agent) -> Vec<String> {
    let doc = json(&agent.get("/api/v1/openapi.json").await);
    let mut lists = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let Some(op) = item.get("get") else { continue };
        if path.contains('{') {
            continue;
        }
        let Some(schema) = json_schema(&op["responses"]["200"]["content"]) else {
            continue;
        };
        let props = schema_properties(&doc, schema);
        if props.iter().any(|p| p == "total") && props.iter().any(|p| p == "items") {
            lists.push(path.clone());
        }
    }
    lists
}

/// The number a list page reports (`data-total`, the count it shows).
fn page_total(p: &Page) -> u64 {
    let marker = "data-total=\"";
    let at = p
        .body
        .find(marker)
        .unwrap_or_else(|| panic!("a list page: {}", p.body))
        + marker.len();
    p.body[at..at + p.body[at..].find('"').unwrap()]
        .parse()
        .unwrap()
}

/// Every paged list of the document, for every role and a few filters: the API's status is the
/// page's, and where both answer, the API's `total` is the count the page shows; a record
/// outside the caller's scope answers 404 and writes a `denied` entry for that path.
#[tokio::test]
async fn every_list_of_the_document_counts_what_its_page_counts_in_every_role() {
    let app = app().await;
    let own = company_in(&app, "IHK Erfurt", "Lotus Zählung GmbH").await;
    let foreign = company_in(&app, "IHK Düsseldorf", "Lotus Fremd AG").await;
    company_in(&app, "IHK Erfurt", "Anker Zählung KG").await;
    deactivated_company_in(&app, "IHK Erfurt", "Lotus Ruhend GmbH").await;
    let vn = hih_matching::testing::applicant_in(&app, "VN", "Lotus Nguyễn").await;
    let india = hih_matching::testing::applicant_in(&app, "IN", "Lotus Sharma").await;
    hih_matching::testing::applicant_in(&app, "VN", "Anker Trần").await;
    hih_matching::testing::match_of(&app, own, vn).await;
    let foreign_match = hih_matching::testing::match_of(&app, foreign, india).await;
    hih_contact_history::testing::entry_with(&app, Some(own), None, "Lotus Anruf").await;
    hih_contact_history::testing::entry_with(&app, None, Some(vn), "Anker Gespräch").await;
    let foreign_entry =
        hih_contact_history::testing::entry_with(&app, Some(foreign), Some(india), "Lotus Fern")
            .await;
    let erfurt = hih_companies::testing::district_id(&app, "IHK Erfurt").await;
    let duesseldorf = hih_companies::testing::district_id(&app, "IHK Düsseldorf").await;
    hih_companies::testing::month_with(&app, erfurt, "telefon").await;
    hih_companies::testing::month_with(&app, duesseldorf, "telefon").await;
    hih_counselling::testing::conversation_in(&app, "VN", "Lotus-Gast").await;
    let (foreign_conversation, _) =
        hih_counselling::testing::conversation_in(&app, "IN", "Lotus-Fern").await;
    let text = |filters: &[&str]| filters.iter().map(|f| f.to_string()).collect::<Vec<_>>();
    let cases = [
        ListCase {
            api: "/companies",
            page: "/unternehmen",
            filters: text(&[
                "",
                "q=lotus",
                "status=interessiert&sort=plz&dir=desc",
                "size=kmu",
            ]),
            outside: foreign.to_string(),
        },
        ListCase {
            api: "/monthly-counts",
            page: "/monatszahlen",
            filters: vec![
                String::new(),
                "status=offen".into(),
                "status=fehlt&year=2026".into(),
                format!("district={duesseldorf}"),
            ],
            outside: format!("{duesseldorf}/2026-10"),
        },
        ListCase {
            api: "/applicants",
            page: "/bewerber",
            filters: text(&[
                "",
                "q=lotus",
                "country=IN",
                "status=bewerber&sort=id&dir=desc",
            ]),
            outside: india.to_string(),
        },
        ListCase {
            api: "/contacts",
            page: "/kontakte",
            filters: text(&["", "q=lotus", "type=telefon&sort=entry&dir=asc"]),
            outside: foreign_entry.to_string(),
        },
        ListCase {
            api: "/matches",
            page: "/vermittlungen",
            filters: text(&["", "q=lotus", "status=vermittelt&sort=company"]),
            outside: foreign_match.to_string(),
        },
        ListCase {
            api: "/conversations",
            page: "/beratung",
            filters: text(&["", "ansicht=alle", "ansicht=geschlossen"]),
            outside: foreign_conversation.to_string(),
        },
    ];
    let (admin, _) = agent_for(&app, Role::Admin, "cnt-doc").await;
    let documented = documented_lists(&admin).await;
    let covered: Vec<&str> = cases.iter().map(|c| c.api).collect();
    for path in &documented {
        assert!(
            covered.contains(&path.as_str()),
            "the list {path} has no case here"
        );
    }
    assert_eq!(documented.len(), cases.len(), "{documented:?}");
    for role in Role::ALL {
        let name = format!("cnt-{}", role.code().replace('_', "-"));
        let (agent, user) = agent_for(&app, role, &name).await;
        let (_, token) = api_token(&app, user.id, true).await;
        for case in &cases {
            let mut readable = false;
            for filter in &case.filters {
                let page = agent.get(&format!("{}?{filter}", case.page)).await;
                let api = get(
                    &agent,
                    &format!("/api/v1{}?{filter}&per_page=1", case.api),
                    &token,
                )
                .await;
                let who = format!("{role:?} {} {filter}", case.api);
                assert_eq!(api.status, page.status, "{who}: {}", api.body);
                if page.status == 403 {
                    problem(&api, 403, "forbidden");
                    continue;
                }
                assert_eq!(page.status, 200, "{who}");
                readable = true;
                assert_eq!(
                    json(&api)["total"].as_u64().unwrap(),
                    page_total(&page),
                    "{who}"
                );
            }
            let path = format!("/api/v1{}/{}", case.api, case.outside);
            let detail = get(&agent, &path, &token).await;
            match (readable, role) {
                (false, _) => problem(&detail, 403, "forbidden"),
                (true, Role::Admin) => {
                    assert_eq!(detail.status, 200, "{path}: {}", detail.body);
                    continue;
                }
                (true, _) => problem(&detail, 404, "not-found"),
            };
            if !readable {
                continue;
            }
            let denied = access_log::Entity::find()
                .filter(access_log::Column::Actor.eq(format!("user:{}", user.id)))
                .filter(access_log::Column::Action.eq("denied"))
                .filter(access_log::Column::Path.eq(path.clone()))
                .all(app.db())
                .await
                .unwrap();
            assert_eq!(denied.len(), 1, "{role:?} {path}: one `denied` entry");
            assert_eq!(
                denied[0].entity_id.as_deref(),
                Some(case.outside.as_str()),
                "{role:?} {path}"
            );
        }
    }
}

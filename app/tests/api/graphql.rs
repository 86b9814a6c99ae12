//! The GraphQL endpoint `/api/graphql` (R-API-2) in every role's scope: its root fields give
//! exactly the records of the pages' lists, nested paths (applicant → matches → company →
//! contacts and back) find nothing outside scope, AHK staff read a company's name only,
//! introspection is for administrators, depth and page size are limited, bad input is a 400
//! GraphQL answer, reads are access-logged — and every root field of the served schema is
//! covered here, so a new one cannot be forgotten.

use std::collections::BTreeSet;

use hih_db::entities::access_log;
use hih_kernel::Role;
use hih_testkit::{Agent, Page, TestApp};
use hih_users::testing::{agent_for, api_token};
use poem::http::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use super::call;
use crate::app;

const PATH: &str = "/api/graphql";

/// POSTs `query` with a token; the answer's status and JSON body.
async fn gql(agent: &Agent, token: &str, query: &str) -> (u16, Value) {
    let body = json!({ "query": query }).to_string();
    let p = call(agent, Method::POST, PATH, Some(token), Some(&body)).await;
    (p.status.as_u16(), body_of(&p))
}

fn body_of(p: &Page) -> Value {
    assert_eq!(
        p.header("content-type"),
        Some("application/graphql-response+json"),
        "{}",
        p.body
    );
    serde_json::from_str(&p.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", p.body))
}

/// The messages of an answer's errors.
fn messages(v: &Value) -> Vec<String> {
    v["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["message"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Every `"id"` of an entity's objects anywhere below `v` whose object has `__typename`
/// `typename`.
fn ids_of(v: &Value, typename: &str, out: &mut BTreeSet<i64>) {
    match v {
        Value::Object(map) => {
            if map.get("__typename").and_then(Value::as_str) == Some(typename)
                && let Some(id) = map.get("id").and_then(Value::as_i64)
            {
                out.insert(id);
            }
            for child in map.values() {
                ids_of(child, typename, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| ids_of(i, typename, out)),
        _ => {}
    }
}

fn all_ids(v: &Value, typename: &str) -> BTreeSet<i64> {
    let mut out = BTreeSet::new();
    ids_of(v, typename, &mut out);
    out
}

/// The number in a page's `data-total="…"`.
fn page_total(p: &Page) -> u64 {
    let marker = "data-total=\"";
    let at = p
        .body
        .find(marker)
        .unwrap_or_else(|| panic!("no data-total in {}", p.body));
    p.body[at + marker.len()..]
        .split('"')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("data-total is a number")
}

/// The records of the scenario.
struct World {
    erfurt: i64,
    duesseldorf: i64,
    resting: i64,
    vietnam: i64,
    vietnam_unmatched: i64,
    india: i64,
    match_erfurt: i64,
    match_duesseldorf_india: i64,
    match_duesseldorf_vietnam: i64,
    contact_erfurt: i64,
    contact_duesseldorf: i64,
    contact_vietnam: i64,
    contact_india: i64,
    contact_duesseldorf_vietnam: i64,
}

/// Companies in Erfurt (one deactivated) and Düsseldorf; applicants of Vietnam (one matched
/// with both companies, one not matched) and India (matched in Düsseldorf); contact entries
/// on each, one about a Düsseldorf company and the Vietnamese applicant together; an
/// October of monthly counts for both districts.
async fn world(app: &TestApp) -> World {
    use hih_applicants::testing::prospect_in;
    use hih_companies::testing::{company_in, deactivated_company_in, month_of};
    use hih_contact_history::testing::entry_with;
    use hih_matching::testing::match_of;
    let erfurt = company_in(app, "IHK Erfurt", "Gql Erfurt GmbH").await;
    let duesseldorf = company_in(app, "IHK Düsseldorf", "Gql Rhein AG").await;
    let resting = deactivated_company_in(app, "IHK Erfurt", "Gql Ruhe GmbH").await;
    let vietnam = prospect_in(app, "VN", "Gql Nguyễn", false).await;
    let vietnam_unmatched = prospect_in(app, "VN", "Gql Trần", false).await;
    let india = prospect_in(app, "IN", "Gql Sharma", false).await;
    let match_erfurt = match_of(app, erfurt, vietnam).await;
    let match_duesseldorf_india = match_of(app, duesseldorf, india).await;
    let match_duesseldorf_vietnam = match_of(app, duesseldorf, vietnam).await;
    month_of(app, erfurt).await;
    month_of(app, duesseldorf).await;
    World {
        erfurt,
        duesseldorf,
        resting,
        vietnam,
        vietnam_unmatched,
        india,
        match_erfurt,
        match_duesseldorf_india,
        match_duesseldorf_vietnam,
        contact_erfurt: entry_with(app, Some(erfurt), None, "Gql eins").await,
        contact_duesseldorf: entry_with(app, Some(duesseldorf), None, "Gql zwei").await,
        contact_vietnam: entry_with(app, None, Some(vietnam), "Gql drei").await,
        contact_india: entry_with(app, None, Some(india), "Gql vier").await,
        contact_duesseldorf_vietnam: entry_with(app, Some(duesseldorf), Some(vietnam), "Gql fünf")
            .await,
    }
}

/// An agent and a read-only token of a user of `role`.
async fn caller(app: &TestApp, role: Role) -> (Agent, String) {
    let name = format!("gql-{}", role.code().replace('_', "-"));
    let (agent, user) = agent_for(app, role, &name).await;
    let (_, token) = api_token(app, user.id, true).await;
    (agent, token)
}

/// The root fields of the served schema (asked as an administrator).
async fn root_fields(agent: &Agent, token: &str) -> Vec<String> {
    let (status, v) = gql(
        agent,
        token,
        "{ __schema { queryType { fields { name } } } }",
    )
    .await;
    assert_eq!(status, 200, "{v}");
    v["data"]["__schema"]["queryType"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| f["name"].as_str().expect("name").to_string())
        .collect()
}

/// Each root field: its object type, its list page (path with the filter that shows every
/// record in scope) if it has one, and the roles whose list it is.
struct RootRow {
    field: &'static str,
    typename: &'static str,
    page: Option<&'static str>,
    roles: &'static [Role],
}

const ROOTS: &[RootRow] = &[
    RootRow {
        field: "companies",
        typename: "Company",
        page: Some("/unternehmen?inactive=on&per=0"),
        roles: &[Role::Admin, Role::IhkStaff],
    },
    RootRow {
        field: "monthlyCounts",
        typename: "MonthlyCount",
        page: None,
        roles: &[Role::Admin, Role::IhkStaff],
    },
    RootRow {
        field: "monthlyCountLines",
        typename: "MonthlyCountLine",
        page: None,
        roles: &[Role::Admin, Role::IhkStaff],
    },
    RootRow {
        field: "applicants",
        typename: "Applicant",
        page: Some("/bewerber?inactive=on&per=0"),
        roles: &[Role::Admin, Role::IhkStaff, Role::AhkStaff],
    },
    RootRow {
        field: "contacts",
        typename: "ContactEntry",
        page: Some("/kontakte?per=0"),
        roles: &[Role::Admin, Role::IhkStaff, Role::AhkStaff],
    },
    RootRow {
        field: "matches",
        typename: "Placement",
        page: Some("/vermittlungen?per=0"),
        roles: &[Role::Admin, Role::IhkStaff, Role::AhkStaff],
    },
    RootRow {
        field: "referenceItems",
        typename: "ReferenceItem",
        page: None,
        roles: &Role::ALL,
    },
];

/// The ids a root field gives (one page of at most 100) and its total.
async fn root_ids(
    agent: &Agent,
    token: &str,
    row: &RootRow,
) -> Result<(BTreeSet<i64>, u64), Vec<String>> {
    let query = format!(
        "{{ {} {{ nodes {{ __typename id }} paginationInfo {{ total }} }} }}",
        row.field
    );
    let (status, v) = gql(agent, token, &query).await;
    assert_eq!(status, 200, "{} {v}", row.field);
    if v["errors"].is_array() {
        return Err(messages(&v));
    }
    let total = v["data"][row.field]["paginationInfo"]["total"]
        .as_u64()
        .expect("total");
    Ok((all_ids(&v, row.typename), total))
}

#[tokio::test]
async fn every_root_field_gives_exactly_the_records_of_the_list_in_every_role() {
    let app = app().await;
    let w = world(&app).await;
    let (admin, admin_token) = caller(&app, Role::Admin).await;
    let mut served = root_fields(&admin, &admin_token).await;
    served.sort();
    let mut covered: Vec<String> = ROOTS.iter().map(|r| r.field.to_string()).collect();
    covered.sort();
    assert_eq!(
        served, covered,
        "every root field of the schema has a row here"
    );

    for role in Role::ALL {
        let (agent, token) = if role == Role::Admin {
            (admin.clone(), admin_token.clone())
        } else {
            caller(&app, role).await
        };
        for row in ROOTS {
            let answer = root_ids(&agent, &token, row).await;
            if !row.roles.contains(&role) {
                let errors = answer.expect_err(&format!("{role:?} {}", row.field));
                assert!(
                    errors.iter().any(|m| m.contains("darf diese Daten nicht")),
                    "{role:?} {}: {errors:?}",
                    row.field
                );
                continue;
            }
            let (ids, total) = answer.unwrap_or_else(|e| panic!("{role:?} {}: {e:?}", row.field));
            assert_eq!(ids.len() as u64, total, "{role:?} {}", row.field);
            if let Some(page) = row.page {
                let p = agent.get(page).await;
                assert_eq!(p.status, 200, "{role:?} {page}");
                assert_eq!(
                    page_total(&p),
                    total,
                    "{role:?} {}: the list's count",
                    row.field
                );
            }
            let expect = |yes: &[i64], no: &[i64]| {
                for id in yes {
                    assert!(
                        ids.contains(id),
                        "{role:?} {} sees {id}: {ids:?}",
                        row.field
                    );
                }
                for id in no {
                    assert!(
                        !ids.contains(id),
                        "{role:?} {} hides {id}: {ids:?}",
                        row.field
                    );
                }
            };
            match (role, row.field) {
                (Role::Admin, "companies") => expect(&[w.erfurt, w.duesseldorf, w.resting], &[]),
                (Role::IhkStaff, "companies") => expect(&[w.erfurt], &[w.duesseldorf, w.resting]),
                (Role::IhkStaff, "applicants") => {
                    expect(&[w.vietnam], &[w.india, w.vietnam_unmatched])
                }
                (Role::AhkStaff, "applicants") => {
                    expect(&[w.vietnam, w.vietnam_unmatched], &[w.india])
                }
                (Role::IhkStaff, "matches") => expect(
                    &[w.match_erfurt],
                    &[w.match_duesseldorf_india, w.match_duesseldorf_vietnam],
                ),
                (Role::AhkStaff, "matches") => expect(
                    &[w.match_erfurt, w.match_duesseldorf_vietnam],
                    &[w.match_duesseldorf_india],
                ),
                (Role::IhkStaff, "contacts") => expect(
                    &[
                        w.contact_erfurt,
                        w.contact_vietnam,
                        w.contact_duesseldorf_vietnam,
                    ],
                    &[w.contact_duesseldorf, w.contact_india],
                ),
                (Role::AhkStaff, "contacts") => expect(
                    &[w.contact_vietnam, w.contact_duesseldorf_vietnam],
                    &[w.contact_erfurt, w.contact_duesseldorf, w.contact_india],
                ),
                (Role::IhkStaff, "monthlyCounts") => assert_eq!(total, 1, "Erfurt's month only"),
                (Role::Admin, "monthlyCounts") => assert_eq!(total, 2),
                _ => {}
            }
        }
    }
}

/// Everything reachable from the applicants down to the contacts of their matches'
/// companies, and from the companies back to the applicants' contacts.
const DOWN: &str = "{ applicants { nodes { __typename id
    contacts { nodes { __typename id company { __typename id name } } }
    matches { nodes { __typename id
      company { __typename id name contacts { nodes { __typename id applicant { __typename id } } } }
      applicant { __typename id } } } } } }";

const UP: &str = "{ companies { nodes { __typename id
    contacts { nodes { __typename id applicant { __typename id } } }
    matches { nodes { __typename id
      applicant { __typename id contacts { nodes { __typename id company { __typename id } } }
        matches { nodes { __typename id company { __typename id name } } } } } } } } }";

const FROM_MATCHES: &str = "{ matches { nodes { __typename id
    company { __typename id name }
    applicant { __typename id matches { nodes { __typename id company { __typename id name } } }
      contacts { nodes { __typename id company { __typename id name } } } } } }
  contacts { nodes { __typename id company { __typename id name } applicant { __typename id } } } }";

#[tokio::test]
async fn nested_paths_find_nothing_outside_scope_in_any_role() {
    let app = app().await;
    let w = world(&app).await;
    let all_companies = [w.erfurt, w.duesseldorf, w.resting];
    let all_applicants = [w.vietnam, w.vietnam_unmatched, w.india];
    let all_matches = [
        w.match_erfurt,
        w.match_duesseldorf_india,
        w.match_duesseldorf_vietnam,
    ];
    let all_contacts = [
        w.contact_erfurt,
        w.contact_duesseldorf,
        w.contact_vietnam,
        w.contact_india,
        w.contact_duesseldorf_vietnam,
    ];
    for role in Role::ALL {
        let (agent, token) = caller(&app, role).await;
        // What the role may see at all, by the scoping functions' rules.
        let (companies, applicants, matches, contacts): (Vec<i64>, Vec<i64>, Vec<i64>, Vec<i64>) =
            match role {
                Role::Admin => (
                    all_companies.to_vec(),
                    all_applicants.to_vec(),
                    all_matches.to_vec(),
                    all_contacts.to_vec(),
                ),
                Role::IhkStaff => (
                    vec![w.erfurt],
                    vec![w.vietnam],
                    vec![w.match_erfurt],
                    vec![
                        w.contact_erfurt,
                        w.contact_vietnam,
                        w.contact_duesseldorf_vietnam,
                    ],
                ),
                // Companies by name only, of their matches.
                Role::AhkStaff => (
                    vec![w.erfurt, w.duesseldorf],
                    vec![w.vietnam, w.vietnam_unmatched],
                    vec![w.match_erfurt, w.match_duesseldorf_vietnam],
                    vec![w.contact_vietnam, w.contact_duesseldorf_vietnam],
                ),
                Role::Dpo | Role::SuperAdmin => (vec![], vec![], vec![], vec![]),
            };
        let mut seen_any = BTreeSet::new();
        for query in [DOWN, UP, FROM_MATCHES] {
            let (status, v) = gql(&agent, &token, query).await;
            assert_eq!(status, 200, "{role:?}: {v}");
            for (typename, allowed) in [
                ("Company", &companies),
                ("Applicant", &applicants),
                ("Placement", &matches),
                ("ContactEntry", &contacts),
            ] {
                let found = all_ids(&v, typename);
                let outside: Vec<&i64> = found.iter().filter(|i| !allowed.contains(i)).collect();
                assert!(
                    outside.is_empty(),
                    "{role:?} reached {typename} {outside:?} outside scope: {v}"
                );
                seen_any.extend(found.iter().map(|i| (typename, *i)));
            }
        }
        // The paths are not empty where the role sees something: the checks above ran on data.
        match role {
            Role::Admin => {
                assert!(seen_any.contains(&("Company", w.duesseldorf)));
                assert!(seen_any.contains(&("ContactEntry", w.contact_duesseldorf_vietnam)));
            }
            Role::IhkStaff => {
                assert!(seen_any.contains(&("Applicant", w.vietnam)), "{seen_any:?}");
                assert!(seen_any.contains(&("ContactEntry", w.contact_vietnam)));
                assert!(seen_any.contains(&("ContactEntry", w.contact_duesseldorf_vietnam)));
            }
            Role::AhkStaff => {
                assert!(seen_any.contains(&("Company", w.erfurt)), "{seen_any:?}");
                assert!(seen_any.contains(&("Placement", w.match_duesseldorf_vietnam)));
            }
            Role::Dpo | Role::SuperAdmin => {
                assert!(seen_any.is_empty(), "{role:?}: {seen_any:?}")
            }
        }
    }
}

#[tokio::test]
async fn ahk_staff_read_a_matched_company_by_name_only() {
    let app = app().await;
    let w = world(&app).await;
    let (agent, token) = caller(&app, Role::AhkStaff).await;
    let (status, v) = gql(
        &agent,
        &token,
        "{ matches { nodes { id company { id name } } } }",
    )
    .await;
    assert_eq!(status, 200, "{v}");
    assert!(v["errors"].is_null(), "{v}");
    assert!(v.to_string().contains("Gql Erfurt GmbH"), "{v}");
    for field in [
        "street",
        "email",
        "contactLastName",
        "remarks",
        "searchText",
    ] {
        let query = format!("{{ matches {{ nodes {{ id company {{ name {field} }} }} }} }}");
        let (status, v) = gql(&agent, &token, &query).await;
        assert_eq!(status, 200, "{v}");
        assert!(
            messages(&v)
                .iter()
                .any(|m| m.contains("darf dieses Feld nicht")),
            "{field}: {v}"
        );
        assert!(!v.to_string().contains("Domplatz"), "{field}: {v}");
        assert!(!v.to_string().contains("info@example.de"), "{field}: {v}");
    }
    // Nor through the company's relations.
    let (_, v) = gql(
        &agent,
        &token,
        "{ matches { nodes { company { contacts { nodes { id remarks } } } } } }",
    )
    .await;
    assert!(!v.to_string().contains("Gql zwei"), "{v}");
    assert!(!messages(&v).is_empty(), "{v}");
    // The IHK staff read every field of their own company.
    let (ihk, ihk_token) = caller(&app, Role::IhkStaff).await;
    let (_, v) = gql(
        &ihk,
        &ihk_token,
        &format!(
            "{{ companies(filters: {{ id: {{ eq: {} }} }}) {{ nodes {{ street email }} }} }}",
            w.erfurt
        ),
    )
    .await;
    assert!(v["errors"].is_null(), "{v}");
    assert_eq!(
        v["data"]["companies"]["nodes"][0]["street"], "Domplatz",
        "{v}"
    );
}

#[tokio::test]
async fn filtering_through_related_records_is_refused() {
    let app = app().await;
    world(&app).await;
    let (agent, token) = caller(&app, Role::IhkStaff).await;
    let (status, v) = gql(
        &agent,
        &token,
        "{ applicants(having: { contacts: { remarks: { contains: \"zwei\" } } }) { nodes { id } } }",
    )
    .await;
    assert_eq!(status, 200, "{v}");
    assert!(messages(&v).iter().any(|m| m.contains("having")), "{v}");
    assert!(
        v["data"].is_null() || v["data"]["applicants"].is_null(),
        "{v}"
    );
}

#[tokio::test]
async fn introspection_is_for_administrators() {
    let app = app().await;
    let query = "{ __schema { types { name } } }";
    for role in Role::ALL {
        let (agent, token) = caller(&app, role).await;
        let (status, v) = gql(&agent, &token, query).await;
        if matches!(role, Role::Admin | Role::SuperAdmin) {
            assert_eq!(status, 200, "{role:?} {v}");
            assert!(v["data"]["__schema"]["types"].is_array(), "{v}");
        } else {
            assert_eq!(status, 403, "{role:?} {v}");
            assert!(v["data"].is_null(), "{v}");
            assert!(messages(&v)[0].contains("Administrator"), "{v}");
            let (status, v) = gql(
                &agent,
                &token,
                "query { ...t } fragment t on Query { __type(name: \"Company\") { name } }",
            )
            .await;
            assert_eq!(status, 403, "{role:?} through a fragment: {v}");
        }
    }
}

#[tokio::test]
async fn depth_page_size_and_bad_input_are_refused_with_german_messages() {
    let app = app().await;
    world(&app).await;
    let (agent, token) = caller(&app, Role::Admin).await;
    // Too deep.
    let deep = "{ applicants { nodes { matches { nodes { company { matches { nodes { applicant { matches { nodes { company { name } } } } } } } } } } } }";
    let (status, v) = gql(&agent, &token, deep).await;
    assert_eq!(status, 400, "{v}");
    assert!(messages(&v)[0].contains("zu tief verschachtelt"), "{v}");
    // Too many fields (aliases of the same small query).
    let wide: String = (0..200)
        .map(|i| format!("a{i}: referenceItems {{ nodes {{ code }} }} "))
        .collect();
    let (status, v) = gql(&agent, &token, &format!("{{ {wide} }}")).await;
    assert_eq!(status, 400, "{v}");
    assert!(messages(&v)[0].contains("zu viele Felder"), "{v}");
    // Too large a page.
    let (status, v) = gql(
        &agent,
        &token,
        "{ companies(pagination: { page: { page: 0, limit: 1000 } }) { nodes { id } } }",
    )
    .await;
    assert_eq!(status, 200, "{v}");
    assert!(messages(&v)[0].contains("höchstens 100"), "{v}");
    // Without pagination a list gives at most one page.
    for n in 0..3 {
        hih_companies::testing::company_in(&app, "IHK Erfurt", &format!("Gql Seite {n}")).await;
    }
    let (_, v) = gql(
        &agent,
        &token,
        "{ companies(pagination: { page: { page: 0, limit: 2 } }) { nodes { id } paginationInfo { total pages } } }",
    )
    .await;
    assert_eq!(
        v["data"]["companies"]["nodes"].as_array().unwrap().len(),
        2,
        "{v}"
    );
    assert_eq!(v["data"]["companies"]["paginationInfo"]["total"], 6, "{v}");
    // A query that does not parse, an unknown field, a body that is not JSON.
    for query in ["{ companies { nodes { id }", "{ gibtEsNicht }"] {
        let (status, v) = gql(&agent, &token, query).await;
        assert_eq!(status, 400, "{query}: {v}");
        assert!(messages(&v)[0].contains("ungültig"), "{v}");
        assert!(v["errors"][0]["extensions"]["detail"].is_string(), "{v}");
    }
    let p = call(&agent, Method::POST, PATH, Some(&token), Some("kein json")).await;
    assert_eq!(p.status, 400, "{}", p.body);
    assert!(messages(&body_of(&p))[0].contains("keine GraphQL-Anfrage"));
    // No mutations: the schema is read-only.
    let (status, v) = gql(&agent, &token, "mutation { companyDelete(filter: {}) }").await;
    assert_eq!(status, 400, "{v}");
    // GET works for queries.
    let p = call(
        &agent,
        Method::GET,
        "/api/graphql?query=%7B%20referenceItems%20%7B%20nodes%20%7B%20code%20%7D%20%7D%20%7D",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(p.status, 200, "{}", p.body);
    assert!(body_of(&p)["data"]["referenceItems"]["nodes"].is_array());
}

#[tokio::test]
async fn sessions_need_csrf_tokens_and_anonymous_callers_are_refused() {
    let app = app().await;
    let body = json!({ "query": "{ referenceItems { nodes { code } } }" }).to_string();
    let anonymous = app.agent();
    let p = call(
        &anonymous,
        Method::GET,
        "/api/graphql?query=%7B__typename%7D",
        None,
        None,
    )
    .await;
    assert_eq!(p.status, 401, "{}", p.body);
    let p = call(&anonymous, Method::POST, PATH, None, Some(&body)).await;
    assert_eq!(
        p.status, 403,
        "a POST without session and CSRF token: {}",
        p.body
    );
    let (agent, _) = agent_for(&app, Role::IhkStaff, "gql-session").await;
    let p = call(&agent, Method::POST, PATH, None, Some(&body)).await;
    assert_eq!(
        p.status, 403,
        "a session's POST without CSRF token: {}",
        p.body
    );
    let csrf = agent.csrf().expect("csrf token");
    let p = agent
        .request(
            Method::POST,
            PATH,
            &[
                ("content-type", "application/json"),
                ("x-csrf-token", &csrf),
            ],
            body.into_bytes(),
        )
        .await;
    assert_eq!(p.status, 200, "{}", p.body);
}

#[tokio::test]
async fn reads_of_personal_data_and_refusals_are_access_logged() {
    let app = app().await;
    let w = world(&app).await;
    let (agent, user) = agent_for(&app, Role::IhkStaff, "gql-log").await;
    let (_, token) = api_token(&app, user.id, true).await;
    let (status, v) = gql(
        &agent,
        &token,
        "{ applicants { nodes { id lastName matches { nodes { id company { name } } } contacts { nodes { remarks } } } } }",
    )
    .await;
    assert_eq!(status, 200, "{v}");
    let (_, v) = gql(
        &agent,
        &token,
        "{ referenceItems { nodes { code } } monthlyCounts { nodes { id } } }",
    )
    .await;
    assert!(v["errors"].is_null(), "{v}");
    let (_, v) = gql(&agent, &token, "{ companies { nodes { id } } }").await;
    assert!(v["errors"].is_null(), "{v}");
    // A role without the list: refused and logged.
    let (ahk, ahk_user) = agent_for(&app, Role::AhkStaff, "gql-log-ahk").await;
    let (_, ahk_token) = api_token(&app, ahk_user.id, true).await;
    let (_, v) = gql(&ahk, &ahk_token, "{ companies { nodes { id } } }").await;
    assert!(!messages(&v).is_empty(), "{v}");

    let log = access_log::Entity::find()
        .filter(access_log::Column::Path.eq(PATH))
        .all(app.db())
        .await
        .unwrap();
    let of = |actor: i64, action: &str, entity: &str| {
        log.iter()
            .filter(|e| {
                e.actor == format!("user:{actor}") && e.action == action && e.entity == entity
            })
            .collect::<Vec<_>>()
    };
    let logged_ids = |e: &access_log::Model| -> Vec<i64> {
        let detail: Value = serde_json::from_str(&e.detail).expect("detail is JSON");
        detail["ids"]
            .as_array()
            .expect("ids")
            .iter()
            .map(|i| i.as_i64().expect("id"))
            .collect()
    };
    let applicants = of(user.id, "search", "applicant");
    assert_eq!(applicants.len(), 1, "{log:?}");
    assert_eq!(applicants[0].result_count, Some(1));
    assert_eq!(logged_ids(applicants[0]), vec![w.vietnam]);
    let matches = of(user.id, "search", "placement");
    assert_eq!(matches.len(), 1, "{log:?}");
    assert_eq!(logged_ids(matches[0]), vec![w.match_erfurt]);
    let contacts = of(user.id, "search", "contact_entry");
    assert_eq!(contacts[0].result_count, Some(2), "{log:?}");
    assert_eq!(
        of(user.id, "search", "company").len(),
        2,
        "through a match and as a list"
    );
    assert_eq!(of(user.id, "search", "monthly_count").len(), 1);
    assert!(
        of(user.id, "search", "reference_item").is_empty(),
        "reference data is not logged"
    );
    let denied = of(ahk_user.id, "denied", "route");
    assert_eq!(denied.len(), 1, "{log:?}");
    assert!(
        denied[0].detail.contains("companies.edit"),
        "{:?}",
        denied[0]
    );
}

/// The endpoint's rows of the role × route matrix: every logged-in role may ask (what it gets
/// is decided per root field, above); anonymous callers get 401.
pub async fn rows(_app: &TestApp) -> Vec<hih_testkit::matrix::Row> {
    use hih_testkit::matrix::{Expect, row};
    vec![row(
        "/api/graphql?query=%7B__typename%7D",
        PATH,
        Expect::Unauthorized,
        [Expect::Ok; 5],
    )]
}

/// seaography batches the relation loads of concurrent requests; each request has loaders of
/// its own, so an administrator's request running at the same time never widens the IHK
/// staff's results.
#[tokio::test]
async fn concurrent_requests_of_different_roles_never_share_a_batch() {
    let app = app().await;
    let w = world(&app).await;
    let (admin, admin_token) = caller(&app, Role::Admin).await;
    let (ihk, ihk_token) = caller(&app, Role::IhkStaff).await;
    let mut runs = Vec::new();
    for _ in 0..6 {
        runs.push(gql(&admin, &admin_token, FROM_MATCHES));
        runs.push(gql(&ihk, &ihk_token, FROM_MATCHES));
    }
    let answers = futures::future::join_all(runs).await;
    let mut admin_saw_more = false;
    for (i, (status, v)) in answers.iter().enumerate() {
        assert_eq!(*status, 200, "{v}");
        let companies = all_ids(v, "Company");
        if i % 2 == 0 {
            admin_saw_more |= companies.contains(&w.duesseldorf);
        } else {
            assert!(
                companies.iter().all(|c| *c == w.erfurt),
                "IHK staff got {companies:?}: {v}"
            );
            let contacts = all_ids(v, "ContactEntry");
            assert!(!contacts.contains(&w.contact_duesseldorf), "{v}");
        }
    }
    assert!(
        admin_saw_more,
        "the administrators' requests did load the other district"
    );
}

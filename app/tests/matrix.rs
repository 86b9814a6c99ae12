//! Every route × every caller (anonymous and each role). A route missing here fails the test.
//! Each feature keeps its rows in its `testing::matrix` module; this test gathers them from one
//! list that must name every feature of the app's feature list.

use hih_kernel::Role;
use hih_testkit::matrix::{Caller, Expect::*, FeatureRows, Row, check, row};
use hih_users::testing::agent_for;

use crate::app;

/// A feature's rows from its `testing::matrix::rows`.
macro_rules! feature_rows {
    ($($name:literal => $krate:ident),* $(,)?) => {
        vec![$(FeatureRows {
            feature: $name,
            rows: |app| Box::pin($krate::testing::matrix::rows(app)),
        }),*]
    };
}

/// Every feature's rows, in the app's feature order; `role_route_matrix` checks that each
/// feature of `hih_app::features()` is listed.
fn feature_rows() -> Vec<FeatureRows> {
    let mut rows = feature_rows![
        "home" => hih_home,
        "users" => hih_users,
        "reference" => hih_reference,
        "companies" => hih_companies,
        "applicants" => hih_applicants,
        "contact_history" => hih_contact_history,
        "matching" => hih_matching,
        "counselling" => hih_counselling,
        "reports" => hih_reports,
        "protocol" => hih_protocol,
        "admin" => hih_admin,
        "operations" => hih_operations,
    ];
    // The REST API is assembled by the app (`hih_app::RestApi`); its rows live in the API's
    // tests, which also check that every operation of the served document has rows.
    rows.push(FeatureRows {
        feature: "api",
        rows: |app| Box::pin(crate::api::matrix::rows(app)),
    });
    rows.push(FeatureRows {
        feature: "graphql",
        rows: |app| Box::pin(crate::api::graphql::rows(app)),
    });
    rows
}

/// The platform's own routes (notifications; `hih_web`): for every logged-in role.
fn platform_rows() -> Vec<Row> {
    vec![
        row("/benachrichtigungen", "/benachrichtigungen", Login, [Ok; 5]),
        row(
            "/benachrichtigungen?filter=ungelesen&per=40&page=2",
            "/benachrichtigungen",
            Login,
            [Ok; 5],
        ),
        // Marking read and opening are POST only: a GET changes nothing and finds nothing.
        row(
            "/benachrichtigungen/alle-gelesen",
            "/benachrichtigungen/alle-gelesen",
            Login,
            [NotFound; 5],
        ),
        row(
            "/benachrichtigungen/1/gelesen",
            "/benachrichtigungen/:id/gelesen",
            Login,
            [NotFound; 5],
        ),
        row(
            "/benachrichtigungen/1/oeffnen",
            "/benachrichtigungen/:id/oeffnen",
            Login,
            [NotFound; 5],
        ),
    ]
}

#[tokio::test]
async fn role_route_matrix() {
    let app = app().await;
    let mut agents = vec![(Caller::Anonymous, app.agent())];
    for role in Role::ALL {
        let (agent, _) =
            agent_for(&app, role, &format!("m-{}", role.code().replace('_', "-"))).await;
        agents.push((Caller::Role(role), agent));
    }
    let features = feature_rows();
    let listed: Vec<&str> = features.iter().map(|f| f.feature).collect();
    let names = crate::all_features()
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>();
    assert_eq!(listed, names, "every feature contributes its matrix rows");
    let mut rows = platform_rows();
    for f in &features {
        rows.extend((f.rows)(&app).await);
    }
    eprintln!(
        "role × route matrix: {} rows, {} checks",
        rows.len(),
        rows.iter().map(|r| r.expect.len()).sum::<usize>()
    );
    let failures = check(&rows, &agents).await;
    assert!(
        failures.is_empty(),
        "matrix failures:\n{}",
        failures.join("\n")
    );

    let covered: Vec<&str> = rows.iter().map(|r| r.pattern.as_str()).collect();
    let missing: Vec<&String> = app
        .state
        .routes
        .iter()
        .map(|(p, _)| p)
        .filter(|p| !covered.contains(&p.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "routes missing from the matrix: {missing:?}"
    );
    // Every registered flow's three pages (form, review, cancel) have rows.
    let flow_pages: Vec<String> = app
        .state
        .form_flows
        .iter()
        .flat_map(|f| ["", "/pruefen", "/abbrechen"].map(|s| format!("{}{s}", f.path)))
        .filter(|p| !covered.contains(&p.as_str()))
        .collect();
    assert!(
        flow_pages.is_empty(),
        "flow pages missing from the matrix: {flow_pages:?}"
    );
}

#[tokio::test]
async fn denied_role_access_is_written_to_the_access_log() {
    let app = app().await;
    let (ihk, user) = agent_for(&app, Role::IhkStaff, "n-ihk").await;
    assert_eq!(ihk.get("/admin/texte").await.status, 403);
    use hih_db::entities::access_log;
    use sea_orm::EntityTrait;
    let entries = access_log::Entity::find().all(app.db()).await.unwrap();
    assert!(entries.iter().any(|e| e.action == "denied"
        && e.actor == format!("user:{}", user.id)
        && e.path == "/admin/texte"));
}

#[tokio::test]
async fn anonymous_users_are_sent_to_login_for_every_non_public_route() {
    let app = app().await;
    let anon = app.agent();
    for (pattern, access) in &app.state.routes {
        // The REST API answers 401 problem details instead (`api::tokens`, the matrix).
        if matches!(access, hih_kernel::Access::Public) || pattern.starts_with("/api/") {
            continue;
        }
        let path = pattern.replace(":id", "1").replace(":token", "x");
        let p = anon.get(&path).await;
        assert_eq!(p.status, 303, "{path}");
        assert!(p.location().unwrap().starts_with("/login"), "{path}");
    }
}

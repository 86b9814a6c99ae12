//! Tests of the protocol feature's `viewer` part (R-AUD-1..3): the audit log, the access log
//! and the error view find exactly the entries their filters describe (each filter alone and
//! combined, periods in Berlin days), exports hold exactly the listed rows, the detail shows
//! every field old → new with secrets masked, only admins and the dpo get in, every list and
//! export is itself access-logged, failed requests and failed jobs appear in the error view,
//! and the "Verlauf" tab on company pages is there for admins only.

use std::sync::Arc;
use std::time::Duration;

use calamine::{Reader, Xlsx};
use chrono::{DateTime, TimeZone, Utc};
use hih_db::UnitOfWork;
use hih_db::access::{AccessAction, AccessEvent};
use hih_db::entities::{access_log, audit_log};
use hih_kernel::{
    Access, Actor, AppError, Feature, JobContext, JobError, JobHandler, Registry, Role,
};
use hih_testkit::{Agent, TestApp};
use hih_users::testing::agent_for;
use poem::{EndpointExt, get, handler};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

use crate::app;

/// The test clock's start (`TestApp`).
fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// Ids linked from a list page as `href="<prefix><id>"`, in page order.
fn linked_ids(body: &str, prefix: &str) -> Vec<i64> {
    let marker = format!("href=\"{prefix}");
    body.match_indices(&marker)
        .filter_map(|(i, _)| {
            let rest = &body[i + marker.len()..];
            let end = rest.find('"')?;
            rest[..end].parse().ok()
        })
        .collect()
}

fn sorted(mut ids: Vec<i64>) -> Vec<i64> {
    ids.sort_unstable();
    ids
}

/// Writes one audit event at `at` as `actor` (the clock is moved there) and returns its seq.
async fn audit_event(
    app: &TestApp,
    at: DateTime<Utc>,
    actor: &str,
    (entity, id, action): (&str, &str, &str),
    changes: serde_json::Value,
) -> i64 {
    app.clock.set(at);
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system(actor))
        .await
        .unwrap();
    uow.event(entity, id, action, changes);
    uow.commit().await.unwrap();
    audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Seq)
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .seq
}

/// Five audit entries about widgets and gadgets by two jobs on four Berlin days; the clock is
/// back at the start afterwards. The last one is written at 23:30 UTC on 14 November, which
/// is already 15 November in Berlin.
async fn audit_fixture(app: &TestApp) -> [i64; 5] {
    let e1 = audit_event(
        app,
        utc(2026, 11, 10, 9, 0),
        "importer",
        ("widget", "1", "create"),
        json!({ "name": [null, "Alpha"], "colour": [null, "rot"] }),
    )
    .await;
    let e2 = audit_event(
        app,
        utc(2026, 11, 10, 9, 5),
        "importer",
        ("widget", "2", "create"),
        json!({ "name": [null, "Beta"] }),
    )
    .await;
    let e3 = audit_event(
        app,
        utc(2026, 11, 12, 9, 0),
        "cleaner",
        ("widget", "1", "update"),
        json!({ "colour": ["rot", "Grün"], "active": [true, false] }),
    )
    .await;
    let e4 = audit_event(
        app,
        utc(2026, 11, 14, 9, 0),
        "cleaner",
        ("gadget", "1", "delete"),
        json!({ "name": ["Gamma", null] }),
    )
    .await;
    let e5 = audit_event(
        app,
        utc(2026, 11, 14, 23, 30),
        "cleaner",
        ("gadget", "2", "update"),
        json!({ "name": ["Delta", "Epsilon"] }),
    )
    .await;
    app.clock.set(start());
    [e1, e2, e3, e4, e5]
}

/// The audit entries a filter lists (all on one page).
async fn audit_ids(agent: &Agent, query: &str) -> Vec<i64> {
    let page = agent
        .get(&format!("/protokoll/aenderungen?per=0&{query}"))
        .await;
    assert_eq!(page.status, 200, "{query}");
    sorted(linked_ids(&page.body, "/protokoll/aenderungen/"))
}

#[tokio::test]
async fn audit_filters_find_exactly_the_matching_entries() {
    let app = app().await;
    let [e1, e2, e3, e4, e5] = audit_fixture(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "v-admin").await;

    assert_eq!(audit_ids(&admin, "entity=widget").await, vec![e1, e2, e3]);
    assert_eq!(audit_ids(&admin, "entity=gadget").await, vec![e4, e5]);
    assert_eq!(
        audit_ids(&admin, "entity=widget&record=1").await,
        vec![e1, e3]
    );
    assert_eq!(audit_ids(&admin, "actor=importer").await, vec![e1, e2]);
    assert_eq!(
        audit_ids(&admin, "actor=system%3Acleaner").await,
        vec![e3, e4, e5]
    );
    assert_eq!(
        audit_ids(&admin, "actor=cleaner&entity=widget").await,
        vec![e3]
    );
    assert_eq!(audit_ids(&admin, "action=delete").await, vec![e4]);
    assert_eq!(
        audit_ids(&admin, "action=update&entity=gadget").await,
        vec![e5]
    );
    // Periods are whole days in Berlin: 23:30 UTC on the 14th is the 15th there.
    assert_eq!(
        audit_ids(&admin, "from=2026-11-11&to=2026-11-13").await,
        vec![e3]
    );
    assert_eq!(
        audit_ids(&admin, "from=2026-11-14&to=2026-11-14").await,
        vec![e4]
    );
    assert_eq!(audit_ids(&admin, "from=2026-11-15").await, vec![e5]);
    assert_eq!(
        audit_ids(&admin, "from=2026-11-10&to=2026-11-10&entity=widget").await,
        vec![e1, e2]
    );
    // Text in the changes: every word, any case.
    assert_eq!(audit_ids(&admin, "q=GR%C3%9CN").await, vec![e3]);
    assert_eq!(audit_ids(&admin, "q=rot").await, vec![e1, e3]);
    assert_eq!(audit_ids(&admin, "q=rot+alpha").await, vec![e1]);
    assert_eq!(
        audit_ids(
            &admin,
            "q=rot&actor=cleaner&entity=widget&record=1&action=update&from=2026-11-12&to=2026-11-12"
        )
        .await,
        vec![e3]
    );
    assert!(audit_ids(&admin, "q=rot&action=delete").await.is_empty());

    // The entity choice holds every entity in the log, in order.
    let unfiltered = admin.get("/protokoll/aenderungen").await;
    let gadget = unfiltered.body.find(r#"<option value="gadget">"#);
    let widget = unfiltered.body.find(r#"<option value="widget">"#);
    assert!(gadget.is_some() && widget.is_some() && gadget < widget);
    assert!(unfiltered.contains(r#"<option value="user">"#));

    // The count, and newest first by default.
    let page = admin
        .get("/protokoll/aenderungen?per=0&entity=widget")
        .await;
    assert!(page.contains("3 Einträge"), "{}", page.body);
    assert_eq!(
        linked_ids(&page.body, "/protokoll/aenderungen/"),
        vec![e3, e2, e1]
    );
    let oldest_first = admin
        .get("/protokoll/aenderungen?per=0&entity=widget&sort=at")
        .await;
    assert_eq!(
        linked_ids(&oldest_first.body, "/protokoll/aenderungen/"),
        vec![e1, e2, e3]
    );
    // Paging: two a page.
    let first = admin
        .get("/protokoll/aenderungen?per=20&entity=widget")
        .await;
    assert_eq!(linked_ids(&first.body, "/protokoll/aenderungen/").len(), 3);

    // An impossible period is refused next to the field and lists nothing.
    let bad = admin
        .get("/protokoll/aenderungen?per=0&from=2026-11-14&to=2026-11-10")
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.contains("error-summary"));
    assert!(linked_ids(&bad.body, "/protokoll/aenderungen/").is_empty());
    let malformed = admin.get("/protokoll/aenderungen?per=0&from=gestern").await;
    assert_eq!(malformed.status, 422);
    assert!(linked_ids(&malformed.body, "/protokoll/aenderungen/").is_empty());
}

#[tokio::test]
async fn audit_export_holds_exactly_the_listed_rows_and_is_access_logged() {
    let app = app().await;
    let [e1, _, e3, _, _] = audit_fixture(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "v-admin").await;
    let list = admin
        .get("/protokoll/aenderungen?per=0&entity=widget&record=1")
        .await;
    assert!(list.contains("2 Einträge"));
    assert_eq!(
        sorted(linked_ids(&list.body, "/protokoll/aenderungen/")),
        vec![e1, e3]
    );
    // The list's own search went to the access log with its filter and count.
    let search = access_log::Entity::find()
        .filter(access_log::Column::Action.eq("search"))
        .filter(access_log::Column::Entity.eq("audit_log"))
        .order_by_desc(access_log::Column::Id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(search.result_count, Some(2));
    assert!(search.detail.contains("widget"), "{}", search.detail);

    let csv_page = admin
        .get("/protokoll/aenderungen/export/export.csv?entity=widget&record=1")
        .await;
    assert_eq!(csv_page.status, 200);
    assert!(
        csv_page.bytes.starts_with(b"\xEF\xBB\xBF"),
        "CSV starts with a BOM"
    );
    let mut reader = csv::ReaderBuilder::new().from_reader(csv_page.csv());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "Nr.");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let seqs: Vec<i64> = rows.iter().map(|r| r[0].parse().unwrap()).collect();
    assert_eq!(sorted(seqs), vec![e1, e3]);
    assert!(rows.iter().any(|r| r[7].contains("Grün")));
    // Times in Berlin: 09:00 UTC on 12 November is 10:00 there.
    assert!(rows.iter().any(|r| &r[1] == "12.11.2026 10:00:00"));

    let xlsx_page = admin
        .get("/protokoll/aenderungen/export/export.xlsx?entity=widget&record=1")
        .await;
    assert_eq!(xlsx_page.status, 200);
    let mut book = Xlsx::new(std::io::Cursor::new(xlsx_page.bytes.clone())).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(
        sheet.rows().count(),
        1 + 2,
        "header and the two listed rows"
    );

    let exports: Vec<access_log::Model> = app.access_entries("audit_log", "export").await;
    assert_eq!(exports.len(), 2);
    assert!(exports.iter().all(|e| e.result_count == Some(2)));
    // An unknown file name is not an export.
    let other = admin
        .get("/protokoll/aenderungen/export/export.pdf?entity=widget")
        .await;
    assert_eq!(other.status, 404);
}

#[tokio::test]
async fn audit_detail_shows_old_and_new_values_the_chain_and_masks_secrets() {
    let app = app().await;
    let [_, _, e3, _, _] = audit_fixture(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "v-admin").await;
    let page = admin.get(&format!("/protokoll/aenderungen/{e3}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.contains(r#"<tr><th scope="row">colour</th><td>rot</td><td>Grün</td></tr>"#),
        "{}",
        page.body
    );
    assert!(page.contains(r#"<tr><th scope="row">active</th><td>Ja</td><td>Nein</td></tr>"#));
    assert!(
        page.contains("12.11.2026 10:00:00"),
        "Berlin time, German form"
    );
    assert!(page.contains("system:cleaner"));
    let entry = app.record::<audit_log::Entity>(e3).await;
    assert!(page.contains(&entry.hash) && page.contains(&entry.prev_hash));
    assert!(page.contains(&format!("Eintrag {e3} der Kette")));
    assert!(page.contains("Der Hash passt zum Inhalt"));
    assert!(page.contains(&format!("href=\"/protokoll/aenderungen/{}\"", e3 - 1)));
    // The view itself is access-logged.
    let view = access_log::Entity::find()
        .filter(access_log::Column::Action.eq("view"))
        .filter(access_log::Column::Entity.eq("audit_log"))
        .filter(access_log::Column::EntityId.eq(e3.to_string()))
        .one(app.db())
        .await
        .unwrap();
    assert!(view.is_some());

    // The admin's password was set when the account was created: recorded as *** only.
    let password = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("user"))
        .filter(audit_log::Column::Changes.contains("password_hash"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let page = admin
        .get(&format!("/protokoll/aenderungen/{}", password.seq))
        .await;
    assert_eq!(page.status, 200);
    assert!(page.contains(r#"<th scope="row">password_hash</th>"#));
    assert!(page.contains("<td>***</td>"));
    assert!(!page.contains("$argon2"), "no password hash on the page");

    let missing = admin.get("/protokoll/aenderungen/999999").await;
    assert_eq!(missing.status, 404);
}

/// Writes one access-log entry at `at` (the clock is moved there) and returns its id.
async fn access_event(
    app: &TestApp,
    at: DateTime<Utc>,
    actor: &str,
    action: AccessAction,
    (entity, id): (&str, Option<&str>),
    detail: serde_json::Value,
    path: &str,
) -> i64 {
    app.clock.set(at);
    hih_db::access::record(
        app.services(),
        &Actor::system(actor),
        AccessEvent {
            action,
            entity,
            entity_id: id.map(str::to_string),
            detail,
            result_count: Some(3),
            path,
        },
    )
    .await
    .unwrap();
    access_log::Entity::find()
        .order_by_desc(access_log::Column::Id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn access_ids(agent: &Agent, query: &str) -> Vec<i64> {
    let page = agent
        .get(&format!("/protokoll/zugriffe?per=0&{query}"))
        .await;
    assert_eq!(page.status, 200, "{query}");
    sorted(linked_ids(&page.body, "/protokoll/zugriffe/"))
}

#[tokio::test]
async fn access_filters_exports_and_detail() {
    let app = app().await;
    let a1 = access_event(
        &app,
        utc(2026, 11, 10, 9, 0),
        "sucher",
        AccessAction::Search,
        ("widget", None),
        json!([["q", "Alpha"]]),
        "/widgets",
    )
    .await;
    let a2 = access_event(
        &app,
        utc(2026, 11, 12, 9, 0),
        "sucher",
        AccessAction::View,
        ("widget", Some("7")),
        serde_json::Value::Null,
        "/widgets/7",
    )
    .await;
    let a3 = access_event(
        &app,
        utc(2026, 11, 14, 9, 0),
        "lader",
        AccessAction::Export,
        ("widget", None),
        json!({ "file": "export.csv" }),
        "/widgets/export/export.csv",
    )
    .await;
    let a4 = access_event(
        &app,
        utc(2026, 11, 14, 23, 30),
        "lader",
        AccessAction::Denied,
        ("gadget", Some("7")),
        serde_json::Value::Null,
        "/gadgets/7",
    )
    .await;
    app.clock.set(start());
    let (dpo, _) = agent_for(&app, Role::Dpo, "v-dpo").await;

    assert_eq!(access_ids(&dpo, "actor=sucher").await, vec![a1, a2]);
    assert_eq!(access_ids(&dpo, "action=denied").await, vec![a4]);
    assert_eq!(
        access_ids(&dpo, "action=export&actor=lader").await,
        vec![a3]
    );
    assert_eq!(access_ids(&dpo, "entity=widget&record=7").await, vec![a2]);
    assert_eq!(access_ids(&dpo, "record=7").await, vec![a2, a4]);
    assert_eq!(
        access_ids(&dpo, "from=2026-11-14&to=2026-11-14").await,
        vec![a3]
    );
    assert_eq!(
        access_ids(&dpo, "from=2026-11-12&to=2026-11-15").await,
        vec![a2, a3, a4]
    );
    assert_eq!(access_ids(&dpo, "q=alpha").await, vec![a1]);
    assert_eq!(access_ids(&dpo, "q=export.csv").await, vec![a3]);
    assert_eq!(
        access_ids(&dpo, "actor=lader&entity=gadget&q=gadgets").await,
        vec![a4]
    );
    assert!(
        access_ids(&dpo, "actor=sucher&action=denied")
            .await
            .is_empty()
    );

    // The dpo's own searches are in the access log as well.
    let searches = access_ids(&dpo, "entity=access_log&action=search").await;
    assert!(searches.len() >= 11, "{searches:?}");

    let list = dpo.get("/protokoll/zugriffe?per=0&entity=widget").await;
    assert!(list.contains("3 Einträge"));
    let csv_page = dpo
        .get("/protokoll/zugriffe/export/export.csv?entity=widget")
        .await;
    assert_eq!(csv_page.status, 200);
    let mut reader = csv::ReaderBuilder::new().from_reader(csv_page.csv());
    let ids: Vec<i64> = reader
        .records()
        .map(|r| r.unwrap()[0].parse().unwrap())
        .collect();
    assert_eq!(sorted(ids), vec![a1, a2, a3]);
    let xlsx_page = dpo
        .get("/protokoll/zugriffe/export/export.xlsx?entity=widget")
        .await;
    let mut book = Xlsx::new(std::io::Cursor::new(xlsx_page.bytes.clone())).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(sheet.rows().count(), 1 + 3);
    let export = app.access_entries("access_log", "export").await;
    assert_eq!(export.len(), 2);
    assert!(export.iter().all(|e| e.result_count == Some(3)));

    let detail = dpo.get(&format!("/protokoll/zugriffe/{a1}")).await;
    assert_eq!(detail.status, 200);
    assert!(detail.contains(r#"<tr><th scope="row">q</th><td>Alpha</td></tr>"#));
    assert!(detail.contains("10.11.2026 10:00:00"));
    assert!(detail.contains("Suche"));
    assert_eq!(dpo.get("/protokoll/zugriffe/999999").await.status, 404);
}

#[tokio::test]
async fn only_admins_and_the_dpo_read_the_logs() {
    let app = app().await;
    let pages = [
        "/protokoll/aenderungen",
        "/protokoll/zugriffe",
        "/protokoll/fehler",
    ];
    for (role, name) in [
        (Role::Admin, "v-admin"),
        (Role::Dpo, "v-dpo"),
        (Role::IhkStaff, "v-ihk"),
        (Role::AhkStaff, "v-ahk"),
        (Role::SuperAdmin, "v-op"),
    ] {
        let (agent, _) = agent_for(&app, role, name).await;
        let allowed = matches!(role, Role::Admin | Role::Dpo);
        for path in pages {
            let page = agent.get(path).await;
            let expected = if allowed { 200 } else { 403 };
            assert_eq!(page.status, expected, "{path} as {role:?}");
        }
        let export = agent.get("/protokoll/aenderungen/export/export.csv").await;
        assert_eq!(export.status, if allowed { 200 } else { 403 }, "{role:?}");
    }
    let anonymous = app.agent().get("/protokoll/aenderungen").await;
    assert_eq!(anonymous.status, 303);
}

/// A company in the IHK Erfurt's district, created as a job would.
async fn company(app: &TestApp) -> i64 {
    hih_matching::testing::company_in(app, "IHK Erfurt", "Verlauf GmbH").await
}

#[tokio::test]
async fn the_record_history_tab_is_there_for_admins_only() {
    let app = app().await;
    let id = company(&app).await;
    // minijinja escapes `/` and `&` in interpolated attribute values.
    let history = format!("&#x2f;protokoll&#x2f;aenderungen?entity=company&amp;record={id}");
    let (admin, _) = agent_for(&app, Role::Admin, "v-admin").await;
    let page = admin.get(&format!("/unternehmen/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.contains(&history), "{}", page.body);
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "v-ihk").await;
    let page = ihk.get(&format!("/unternehmen/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(
        !page.contains("&#x2f;protokoll&#x2f;aenderungen")
            && !page.contains("/protokoll/aenderungen"),
        "no history link"
    );

    // The link lists the company's creation.
    let created = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("company"))
        .filter(audit_log::Column::EntityId.eq(id.to_string()))
        .filter(audit_log::Column::Action.eq("create"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let list = admin
        .get(&format!(
            "/protokoll/aenderungen?per=0&entity=company&record={id}"
        ))
        .await;
    assert_eq!(
        linked_ids(&list.body, "/protokoll/aenderungen/"),
        vec![created.seq]
    );
    assert!(list.contains(r#"<option value="company" selected>"#));
}

/// A feature with a route that always fails and a job that always fails.
struct Broken;

#[handler]
async fn broken_page() -> poem::Result<String> {
    Err(hih_web::WebError(AppError::Internal("kaputt".into())).into())
}

struct BrokenJob;

#[async_trait::async_trait]
impl JobHandler for BrokenJob {
    async fn run(&self, _ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        Err(JobError::Permanent("Absichtlich kaputt".into()))
    }
}

impl Feature for Broken {
    fn name(&self) -> &'static str {
        "broken"
    }

    fn register(&self, r: &mut Registry) {
        r.route(
            "/test/kaputt",
            Access::Authenticated,
            get(broken_page).boxed(),
        );
        r.job(
            "test.broken",
            "protocol-viewer-errors-kind-job",
            Arc::new(BrokenJob),
        );
    }
}

async fn error_count(agent: &Agent, query: &str) -> String {
    let page = agent.get(&format!("/protokoll/fehler?per=0&{query}")).await;
    assert_eq!(page.status, 200, "{query}");
    page.body
}

#[tokio::test]
async fn failed_requests_and_failed_jobs_are_in_the_error_view() {
    let mut features = crate::features();
    features.push(&Broken);
    let app = TestApp::new(&features).await;
    let (admin, _) = agent_for(&app, Role::Admin, "v-admin").await;

    // A failing request: 500, recorded with its request id.
    let failed = admin.get("/test/kaputt").await;
    assert_eq!(failed.status, 500);
    let request_id = failed.header("x-request-id").unwrap().to_string();
    let logged = access_log::Entity::find()
        .filter(access_log::Column::Action.eq("error"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(logged.path, "/test/kaputt");
    assert!(logged.detail.contains(&request_id), "{}", logged.detail);
    assert!(logged.detail.contains("500"));

    // A failing job, run by the real workers.
    let (stop, rx) = tokio::sync::watch::channel(false);
    let workers = app
        .jobs
        .start(app.services().clone(), app.state.jobs.clone(), vec![], rx);
    app.services()
        .jobs
        .enqueue("test.broken", json!({}))
        .await
        .unwrap();
    let mut seen = false;
    for _ in 0..100 {
        if error_count(&admin, "kind=job")
            .await
            .contains("Absichtlich kaputt")
        {
            seen = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop.send(true).unwrap();
    let _ = tokio::time::timeout(Duration::from_secs(15), workers).await;
    assert!(seen, "the failed job is listed");

    let jobs = error_count(&admin, "kind=job").await;
    assert!(jobs.contains("1 Eintrag") && !jobs.contains(&request_id));
    assert!(jobs.contains("test.broken"));
    let requests = error_count(&admin, "kind=request").await;
    assert!(requests.contains("1 Eintrag"), "{requests}");
    assert!(requests.contains(&request_id) && !requests.contains("Absichtlich kaputt"));
    assert!(requests.contains(&format!("href=\"/protokoll/zugriffe/{}\"", logged.id)));
    let all = error_count(&admin, "").await;
    assert!(all.contains("2 Einträge"));
    assert!(error_count(&admin, "q=kaputt").await.contains("2 Einträge"));
    let text = error_count(&admin, "q=ABSICHTLICH").await;
    assert!(text.contains("1 Eintrag") && text.contains("Absichtlich kaputt"));
    let by_id = error_count(&admin, &format!("q={request_id}")).await;
    assert!(by_id.contains("1 Eintrag") && by_id.contains(&request_id));
    // The request failed on 2 November (test clock); the job ran just now (real clock).
    let day = error_count(&admin, "kind=request&from=2026-11-02&to=2026-11-02").await;
    assert!(day.contains("1 Eintrag"));
    let later = error_count(&admin, "kind=request&from=2026-11-03").await;
    assert!(later.contains("0 Einträge"), "{later}");
    let long_ago = error_count(&admin, "kind=job&from=2000-01-01&to=2000-01-02").await;
    assert!(long_ago.contains("0 Einträge"));
    // Paging: one a page still counts both.
    let paged = admin.get("/protokoll/fehler?per=20").await;
    assert!(paged.contains("2 Einträge"));

    // The failed request is in the access log's list as well.
    let access = admin.get("/protokoll/zugriffe?per=0&action=error").await;
    assert_eq!(
        linked_ids(&access.body, "/protokoll/zugriffe/"),
        vec![logged.id]
    );
    // The error view's own searches are access-logged.
    let searched = access_log::Entity::find()
        .filter(access_log::Column::Entity.eq("error_view"))
        .all(app.db())
        .await
        .unwrap();
    assert!(!searched.is_empty());
}

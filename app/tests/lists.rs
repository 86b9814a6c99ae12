//! Every registered list (`hih_web::list::register`, R-LST, R-EXP): in every role's scope the
//! list's count equals the rows of its export, the records of its distribution list and the
//! global search's count for the same free text, and every column it offers sorts both ways.
//! A list registered without test data here fails the test.

use hih_kernel::{Actor, Role};
use hih_testkit::{Page, TestApp};
use hih_users::testing::{agent_for, create_user};

use crate::app;
use crate::matrix::{applicant_in, company_in, match_of};

/// The lists this test covers with data; a registered list missing here fails.
const COVERED: [&str; 5] = ["applicants", "companies", "contacts", "matches", "users"];

/// The word every covered list finds.
const WORD: &str = "Lotus";

/// The number in an element's `data-<name>="…"` attribute.
fn number(p: &Page, name: &str) -> u64 {
    let marker = format!("data-{name}=\"");
    let at = p
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no data-{name} in {}", p.body));
    p.body[at + marker.len()..]
        .split('"')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("data-{name} is no number"))
}

/// Data rows of a CSV export (header and a byte-order mark left out).
fn csv_rows(p: &Page) -> u64 {
    let text = p.body.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if text.lines().next().unwrap_or("").contains(';') {
            b';'
        } else {
            b','
        })
        .from_reader(text.as_bytes());
    reader.records().count() as u64
}

/// The table body of a list page (its rows in order).
fn tbody(p: &Page) -> String {
    let start = p.body.find("<tbody>").unwrap_or(0);
    let end = p.body[start..]
        .find("</tbody>")
        .map(|e| start + e)
        .unwrap_or(p.body.len());
    p.body[start..end].to_string()
}

/// Test data every covered list finds with [`WORD`]: an account, companies in two districts,
/// applicants, matches and contact entries.
async fn seed(app: &TestApp) {
    create_user(app.services(), Role::IhkStaff, "lotus-erfurt").await;
    let erfurt = company_in(app, "IHK Erfurt", "Lotus Werke").await;
    company_in(app, "IHK Erfurt", "Lotus Bau").await;
    company_in(app, "IHK Düsseldorf", "Lotus am Rhein").await;
    let a = applicant_in(app, "VN", "Lotus", false).await;
    let b = applicant_in(app, "VN", "Lotusblüte", false).await;
    match_of(app, erfurt, a).await;
    match_of(app, erfurt, b).await;
    for (remarks, kind) in [
        ("Lotus Telefonat", "telefon"),
        ("Lotus Besuch", "persoenlich"),
    ] {
        let valid = hih_contact_history::service::ValidEntry {
            contact_date: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            contact_type: kind.into(),
            topic: "beratung".into(),
            remarks: remarks.into(),
            applicant_id: Some(a),
        };
        let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
            .await
            .unwrap();
        hih_contact_history::service::create(&mut uow, Some(erfurt), None, valid)
            .await
            .unwrap();
        uow.commit().await.unwrap();
    }
}

#[tokio::test]
async fn every_list_agrees_with_its_export_distribution_and_search_and_sorts_every_column() {
    let app = app().await;
    seed(&app).await;
    let lists = app.state.lists.clone();
    let mut keys: Vec<&str> = lists.iter().map(|l| l.key).collect();
    keys.sort_unstable();
    let mut covered = COVERED.to_vec();
    covered.sort_unstable();
    assert_eq!(
        keys, covered,
        "every registered list is covered by this test"
    );
    let resolver = app.state.actor_resolver.clone().expect("actor resolver");
    let mut found_by_someone = std::collections::BTreeSet::new();
    for role in [Role::Admin, Role::IhkStaff, Role::AhkStaff] {
        let (agent, user) = agent_for(
            &app,
            role,
            &format!("lists-{}", role.code().replace('_', "-")),
        )
        .await;
        let actor = resolver
            .resolve(app.services(), user.id)
            .await
            .unwrap()
            .expect("active account");
        for l in &lists {
            let query = format!("q={WORD}");
            let page = agent.get(&format!("{}?{query}&per=0", l.path)).await;
            if !l.permission.allows(&actor) {
                assert_eq!(page.status, 403, "{role:?} {}", l.path);
                continue;
            }
            assert_eq!(page.status, 200, "{role:?} {}: {}", l.path, page.body);
            let total = number(&page, "total");
            if total > 0 {
                found_by_someone.insert(l.key);
            }
            if let Some(export) = &l.export {
                let csv = agent.get(&format!("{export}/export.csv?{query}")).await;
                assert_eq!(csv.status, 200, "{role:?} {export}");
                assert_eq!(csv_rows(&csv), total, "{role:?} {export}: export rows");
                let xlsx = agent.get(&format!("{export}/export.xlsx?{query}")).await;
                assert_eq!(xlsx.status, 200, "{role:?} {export} (xlsx)");
            }
            if let Some(distribution) = &l.distribution {
                let d = agent.get(&format!("{distribution}?{query}")).await;
                assert_eq!(d.status, 200, "{role:?} {distribution}");
                assert_eq!(number(&d, "found"), total, "{role:?} {distribution}");
                let csv = agent
                    .get(&format!("{distribution}/verteiler.csv?{query}"))
                    .await;
                assert_eq!(
                    csv_rows(&csv),
                    number(&d, "count"),
                    "{role:?} {distribution}"
                );
            }
            if let Some(kind) = l.search_kind {
                let provider = app
                    .state
                    .search_providers
                    .iter()
                    .find(|p| p.kind() == kind)
                    .expect("the list's search provider");
                let hits = provider
                    .search(app.services(), &actor, WORD, 10)
                    .await
                    .unwrap();
                // The search's "show all" list has the count the search reports.
                let shown = agent.get(&format!("{}&per=0", hits.list_href)).await;
                assert_eq!(number(&shown, "total"), hits.total, "{role:?} {kind}");
                if !hits.list_href.contains('&') {
                    assert_eq!(hits.total, total, "{role:?} {kind}: search = list");
                }
            }
            for key in &l.sort_keys {
                let asc = agent
                    .get(&format!("{}?{query}&per=0&sort={key}&dir=asc", l.path))
                    .await;
                let desc = agent
                    .get(&format!("{}?{query}&per=0&sort={key}&dir=desc", l.path))
                    .await;
                assert_eq!(asc.status, 200, "{role:?} {} sort {key}", l.path);
                assert_eq!(desc.status, 200, "{role:?} {} sort {key} desc", l.path);
                if total >= 2 {
                    assert_ne!(
                        tbody(&asc),
                        tbody(&desc),
                        "{role:?} {} sort {key}: descending reverses the order",
                        l.path
                    );
                }
            }
        }
    }
    for key in COVERED {
        assert!(
            found_by_someone.contains(key),
            "{key}: no role found the test data"
        );
    }
}

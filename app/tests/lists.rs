//! Every registered list (`hih_web::list::register`, R-LST, R-EXP): in every role's scope the
//! list's count equals the rows of its export, the records of its distribution list and the
//! global search's count for the same free text, and every column it offers sorts both ways.
//! A list registered without test data here fails the test.

use hih_kernel::{Actor, Role};
use hih_testkit::{Page, TestApp};
use hih_users::testing::{agent_for, create_user};

use crate::app;
use crate::security::institution_id;
use hih_applicants::testing::prospect_in as applicant_in;
use hih_companies::testing::company_in;
use hih_matching::testing::match_of;

/// The lists this test covers with data; a registered list missing here fails.
const COVERED: [&str; 9] = [
    "applicants",
    "companies",
    "contacts",
    "forum_materials",
    "forum_topics",
    "matches",
    "monthly",
    "texts",
    "users",
];

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

/// `name=value` with every byte of the value but letters and digits percent-encoded.
fn encoded(name: &str, value: &str) -> String {
    let value: String = value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("{name}={value}")
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

/// An open month `period` (`JJJJ-MM`) of monthly counts for `district`.
pub(crate) async fn month(app: &TestApp, district: i64, period: &str, addressed: i32) {
    use hih_companies::monthly::{self, Figures, Period, ValidMonth};
    let figures = ValidMonth([("telefon".to_string(), Figures { addressed, kmu: 1 })].into());
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let period = Period::parse(period).unwrap();
    monthly::save(&mut uow, district, period, &figures)
        .await
        .unwrap();
    uow.commit().await.unwrap();
}

/// Test data every covered list finds with [`WORD`]: an account, companies in two districts,
/// applicants, matches and contact entries; monthly counts (which have no free text: the list
/// shows every month in scope) of two districts, two months for Erfurt.
async fn seed(app: &TestApp) {
    // Two texts an admin changed to name the word (the text list searches keys and values).
    for (key, value) in [
        ("admin-texts-intro", "Lotus: alle Texte"),
        ("home-title", "Lotus-Start"),
    ] {
        use sea_orm::{ActiveModelTrait, Set};
        hih_db::entities::text_override::ActiveModel {
            locale: Set("de".into()),
            key: Set(key.into()),
            value: Set(value.into()),
            updated_at: Set(chrono::Utc::now()),
            updated_by: Set("test".into()),
            ..Default::default()
        }
        .insert(&app.services().db)
        .await
        .unwrap();
    }
    app.state.refresh_texts(true).await.unwrap();
    // The staff exchange: two topics (one found by a post's word) and two materials.
    use hih_counselling::testing::forum;
    forum::topic(app, "Lotus-Runde", "Erster Beitrag").await;
    forum::topic(app, "Sprachkurse", "Lotusblüten im Kurs").await;
    forum::material(app, "Lotus-Merkblatt", "für alle").await;
    forum::material(app, "Visum", "Lotus-Verfahren").await;
    create_user(app.services(), Role::IhkStaff, "lotus-erfurt").await;
    let erfurt = company_in(app, "IHK Erfurt", "Lotus Werke").await;
    company_in(app, "IHK Erfurt", "Lotus Bau").await;
    company_in(app, "IHK Düsseldorf", "Lotus am Rhein").await;
    for (ihk, period, addressed) in [
        ("IHK Erfurt", "2026-09", 3),
        ("IHK Erfurt", "2026-10", 5),
        ("IHK Düsseldorf", "2026-10", 4),
    ] {
        month(app, institution_id(app, ihk).await, period, addressed).await;
    }
    let a = applicant_in(app, "VN", "Lotus", false).await;
    let b = applicant_in(app, "VN", "Lotusblüte", false).await;
    match_of(app, erfurt, a).await;
    match_of(app, erfurt, b).await;
    for (remarks, kind) in [
        ("Lotus Telefonat", "telefon"),
        ("Lotus Besuch", "persoenlich"),
    ] {
        entry(
            app,
            erfurt,
            Some(a),
            kind,
            "beratung",
            "2026-10-01",
            remarks,
        )
        .await;
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

/// A contact entry about `company` (and `applicant`) of `kind` on `date`, written by a job.
async fn entry(
    app: &TestApp,
    company: i64,
    applicant: Option<i64>,
    kind: &str,
    topic: &str,
    date: &str,
    remarks: &str,
) {
    let valid = hih_contact_history::service::ValidEntry {
        contact_date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        contact_type: kind.into(),
        topic: topic.into(),
        remarks: remarks.into(),
        applicant_id: applicant,
    };
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    hih_contact_history::service::create(&mut uow, Some(company), None, valid)
        .await
        .unwrap();
    uow.commit().await.unwrap();
}

/// The contact history's free text finds type and topic labels ("persönlich", "E-Mail"); its
/// filters narrow by type, topic, author and date range; a malformed date is explained next
/// to the field and the rest of the filter still applies; the export has the list's rows.
#[tokio::test]
async fn contact_history_finds_labels_and_filters_by_type_topic_author_and_dates() {
    let app = app().await;
    let c = company_in(&app, "IHK Erfurt", "Kontakt GmbH").await;
    entry(
        &app,
        c,
        None,
        "telefon",
        "beratung",
        "2026-09-01",
        "Erstes Gespräch",
    )
    .await;
    entry(
        &app,
        c,
        None,
        "persoenlich",
        "beratung",
        "2026-10-01",
        "Besuch vor Ort",
    )
    .await;
    entry(
        &app,
        c,
        None,
        "email",
        "anerkennung",
        "2026-11-01",
        "Unterlagen geschickt",
    )
    .await;
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "kontakte-ihk").await;
    let count = |q: &'static str| {
        let ihk = &ihk;
        async move {
            let p = ihk.get(&format!("/kontakte?per=0&{q}")).await;
            assert_eq!(p.status, 200, "{q}: {}", p.body);
            number(&p, "total")
        }
    };
    assert_eq!(count("").await, 3);
    assert_eq!(
        count("q=pers%C3%B6nlich").await,
        1,
        "the type's German label"
    );
    assert_eq!(count("q=E-Mail").await, 1, "E-Mail");
    assert_eq!(count("q=in+person").await, 1, "the English label");
    assert_eq!(count("q=anerkennung").await, 1, "the topic");
    assert_eq!(count("type=telefon").await, 1);
    assert_eq!(count("topic=beratung").await, 2);
    assert_eq!(count("author=niemand").await, 0, "no entry by that author");
    let author = {
        use sea_orm::EntityTrait;
        hih_contact_history::entities::contact_entry::Entity::find()
            .all(app.db())
            .await
            .unwrap()[0]
            .author_name
            .clone()
    };
    let by_author = ihk
        .get(&format!("/kontakte?per=0&{}", encoded("author", &author)))
        .await;
    assert_eq!(number(&by_author, "total"), 3, "{author}");
    assert_eq!(count("from=2026-10-01").await, 2);
    assert_eq!(count("from=2026-09-15&to=2026-10-15").await, 1);
    let bad = ihk.get("/kontakte?topic=beratung&from=gestern").await;
    assert_eq!(bad.status, 200);
    assert_eq!(number(&bad, "total"), 2, "the other filters still apply");
    assert!(bad.contains("Bitte geben Sie ein Datum"), "{}", bad.body);
    let csv = ihk.get("/kontakte/export/export.csv?topic=beratung").await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv_rows(&csv), 2);
    assert!(
        csv.contains("persönlich"),
        "labels, not codes: {}",
        csv.body
    );
    // Newest first by default.
    let list = ihk.get("/kontakte?per=0").await;
    let at = |t: &str| list.body.find(t).unwrap_or(usize::MAX);
    assert!(at("Unterlagen geschickt") < at("Besuch vor Ort"));
    assert!(at("Besuch vor Ort") < at("Erstes Gespräch"));
}

/// Admins list, filter, sort and export companies by IHK district; IHK staff, bound to their
/// district, get neither column nor filter (a district in the query changes nothing).
#[tokio::test]
async fn admins_filter_and_export_companies_by_ihk_district() {
    let app = app().await;
    company_in(&app, "IHK Erfurt", "Bezirk Erfurt GmbH").await;
    company_in(&app, "IHK Düsseldorf", "Bezirk Rhein GmbH").await;
    let erfurt = institution_id(&app, "IHK Erfurt").await;
    let rhein = institution_id(&app, "IHK Düsseldorf").await;
    let (admin, _) = agent_for(&app, Role::Admin, "bezirk-admin").await;
    let all = admin.get("/unternehmen?q=bezirk&per=0").await;
    assert_eq!(number(&all, "total"), 2);
    assert!(all.contains("IHK-Bezirk"), "district column and filter");
    let p = admin
        .get(&format!("/unternehmen?q=bezirk&district={erfurt}&per=0"))
        .await;
    assert_eq!(number(&p, "total"), 1);
    assert!(p.contains("Bezirk Erfurt GmbH") && !p.contains("Bezirk Rhein GmbH"));
    let p = admin.get("/unternehmen?q=bezirk&district=abc").await;
    assert_eq!(number(&p, "total"), 0, "a malformed district finds nothing");
    let asc = admin
        .get("/unternehmen?q=bezirk&sort=district&dir=asc&per=0")
        .await;
    assert!(
        asc.body.find("Bezirk Rhein GmbH") < asc.body.find("Bezirk Erfurt GmbH"),
        "Düsseldorf before Erfurt"
    );
    let csv = admin
        .get(&format!(
            "/unternehmen/export/export.csv?q=bezirk&district={rhein}"
        ))
        .await;
    assert_eq!(csv_rows(&csv), 1);
    assert!(csv.contains("IHK-Bezirk") && csv.contains("IHK Düsseldorf"));
    assert!(csv.contains("Ansprechperson"), "contact person's fields");

    let (ihk, _) = agent_for(&app, Role::IhkStaff, "bezirk-ihk").await;
    let p = ihk
        .get(&format!("/unternehmen?q=bezirk&district={rhein}&per=0"))
        .await;
    assert_eq!(number(&p, "total"), 1, "their own district only");
    assert!(p.contains("Bezirk Erfurt GmbH"));
    assert!(!p.contains("IHK-Bezirk"), "no district column or filter");
    let csv = ihk.get("/unternehmen/export/export.csv?q=bezirk").await;
    assert!(!csv.contains("IHK-Bezirk"));
}

/// Each list has its own default page size (`list_page_sizes.<key>`), else the general one.
#[tokio::test]
async fn each_list_has_its_own_default_page_size() {
    let mut settings = TestApp::settings();
    settings.list_page_sizes.insert("companies".into(), 40);
    let app = TestApp::with_settings(&crate::all_features(), settings).await;
    let (admin, _) = agent_for(&app, Role::Admin, "groesse").await;
    let companies = admin.get("/unternehmen").await;
    assert!(
        companies.contains("<option value=\"40\" selected>"),
        "{}",
        companies.body
    );
    let applicants = admin.get("/bewerber").await;
    assert!(applicants.contains("<option value=\"20\" selected>"));
}

/// The monthly counts are a list like the others: their own default page size
/// (`list_page_sizes.monthly`), the newest month first (missing months included), malformed
/// filters find nothing, and the export has the list's rows in the list's order.
#[tokio::test]
async fn monthly_counts_open_newest_first_with_their_own_page_size() {
    let mut settings = TestApp::settings();
    settings.list_page_sizes.insert("monthly".into(), 60);
    let app = TestApp::with_settings(&crate::all_features(), settings).await;
    let erfurt = institution_id(&app, "IHK Erfurt").await;
    month(&app, erfurt, "2026-08", 1).await;
    month(&app, erfurt, "2026-10", 2).await;
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "monat-liste").await;
    let page = ihk.get("/monatszahlen").await;
    assert_eq!(page.status, 200);
    assert!(
        page.contains("<option value=\"60\" selected>"),
        "{}",
        page.body
    );
    assert_eq!(
        number(&page, "total"),
        3,
        "August, September (missing), October"
    );
    let body = tbody(&page);
    let at = |t: &str| body.find(t).unwrap_or(usize::MAX);
    assert!(at("Oktober 2026") < at("September 2026"));
    assert!(at("September 2026") < at("August 2026"));
    let oldest = tbody(&ihk.get("/monatszahlen?sort=period&dir=asc").await);
    assert!(oldest.find("August 2026") < oldest.find("Oktober 2026"));
    for bad in ["year=zwanzig", "district=abc", "status=irgendwas"] {
        let p = ihk.get(&format!("/monatszahlen?{bad}")).await;
        assert_eq!(p.status, 200, "{bad}");
        assert_eq!(number(&p, "total"), 0, "{bad} finds nothing");
    }
    let csv = ihk.get("/monatszahlen/export/export.csv").await;
    assert_eq!(csv_rows(&csv), 3);
    let lines: Vec<&str> = csv.body.lines().skip(1).collect();
    assert!(lines[0].contains(",2026,10,"), "{}", csv.body);
    assert!(lines[2].contains(",2026,8,"), "{}", csv.body);
    // A district outside the caller's scope shows nothing.
    let rhein = institution_id(&app, "IHK Düsseldorf").await;
    let p = ihk.get(&format!("/monatszahlen?district={rhein}")).await;
    assert_eq!(number(&p, "total"), 0);
}

/// The contact history's company and applicant filters take a number, a Bewerberkennung or a
/// name (no JavaScript, no endless select): one record in the caller's scope filters the list,
/// its page links and its export; none or several are explained next to the field and find
/// nothing.
#[tokio::test]
async fn contact_history_filters_by_a_company_or_applicant_named_in_the_form() {
    let app = app().await;
    let nord = company_in(&app, "IHK Erfurt", "Kontakt Nord GmbH").await;
    let sued = company_in(&app, "IHK Erfurt", "Kontakt Süd GmbH").await;
    let rhein = company_in(&app, "IHK Düsseldorf", "Rhein Kontakt AG").await;
    let a = hih_applicants::testing::applicant_in(&app, "VN", "Lotusfeld").await;
    match_of(&app, nord, a.id).await;
    let code = a.applicant_id.clone().expect("Bewerberkennung");
    entry(
        &app,
        nord,
        Some(a.id),
        "telefon",
        "beratung",
        "2026-09-01",
        "Nord eins",
    )
    .await;
    entry(
        &app,
        nord,
        None,
        "email",
        "beratung",
        "2026-09-02",
        "Nord zwei",
    )
    .await;
    entry(
        &app,
        sued,
        None,
        "telefon",
        "beratung",
        "2026-09-03",
        "Süd eins",
    )
    .await;
    entry(
        &app,
        rhein,
        None,
        "telefon",
        "beratung",
        "2026-09-04",
        "Rhein eins",
    )
    .await;
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "kontakte-namen").await;
    let list = |q: String| {
        let ihk = &ihk;
        async move {
            let p = ihk.get(&format!("/kontakte?per=0&{q}")).await;
            assert_eq!(p.status, 200, "{q}: {}", p.body);
            p
        }
    };
    let p = list(String::new()).await;
    assert_eq!(number(&p, "total"), 3, "Erfurt's entries");
    assert!(p.contains("id=\"company\"") && p.contains("id=\"applicant\""));
    for (q, n) in [
        (encoded("company", "Kontakt Nord GmbH"), 2),
        (encoded("company", "nord"), 2),
        (encoded("company", &sued.to_string()), 1),
        (encoded("applicant", &code), 1),
        (encoded("applicant", &code.to_lowercase()), 1),
        (encoded("applicant", "Lotusfeld"), 1),
    ] {
        let p = list(q.clone()).await;
        assert_eq!(number(&p, "total"), n, "{q}");
        assert!(!p.contains("aria-invalid=\"true\""), "{q}: no error");
    }
    let nord_only = list(encoded("company", "nord")).await;
    assert!(nord_only.contains("Nord eins") && !nord_only.contains("Süd eins"));
    assert!(
        nord_only.contains("value=\"nord\""),
        "the field keeps what was typed"
    );
    assert!(
        nord_only.contains("company=nord&amp;sort=") || nord_only.contains("company=nord&sort="),
        "sort and page links keep the filter: {}",
        nord_only.body
    );
    // Several companies match "Kontakt"; the Düsseldorf company is outside the scope.
    let several = list(encoded("company", "Kontakt")).await;
    assert_eq!(number(&several, "total"), 0, "several: nothing");
    assert!(
        several.contains("Mehrere Unternehmen passen"),
        "{}",
        several.body
    );
    assert!(several.contains("aria-invalid=\"true\""));
    let foreign = list(encoded("company", "Rhein Kontakt AG")).await;
    assert_eq!(number(&foreign, "total"), 0);
    assert!(foreign.contains("Kein Unternehmen in Ihrem Zuständigkeitsbereich"));
    let foreign_id = list(encoded("company", &rhein.to_string())).await;
    assert_eq!(number(&foreign_id, "total"), 0, "another district's number");
    let nobody = list(encoded("applicant", "Niemand")).await;
    assert_eq!(number(&nobody, "total"), 0);
    assert!(nobody.contains("Keine Bewerberin und kein Bewerber"));
    // The export has the list's rows.
    let csv = ihk
        .get(&format!(
            "/kontakte/export/export.csv?{}",
            encoded("company", "nord")
        ))
        .await;
    assert_eq!(csv_rows(&csv), 2);
    let csv = ihk
        .get(&format!(
            "/kontakte/export/export.csv?{}",
            encoded("company", "Kontakt")
        ))
        .await;
    assert_eq!(csv_rows(&csv), 0, "an ambiguous name exports nothing");
}

#[tokio::test]
async fn a_distribution_list_pages_its_table_and_keeps_every_address_to_copy() {
    use sea_orm::ConnectionTrait;
    let app = app().await;
    for i in 0..21 {
        company_in(&app, "IHK Erfurt", &format!("Verteiler {i:02} GmbH")).await;
    }
    // An address of its own each (the fixture gives all the same one).
    app.db()
        .execute_unprepared(
            "UPDATE company SET contact_email = 'verteiler' || id || '@example.org' WHERE name LIKE 'Verteiler%'",
        )
        .await
        .unwrap();
    let (admin, _) = agent_for(&app, Role::Admin, "verteiler").await;
    let first = admin.get("/unternehmen/verteiler?q=verteiler").await;
    assert_eq!(first.status, 200);
    assert_eq!(number(&first, "count"), 21);
    assert_eq!(tbody(&first).matches("<tr>").count(), 20, "20 a page");
    let copy = &first.body[first.body.find("id=\"all-addresses\"").unwrap()..];
    assert_eq!(
        copy[..copy.find("</textarea>").unwrap()]
            .matches("@example.org")
            .count(),
        21,
        "every address to copy"
    );
    assert!(
        first.contains("verteiler?q=verteiler") && first.contains("page=2"),
        "the pager stays on the distribution page"
    );
    let second = admin.get("/unternehmen/verteiler?q=verteiler&page=2").await;
    assert_eq!(tbody(&second).matches("<tr>").count(), 1);
    assert!(second.contains("aria-current=\"page\">2<"));
    let all = admin.get("/unternehmen/verteiler?q=verteiler&per=0").await;
    assert_eq!(tbody(&all).matches("<tr>").count(), 21);
}

/// The names of the companies a list page shows, in its order (a row names its company more
/// than once: link and label).
fn company_names(p: &Page) -> Vec<String> {
    let mut names: Vec<String> = tbody(p)
        .split("Seitenweise ")
        .skip(1)
        .filter_map(|s| s.get(..2).map(|n| format!("Seitenweise {n}")))
        .collect();
    names.dedup();
    names
}

#[tokio::test]
async fn a_free_text_search_counts_and_pages_in_one_statement_like_the_whole_list() {
    let app = app().await;
    // 45 matches (not in name order of creation), some non-matching companies around them.
    for i in 0..45 {
        let n = (i * 17) % 45;
        company_in(&app, "IHK Erfurt", &format!("Seitenweise {n:02} GmbH")).await;
    }
    for name in ["Andere GmbH", "Weitere AG"] {
        company_in(&app, "IHK Erfurt", name).await;
    }
    let (admin, _) = agent_for(&app, Role::Admin, "one-pass").await;
    let all = admin.get("/unternehmen?q=seitenweise&per=0").await;
    assert_eq!(number(&all, "total"), 45);
    let every = company_names(&all);
    assert_eq!(every.len(), 45);
    let expected: Vec<String> = (0..45).map(|n| format!("Seitenweise {n:02}")).collect();
    assert_eq!(every, expected, "in name order");
    let mut paged = Vec::new();
    for page in 1..=3 {
        let p = admin
            .get(&format!("/unternehmen?q=seitenweise&per=20&page={page}"))
            .await;
        assert_eq!(number(&p, "total"), 45, "page {page} counts every match");
        paged.extend(company_names(&p));
    }
    assert_eq!(paged, every, "the pages are the whole list, once each");
    // A page beyond the end shows the last one, with the total.
    let beyond = admin.get("/unternehmen?q=seitenweise&per=20&page=9").await;
    assert_eq!(number(&beyond, "total"), 45);
    assert_eq!(company_names(&beyond), expected[40..].to_vec());
    // Nothing found: zero, no rows, on any page.
    for page in [1, 4] {
        let none = admin
            .get(&format!("/unternehmen?q=nirgendwo&per=20&page={page}"))
            .await;
        assert_eq!(none.status, 200);
        assert_eq!(number(&none, "total"), 0);
        assert!(company_names(&none).is_empty());
    }
    // Descending is the exact reverse.
    let desc = admin
        .get("/unternehmen?q=seitenweise&per=20&sort=name&dir=desc")
        .await;
    let mut reversed = expected.clone();
    reversed.reverse();
    assert_eq!(company_names(&desc), reversed[..20].to_vec());
}

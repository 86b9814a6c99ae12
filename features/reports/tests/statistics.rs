//! Every figure of the statistics page against hand-computed values (R-STA-1), scoped
//! (R-STA-5), and unchanged by the retention purge and by physical deletes (R-RET-3).

use chrono::{Duration, NaiveDate};
use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_db::UnitOfWork;
use hih_i18n::Locale;
use hih_kernel::{Actor, Role};
use hih_matching::entities::placement;
use hih_reports::scope::StatScope;
use hih_reports::statistics::crosstab::{self, CrossQuery, CrossTable};
use hih_reports::statistics::labels::Labels;
use hih_reports::statistics::{self, Period, Statistics, Topic};
use hih_testkit::TestApp;
use hih_users::testing::agent_for;
use sea_orm::EntityTrait;

use crate::app;
use crate::fixture::{self, Ids};

type Rows = Vec<(&'static str, Vec<f64>)>;

/// A topic's rows; `None` values are written as -1 in the expectations.
fn rows(s: &Statistics, slug: &str) -> Vec<(String, Vec<f64>)> {
    s.topic(slug)
        .unwrap_or_else(|| panic!("topic {slug}"))
        .rows
        .iter()
        .map(|r| {
            (
                r.label.clone(),
                r.values.iter().map(|v| v.unwrap_or(-1.0)).collect(),
            )
        })
        .collect()
}

fn check(s: &Statistics, slug: &str, expected: Rows) {
    let expected: Vec<(String, Vec<f64>)> = expected
        .into_iter()
        .map(|(l, v)| (l.to_string(), v))
        .collect();
    assert_eq!(rows(s, slug), expected, "topic {slug}");
}

const HANDEL: &str = "Handel; Instandhaltung und Reparatur von Kraftfahrzeugen";
const GEWERBE: &str = "Verarbeitendes Gewerbe";

async fn stats(app: &TestApp, scope: &StatScope) -> Statistics {
    statistics::compute(app.services(), scope, None, Locale::De)
        .await
        .unwrap()
}

fn check_all_programme(s: &Statistics) {
    check(
        s,
        "by-country",
        vec![
            ("Indien", vec![2.0]),
            ("Vietnam", vec![3.0]),
            ("Gesamt", vec![5.0]),
        ],
    );
    check(
        s,
        "companies-district",
        vec![
            ("IHK Erfurt", vec![3.0]),
            ("IHK zu Lübeck", vec![2.0]),
            ("Gesamt", vec![5.0]),
        ],
    );
    check(
        s,
        "companies-industry",
        vec![
            (HANDEL, vec![2.0]),
            (GEWERBE, vec![3.0]),
            ("Gesamt", vec![5.0]),
        ],
    );
    check(
        s,
        "kmu-district",
        vec![
            ("IHK Erfurt", vec![1.0]),
            ("IHK zu Lübeck", vec![2.0]),
            ("Gesamt", vec![3.0]),
        ],
    );
    check(
        s,
        "matches",
        vec![
            ("Arbeitsaufnahme", vec![1.0]),
            ("Arbeitsvertrag unterschrieben", vec![1.0]),
            ("vermittelt", vec![1.0]),
            ("Gesamt", vec![3.0]),
        ],
    );
    check(
        s,
        "targets",
        vec![
            ("Angesprochene Unternehmen", vec![105.0, 1000.0, 10.5]),
            ("Angesprochene KMU", vec![70.0, 200.0, 35.0]),
            ("Bewerberinnen und Bewerber", vec![5.0, 3000.0, 0.2]),
            ("Vermittlungen", vec![3.0, 300.0, 1.0]),
        ],
    );
    check(
        s,
        "funnel",
        vec![
            ("Interessent/in", vec![1.0, 20.0]),
            ("Bewerber/in", vec![2.0, 40.0]),
            ("zukünftige Fachkraft", vec![0.0, 0.0]),
            ("Fachkraft", vec![1.0, 20.0]),
            ("Abbrecher/in", vec![1.0, 20.0]),
            ("Gesamt", vec![5.0, 100.0]),
        ],
    );
    check(
        s,
        "durations",
        vec![
            ("Sprachzertifikat", vec![60.0, 60.0, 2.0]),
            ("Anerkennung", vec![60.0, 50.0, 3.0]),
            ("Visum", vec![40.0, 40.0, 3.0]),
        ],
    );
    check(s, "dropout", vec![("Sprachkurse", vec![4.0, 1.0, 25.0])]);
    check(
        s,
        "response",
        vec![
            ("Informationsveranstaltung", vec![5.0, 0.0, 0.0]),
            ("Telefonakquise", vec![80.0, 3.0, 3.8]),
            ("E-Mail/Mailing", vec![20.0, 2.0, 10.0]),
            ("Gesamt", vec![105.0, 5.0, 4.8]),
        ],
    );
    check(
        s,
        "employment",
        vec![
            ("nach 6 Monaten", vec![1.0, 1.0, 1.0, 33.3]),
            ("nach 12 Monaten", vec![0.0, 1.0, 2.0, 0.0]),
        ],
    );
}

fn check_erfurt(s: &Statistics) {
    check(
        s,
        "by-country",
        vec![
            ("Indien", vec![1.0]),
            ("Vietnam", vec![1.0]),
            ("Gesamt", vec![2.0]),
        ],
    );
    check(
        s,
        "companies-district",
        vec![("IHK Erfurt", vec![3.0]), ("Gesamt", vec![3.0])],
    );
    check(
        s,
        "companies-industry",
        vec![
            (HANDEL, vec![1.0]),
            (GEWERBE, vec![2.0]),
            ("Gesamt", vec![3.0]),
        ],
    );
    check(
        s,
        "kmu-district",
        vec![("IHK Erfurt", vec![1.0]), ("Gesamt", vec![1.0])],
    );
    check(
        s,
        "matches",
        vec![
            ("Arbeitsvertrag unterschrieben", vec![1.0]),
            ("vermittelt", vec![1.0]),
            ("Gesamt", vec![2.0]),
        ],
    );
    check(
        s,
        "targets",
        vec![
            ("Angesprochene Unternehmen", vec![70.0, 1000.0, 7.0]),
            ("Angesprochene KMU", vec![45.0, 200.0, 22.5]),
            ("Bewerberinnen und Bewerber", vec![2.0, 3000.0, 0.1]),
            ("Vermittlungen", vec![2.0, 300.0, 0.7]),
        ],
    );
    check(
        s,
        "durations",
        vec![
            ("Sprachzertifikat", vec![60.0, 60.0, 2.0]),
            ("Anerkennung", vec![30.0, 30.0, 1.0]),
            ("Visum", vec![40.0, 40.0, 2.0]),
        ],
    );
    check(s, "dropout", vec![("Sprachkurse", vec![2.0, 0.0, 0.0])]);
    check(
        s,
        "response",
        vec![
            ("Telefonakquise", vec![50.0, 2.0, 4.0]),
            ("E-Mail/Mailing", vec![20.0, 1.0, 5.0]),
            ("Gesamt", vec![70.0, 3.0, 4.3]),
        ],
    );
    check(
        s,
        "employment",
        vec![
            ("nach 6 Monaten", vec![1.0, 0.0, 1.0, 50.0]),
            ("nach 12 Monaten", vec![0.0, 0.0, 2.0, 0.0]),
        ],
    );
}

fn check_vietnam(s: &Statistics) {
    check(
        s,
        "by-country",
        vec![("Vietnam", vec![3.0]), ("Gesamt", vec![3.0])],
    );
    check(s, "companies-district", vec![("Gesamt", vec![0.0])]);
    check(
        s,
        "matches",
        vec![
            ("Arbeitsaufnahme", vec![1.0]),
            ("vermittelt", vec![1.0]),
            ("Gesamt", vec![2.0]),
        ],
    );
    check(
        s,
        "targets",
        vec![
            ("Angesprochene Unternehmen", vec![0.0, 1000.0, 0.0]),
            ("Angesprochene KMU", vec![0.0, 200.0, 0.0]),
            ("Bewerberinnen und Bewerber", vec![3.0, 3000.0, 0.1]),
            ("Vermittlungen", vec![2.0, 300.0, 0.7]),
        ],
    );
    check(
        s,
        "durations",
        vec![
            ("Sprachzertifikat", vec![90.0, 90.0, 1.0]),
            ("Anerkennung", vec![45.0, 45.0, 2.0]),
            ("Visum", vec![30.0, 30.0, 2.0]),
        ],
    );
    check(s, "dropout", vec![("Sprachkurse", vec![3.0, 1.0, 33.3])]);
}

/// The cross-tabs compared before and after deletion.
const XTABS: [(&str, &str, &str); 6] = [
    ("companies", "district", "industry"),
    ("companies", "size", "month"),
    ("applicants", "country", "status"),
    ("applicants", "occupation", "year"),
    ("placements", "district", "status"),
    ("placements", "country", "month"),
];

async fn xtab(app: &TestApp, scope: &StatScope, subject: &str, row: &str, col: &str) -> CrossTable {
    let q = CrossQuery {
        subject: subject.into(),
        row: row.into(),
        col: col.into(),
        ..CrossQuery::default()
    };
    let spec = crosstab::validate(&q, scope).unwrap();
    let labels = Labels::load(app.services(), Locale::De).await.unwrap();
    crosstab::compute(app.services(), &spec, &labels)
        .await
        .unwrap()
}

/// Everything that must not change: all topics and the cross-tabs for three scopes, and a
/// period.
async fn snapshot(app: &TestApp, ids: &Ids) -> Vec<String> {
    let mut out = Vec::new();
    for scope in [
        StatScope::All,
        StatScope::District(ids.erfurt),
        StatScope::District(ids.luebeck),
        StatScope::Country("VN".into()),
    ] {
        let topics: Vec<Topic> = stats(app, &scope).await.topics;
        out.push(format!("{scope:?} {topics:?}"));
        let period = Period {
            from: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 4, 30).unwrap(),
        };
        let in_period = statistics::compute(app.services(), &scope, Some(period), Locale::De)
            .await
            .unwrap();
        out.push(format!("{scope:?} period {:?}", in_period.topics));
        for (s, r, c) in XTABS {
            // AHK staff may not break matches down by company attributes (refused instead).
            if matches!(scope, StatScope::Country(_)) && s == "placements" && r == "district" {
                continue;
            }
            let t = xtab(app, &scope, s, r, c).await;
            out.push(format!("{scope:?} {s} {r} {c} {t:?}"));
        }
    }
    out
}

#[tokio::test]
async fn every_figure_matches_the_hand_computed_values() {
    let app = app().await;
    let ids = fixture::build(&app).await;
    check_all_programme(&stats(&app, &StatScope::All).await);
    check_erfurt(&stats(&app, &StatScope::District(ids.erfurt)).await);
    check_vietnam(&stats(&app, &StatScope::Country("VN".into())).await);
    let nothing = stats(&app, &StatScope::Nothing).await;
    check(&nothing, "by-country", vec![("Gesamt", vec![0.0])]);
    // A period of entry months: March and April 2026.
    let period = Period {
        from: NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
    };
    let s = statistics::compute(app.services(), &StatScope::All, Some(period), Locale::De)
        .await
        .unwrap();
    check(
        &s,
        "by-country",
        vec![
            ("Indien", vec![1.0]),
            ("Vietnam", vec![2.0]),
            ("Gesamt", vec![3.0]),
        ],
    );
    check(
        &s,
        "companies-district",
        vec![
            ("IHK Erfurt", vec![2.0]),
            ("IHK zu Lübeck", vec![1.0]),
            ("Gesamt", vec![3.0]),
        ],
    );
    check(
        &s,
        "targets",
        vec![
            ("Angesprochene Unternehmen", vec![105.0, 1000.0, 10.5]),
            ("Angesprochene KMU", vec![70.0, 200.0, 35.0]),
            ("Bewerberinnen und Bewerber", vec![3.0, 3000.0, 0.1]),
            ("Vermittlungen", vec![0.0, 300.0, 0.0]),
        ],
    );
    // One sheet per topic, header and rows as in the table.
    let sheets = s.sheets();
    assert_eq!(sheets.len(), s.topics.len());
    assert_eq!(
        sheets[0].header,
        vec!["Land".to_string(), "Anzahl".to_string()]
    );
    assert_eq!(sheets[0].rows.len(), 3);
}

#[tokio::test]
async fn figures_survive_the_retention_purge_and_physical_deletes() {
    let app = app().await;
    let ids = fixture::build(&app).await;
    let before = snapshot(&app, &ids).await;
    // Deactivated records still count.
    fixture::deactivate(&app, &[ids.c[2], ids.c[3]], &[ids.a[1], ids.a[3]]).await;
    assert_eq!(snapshot(&app, &ids).await, before, "after deactivation");
    // The retention period passes; both purges delete the deactivated half.
    app.clock.advance(Duration::days(91));
    app.run_job(hih_companies::jobs::RETENTION_JOB, serde_json::Value::Null)
        .await
        .unwrap();
    app.run_job(hih_applicants::jobs::RETENTION_JOB, serde_json::Value::Null)
        .await
        .unwrap();
    assert_eq!(app.count("company").await.unwrap(), 3);
    assert_eq!(app.count("applicant").await.unwrap(), 3);
    assert_eq!(
        app.count("placement").await.unwrap(),
        2,
        "the match of company 4 went with it"
    );
    for gone in [ids.c[2], ids.c[3]] {
        assert!(app.find::<company::Entity>(gone).await.is_none());
    }
    for gone in [ids.a[1], ids.a[3]] {
        assert!(app.find::<applicant::Entity>(gone).await.is_none());
    }
    assert_eq!(app.count("stat_company_residue").await.unwrap(), 2);
    assert_eq!(app.count("stat_applicant_residue").await.unwrap(), 2);
    assert_eq!(
        app.count("stat_applicant_district_residue").await.unwrap(),
        1,
        "a2 was open to Lübeck"
    );
    assert_eq!(
        app.count("stat_placement_residue").await.unwrap(),
        1,
        "folded exactly once"
    );
    let after = snapshot(&app, &ids).await;
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b, a);
    }
    // An admin deletes a company and an applicant physically at once (both with a match).
    let admin = Actor::system("test-admin");
    let mut uow = UnitOfWork::begin(app.services(), &admin).await.unwrap();
    let c = company::Entity::find_by_id(ids.c[0])
        .one(uow.txn())
        .await
        .unwrap()
        .unwrap();
    uow.delete::<company::ActiveModel>(c).await.unwrap();
    let a = applicant::Entity::find_by_id(ids.a[2])
        .one(uow.txn())
        .await
        .unwrap()
        .unwrap();
    uow.delete::<applicant::ActiveModel>(a).await.unwrap();
    uow.commit().await.unwrap();
    assert_eq!(
        placement::Entity::find().all(app.db()).await.unwrap().len(),
        0,
        "both remaining matches went with them"
    );
    assert_eq!(app.count("stat_placement_residue").await.unwrap(), 3);
    let after_delete = snapshot(&app, &ids).await;
    for (b, a) in before.iter().zip(&after_delete) {
        assert_eq!(b, a);
    }
    // And the hand-computed values still hold.
    check_all_programme(&stats(&app, &StatScope::All).await);
    check_erfurt(&stats(&app, &StatScope::District(ids.erfurt)).await);
    check_vietnam(&stats(&app, &StatScope::Country("VN".into())).await);
}

#[tokio::test]
async fn the_page_shows_the_callers_figures_only() {
    let app = app().await;
    fixture::build(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "admin").await;
    let page = admin.get("/statistik").await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Zahlen für das gesamte Programm"));
    assert!(page.contains("Stand:"));
    assert!(page.contains("role=\"img\""));
    assert!(page.contains("IHK zu Lübeck"));
    assert!(!page.contains("style="), "no inline styles");
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "ihk").await;
    let page = ihk.get("/statistik").await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Zahlen für IHK-Bezirk IHK Erfurt"));
    // The company in Lübeck does not count for Erfurt.
    assert!(!page.contains("IHK zu Lübeck"));
    let (ahk, _) = agent_for(&app, Role::AhkStaff, "ahk").await;
    let page = ahk.get("/statistik").await;
    assert!(page.contains("Zahlen für das Land Vietnam"));
    let (op, _) = agent_for(&app, Role::SuperAdmin, "operator").await;
    assert_eq!(op.get("/statistik").await.status, 403);
}

#[tokio::test]
async fn response_quotas_never_exceed_100_percent_and_name_the_incomplete_formats() {
    use sea_orm::ConnectionTrait;
    let app = app().await;
    fixture::build(&app).await;
    // Monthly counts that report fewer companies addressed by telephone than the database
    // holds (3): months are missing there.
    for sql in [
        "UPDATE monthly_count_line SET addressed = 0 WHERE outreach = 'telefon'",
        "UPDATE monthly_count_line SET addressed = 1 WHERE id = \
         (SELECT MIN(id) FROM monthly_count_line WHERE outreach = 'telefon')",
    ] {
        app.db().execute_unprepared(sql).await.unwrap();
    }
    let s = stats(&app, &StatScope::All).await;
    let response = s.topic("response").unwrap();
    for (label, values) in rows(&s, "response") {
        assert!(values[2] <= 100.0, "{label}: {values:?}");
        if label == "Telefonakquise" {
            assert!(values[0] < values[1], "the case under test: {values:?}");
            assert_eq!(values[2], -1.0, "no quota where monthly counts are missing");
        }
    }
    assert_eq!(response.notes.len(), 1, "{:?}", response.notes);
    assert!(
        response.notes[0].contains("Telefonakquise"),
        "{}",
        response.notes[0]
    );
    assert!(response.notes[0].contains("fehlen Monatszahlen"));
    assert!(!response.notes[0].contains("E-Mail/Mailing"));
    // The page shows the note.
    let (admin, _) = agent_for(&app, Role::Admin, "stat-note").await;
    let page = admin.get("/statistik").await;
    assert_eq!(page.status, 200);
    assert!(
        page.element_text("note-response-1")
            .is_some_and(|t| t.contains("Telefonakquise"))
    );
    // Topics without missing data carry no note.
    assert!(s.topic("dropout").unwrap().notes.is_empty());
}

#[tokio::test]
async fn cross_tab_categories_appear_in_their_natural_order() {
    let app = app().await;
    fixture::build(&app).await;
    let t = xtab(&app, &StatScope::All, "companies", "size", "status").await;
    let rows: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    let by_size = [
        "1 bis 9 Beschäftigte",
        "10 bis 49 Beschäftigte",
        "50 bis 249 Beschäftigte",
        "250 und mehr Beschäftigte",
        "Beschäftigtenzahl unbekannt",
    ];
    let expected: Vec<&str> = by_size
        .iter()
        .copied()
        .filter(|l| rows.contains(l))
        .collect();
    assert_eq!(rows, expected, "size classes by size");
    assert!(
        rows.len() >= 3,
        "the fixture has several size classes: {rows:?}"
    );
    // Statuses in pipeline order, not alphabetically.
    let pipeline = ["interessiert", "teilnehmend", "abbrecher"];
    let cols: Vec<String> = t.columns.clone();
    let positions: Vec<usize> = cols
        .iter()
        .filter_map(|c| {
            pipeline
                .iter()
                .position(|p| c.to_lowercase().starts_with(p))
        })
        .collect();
    assert_eq!(positions.len(), cols.len(), "{cols:?}");
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{cols:?}");
    let a = xtab(&app, &StatScope::All, "applicants", "status", "country").await;
    let labels: Vec<&str> = a.rows.iter().map(|r| r.label.as_str()).collect();
    let order = [
        "interessent",
        "bewerber",
        "zukünftige",
        "fachkraft",
        "abbrecher",
    ];
    let ranks: Vec<usize> = labels
        .iter()
        .filter_map(|l| order.iter().position(|o| l.to_lowercase().starts_with(o)))
        .collect();
    assert_eq!(ranks.len(), labels.len(), "{labels:?}");
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{labels:?}");
}

#[tokio::test]
async fn a_period_narrows_the_page_and_bad_months_are_explained() {
    let app = app().await;
    fixture::build(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "admin").await;
    let all = admin.get("/statistik").await;
    assert_eq!(all.status, 200);
    assert!(all.contains("Zahlen für alle Monate."));
    assert_eq!(
        all.body.matches("class=\"figure__bar\"").count(),
        4,
        "targets first"
    );
    let bad = admin.get("/statistik?from=13.2026&to=2026-01").await;
    assert_eq!(bad.status, 422);
    assert!(bad.contains("Bitte geben Sie einen gültigen Monat ein (MM.JJJJ)."));
    assert!(bad.contains("aria-describedby=\"from-hint from-error-1\""));
    let order = admin.get("/statistik?from=2026-03&to=2026-01").await;
    assert_eq!(order.status, 422);
    assert!(order.contains("Das Ende des Zeitraums darf nicht vor seinem Beginn liegen."));
    let ok = admin.get("/statistik?from=2020-01&to=2020-02").await;
    assert_eq!(ok.status, 200);
    assert!(ok.contains("Zahlen für 01.2020 bis 02.2020."));
}

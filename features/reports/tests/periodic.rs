//! Monthly, annual and on-demand reports (R-STA-4): the scheduled jobs request the period just
//! ended once, the generate job builds an XLSX that a real reader (calamine) opens, with the
//! overview and one sheet per topic; the on-demand form refuses bad periods next to the field.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::{TimeZone, Utc};
use hih_kernel::Role;
use hih_reports::entities::generated_file;
use hih_reports::periodic::jobs::{ANNUAL_JOB, GENERATE_JOB, MONTHLY_JOB};
use hih_users::testing::agent_for;
use sea_orm::{EntityTrait, QueryOrder};

use crate::app;

/// The generated files, oldest first.
async fn files(app: &hih_testkit::TestApp) -> Vec<generated_file::Model> {
    generated_file::Entity::find()
        .order_by_asc(generated_file::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

/// Opens an XLSX with calamine: sheet names and each sheet's rows as text.
fn open(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("a readable XLSX");
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::Empty => String::new(),
                            Data::Float(f) => f.to_string(),
                            Data::Int(i) => i.to_string(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

#[tokio::test]
async fn the_monthly_job_requests_last_month_once_and_the_report_is_a_readable_xlsx() {
    let app = app().await;
    app.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 1, 5, 0, 0).single().unwrap());
    app.run_job(MONTHLY_JOB, serde_json::json!({}))
        .await
        .unwrap();
    app.run_job(MONTHLY_JOB, serde_json::json!({}))
        .await
        .unwrap();
    let requested = files(&app).await;
    assert_eq!(requested.len(), 1, "once per period");
    let file = &requested[0];
    assert_eq!(file.status, "queued");
    assert_eq!(file.title, "2026-11");
    assert_eq!(
        (file.period_from, file.period_to),
        (
            chrono::NaiveDate::from_ymd_opt(2026, 11, 1),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
        )
    );

    app.run_job(GENERATE_JOB, serde_json::json!({ "file_id": file.id }))
        .await
        .unwrap();
    let done = app.record::<generated_file::Entity>(file.id).await;
    assert_eq!(done.status, "done");
    let bytes = done.content.clone().unwrap();
    assert_eq!(done.sha256, hih_reports::files::sha256_hex(&bytes));
    let sheets = open(&bytes);
    assert!(sheets.len() > 1, "overview and topics: {sheets:?}");
    let (name, overview) = &sheets[0];
    assert_eq!(name, "Überblick");
    assert_eq!(overview[1], vec!["Zeitraum von", "01.11.2026"]);
    assert_eq!(overview[2], vec!["Zeitraum bis", "30.11.2026"]);
    let data_rows: usize = sheets.iter().map(|(_, rows)| rows.len() - 1).sum();
    assert_eq!(done.row_count as usize, data_rows, "recorded rows");
    // Every topic sheet has a header row and at least one figure.
    for (name, rows) in &sheets[1..] {
        assert!(rows.len() >= 2, "{name} has figures");
    }

    // A second delivery of the generate job changes nothing.
    app.run_job(GENERATE_JOB, serde_json::json!({ "file_id": file.id }))
        .await
        .unwrap();
    let again = app.record::<generated_file::Entity>(file.id).await;
    assert_eq!(again.sha256, done.sha256);
    assert_eq!(again.finished_at, done.finished_at);
}

#[tokio::test]
async fn the_annual_job_requests_last_year() {
    let app = app().await;
    app.clock
        .set(Utc.with_ymd_and_hms(2027, 1, 1, 5, 30, 0).single().unwrap());
    app.run_job(ANNUAL_JOB, serde_json::json!({}))
        .await
        .unwrap();
    let requested = files(&app).await;
    assert_eq!(requested.len(), 1);
    assert_eq!(requested[0].title, "2026");
    assert_eq!(requested[0].file_name, "hih-bericht-2026.xlsx");
}

#[tokio::test]
async fn staff_request_any_period_and_bad_periods_are_refused_next_to_the_field() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "leitung").await;
    let refused = admin
        .post("/berichte", &[("from", "2026-10"), ("to", "2026-09")])
        .await;
    assert_eq!(refused.status, 303);
    let page = admin.get("/berichte").await;
    assert!(page.contains("Das Ende des Zeitraums darf nicht vor seinem Beginn liegen."));
    assert!(page.contains("value=\"2026-10\""), "typed value kept");
    assert!(files(&app).await.is_empty(), "nothing requested");

    let future = admin
        .post("/berichte", &[("from", "2026-11"), ("to", "2026-12")])
        .await;
    assert_eq!(future.status, 303);
    assert!(
        admin
            .get("/berichte")
            .await
            .contains("Der Zeitraum darf nicht nach dem laufenden Monat enden.")
    );
    assert!(files(&app).await.is_empty());

    let ok = admin
        .post("/berichte", &[("from", "01.2026"), ("to", "2026-10")])
        .await;
    assert_eq!(ok.status, 303);
    let file = files(&app).await.pop().unwrap();
    assert_eq!(
        ok.location(),
        Some(format!("/berichte/{}", file.id).as_str())
    );
    assert_eq!(file.title, "2026-01 – 2026-10");
    let status = admin.get(&format!("/berichte/{}", file.id)).await;
    assert!(
        status.contains("Status aktualisieren"),
        "pending page links to itself"
    );
    assert_eq!(
        admin
            .get(&format!("/berichte/{}/download", file.id))
            .await
            .status,
        404,
        "nothing to download yet"
    );

    app.run_job(GENERATE_JOB, serde_json::json!({ "file_id": file.id }))
        .await
        .unwrap();
    let ready = admin.get(&format!("/berichte/{}", file.id)).await;
    assert!(ready.contains("Der Bericht ist fertig."));
    assert!(!ready.contains("Status aktualisieren"));
    // Reports are the project team's: the data-protection officer is refused (least
    // privilege, security finding 12), so the admin downloads.
    let (dpo, _) = agent_for(&app, Role::Dpo, "dsb").await;
    let refused = dpo.get(&format!("/berichte/{}/download", file.id)).await;
    assert_eq!(refused.status, 403);
    let download = admin.get(&format!("/berichte/{}/download", file.id)).await;
    assert_eq!(download.status, 200);
    assert!(!open(&download.bytes).is_empty());
    // The requester is told (bell); the download is in the access log.
    assert!(
        admin
            .get("/benachrichtigungen")
            .await
            .contains("ist fertig")
    );
    let exports = hih_db::entities::access_log::Entity::find()
        .all(app.db())
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "export" && e.entity == "generated_file")
        .count();
    assert_eq!(exports, 1);
}

#[tokio::test]
async fn a_report_holds_the_statistics_of_its_period_cell_by_cell() {
    use hih_i18n::Locale;
    use hih_reports::scope::StatScope;
    use hih_reports::statistics::{self, Period};

    let app = app().await;
    crate::fixture::build(&app).await;
    let period = hih_reports::periodic::period::ReportPeriod {
        from: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2026, 4, 30).unwrap(),
    };
    let (bytes, rows) = hih_reports::periodic::jobs::build(app.services(), period)
        .await
        .unwrap();
    let sheets = open(&bytes);
    let expected = statistics::compute(
        app.services(),
        &StatScope::All,
        Some(Period {
            from: period.from,
            to: period.to,
        }),
        Locale::De,
    )
    .await
    .unwrap();
    assert_eq!(sheets.len(), expected.topics.len() + 1, "overview + topics");
    assert_eq!(
        rows as usize,
        sheets.iter().map(|(_, r)| r.len() - 1).sum::<usize>()
    );
    let mut taken = vec![sheets[0].0.clone()];
    for ((name, cells), topic) in sheets[1..].iter().zip(&expected.topics) {
        let wanted = hih_reports::files::workbook::sheet_name(&topic.title, &taken);
        assert_eq!(name, &wanted, "sheet named after its topic");
        taken.push(wanted);
        assert_eq!(cells.len(), topic.rows.len() + 1, "{name}: header + rows");
        for (cells, row) in cells[1..].iter().zip(&topic.rows) {
            assert_eq!(cells[0], row.label, "{name}");
            for (cell, value) in cells[1..].iter().zip(&row.values) {
                let read = (!cell.is_empty()).then(|| cell.parse::<f64>().unwrap());
                assert_eq!(read, *value, "{name} / {}", row.label);
            }
        }
    }
    // Hand-computed from the fixture: companies entered in March and April 2026 — two in
    // Erfurt (5 March, 10 April), one in Lübeck (20 March).
    let districts = sheets
        .iter()
        .find(|(_, cells)| cells.iter().any(|r| r[0] == "IHK zu Lübeck"))
        .map(|(_, cells)| cells.clone())
        .unwrap();
    let figure = |label: &str| {
        districts
            .iter()
            .find(|r| r[0] == label)
            .map(|r| r[1].clone())
            .unwrap()
    };
    assert_eq!(figure("IHK Erfurt"), "2");
    assert_eq!(figure("IHK zu Lübeck"), "1");
    assert_eq!(figure("Gesamt"), "3");
}

/// A report requested while the process dies between the commit and the enqueue (the job
/// never reaches the queue) is built anyway: the sweep enqueues it again after the grace time,
/// and only files still waiting.
#[tokio::test]
async fn a_request_whose_job_was_lost_is_enqueued_again_by_the_sweep() {
    use hih_reports::files::{self, KIND_REPORT, sweep};
    use hih_reports::periodic::period::ReportPeriod;
    let app = app().await;
    let october = ReportPeriod {
        from: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
    };
    let request = || files::Request {
        kind: KIND_REPORT,
        title: october.label(),
        profile_id: None,
        period: Some((october.from, october.to)),
        file_name: october.file_name(),
        content_type: hih_web::export::XLSX,
    };
    // Recorded, committed — but no job enqueued (the crash).
    let actor = hih_kernel::Actor::system("test");
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &actor)
        .await
        .unwrap();
    let lost = files::request(&mut uow, request()).await.unwrap();
    uow.commit().await.unwrap();
    let generate_runs = |runs: Vec<hih_jobs::JobRun>| {
        runs.into_iter()
            .filter(|r| r.job.as_deref() == Some(GENERATE_JOB))
            .count()
    };
    // Within the grace time nothing happens (its job may simply not have started yet).
    app.run_job(sweep::SWEEP_JOB, serde_json::Value::Null)
        .await
        .unwrap();
    let runs = hih_jobs::recent_runs(&app.jobs, 50).await.unwrap();
    assert_eq!(generate_runs(runs), 0);
    app.clock
        .advance(chrono::Duration::minutes(sweep::GRACE_MINUTES + 1));
    // A second request, fresh: not touched by the sweep.
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &actor)
        .await
        .unwrap();
    let fresh = files::request(&mut uow, request()).await.unwrap();
    uow.commit().await.unwrap();
    app.run_job(sweep::SWEEP_JOB, serde_json::Value::Null)
        .await
        .unwrap();
    let runs = hih_jobs::recent_runs(&app.jobs, 50).await.unwrap();
    assert_eq!(
        generate_runs(runs),
        1,
        "exactly the lost request is enqueued again"
    );
    // The re-enqueued job builds it; a second delivery does nothing.
    for _ in 0..2 {
        app.run_job(GENERATE_JOB, serde_json::json!({ "file_id": lost.id }))
            .await
            .unwrap();
    }
    let all = files(&app).await;
    let built = all.iter().find(|f| f.id == lost.id).unwrap();
    assert_eq!(built.status, "done");
    assert!(!built.sha256.is_empty());
    assert_eq!(
        all.iter().find(|f| f.id == fresh.id).unwrap().status,
        "queued"
    );
}

#[tokio::test]
async fn report_days_and_times_are_berlin_time_never_utc() {
    let app = app().await;
    // 30 November 23:30 UTC is already 1 December 00:30 in Berlin: November has ended.
    app.clock.set(
        Utc.with_ymd_and_hms(2026, 11, 30, 23, 30, 0)
            .single()
            .unwrap(),
    );
    app.run_job(MONTHLY_JOB, serde_json::json!({}))
        .await
        .unwrap();
    let requested = files(&app).await;
    assert_eq!(requested.len(), 1);
    assert_eq!(
        requested[0].title, "2026-11",
        "the month just ended in Berlin"
    );
    app.run_job(
        GENERATE_JOB,
        serde_json::json!({ "file_id": requested[0].id }),
    )
    .await
    .unwrap();
    let done = app.record::<generated_file::Entity>(requested[0].id).await;
    let sheets = open(&done.content.unwrap());
    let overview = &sheets[0].1;
    let generated = overview
        .iter()
        .find(|r| r[0].starts_with("Erstellt"))
        .unwrap_or_else(|| panic!("{overview:?}"));
    assert_eq!(generated[1], "01.12.2026 00:30", "{overview:?}");
    assert!(
        overview
            .iter()
            .all(|r| !r.iter().any(|c| c.contains("UTC")))
    );
}

/// The report says which monthly counts are missing, as the statistics page does, instead of
/// a response quota above 100 %: a row of the overview sheet holds the note when counts are
/// missing, and no such row exists when they are complete.
#[tokio::test]
async fn the_report_names_missing_monthly_counts_in_its_overview() {
    use sea_orm::ConnectionTrait;

    let app = app().await;
    crate::fixture::build(&app).await;
    let period = hih_reports::periodic::period::ReportPeriod {
        from: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    };
    let notes = |bytes: &[u8]| -> Vec<Vec<String>> {
        let sheets = open(bytes);
        let (name, rows) = &sheets[0];
        assert_eq!(name, "Überblick");
        rows.iter()
            .filter(|r| r.iter().any(|c| c.contains("fehlen Monatszahlen")))
            .cloned()
            .collect()
    };
    let (complete, _) = hih_reports::periodic::jobs::build(app.services(), period)
        .await
        .unwrap();
    assert!(notes(&complete).is_empty(), "complete counts: no note");
    // Fewer companies reported addressed by telephone than the database holds.
    for sql in [
        "UPDATE monthly_count_line SET addressed = 0 WHERE outreach = 'telefon'",
        "UPDATE monthly_count_line SET addressed = 1 WHERE id = \
         (SELECT MIN(id) FROM monthly_count_line WHERE outreach = 'telefon')",
    ] {
        app.db().execute_unprepared(sql).await.unwrap();
    }
    let (missing, rows) = hih_reports::periodic::jobs::build(app.services(), period)
        .await
        .unwrap();
    let found = notes(&missing);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0][0].starts_with("Hinweis zu"), "{found:?}");
    assert!(found[0][1].contains("Telefonakquise"), "{found:?}");
    assert!(!found[0][1].contains("E-Mail/Mailing"), "{found:?}");
    let sheets = open(&missing);
    assert_eq!(
        rows as usize,
        sheets.iter().map(|(_, r)| r.len() - 1).sum::<usize>(),
        "the note row counts like any row"
    );
}

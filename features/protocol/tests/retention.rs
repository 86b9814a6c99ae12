//! Tests of the protocol feature's `retention` part: the log purge (R-RET-1) with its
//! signed-off audit anchor, and the retention status page.

use chrono::{DateTime, TimeZone, Utc};
use hih_db::UnitOfWork;
use hih_db::access::{AccessAction, AccessEvent};
use hih_db::audit::{self, Anchor, Verification, verify};
use hih_db::entities::audit_log;
use hih_kernel::{Actor, Role, Settings, SettingsError};
use hih_protocol::retention::purge::{self, JOB, PurgeReport};
use hih_testkit::TestApp;
use hih_users::testing::agent_for;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, s).single().unwrap()
}

/// The app with these log settings, its clock at `start` (before anything is written).
async fn app_with(retention_years: u32, purge_batch: u64) -> TestApp {
    let mut settings = TestApp::settings();
    settings.logs.retention_years = retention_years;
    settings.logs.purge_batch = purge_batch;
    TestApp::with_settings(&crate::features(), settings).await
}

/// Writes one audit entry (entity `test`, id `label`) at `at`.
async fn audit_at(app: &TestApp, at: DateTime<Utc>, label: &str) {
    app.clock.set(at);
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    uow.event("test", label, "note", json!({ "label": label }));
    uow.commit().await.unwrap();
}

/// Writes one access-log entry (entity `test`, id `label`) at `at`.
async fn access_at(app: &TestApp, at: DateTime<Utc>, label: &str) {
    app.clock.set(at);
    hih_db::access::record(
        app.services(),
        &Actor::system("test"),
        AccessEvent {
            action: AccessAction::View,
            entity: "test",
            entity_id: Some(label.to_string()),
            detail: json!({}),
            result_count: None,
            path: "/test",
        },
    )
    .await
    .unwrap();
}

/// The labels of the remaining `test` audit entries, in chain order.
async fn audit_labels(app: &TestApp) -> Vec<String> {
    let entries = app.audit_entries("test", "note").await;
    entries.into_iter().map(|e| e.entity_id).collect()
}

/// The labels of the remaining `test` access-log entries, oldest first.
async fn access_labels(app: &TestApp) -> Vec<String> {
    let entries = app.access_entries("test", "view").await;
    entries.into_iter().filter_map(|e| e.entity_id).collect()
}

/// Runs the purge at `now` as the job does.
async fn purge_at(app: &TestApp, now: DateTime<Utc>) -> PurgeReport {
    app.clock.set(now);
    purge::run(app.services(), &Actor::system(JOB))
        .await
        .unwrap()
}

/// The `log-purge` events (entity, details), in chain order.
async fn purge_events(app: &TestApp) -> Vec<(String, Value)> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(audit::PURGE_ACTION))
        .order_by_asc(audit_log::Column::Seq)
        .all(app.db())
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.entity, serde_json::from_str(&e.changes).unwrap()))
        .collect()
}

fn intact(v: &Verification) -> bool {
    matches!(v, Verification::Intact(_))
}

/// Entries around the new year 2026/2027 in Berlin (23:00 UTC on 31 December): the last
/// second of 2026 and the first of 2027. The app's own set-up entries are of November 2026.
async fn around_new_year(app: &TestApp) {
    let at = [
        utc(2026, 11, 20, 8, 0, 0),
        utc(2026, 12, 31, 22, 59, 59),
        utc(2026, 12, 31, 23, 0, 0),
        utc(2027, 6, 1, 12, 0, 0),
    ];
    for (at, label) in at.into_iter().zip(AROUND_NEW_YEAR) {
        audit_at(app, at, label).await;
        access_at(app, at, label).await;
    }
}

/// The labels of [`around_new_year`]'s entries, oldest first.
const AROUND_NEW_YEAR: [&str; 4] = [
    "nov-2026",
    "last-second-2026",
    "first-second-2027",
    "jun-2027",
];

/// Both logs hold exactly the entries with these labels (oldest first).
async fn both_hold(app: &TestApp, labels: &[&str]) {
    assert_eq!(audit_labels(app).await, labels, "audit log");
    assert_eq!(access_labels(app).await, labels, "access log");
}

#[tokio::test]
async fn with_one_year_entries_of_2026_live_until_the_end_of_2027() {
    let app = app_with(1, 5000).await;
    around_new_year(&app).await;

    // 31 December 2027, 23:59:59 in Berlin: everything is kept.
    let r = purge_at(&app, utc(2027, 12, 31, 22, 59, 59)).await;
    assert_eq!((r.audit_deleted, r.access_deleted), (0, 0));
    assert_eq!(r.cutoff, purge::year_start(2026).unwrap());
    both_hold(&app, &AROUND_NEW_YEAR).await;
    assert_eq!(audit::anchor(app.db()).await.unwrap(), Anchor::genesis());

    // 1 January 2028, 00:00 in Berlin: exactly the entries of 2026 are gone.
    let before = app.count("audit_log").await.unwrap() as u64;
    let r = purge_at(&app, utc(2027, 12, 31, 23, 0, 0)).await;
    both_hold(&app, &["first-second-2027", "jun-2027"]).await;
    // Every entry written before 2027 went: the app's set-up entries too.
    let first_kept = audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Seq)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first_kept.entity_id, "first-second-2027");
    assert_eq!(r.access_deleted, 2);
    assert!(r.audit_deleted >= 2);
    // What is left: the kept entries, a batch event per log and the run summary.
    let after = app.count("audit_log").await.unwrap() as u64;
    assert_eq!(after, before - r.audit_deleted + 3);
    assert_eq!(r.anchor.seq, first_kept.seq - 1);
    assert!(intact(&verify(app.db()).await.unwrap()));
}

#[tokio::test]
async fn access_entries_of_2025_go_on_1_january_2027() {
    // The access log has no chain: entries of any time can be written in any order.
    let app = app_with(1, 5000).await;
    access_at(&app, utc(2025, 1, 1, 12, 0, 0), "jan-2025").await;
    // 31 December 2025, 23:59:59 in Berlin, and the first second of 2026 there.
    access_at(&app, utc(2025, 12, 31, 22, 59, 59), "last-second-2025").await;
    access_at(&app, utc(2025, 12, 31, 23, 0, 0), "first-second-2026").await;
    access_at(&app, utc(2026, 12, 31, 22, 59, 59), "last-second-2026").await;

    // 31 December 2026, 23:59:59 in Berlin: all kept.
    let r = purge_at(&app, utc(2026, 12, 31, 22, 59, 59)).await;
    assert_eq!(r.access_deleted, 0);
    assert_eq!(access_labels(&app).await.len(), 4);
    // 1 January 2027, 00:00 in Berlin: exactly those of 2025.
    let r = purge_at(&app, utc(2026, 12, 31, 23, 0, 0)).await;
    assert_eq!(r.access_deleted, 2);
    assert_eq!(
        access_labels(&app).await,
        ["first-second-2026", "last-second-2026"]
    );
    let (_, summary) = purge_events(&app).await.last().unwrap().clone();
    assert_eq!(summary["access_deleted"], json!(2));
    assert_eq!(summary["before"], json!("2025-12-31T23:00:00.000000Z"));
    // The audit entries of the app's set-up (November 2026) are kept until 2028.
    assert_eq!(r.audit_deleted, 0);
    assert!(intact(&verify(app.db()).await.unwrap()));
}

#[tokio::test]
async fn with_zero_years_entries_go_on_the_next_new_year() {
    let app = app_with(0, 5000).await;
    around_new_year(&app).await;

    // 31 December 2026, 23:59:59 in Berlin: kept.
    let r = purge_at(&app, utc(2026, 12, 31, 22, 59, 59)).await;
    assert_eq!((r.audit_deleted, r.access_deleted), (0, 0));
    both_hold(&app, &AROUND_NEW_YEAR).await;

    // 1 January 2027, 00:00 in Berlin: the entries of 2026 go, those of 2027 stay — also
    // the one written in the very first second of the year (still 2026 in UTC).
    let r = purge_at(&app, utc(2026, 12, 31, 23, 0, 0)).await;
    assert_eq!(r.cutoff, utc(2026, 12, 31, 23, 0, 0));
    both_hold(&app, &["first-second-2027", "jun-2027"]).await;
    assert_eq!(r.access_deleted, 2);
    assert!(intact(&verify(app.db()).await.unwrap()));

    // 1 January 2028: the rest of 2027 goes, the purge events of 2027 too.
    let r = purge_at(&app, utc(2027, 12, 31, 23, 0, 0)).await;
    assert!(audit_labels(&app).await.is_empty());
    assert!(access_labels(&app).await.is_empty());
    assert_eq!(r.access_deleted, 2);
    assert!(intact(&verify(app.db()).await.unwrap()));
}

#[tokio::test]
async fn the_purge_events_hold_the_right_counts_and_the_anchor() {
    // Batches of 2: several units of work, oldest first.
    let app = app_with(1, 2).await;
    for (i, day) in [3, 4, 5, 6, 7].into_iter().enumerate() {
        let at = utc(2026, 11, day, 10, 0, 0);
        audit_at(&app, at, &format!("a{i}")).await;
        access_at(&app, at, &format!("a{i}")).await;
    }
    audit_at(&app, utc(2027, 1, 5, 10, 0, 0), "kept").await;
    access_at(&app, utc(2027, 1, 5, 10, 0, 0), "kept").await;
    let old_audit = audit_log::Entity::find()
        .filter(audit_log::Column::At.lt(audit::stored_time(purge::year_start(2027).unwrap())))
        .all(app.db())
        .await
        .unwrap();
    let last_old = old_audit.iter().max_by_key(|e| e.seq).unwrap().clone();

    let r = purge_at(&app, utc(2028, 1, 1, 3, 20, 0)).await;
    assert_eq!(r.audit_deleted, old_audit.len() as u64);
    assert_eq!(r.access_deleted, 5);
    both_hold(&app, &["kept"]).await;
    // The anchor is the last deleted entry: its seq and hash.
    let anchor = audit::anchor(app.db()).await.unwrap();
    assert_eq!(
        anchor,
        Anchor {
            seq: last_old.seq,
            hash: last_old.hash.clone()
        }
    );
    assert_eq!(r.anchor, anchor);

    let events = purge_events(&app).await;
    let sum = |entity: &str| -> u64 {
        events
            .iter()
            .filter(|(e, _)| e == entity)
            .map(|(_, d)| d["deleted"].as_u64().unwrap())
            .sum()
    };
    assert_eq!(sum("audit_log"), r.audit_deleted);
    assert_eq!(sum("access_log"), 5);
    // Batches of at most 2: three of the access log (2 + 2 + 1).
    let access_batches: Vec<u64> = events
        .iter()
        .filter(|(e, _)| e == "access_log")
        .map(|(_, d)| d["deleted"].as_u64().unwrap())
        .collect();
    assert_eq!(access_batches, [2, 2, 1]);
    assert!(
        events
            .iter()
            .filter(|(e, _)| e == "audit_log")
            .all(|(_, d)| d["deleted"].as_u64().unwrap() <= 2)
    );
    // The last audit batch signs off the anchor; the run summary has the totals.
    let last_batch = events.iter().rfind(|(e, _)| e == "audit_log").unwrap();
    assert_eq!(last_batch.1["anchor_seq"], json!(last_old.seq));
    assert_eq!(last_batch.1["anchor_hash"], json!(last_old.hash));
    let (entity, summary) = events.last().unwrap();
    assert_eq!(entity, purge::SUMMARY_ENTITY);
    assert_eq!(summary["audit_deleted"], json!(r.audit_deleted));
    assert_eq!(summary["access_deleted"], json!(5));
    assert_eq!(summary["before"], json!("2026-12-31T23:00:00.000000Z"));
    assert_eq!(summary["anchor_seq"], json!(last_old.seq));
    // The events are the job's.
    let actor: Vec<String> = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(audit::PURGE_ACTION))
        .all(app.db())
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.actor)
        .collect();
    assert!(
        actor.iter().all(|a| a == &format!("system:{JOB}")),
        "{actor:?}"
    );
    assert!(intact(&verify(app.db()).await.unwrap()));

    // A second run deletes nothing; it records a summary with zeros only.
    let count = app.count("audit_log").await.unwrap();
    let access = app.count("access_log").await.unwrap();
    let again = purge_at(&app, utc(2028, 1, 1, 3, 25, 0)).await;
    assert_eq!((again.audit_deleted, again.access_deleted), (0, 0));
    assert_eq!(again.anchor, anchor);
    assert_eq!(app.count("audit_log").await.unwrap(), count + 1);
    assert_eq!(app.count("access_log").await.unwrap(), access);
    let (entity, summary) = purge_events(&app).await.last().unwrap().clone();
    assert_eq!(entity, purge::SUMMARY_ENTITY);
    assert_eq!(summary["audit_deleted"], json!(0));
    assert_eq!(summary["access_deleted"], json!(0));
    assert!(intact(&verify(app.db()).await.unwrap()));
}

#[tokio::test]
async fn the_job_runs_from_the_registry() {
    let app = app_with(1, 5000).await;
    audit_at(&app, utc(2026, 11, 10, 9, 0, 0), "old").await;
    access_at(&app, utc(2026, 11, 10, 9, 0, 0), "old").await;
    app.clock.set(utc(2028, 1, 1, 3, 20, 0));
    app.run_job(JOB, json!({})).await.unwrap();
    assert!(audit_labels(&app).await.is_empty());
    assert!(access_labels(&app).await.is_empty());
    assert!(
        app.state
            .jobs
            .iter()
            .any(|j| j.name == JOB && j.label_key == "job-protocol-log-purge")
    );
}

/// A purged app: entries of November 2026 purged on 1 January 2028, entries of 2027 kept.
async fn purged_app() -> TestApp {
    let app = app_with(1, 5000).await;
    for (at, label) in [
        (utc(2026, 11, 10, 9, 0, 0), "old-1"),
        (utc(2026, 11, 11, 9, 0, 0), "old-2"),
        (utc(2027, 2, 1, 9, 0, 0), "kept-1"),
        (utc(2027, 3, 1, 9, 0, 0), "kept-2"),
        (utc(2027, 4, 1, 9, 0, 0), "kept-3"),
    ] {
        audit_at(&app, at, label).await;
    }
    purge_at(&app, utc(2028, 1, 1, 3, 20, 0)).await;
    assert_eq!(audit_labels(&app).await, ["kept-1", "kept-2", "kept-3"]);
    assert!(intact(&verify(app.db()).await.unwrap()));
    app
}

async fn seq_of(app: &TestApp, label: &str) -> i64 {
    audit_log::Entity::find()
        .filter(audit_log::Column::EntityId.eq(label))
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .seq
}

#[tokio::test]
async fn verify_after_a_purge_detects_an_edited_remaining_entry() {
    let app = purged_app().await;
    let seq = seq_of(&app, "kept-2").await;
    app.db()
        .execute_unprepared(&format!(
            "UPDATE audit_log SET changes = '{{}}' WHERE seq = {seq}"
        ))
        .await
        .unwrap();
    assert_eq!(
        verify(app.db()).await.unwrap(),
        Verification::Broken {
            seq,
            reason: hih_db::audit::Break::Content
        }
    );
}

#[tokio::test]
async fn verify_after_a_purge_detects_a_deleted_remaining_entry() {
    // The first entry after the anchor.
    let app = purged_app().await;
    let seq = seq_of(&app, "kept-1").await;
    app.db()
        .execute_unprepared(&format!("DELETE FROM audit_log WHERE seq = {seq}"))
        .await
        .unwrap();
    assert!(
        matches!(verify(app.db()).await.unwrap(), Verification::Broken { seq: s, .. } if s == seq)
    );
    // One in the middle.
    let app = purged_app().await;
    let seq = seq_of(&app, "kept-2").await;
    app.db()
        .execute_unprepared(&format!("DELETE FROM audit_log WHERE seq = {seq}"))
        .await
        .unwrap();
    assert!(
        matches!(verify(app.db()).await.unwrap(), Verification::Broken { seq: s, .. } if s == seq)
    );
}

#[tokio::test]
async fn verify_detects_a_tampered_anchor() {
    // Another hash.
    let app = purged_app().await;
    let anchor = audit::anchor(app.db()).await.unwrap();
    app.db()
        .execute_unprepared(&format!(
            "UPDATE audit_head SET anchor_hash = '{}' WHERE id = 1",
            "f".repeat(64)
        ))
        .await
        .unwrap();
    assert!(
        matches!(verify(app.db()).await.unwrap(), Verification::Broken { seq, .. } if seq == anchor.seq + 1)
    );
    // Another seq.
    app.db()
        .execute_unprepared(&format!(
            "UPDATE audit_head SET anchor_seq = {}, anchor_hash = '{}' WHERE id = 1",
            anchor.seq - 1,
            anchor.hash
        ))
        .await
        .unwrap();
    assert!(!intact(&verify(app.db()).await.unwrap()));
}

#[tokio::test]
async fn cutting_old_entries_behind_the_applications_back_is_detected() {
    // Someone deletes the oldest entries and moves the anchor consistently: the chain from
    // the anchor holds, but no purge signed that anchor off.
    let app = app_with(1, 5000).await;
    for (i, day) in [10, 11, 12].into_iter().enumerate() {
        audit_at(&app, utc(2026, 11, day, 9, 0, 0), &format!("e{i}")).await;
    }
    assert!(intact(&verify(app.db()).await.unwrap()));
    let cut = app
        .record::<audit_log::Entity>(seq_of(&app, "e1").await)
        .await;
    app.db()
        .execute_unprepared(&format!("DELETE FROM audit_log WHERE seq <= {}", cut.seq))
        .await
        .unwrap();
    app.db()
        .execute_unprepared(&format!(
            "UPDATE audit_head SET anchor_seq = {}, anchor_hash = '{}' WHERE id = 1",
            cut.seq, cut.hash
        ))
        .await
        .unwrap();
    assert_eq!(
        verify(app.db()).await.unwrap(),
        Verification::Broken {
            seq: cut.seq,
            reason: hih_db::audit::Break::UnsignedAnchor
        }
    );
}

#[tokio::test]
async fn a_purge_keeps_entries_that_do_not_verify_and_alerts() {
    let app = app_with(1, 5000).await;
    let (_dpo, _) = agent_for(&app, Role::Dpo, "dora").await;
    for (i, day) in [10, 11, 12].into_iter().enumerate() {
        audit_at(&app, utc(2026, 11, day, 9, 0, 0), &format!("e{i}")).await;
    }
    access_at(&app, utc(2026, 11, 10, 9, 0, 0), "old").await;
    let seq = seq_of(&app, "e1").await;
    app.db()
        .execute_unprepared(&format!(
            "UPDATE audit_log SET changes = '{{}}' WHERE seq = {seq}"
        ))
        .await
        .unwrap();
    let r = purge_at(&app, utc(2028, 1, 1, 3, 20, 0)).await;
    assert_eq!(r.refused_at, Some(seq));
    assert_eq!(r.audit_deleted, 0);
    assert_eq!(audit_labels(&app).await, ["e0", "e1", "e2"]);
    assert_eq!(audit::anchor(app.db()).await.unwrap(), Anchor::genesis());
    // The access log is purged all the same.
    assert_eq!(r.access_deleted, 1);
    // The dpo is told, and the job fails without retry.
    let notices = app
        .count("notification WHERE kind = 'security.audit-chain'")
        .await
        .unwrap();
    assert!(notices >= 1, "{notices}");
    let err = app.run_job(JOB, json!({})).await.unwrap_err();
    assert!(matches!(err, hih_kernel::JobError::Permanent(_)), "{err}");
}

#[test]
fn lengthening_the_log_retention_is_refused_at_start() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let mut s = Settings::default();
    assert!(s.validate(today).is_ok());
    s.logs.retention_years = 0;
    assert!(s.validate(today).is_ok());
    s.logs.retention_years = 2;
    let err = s.validate(today).unwrap_err();
    assert_eq!(err, SettingsError::LogRetentionTooLong(2));
    assert!(err.to_string().contains("höchstens 1"), "{err}");
}

#[tokio::test]
async fn the_status_page_shows_dates_and_counts() {
    let mut settings = TestApp::settings();
    settings.programme_end_date = chrono::NaiveDate::from_ymd_opt(2027, 6, 30);
    let app = TestApp::with_settings(&crate::features(), settings).await;
    let (dpo, _) = agent_for(&app, Role::Dpo, "dora").await;

    // Nothing deactivated yet, nothing purged.
    let page = dpo.get("/protokoll/aufbewahrung").await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Aufbewahrung und Löschfristen"));
    assert!(
        page.element_text("retention-deletions-none")
            .unwrap()
            .starts_with("Zurzeit sind keine Unternehmen")
    );
    assert!(
        page.element_text("retention-anchor")
            .unwrap()
            .contains("noch keine Einträge")
    );

    // Two companies and an applicant deactivated on 2 November 2026 (deleted from
    // 31 January 2027 with 90 days), one company on 10 November (from 8 February).
    let day_one = utc(2026, 11, 2, 9, 0, 0);
    app.clock.set(day_one);
    let c1 = company(&app, "Alpha").await;
    let c2 = company(&app, "Beta").await;
    let a1 = applicant(&app, "Nguyen").await;
    deactivate_company(&app, c1).await;
    deactivate_company(&app, c2).await;
    deactivate_applicant(&app, a1).await;
    app.clock.set(utc(2026, 11, 10, 9, 0, 0));
    let c3 = company(&app, "Gamma").await;
    deactivate_company(&app, c3).await;
    // A log entry of the afternoon.
    access_at(&app, utc(2026, 11, 10, 14, 0, 0), "x").await;

    // (Days later the session has expired: a new login.)
    let (dpo, _) = agent_for(&app, Role::Dpo, "dora1").await;
    let page = dpo.get("/protokoll/aufbewahrung").await;
    assert_eq!(page.element_text("retention-companies").unwrap(), "3");
    assert_eq!(page.element_text("retention-applicants").unwrap(), "1");
    let table = table_text(&page.body, "retention-deletions");
    assert!(
        table.ends_with(
            "Unternehmen 31.01.2027 2 Unternehmen 08.02.2027 1 Bewerber/innen 31.01.2027 1"
        ),
        "{table}"
    );
    // The next purge: 1 January 2027 deletes what was written before 2026 — nothing here.
    assert_eq!(
        page.element_text("retention-next-date").unwrap(),
        "01.01.2027"
    );
    assert_eq!(
        page.element_text("retention-next-covers").unwrap(),
        "Einträge bis einschließlich 31.12.2025"
    );
    assert_eq!(page.element_text("retention-next-audit").unwrap(), "0");
    assert_eq!(page.element_text("retention-next-access").unwrap(), "0");
    assert!(
        page.element_text("retention-programme-end")
            .unwrap()
            .contains("Das Programm endet am 30.06.2027")
    );
    assert!(
        page.element_text("retention-notifications")
            .unwrap()
            .contains("nach 90 Tagen gelöscht, ungelesene spätestens nach 365 Tagen")
    );
    let oldest = page.element_text("retention-oldest-access").unwrap();
    assert!(
        oldest.starts_with("02.11.2026") || oldest.starts_with("10.11.2026"),
        "{oldest}"
    );

    // A year later: the next purge (1 January 2028) deletes every entry of 2026.
    app.clock.set(utc(2027, 3, 1, 9, 0, 0));
    access_at(&app, utc(2027, 3, 1, 9, 0, 0), "y").await;
    let audit_2026 = audit::count_before(app.db(), purge::year_start(2027).unwrap())
        .await
        .unwrap();
    let access_2026 = hih_db::access::count_before(app.db(), purge::year_start(2027).unwrap())
        .await
        .unwrap();
    assert!(audit_2026 > 5 && access_2026 >= 1);
    // (The session of November has expired: a new login.)
    let (dpo, _) = agent_for(&app, Role::Dpo, "dora2").await;
    let audit_2026 = audit::count_before(app.db(), purge::year_start(2027).unwrap())
        .await
        .unwrap();
    let page = dpo.get("/protokoll/aufbewahrung").await;
    assert_eq!(
        page.element_text("retention-next-date").unwrap(),
        "01.01.2028"
    );
    assert_eq!(
        page.element_text("retention-next-covers").unwrap(),
        "Einträge bis einschließlich 31.12.2026"
    );
    assert_eq!(
        page.element_text("retention-next-audit").unwrap(),
        audit_2026.to_string()
    );
    // The page view itself is no access-log entry; the count is the one before.
    assert_eq!(
        page.element_text("retention-next-access").unwrap(),
        access_2026.to_string()
    );

    // After the purge on 1 January 2028 the anchor is shown and the oldest entry is of 2027.
    purge_at(&app, utc(2028, 1, 1, 3, 20, 0)).await;
    let anchor = audit::anchor(app.db()).await.unwrap();
    let (dpo, _) = agent_for(&app, Role::Dpo, "dora3").await;
    let page = dpo.get("/protokoll/aufbewahrung").await;
    let shown = page.element_text("retention-anchor").unwrap();
    assert!(shown.contains(&format!("Nr. {}", anchor.seq)), "{shown}");
    assert!(shown.contains(&anchor.hash), "{shown}");
    assert!(
        page.element_text("retention-oldest-access")
            .unwrap()
            .starts_with("01.03.2027")
    );
    assert!(!page.contains("retention-overdue"));
}

#[tokio::test]
async fn the_status_page_says_when_no_programme_end_is_set_and_is_in_english() {
    let app = crate::app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "anna").await;
    let page = admin.get("/protokoll/aufbewahrung").await;
    assert_eq!(page.status, 200);
    assert!(
        page.element_text("retention-programme-end")
            .unwrap()
            .contains("kein Programmende festgelegt")
    );
    // Entries overdue because the job has not run yet are announced.
    app.clock.set(utc(2028, 1, 1, 0, 10, 0));
    let (admin, _) = agent_for(&app, Role::Admin, "anna2").await;
    let page = admin.get("/protokoll/aufbewahrung").await;
    assert!(
        page.element_text("retention-overdue")
            .unwrap()
            .contains("bereits fällig")
    );
    admin
        .post(
            "/sprache",
            &[("lang", "en"), ("next", "/protokoll/aufbewahrung")],
        )
        .await;
    let page = admin.get("/protokoll/aufbewahrung").await;
    assert!(page.contains("Retention and deletion periods"));
}

/// A company in the district of IHK Erfurt.
async fn company(app: &TestApp, name: &str) -> i64 {
    hih_matching::testing::company_in(app, "IHK Erfurt", name).await
}

async fn deactivate_company(app: &TestApp, id: i64) {
    hih_testkit::deactivate::<hih_companies::entities::company::Entity>(app, id).await;
}

/// An applicant in Vietnam.
async fn applicant(app: &TestApp, last_name: &str) -> i64 {
    hih_matching::testing::applicant_in(app, "VN", last_name).await
}

async fn deactivate_applicant(app: &TestApp, id: i64) {
    hih_testkit::deactivate::<hih_applicants::entities::applicant::Entity>(app, id).await;
}

/// The text of the table with this id, tags stripped and white space collapsed.
fn table_text(body: &str, id: &str) -> String {
    let start = body.find(&format!("id=\"{id}\"")).expect("table");
    let end = start + body[start..].find("</table>").expect("table end");
    let mut out = String::new();
    let mut in_tag = false;
    for c in body[start..end].chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#x2f;", "/")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

//! What the speed and the memory bound rely on (issue 16): long work (exports, statistics,
//! cross-tabs) runs in at most `long_work_slots` requests at once and the others wait; SQLite's
//! page cache and memory map are the configured ones on every pooled connection.

use std::time::Duration;

use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_users::testing::agent_for;
use poem::http::StatusCode;
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

use crate::all_features;

/// The app with `long_work_slots = 1`.
async fn one_slot() -> TestApp {
    let mut settings = TestApp::settings();
    settings.long_work_slots = 1;
    TestApp::with_settings(&all_features(), settings).await
}

#[tokio::test]
async fn a_second_long_request_waits_for_the_slot_and_then_runs() {
    let app = one_slot().await;
    let (agent, _) = agent_for(&app, Role::Admin, "slots").await;
    for path in [
        "/unternehmen/export/export.csv",
        "/statistik",
        "/statistik/kreuztabelle?subject=companies&row=district&col=industry",
    ] {
        let held = app.state.long_work().await.unwrap();
        let waiting = tokio::time::timeout(Duration::from_millis(300), agent.get(path)).await;
        assert!(waiting.is_err(), "{path} ran while the only slot was taken");
        drop(held);
        let page = tokio::time::timeout(Duration::from_secs(30), agent.get(path))
            .await
            .expect("runs once the slot is free");
        assert_eq!(page.status, StatusCode::OK, "{path}");
    }
    // Interactive pages never wait for a slot.
    let held = app.state.long_work().await.unwrap();
    let list = tokio::time::timeout(Duration::from_secs(30), agent.get("/unternehmen"))
        .await
        .expect("a list page does not wait for long work");
    assert_eq!(list.status, StatusCode::OK);
    drop(held);
}

#[tokio::test]
async fn sqlite_connections_use_the_configured_cache_and_memory_map() {
    let mut settings = TestApp::settings();
    settings.database.sqlite_cache_kib = 3_000;
    settings.database.sqlite_mmap_mib = 7;
    let app = TestApp::with_settings(&all_features(), settings).await;
    if app.db().get_database_backend() != DatabaseBackend::Sqlite {
        return;
    }
    let pragma = |name: &str| {
        let db = app.db().clone();
        let sql = format!("PRAGMA {name}");
        async move {
            let row = db
                .query_one_raw(Statement::from_string(DatabaseBackend::Sqlite, sql))
                .await
                .unwrap()
                .unwrap();
            row.try_get_by_index::<i64>(0).unwrap()
        }
    };
    // Several at once, so more than one pooled connection answers.
    let answers = futures::future::join_all(
        (0..4).map(|_| async { (pragma("cache_size").await, pragma("mmap_size").await) }),
    )
    .await;
    for (cache, mmap) in answers {
        assert_eq!(cache, -3_000, "cache_size in KiB (negative)");
        assert_eq!(mmap, 7 * 1024 * 1024, "mmap_size in bytes");
    }
}

/// The statistics engine's result is kept per data version (issue 16): asked again without a
/// write in between, it is not computed again; after any unit of work commits — here a new
/// applicant, through the same path every instance writes with — it is computed afresh and
/// shows the change, equal to a fresh computation.
#[tokio::test]
async fn kept_statistics_are_recomputed_after_every_committed_write() {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use hih_db::version_cache::VersionCache;
    use hih_reports::scope::StatScope;
    use hih_reports::statistics;

    let app = crate::app().await;
    static KEPT: VersionCache<u64> = VersionCache::new(4);
    let computed = AtomicUsize::new(0);
    let applicants = async || {
        computed.fetch_add(1, Ordering::SeqCst);
        use sea_orm::{EntityTrait, PaginatorTrait};
        Ok(hih_applicants::entities::applicant::Entity::find()
            .count(app.db())
            .await?)
    };
    assert_eq!(
        KEPT.get_or_compute(app.db(), "n", applicants)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        KEPT.get_or_compute(app.db(), "n", applicants)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        computed.load(Ordering::SeqCst),
        1,
        "kept while nothing changed"
    );
    hih_applicants::testing::applicant_in(&app, "VN", "Nguyễn").await;
    assert_eq!(
        KEPT.get_or_compute(app.db(), "n", applicants)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        computed.load(Ordering::SeqCst),
        2,
        "computed again after the write"
    );

    // The statistics page's figures: the kept result equals a fresh computation after a write.
    let locale = hih_i18n::Locale::De;
    let before = statistics::current(app.services(), &StatScope::All, None, locale)
        .await
        .unwrap();
    hih_applicants::testing::applicant_in(&app, "IN", "Kumar").await;
    let kept = statistics::current(app.services(), &StatScope::All, None, locale)
        .await
        .unwrap();
    let fresh = statistics::compute(app.services(), &StatScope::All, None, locale)
        .await
        .unwrap();
    let figures = |s: &statistics::Statistics| format!("{:?}", s.topics);
    assert_eq!(figures(&kept), figures(&fresh));
    assert_ne!(
        figures(&kept),
        figures(&before),
        "the new applicant is counted"
    );
}

//! Matrix rows of the operations feature's `jobs` part: the job dashboard, a run's page and
//! the retry and cancel steps, for admins and super administrators only. The action routes
//! answer POST only (a GET finds nothing); their POST answers per role are tested in
//! `features/operations/tests/jobs.rs`.

use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row};

use hih_testkit::matrix::{managers, row};

/// A waiting run of a registered job (no workers run in the matrix).
async fn fixture(app: &TestApp) -> String {
    app.services()
        .jobs
        .enqueue("users.purge-expired", serde_json::json!({}))
        .await
        .unwrap();
    hih_jobs::list_runs(app.db(), &hih_jobs::RunFilter::default(), 0, Some(1))
        .await
        .unwrap()
        .remove(0)
        .id
}

/// The rows.
pub(crate) async fn rows(app: &TestApp) -> Vec<Row> {
    let run = fixture(app).await;
    let base = "/system/jobs";
    let unknown = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
    let mut rows = vec![
        row(base, base, Login, managers(Ok)),
        row(
            &format!("{base}?job=users.purge-expired&status=pending&per=40&page=2"),
            base,
            Login,
            managers(Ok),
        ),
        row(
            &format!("{base}/{run}"),
            &format!("{base}/:id"),
            Login,
            managers(Ok),
        ),
        row(
            &format!("{base}/{unknown}"),
            &format!("{base}/:id"),
            Login,
            managers(NotFound),
        ),
        row(
            &format!("{base}/nicht-g%C3%BCltig!"),
            &format!("{base}/:id"),
            Login,
            managers(NotFound),
        ),
    ];
    for action in [
        "wiederholen",
        "wiederholen/bestaetigen",
        "abbrechen",
        "abbrechen/bestaetigen",
    ] {
        rows.push(row(
            &format!("{base}/{run}/{action}"),
            &format!("{base}/:id/{action}"),
            Login,
            managers(NotFound),
        ));
    }
    rows
}

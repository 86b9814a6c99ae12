//! Matrix rows of the monthly, annual and on-demand reports (R-STA-4): admins only.

use crate::periodic::jobs::{self, GENERATE_JOB};
use crate::periodic::period::ReportPeriod;
use hih_db::UnitOfWork;
use hih_kernel::Actor;
use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row};

use hih_testkit::matrix::{admin_only, row};

/// A finished report and a queued one.
async fn fixture(app: &TestApp) -> (i64, i64) {
    let october = ReportPeriod {
        from: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
    };
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let done = jobs::request(&mut uow, october).await.unwrap();
    let queued = jobs::request(&mut uow, october).await.unwrap();
    uow.commit().await.unwrap();
    app.run_job(GENERATE_JOB, serde_json::json!({ "file_id": done.id }))
        .await
        .unwrap();
    (done.id, queued.id)
}

/// The rows.
pub(super) async fn rows(app: &TestApp) -> Vec<Row> {
    let (done, queued) = fixture(app).await;
    vec![
        row("/berichte", "/berichte", Login, admin_only(Ok)),
        row(
            &format!("/berichte/{done}"),
            "/berichte/:id",
            Login,
            admin_only(Ok),
        ),
        row(
            &format!("/berichte/{queued}"),
            "/berichte/:id",
            Login,
            admin_only(Ok),
        ),
        row(
            "/berichte/999999",
            "/berichte/:id",
            Login,
            admin_only(NotFound),
        ),
        row(
            &format!("/berichte/{done}/download"),
            "/berichte/:id/download",
            Login,
            admin_only(Ok),
        ),
        row(
            &format!("/berichte/{queued}/download"),
            "/berichte/:id/download",
            Login,
            admin_only(NotFound),
        ),
    ]
}

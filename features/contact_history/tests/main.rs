//! Integration tests of the contact history: order and sorting, author-only changes with
//! confirmation, visibility through either attachment, full-text search of the remarks.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod history;
mod visibility;

use hih_testkit::TestApp;

/// The features these tests need.
pub async fn app() -> TestApp {
    TestApp::on_base(
        hih_app::features(),
        &["companies", "applicants", "contact_history"],
    )
    .await
}

/// A Vietnamese applicant (`HIH-VN-0001` for the first).
pub async fn applicant(app: &TestApp, last_name: &str) -> i64 {
    hih_matching::testing::applicant_in(app, "VN", last_name).await
}

/// A company in the district of the named IHK.
pub async fn company(app: &TestApp, ihk: &str, name: &str) -> i64 {
    hih_matching::testing::company_in(app, ihk, name).await
}

//! Tests of the operations feature against the assembled application (SQLite by default,
//! PostgreSQL with `HIH_TEST_DATABASE_URL`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod backup;
mod jobs;
mod metrics;
mod status;

use hih_kernel::Feature;
use hih_testkit::TestApp;

/// The features these tests need, in the binary's order.
pub fn features() -> Vec<&'static dyn Feature> {
    hih_testkit::features_of(
        hih_app::features(),
        &["home", "users", "admin", "operations"],
    )
}

/// The app on a fresh database.
pub async fn app() -> TestApp {
    TestApp::new(&features()).await
}

#[tokio::test]
async fn the_feature_registers() {
    let app = app().await;
    assert!(
        app.services()
            .texts
            .has(hih_i18n::Locale::De, "operations-nav")
    );
}

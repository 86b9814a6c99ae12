//! Tests of the protocol feature against the assembled application (SQLite by default,
//! PostgreSQL with `HIH_TEST_DATABASE_URL`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod alerts;
mod programme_end;
mod retention;
mod viewer;

use hih_kernel::Feature;
use hih_testkit::TestApp;

/// The features these tests need, in the binary's order.
pub fn features() -> Vec<&'static dyn Feature> {
    hih_testkit::on_base_features(
        hih_app::features(),
        &[
            "companies",
            "applicants",
            "contact_history",
            "matching",
            "reports",
            "counselling",
            "protocol",
        ],
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
            .has(hih_i18n::Locale::De, "protocol-nav")
    );
}

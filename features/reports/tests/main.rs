//! Integration tests of the reports feature.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod berlin_months;
mod crosstab;
mod files;
mod fixture;
mod partner;
mod periodic;
mod statistics;
mod subject;

use hih_testkit::TestApp;

/// All features, as the host app runs them.
pub async fn app() -> TestApp {
    app_with(TestApp::settings()).await
}

/// All features, as the host app runs them, with these settings.
pub async fn app_with(settings: hih_kernel::Settings) -> TestApp {
    TestApp::with_settings(&features(), settings).await
}

/// The features these tests need (all but the operators' and the data protection officers'
/// rooms), in the binary's order.
pub fn features() -> Vec<&'static dyn hih_kernel::Feature> {
    hih_testkit::on_base_features(
        hih_app::features(),
        &[
            "companies",
            "applicants",
            "contact_history",
            "matching",
            "reports",
        ],
    )
}

//! Integration tests of the companies feature: companies, their search index, monthly counts.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod companies;
mod monthly;
mod search_index;

use hih_testkit::TestApp;

/// The features these tests need.
pub async fn app() -> TestApp {
    TestApp::on_base(hih_app::features(), &["companies"]).await
}

pub use hih_testkit::postcodes::fixture_subset;

//! Integration tests of the users feature (SQLite by default; PostgreSQL when
//! `HIH_TEST_DATABASE_URL` is set).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod admin;
mod audit;
mod login;
mod notifications;
mod reset;
mod setup;

use hih_testkit::TestApp;

/// The features these tests need.
pub async fn app() -> TestApp {
    TestApp::only(hih_app::features(), &["home", "users", "admin"]).await
}

//! Integration tests of the reference data feature: postcodes (import, built-in table, address
//! check), IHK districts, the selection-list editor.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod builtin_postcodes;
mod lists;
mod postcodes_and_districts;

use hih_kernel::Feature;
use hih_testkit::TestApp;

/// The features these tests need.
pub async fn app() -> TestApp {
    let features: [&dyn Feature; 4] = [
        &hih_home::HomeFeature,
        &hih_users::UsersFeature,
        &hih_reference::ReferenceFeature,
        &hih_admin::AdminFeature,
    ];
    TestApp::new(&features).await
}

pub use hih_testkit::postcodes::{fixture, fixture_subset};

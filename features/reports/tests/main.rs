//! Integration tests of the reports feature.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod crosstab;
mod files;
mod fixture;
mod partner;
mod periodic;
mod statistics;
mod subject;

use hih_kernel::Feature;
use hih_testkit::TestApp;

/// All features, as the host app runs them.
pub async fn app() -> TestApp {
    let features: [&dyn Feature; 9] = [
        &hih_home::HomeFeature,
        &hih_users::UsersFeature,
        &hih_reference::ReferenceFeature,
        &hih_companies::CompaniesFeature,
        &hih_applicants::ApplicantsFeature,
        &hih_contact_history::ContactHistoryFeature,
        &hih_matching::MatchingFeature,
        &hih_reports::ReportsFeature,
        &hih_admin::AdminFeature,
    ];
    TestApp::new(&features).await
}

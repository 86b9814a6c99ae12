//! The shared tests of every create/edit flow (`hih_testkit::flows`): each feature that
//! registers a flow contributes its fixture here; a registered flow without one fails.

use hih_testkit::flows::{FlowFixture, check_all};

use crate::app;

/// Every feature's flow fixtures, in feature order.
fn fixtures() -> Vec<FlowFixture> {
    let mut all = Vec::new();
    all.extend(hih_users::testing::flows::fixtures());
    all.extend(hih_admin::testing::flows::fixtures());
    all.extend(hih_reference::testing::flows::fixtures());
    all.extend(hih_companies::testing::flows::fixtures());
    all.extend(hih_applicants::testing::flows::fixtures());
    all.extend(hih_contact_history::testing::flows::fixtures());
    all.extend(hih_matching::testing::flows::fixtures());
    all.extend(hih_counselling::testing::flows::fixtures());
    all.extend(hih_reports::testing::flows::fixtures());
    all
}

#[tokio::test]
async fn every_flow_reviews_before_saving_asks_before_cancelling_and_keeps_its_draft() {
    let app = app().await;
    let failures = check_all(&app, &fixtures()).await;
    assert!(
        failures.is_empty(),
        "flow failures:\n{}",
        failures.join("\n")
    );
}

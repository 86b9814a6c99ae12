//! Matrix rows of the protocol feature: logs, alerts and retention status for admins and the
//! data-protection officer only.

use hih_testkit::TestApp;
use hih_testkit::matrix::Row;

/// The rows (each part of the feature adds its routes here).
pub(super) async fn rows(_app: &TestApp) -> Vec<Row> {
    Vec::new()
}

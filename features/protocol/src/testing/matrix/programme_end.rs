//! Matrix rows of the protocol feature's `programme_end` part.

use hih_testkit::TestApp;
use hih_testkit::matrix::Row;

/// The rows.
pub(crate) async fn rows(_app: &TestApp) -> Vec<Row> {
    Vec::new()
}

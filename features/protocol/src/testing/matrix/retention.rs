//! Matrix rows of the protocol feature's `retention` part: the retention status page, for
//! admins and the dpo only.

use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row};

use hih_testkit::matrix::{row, subject};

/// The rows.
pub(crate) async fn rows(_app: &TestApp) -> Vec<Row> {
    vec![row(
        "/protokoll/aufbewahrung",
        "/protokoll/aufbewahrung",
        Login,
        subject(Ok),
    )]
}

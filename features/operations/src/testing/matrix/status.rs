//! Matrix rows of the operations feature's `status` part: the status page, for admins and
//! super administrators only.

use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row};

use hih_testkit::matrix::{managers, row};

/// The rows.
pub(crate) async fn rows(_app: &TestApp) -> Vec<Row> {
    vec![row("/system/status", "/system/status", Login, managers(Ok))]
}

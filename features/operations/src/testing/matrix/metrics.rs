//! Matrix rows of the operations feature's `metrics` part: `/metrics` is public at the guard
//! (scrapers have no session) but answers 404 to every caller without the configured token or
//! address — anonymous visitors and every role alike (the matrix app configures neither).

use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row};

use hih_testkit::matrix::row;

/// The rows.
pub(crate) async fn rows(_app: &TestApp) -> Vec<Row> {
    vec![row("/metrics", "/metrics", NotFound, [NotFound; 5])]
}

//! Matrix rows of the home feature: the start page and the global search, for every role.

use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row, row};

/// The rows (no records needed: an empty search answers too).
pub async fn rows(_app: &TestApp) -> Vec<Row> {
    vec![
        row("/", "/", Login, [Ok; 5]),
        row("/suche", "/suche", Login, [Ok; 5]),
        row("/suche?q=eigene+gmbh", "/suche", Login, [Ok; 5]),
    ]
}

//! Matrix rows of the reports feature; each part keeps its rows in its own file.

mod partner;
mod periodic;
mod statistics;
mod subject;

use hih_testkit::TestApp;
use hih_testkit::matrix::Row;

/// The rows of all parts (each part creates the records it needs).
pub async fn rows(app: &TestApp) -> Vec<Row> {
    let mut rows = partner::rows(app).await;
    rows.extend(periodic::rows(app).await);
    rows.extend(statistics::rows(app).await);
    rows.extend(subject::rows(app).await);
    rows
}

//! Matrix rows of the protocol feature: logs, alerts and retention status for admins and the
//! data-protection officer only. Each part of the feature keeps its rows in its own file.

mod alerts;
mod programme_end;
mod retention;
mod viewer;

use hih_testkit::TestApp;
use hih_testkit::matrix::Row;

/// The rows of all parts (fixtures are created in `app`).
pub async fn rows(app: &TestApp) -> Vec<Row> {
    let mut rows = viewer::rows(app).await;
    rows.extend(retention::rows(app).await);
    rows.extend(alerts::rows(app).await);
    rows.extend(programme_end::rows(app).await);
    rows
}

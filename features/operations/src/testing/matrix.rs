//! Matrix rows of the operations feature: status page, job dashboard, backups for admins and
//! super administrators only; metrics only with the token or from configured addresses. Each
//! part keeps its rows in its own file.

mod backup;
mod jobs;
mod metrics;
mod status;

use hih_testkit::TestApp;
use hih_testkit::matrix::Row;

/// The rows of all parts (fixtures are created in `app`).
pub async fn rows(app: &TestApp) -> Vec<Row> {
    let mut rows = status::rows(app).await;
    rows.extend(jobs::rows(app).await);
    rows.extend(metrics::rows(app).await);
    rows.extend(backup::rows(app).await);
    rows
}

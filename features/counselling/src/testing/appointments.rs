//! Matrix rows of the video appointments. The matrix's app has no video server configured, so
//! the proposal form answers 404 to those who may counsel (403 to the others): the option is
//! hidden. Answering is POST only.

use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row, everyone, row};

use super::conversation_in;

/// The rows.
pub async fn rows(app: &TestApp) -> Vec<Row> {
    let (id, token) = conversation_in(app, "VN", "Matrix-Termin").await;
    hih_testkit::rows![
        row(
            &format!("/beratung/{id}/termin"),
            "/beratung/:id/termin",
            Login,
            [Forbidden, NotFound, Forbidden, NotFound, Forbidden]
        ),
        everyone(
            &format!("/beratung/gast/{token}/termin"),
            "/beratung/gast/:token/termin",
            NotFound
        ),
    ]
}

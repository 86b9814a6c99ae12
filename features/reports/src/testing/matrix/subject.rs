//! Matrix rows of the data-subject requests (R-RET-2): admins and the dpo, every record
//! (deactivated ones too); erasure for admins only.

use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row, admin_only, row, subject};

/// The rows (with companies and applicants of both scopes, one deactivated).
pub(super) async fn rows(app: &TestApp) -> Vec<Row> {
    let own = hih_companies::testing::company_in(app, "IHK Erfurt", "Auskunft GmbH").await;
    let foreign =
        hih_companies::testing::company_in(app, "IHK Düsseldorf", "Fernauskunft AG").await;
    let own_a = hih_applicants::testing::prospect_in(app, "VN", "Võ", false).await;
    let foreign_a = hih_applicants::testing::prospect_in(app, "IN", "Singh", false).await;
    let gone_a = hih_applicants::testing::prospect_in(app, "VN", "Hồ", true).await;
    vec![
        // Data-subject requests (R-RET-2): admins and the dpo, every record (deactivated ones
        // too); erasure for admins only.
        row("/auskunft", "/auskunft", Login, subject(Ok)),
        row("/auskunft?q=nguyen", "/auskunft", Login, subject(Ok)),
        row(
            &format!("/auskunft/bewerber/{foreign_a}"),
            "/auskunft/bewerber/:id",
            Login,
            subject(Ok),
        ),
        row(
            &format!("/auskunft/bewerber/{gone_a}"),
            "/auskunft/bewerber/:id",
            Login,
            subject(Ok),
        ),
        row(
            "/auskunft/bewerber/999999",
            "/auskunft/bewerber/:id",
            Login,
            subject(NotFound),
        ),
        row(
            &format!("/auskunft/bewerber/{own_a}/auskunft.xlsx"),
            "/auskunft/bewerber/:id/auskunft.xlsx",
            Login,
            subject(Ok),
        ),
        row(
            &format!("/auskunft/bewerber/{own_a}/auskunft.json"),
            "/auskunft/bewerber/:id/auskunft.json",
            Login,
            subject(Ok),
        ),
        row(
            &format!("/auskunft/bewerber/{own_a}/loeschen"),
            "/auskunft/bewerber/:id/loeschen",
            Login,
            admin_only(Ok),
        ),
        row(
            "/auskunft/bewerber/999999/loeschen",
            "/auskunft/bewerber/:id/loeschen",
            Login,
            admin_only(NotFound),
        ),
        row(
            &format!("/auskunft/unternehmen/{foreign}"),
            "/auskunft/unternehmen/:id",
            Login,
            subject(Ok),
        ),
        row(
            &format!("/auskunft/unternehmen/{own}/auskunft.xlsx"),
            "/auskunft/unternehmen/:id/auskunft.xlsx",
            Login,
            subject(Ok),
        ),
        row(
            &format!("/auskunft/unternehmen/{own}/auskunft.json"),
            "/auskunft/unternehmen/:id/auskunft.json",
            Login,
            subject(Ok),
        ),
        row(
            "/auskunft/unternehmen/999999/auskunft.json",
            "/auskunft/unternehmen/:id/auskunft.json",
            Login,
            subject(NotFound),
        ),
        row(
            &format!("/auskunft/unternehmen/{own}/loeschen"),
            "/auskunft/unternehmen/:id/loeschen",
            Login,
            admin_only(Ok),
        ),
    ]
}

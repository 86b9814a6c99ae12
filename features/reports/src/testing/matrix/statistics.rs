//! Matrix rows of the statistics (R-STA-1..3): figures in the caller's scope for everybody who
//! works with the programme's data.

use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row, row, statistics};

/// The rows (an empty database answers too).
pub(super) async fn rows(_app: &TestApp) -> Vec<Row> {
    vec![
        row("/statistik", "/statistik", Login, statistics(Ok)),
        row(
            "/statistik/kreuztabelle",
            "/statistik/kreuztabelle",
            Login,
            statistics(Ok),
        ),
        row(
            "/statistik/kreuztabelle?subject=placements&row=country&col=status&from=2026-01&to=2026-12",
            "/statistik/kreuztabelle",
            Login,
            statistics(Ok),
        ),
        // Company attributes of matches stay hidden from AHK staff (refused next to the field).
        row(
            "/statistik/kreuztabelle?subject=placements&row=district&col=status&from=2026-01&to=2026-12",
            "/statistik/kreuztabelle",
            Login,
            [Forbidden, Ok, Ok, Unprocessable, Forbidden],
        ),
        row(
            "/statistik/kreuztabelle/export/kreuztabelle.csv?subject=companies&row=district&col=industry",
            "/statistik/kreuztabelle/export/:file",
            Login,
            statistics(Ok),
        ),
        row(
            "/statistik/kreuztabelle/export/kreuztabelle.xlsx?subject=applicants&row=country&col=status",
            "/statistik/kreuztabelle/export/:file",
            Login,
            statistics(Ok),
        ),
        row(
            "/statistik/kreuztabelle/export/anders.pdf",
            "/statistik/kreuztabelle/export/:file",
            Login,
            statistics(NotFound),
        ),
    ]
}

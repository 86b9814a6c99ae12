//! Matrix rows of the matching feature: matches for admins and the IHK staff of the company's
//! district; a match opens the applicant's pages (and its contacts) to that IHK's staff.

use hih_testkit::TestApp;
use hih_testkit::matrix::{
    Expect::*, Row, applicants, companies, flow, foreign_company, foreign_read, readers, row, staff,
};

use super::match_of;

/// The rows (with companies and applicants in and outside the staff's scopes and a match of a
/// Vietnamese applicant with the IHK Erfurt's company).
pub async fn rows(app: &TestApp) -> Vec<Row> {
    let own = hih_companies::testing::company_in(app, "IHK Erfurt", "Vermittlung GmbH").await;
    let foreign =
        hih_companies::testing::company_in(app, "IHK Düsseldorf", "Fernvermittlung AG").await;
    let own_a = hih_applicants::testing::prospect_in(app, "VN", "Đỗ", false).await;
    let foreign_a = hih_applicants::testing::prospect_in(app, "IN", "Gupta", false).await;
    let b = |id: i64, suffix: &str| format!("/bewerber/{id}{suffix}");
    let matched_a = hih_applicants::testing::prospect_in(app, "VN", "Phạm", false).await;
    let placement = match_of(app, own, matched_a).await;
    let m = |c: i64, suffix: &str| format!("/unternehmen/{c}/vermittlungen{suffix}");
    hih_testkit::rows![
        row(&b(matched_a, ""), "/bewerber/:id", Login, staff(Ok)),
        row(
            &b(matched_a, "/prozess"),
            "/bewerber/:id/prozess",
            Login,
            staff(Ok),
        ),
        row(
            &b(matched_a, "/prozess/pruefen"),
            "/bewerber/:id/prozess/pruefen",
            Login,
            staff(Redirect),
        ),
        row(
            &b(matched_a, "/bearbeiten"),
            "/bewerber/:id/bearbeiten",
            Login,
            applicants(Ok),
        ),
        row(
            &b(matched_a, "/vermittlungen"),
            "/bewerber/:id/vermittlungen",
            Login,
            staff(Ok),
        ),
        row(
            &b(own_a, "/vermittlungen"),
            "/bewerber/:id/vermittlungen",
            Login,
            readers(Ok, NotFound),
        ),
        row(
            &b(foreign_a, "/vermittlungen"),
            "/bewerber/:id/vermittlungen",
            Login,
            foreign_read(Ok),
        ),
        row(
            &m(own, ""),
            "/unternehmen/:id/vermittlungen",
            Login,
            companies(Ok),
        ),
        row(
            &m(foreign, ""),
            "/unternehmen/:id/vermittlungen",
            Login,
            foreign_company(Ok),
        ),
        flow(
            &m(own, "/neu"),
            "/unternehmen/:id/vermittlungen/neu",
            Login,
            companies(Ok)
        ),
        row(
            &m(foreign, "/neu"),
            "/unternehmen/:id/vermittlungen/neu",
            Login,
            foreign_company(Ok),
        ),
        flow(
            &m(own, &format!("/{placement}/bearbeiten")),
            "/unternehmen/:id/vermittlungen/:mid/bearbeiten",
            Login,
            companies(Ok)
        ),
        row(
            &m(foreign, &format!("/{placement}/bearbeiten")),
            "/unternehmen/:id/vermittlungen/:mid/bearbeiten",
            Login,
            foreign_company(NotFound),
        ),
        row(
            &m(own, &format!("/{placement}/entfernen")),
            "/unternehmen/:id/vermittlungen/:mid/entfernen",
            Login,
            companies(Ok),
        ),
        row(
            &m(foreign, &format!("/{placement}/entfernen")),
            "/unternehmen/:id/vermittlungen/:mid/entfernen",
            Login,
            foreign_company(NotFound),
        ),
        row(
            &b(matched_a, "/kontakte"),
            "/bewerber/:id/kontakte",
            Login,
            staff(Ok),
        ),
        row("/vermittlungen", "/vermittlungen", Login, staff(Ok)),
        row(
            "/vermittlungen?q=pham&status=vermittelt&sort=company&dir=desc&per=40",
            "/vermittlungen",
            Login,
            staff(Ok),
        ),
        row(
            "/vermittlungen/export/export.csv",
            "/vermittlungen/export/:file",
            Login,
            staff(Ok),
        ),
        row(
            "/vermittlungen/export/export.xlsx?status=beendet",
            "/vermittlungen/export/:file",
            Login,
            staff(Ok),
        ),
        row(
            "/vermittlungen/export/anders.pdf",
            "/vermittlungen/export/:file",
            Login,
            staff(NotFound),
        ),
        row(
            &m(foreign, "/neu/abbrechen"),
            "/unternehmen/:id/vermittlungen/neu/abbrechen",
            Login,
            foreign_company(Ok),
        ),
    ]
}

//! Matrix rows of the contact history: entries reach whoever may read the company or the
//! applicant they are about; only admins change entries written by a job.

use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect, Expect::*, Row, flow, foreign_read, row, staff};

use super::entry_with;

/// Entries about a company of IHK Erfurt: admins and IHK staff get `e`, AHK staff 404.
fn via_company(e: Expect) -> [Expect; 5] {
    [Forbidden, e, e, NotFound, Forbidden]
}

/// Entries about an applicant of AHK Vietnam: admins and AHK staff get `e`, IHK staff 404.
fn via_applicant(e: Expect) -> [Expect; 5] {
    [Forbidden, e, NotFound, e, Forbidden]
}

/// The rows (with a company and an applicant in and outside the staff's scopes, and one entry
/// on each own record).
pub async fn rows(app: &TestApp) -> Vec<Row> {
    let own = hih_companies::testing::company_in(app, "IHK Erfurt", "Kontakt GmbH").await;
    let foreign = hih_companies::testing::company_in(app, "IHK Düsseldorf", "Fernkontakt AG").await;
    let own_a = hih_applicants::testing::prospect_in(app, "VN", "Lê", false).await;
    let foreign_a = hih_applicants::testing::prospect_in(app, "IN", "Patel", false).await;
    let c = |id: i64, suffix: &str| format!("/unternehmen/{id}{suffix}");
    let b = |id: i64, suffix: &str| format!("/bewerber/{id}{suffix}");
    let company_entry = entry_with(app, Some(own), None, "Telefonat").await;
    let applicant_entry = entry_with(app, None, Some(own_a), "Telefonat").await;
    let k = |e: i64, suffix: &str| format!("/kontakte/{e}{suffix}");
    hih_testkit::rows![
        row(
            &c(own, "/kontakte"),
            "/unternehmen/:id/kontakte",
            Login,
            via_company(Ok),
        ),
        row(
            &c(own, "/kontakte?sort=type&dir=desc&per=40"),
            "/unternehmen/:id/kontakte",
            Login,
            via_company(Ok),
        ),
        row(
            &c(foreign, "/kontakte"),
            "/unternehmen/:id/kontakte",
            Login,
            foreign_read(Ok),
        ),
        flow(
            &c(own, "/kontakte/neu"),
            "/unternehmen/:id/kontakte/neu",
            Login,
            via_company(Ok)
        ),
        row(
            &c(foreign, "/kontakte/neu"),
            "/unternehmen/:id/kontakte/neu",
            Login,
            foreign_read(Ok),
        ),
        row(
            &b(own_a, "/kontakte"),
            "/bewerber/:id/kontakte",
            Login,
            via_applicant(Ok),
        ),
        row(
            &b(foreign_a, "/kontakte"),
            "/bewerber/:id/kontakte",
            Login,
            foreign_read(Ok),
        ),
        flow(
            &b(own_a, "/kontakte/neu"),
            "/bewerber/:id/kontakte/neu",
            Login,
            via_applicant(Ok)
        ),
        row("/kontakte", "/kontakte", Login, staff(Ok)),
        row(
            "/kontakte?q=telefonat&sort=staff&dir=desc",
            "/kontakte",
            Login,
            staff(Ok),
        ),
        row(
            &k(company_entry, ""),
            "/kontakte/:id",
            Login,
            via_company(Ok),
        ),
        row(
            &k(applicant_entry, ""),
            "/kontakte/:id",
            Login,
            via_applicant(Ok),
        ),
        row("/kontakte/999999", "/kontakte/:id", Login, staff(NotFound)),
        flow(
            &k(company_entry, "/bearbeiten"),
            "/kontakte/:id/bearbeiten",
            Login,
            [Forbidden, Ok, Forbidden, NotFound, Forbidden]
        ),
        row(
            &k(applicant_entry, "/bearbeiten"),
            "/kontakte/:id/bearbeiten",
            Login,
            [Forbidden, Ok, NotFound, Forbidden, Forbidden],
        ),
        row(
            &k(company_entry, "/loeschen"),
            "/kontakte/:id/loeschen",
            Login,
            [Forbidden, Ok, Forbidden, NotFound, Forbidden],
        ),
        row(
            &k(applicant_entry, "/loeschen"),
            "/kontakte/:id/loeschen",
            Login,
            [Forbidden, Ok, NotFound, Forbidden, Forbidden],
        ),
        row(
            &c(foreign, "/kontakte/neu/abbrechen"),
            "/unternehmen/:id/kontakte/neu/abbrechen",
            Login,
            foreign_read(Ok),
        ),
        // The contact-history list's filters and export (the ListSpec).
        row(
            "/kontakte?type=telefon&topic=beratung&from=2026-01-01&to=2026-12-31&sort=topic",
            "/kontakte",
            Login,
            staff(Ok),
        ),
        row("/kontakte?from=gestern", "/kontakte", Login, staff(Ok)),
        row(
            "/kontakte/export/export.csv?q=telefonat",
            "/kontakte/export/:file",
            Login,
            staff(Ok),
        ),
        row(
            "/kontakte/export/export.xlsx",
            "/kontakte/export/:file",
            Login,
            staff(Ok),
        ),
        row(
            "/kontakte/export/anders.pdf",
            "/kontakte/export/:file",
            Login,
            staff(NotFound),
        ),
    ]
}

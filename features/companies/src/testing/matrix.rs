//! Matrix rows of the companies feature: companies and monthly counts, for admins and the IHK
//! staff of the district (others 404).

use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row, admin_only, companies, flow, foreign_company, row};

use super::{company_in, deactivated_company_in, month_of};

/// The rows (with a company and an entered month in and outside the IHK Erfurt's district).
pub async fn rows(app: &TestApp) -> Vec<Row> {
    let own = company_in(app, "IHK Erfurt", "Eigene GmbH").await;
    let foreign = company_in(app, "IHK Düsseldorf", "Fremde AG").await;
    // Reactivation (admins, during retention) goes through the `/aktion/:what` routes: only a
    // deactivated record offers it, and only admins can open one.
    let gone = deactivated_company_in(app, "IHK Erfurt", "Ruhende GmbH").await;
    let c = |id: i64, suffix: &str| format!("/unternehmen/{id}{suffix}");
    let own_d = month_of(app, own).await;
    let foreign_d = month_of(app, foreign).await;
    let mc = |d: i64, suffix: &str| format!("/monatszahlen/{d}/2026-10{suffix}");
    hih_testkit::rows![
        row("/unternehmen", "/unternehmen", Login, companies(Ok)),
        row(
            "/unternehmen?q=gmbh&sort=plz&dir=desc&per=60",
            "/unternehmen",
            Login,
            companies(Ok),
        ),
        row(
            "/unternehmen/export/export.csv",
            "/unternehmen/export/:file",
            Login,
            companies(Ok),
        ),
        row(
            "/unternehmen/export/export.xlsx",
            "/unternehmen/export/:file",
            Login,
            companies(Ok),
        ),
        row(
            "/unternehmen/export/anders.pdf",
            "/unternehmen/export/:file",
            Login,
            companies(NotFound),
        ),
        row(
            "/unternehmen/verteiler?q=gmbh",
            "/unternehmen/verteiler",
            Login,
            companies(Ok),
        ),
        row(
            "/unternehmen/verteiler/verteiler.csv?q=gmbh",
            "/unternehmen/verteiler/:file",
            Login,
            companies(Ok),
        ),
        row(
            "/unternehmen/verteiler/verteiler.xlsx",
            "/unternehmen/verteiler/:file",
            Login,
            companies(Ok),
        ),
        row(
            "/unternehmen/verteiler/export.csv",
            "/unternehmen/verteiler/:file",
            Login,
            companies(NotFound),
        ),
        flow("/unternehmen/neu", "/unternehmen/neu", Login, companies(Ok)),
        row(&c(own, ""), "/unternehmen/:id", Login, companies(Ok)),
        row(
            &c(foreign, ""),
            "/unternehmen/:id",
            Login,
            foreign_company(Ok),
        ),
        flow(
            &c(own, "/bearbeiten"),
            "/unternehmen/:id/bearbeiten",
            Login,
            companies(Ok)
        ),
        row(
            &c(foreign, "/bearbeiten"),
            "/unternehmen/:id/bearbeiten",
            Login,
            foreign_company(Ok),
        ),
        row(
            &c(own, "/aktion/deaktivieren"),
            "/unternehmen/:id/aktion/:what",
            Login,
            companies(Ok),
        ),
        row(
            &c(own, "/aktion/loeschen"),
            "/unternehmen/:id/aktion/:what",
            Login,
            admin_only(Ok),
        ),
        row(
            &c(foreign, "/aktion/deaktivieren"),
            "/unternehmen/:id/aktion/:what",
            Login,
            foreign_company(Ok),
        ),
        row("/monatszahlen", "/monatszahlen", Login, companies(Ok)),
        row(
            &format!("/monatszahlen?district={own_d}&year=2026&status=fehlt&sort=kmu&dir=desc"),
            "/monatszahlen",
            Login,
            companies(Ok),
        ),
        row(
            "/monatszahlen/export/export.csv",
            "/monatszahlen/export/:file",
            Login,
            companies(Ok),
        ),
        row(
            "/monatszahlen/export/export.xlsx?status=offen",
            "/monatszahlen/export/:file",
            Login,
            companies(Ok),
        ),
        row(
            "/monatszahlen/export/anders.pdf",
            "/monatszahlen/export/:file",
            Login,
            companies(NotFound),
        ),
        row(
            "/monatszahlen/neu",
            "/monatszahlen/neu",
            Login,
            companies(Ok),
        ),
        row(
            &mc(own_d, ""),
            "/monatszahlen/:id/:period",
            Login,
            companies(Ok),
        ),
        row(
            &mc(foreign_d, ""),
            "/monatszahlen/:id/:period",
            Login,
            foreign_company(Ok),
        ),
        row(
            &format!("/monatszahlen/{own_d}/2099-01"),
            "/monatszahlen/:id/:period",
            Login,
            companies(NotFound),
        ),
        flow(
            &mc(own_d, "/bearbeiten"),
            "/monatszahlen/:id/:period/bearbeiten",
            Login,
            companies(Ok)
        ),
        row(
            &mc(foreign_d, "/bearbeiten"),
            "/monatszahlen/:id/:period/bearbeiten",
            Login,
            foreign_company(Ok),
        ),
        row(
            &mc(own_d, "/aktion/abschliessen"),
            "/monatszahlen/:id/:period/aktion/:what",
            Login,
            admin_only(Ok),
        ),
        row(
            &mc(foreign_d, "/aktion/abschliessen"),
            "/monatszahlen/:id/:period/aktion/:what",
            Login,
            admin_only(Ok),
        ),
        row(
            &mc(own_d, "/aktion/wieder-oeffnen"),
            "/monatszahlen/:id/:period/aktion/:what",
            Login,
            admin_only(NotFound),
        ),
        row(
            &c(gone, "/aktion/reaktivieren"),
            "/unternehmen/:id/aktion/:what",
            Login,
            [Forbidden, Ok, NotFound, Forbidden, Forbidden],
        ),
        row(
            &c(own, "/aktion/reaktivieren"),
            "/unternehmen/:id/aktion/:what",
            Login,
            companies(NotFound),
        ),
    ]
}

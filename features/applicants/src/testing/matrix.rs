//! Matrix rows of the applicants feature: applicants, invitations, registrations to review
//! (admins and the AHK staff of the country; IHK staff read only matched applicants) and the
//! guest's self-registration pages.

use hih_testkit::TestApp;
use hih_testkit::matrix::{
    Expect::*, Row, admin_only, applicants, everyone, flow, foreign_applicant, foreign_read,
    readers, row,
};

use super::{Stage, prospect_in, registration_in};

/// The rows (with applicants and self-registrations in and outside AHK Vietnam's scope).
pub async fn rows(app: &TestApp) -> Vec<Row> {
    // AHK staff of the matrix are in AHK Vietnam.
    let own_a = prospect_in(app, "VN", "Nguyễn", false).await;
    let foreign_a = prospect_in(app, "IN", "Sharma", false).await;
    let gone_a = prospect_in(app, "VN", "Trần", true).await;
    let b = |id: i64, suffix: &str| format!("/bewerber/{id}{suffix}");
    // Self-registrations: submitted in VN (own) and IN (foreign), one still being filled in,
    // one open link without consent yet.
    let (used_token, own_p) = registration_in(app, "VN", Stage::Submitted).await;
    let (_, foreign_p) = registration_in(app, "IN", Stage::Submitted).await;
    let (filling_token, filling_p) = registration_in(app, "VN", Stage::Filling).await;
    let (fresh_token, _) = registration_in(app, "VN", Stage::Invited).await;
    let (own_p, foreign_p, filling_p) = (
        own_p.unwrap_or_default(),
        foreign_p.unwrap_or_default(),
        filling_p.unwrap_or_default(),
    );
    let reg_link = |token: &str, suffix: &str| format!("/registrierung/{token}{suffix}");
    let rr = |id: i64, suffix: &str| format!("/bewerber/registrierungen/{id}{suffix}");
    hih_testkit::rows![
        row("/bewerber", "/bewerber", Login, readers(Ok, Ok)),
        row(
            "/bewerber?q=nguyen&status=bewerber&country=VN&occupation=koch&level=B1&sort=id&dir=desc&per=40",
            "/bewerber",
            Login,
            readers(Ok, Ok),
        ),
        row("/bewerber?inactive=on", "/bewerber", Login, readers(Ok, Ok)),
        row(
            "/bewerber/export/export.csv",
            "/bewerber/export/:file",
            Login,
            readers(Ok, Ok),
        ),
        row(
            "/bewerber/export/export.xlsx?country=IN",
            "/bewerber/export/:file",
            Login,
            readers(Ok, Ok),
        ),
        row(
            "/bewerber/export/anders.pdf",
            "/bewerber/export/:file",
            Login,
            readers(NotFound, NotFound),
        ),
        flow("/bewerber/neu", "/bewerber/neu", Login, applicants(Ok)),
        row(&b(own_a, ""), "/bewerber/:id", Login, readers(Ok, NotFound)),
        row(&b(foreign_a, ""), "/bewerber/:id", Login, foreign_read(Ok)),
        row(&b(gone_a, ""), "/bewerber/:id", Login, foreign_read(Ok)),
        row(
            "/bewerber/999999",
            "/bewerber/:id",
            Login,
            readers(NotFound, NotFound),
        ),
        row(
            &b(own_a, "/prozess"),
            "/bewerber/:id/prozess",
            Login,
            readers(Ok, NotFound),
        ),
        flow(
            &b(foreign_a, "/prozess"),
            "/bewerber/:id/prozess",
            Login,
            foreign_read(Ok)
        ),
        flow(
            &b(own_a, "/bearbeiten"),
            "/bewerber/:id/bearbeiten",
            Login,
            applicants(Ok)
        ),
        flow(
            &b(foreign_a, "/bearbeiten"),
            "/bewerber/:id/bearbeiten",
            Login,
            foreign_applicant(Ok)
        ),
        row(
            &b(gone_a, "/bearbeiten"),
            "/bewerber/:id/bearbeiten",
            Login,
            foreign_applicant(Ok),
        ),
        row(
            &b(own_a, "/aktion/deaktivieren"),
            "/bewerber/:id/aktion/:what",
            Login,
            applicants(Ok),
        ),
        row(
            &b(own_a, "/aktion/loeschen"),
            "/bewerber/:id/aktion/:what",
            Login,
            admin_only(Ok),
        ),
        row(
            &b(own_a, "/aktion/unbekannt"),
            "/bewerber/:id/aktion/:what",
            Login,
            applicants(NotFound),
        ),
        row(
            &b(foreign_a, "/aktion/deaktivieren"),
            "/bewerber/:id/aktion/:what",
            Login,
            foreign_applicant(Ok),
        ),
        row(
            &b(foreign_a, "/aktion/loeschen"),
            "/bewerber/:id/aktion/:what",
            Login,
            foreign_applicant(Ok),
        ),
        row(
            &b(gone_a, "/aktion/deaktivieren"),
            "/bewerber/:id/aktion/:what",
            Login,
            foreign_applicant(NotFound),
        ),
        row(
            &b(gone_a, "/aktion/loeschen"),
            "/bewerber/:id/aktion/:what",
            Login,
            foreign_applicant(Ok),
        ),
        row(
            "/bewerber/einladungen",
            "/bewerber/einladungen",
            Login,
            applicants(Ok),
        ),
        flow(
            "/bewerber/einladungen/neu",
            "/bewerber/einladungen/neu",
            Login,
            applicants(Ok)
        ),
        row(
            "/bewerber/einladungen/erstellt",
            "/bewerber/einladungen/erstellt",
            Login,
            applicants(Redirect),
        ),
        row(
            "/bewerber/registrierungen",
            "/bewerber/registrierungen",
            Login,
            applicants(Ok),
        ),
        flow(
            &rr(own_p, ""),
            "/bewerber/registrierungen/:id",
            Login,
            applicants(Ok)
        ),
        flow(
            &rr(foreign_p, ""),
            "/bewerber/registrierungen/:id",
            Login,
            foreign_applicant(Ok)
        ),
        row(
            &rr(filling_p, ""),
            "/bewerber/registrierungen/:id",
            Login,
            applicants(NotFound),
        ),
        row(
            &rr(999_999, ""),
            "/bewerber/registrierungen/:id",
            Login,
            applicants(NotFound),
        ),
        row(
            &rr(own_p, "/freigeben"),
            "/bewerber/registrierungen/:id/freigeben",
            Login,
            applicants(Ok),
        ),
        row(
            &rr(foreign_p, "/freigeben"),
            "/bewerber/registrierungen/:id/freigeben",
            Login,
            foreign_applicant(Ok),
        ),
        row(
            &rr(filling_p, "/freigeben"),
            "/bewerber/registrierungen/:id/freigeben",
            Login,
            applicants(NotFound),
        ),
        row(
            &rr(own_p, "/ablehnen"),
            "/bewerber/registrierungen/:id/ablehnen",
            Login,
            applicants(Ok),
        ),
        row(
            &rr(foreign_p, "/ablehnen"),
            "/bewerber/registrierungen/:id/ablehnen",
            Login,
            foreign_applicant(Ok),
        ),
        // The guest's pages: any caller with a valid link (no login needed), the neutral
        // page (410) for used or unknown links.
        everyone(&reg_link(&fresh_token, ""), "/registrierung/:token", Ok),
        everyone(
            &reg_link(&fresh_token, "/person"),
            "/registrierung/:token/:step",
            Redirect,
        ),
        everyone(
            &reg_link(&filling_token, "/person"),
            "/registrierung/:token/:step",
            Ok,
        ),
        everyone(
            &reg_link(&filling_token, "/pruefen"),
            "/registrierung/:token/:step",
            Ok,
        ),
        everyone(
            &reg_link(&filling_token, "/unbekannt"),
            "/registrierung/:token/:step",
            NotFound,
        ),
        everyone(&reg_link(&used_token, ""), "/registrierung/:token", Gone),
        everyone(
            &reg_link(&used_token, "/sprachen"),
            "/registrierung/:token/:step",
            Gone,
        ),
        everyone("/registrierung/unbekannt", "/registrierung/:token", Gone),
        everyone("/registrierung/danke", "/registrierung/danke", Ok),
        row(
            &b(own_a, "/prozess/abbrechen"),
            "/bewerber/:id/prozess/abbrechen",
            Login,
            readers(Ok, NotFound),
        ),
        // Reactivation (admins, during retention): only a deactivated applicant offers it.
        row(
            &b(gone_a, "/aktion/reaktivieren"),
            "/bewerber/:id/aktion/:what",
            Login,
            foreign_applicant(Ok),
        ),
        row(
            &b(own_a, "/aktion/reaktivieren"),
            "/bewerber/:id/aktion/:what",
            Login,
            applicants(NotFound),
        ),
        // Distribution list of the current result (R-EXP-4, the ListSpec).
        row(
            "/bewerber/verteiler?q=nguyen",
            "/bewerber/verteiler",
            Login,
            readers(Ok, Ok),
        ),
        row(
            "/bewerber/verteiler/verteiler.csv?country=VN",
            "/bewerber/verteiler/:file",
            Login,
            readers(Ok, Ok),
        ),
        row(
            "/bewerber/verteiler/verteiler.xlsx",
            "/bewerber/verteiler/:file",
            Login,
            readers(Ok, Ok),
        ),
        row(
            "/bewerber/verteiler/export.csv",
            "/bewerber/verteiler/:file",
            Login,
            readers(NotFound, NotFound),
        ),
    ]
}

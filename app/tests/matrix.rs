//! Every route × every caller (anonymous and each role). A route missing here fails the test.

use hih_kernel::Role;
use hih_testkit::matrix::{Caller, Expect, check};
pub(crate) use hih_testkit::matrix::{admin_only, everyone, managers, row, staff, subject};
use hih_users::testing::agent_for;

use crate::app;

use Expect::*;

/// Admins and IHK staff get `e` (in scope), the other roles 403.
fn companies(e: Expect) -> [Expect; 5] {
    [
        Expect::Forbidden,
        e,
        e,
        Expect::Forbidden,
        Expect::Forbidden,
    ]
}

/// Admins and AHK staff get `e` (in scope), the other roles 403 (IHK staff until matches
/// open applicants to them).
fn applicants(e: Expect) -> [Expect; 5] {
    [
        Expect::Forbidden,
        e,
        Expect::Forbidden,
        e,
        Expect::Forbidden,
    ]
}

/// An applicant registered in `country`, optionally deactivated.
pub(crate) async fn applicant_in(
    app: &hih_testkit::TestApp,
    country: &str,
    last_name: &str,
    deactivated: bool,
) -> i64 {
    use hih_applicants::service;
    let pairs: Vec<(String, String)> = [
        ("last_name", last_name),
        ("first_names", "Anh"),
        ("birth_date", "1995-03-04"),
        ("country", country),
        ("status", "interessent"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let form = service::ApplicantForm::from_pairs(&pairs);
    let valid = service::validate(app.services(), &form, None)
        .await
        .unwrap();
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &hih_kernel::Actor::system("test"))
        .await
        .unwrap();
    let mut a = service::create(&mut uow, valid).await.unwrap();
    if deactivated {
        a = service::deactivate(&mut uow, &a).await.unwrap();
    }
    uow.commit().await.unwrap();
    a.id
}

/// How far a guest got with a self-registration.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    /// Invited; the consent is not given yet.
    Invited,
    /// Consent given, the steps are being filled in.
    Filling,
    /// Submitted: the link is used up, the entry awaits review.
    Submitted,
}

/// A self-registration of `country` at `stage`: the token and the pending entry's id (none
/// while only invited).
pub(crate) async fn registration_in(
    app: &hih_testkit::TestApp,
    country: &str,
    stage: Stage,
) -> (String, Option<i64>) {
    use hih_applicants::registration::service as reg;
    let form = reg::InvitationForm {
        locale: "de".into(),
        country: country.into(),
        ..Default::default()
    };
    let actor = hih_kernel::Actor::system("test");
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &actor)
        .await
        .unwrap();
    let (inv, token) = reg::create_invitation(&mut uow, &form, None).await.unwrap();
    let mut pending = None;
    if stage != Stage::Invited {
        let p = reg::accept_consent(&mut uow, &inv, "v1", "de")
            .await
            .unwrap();
        let mut data = reg::form_of(&p);
        data.last_name = "Phạm".into();
        data.birth_date = "1996-02-03".into();
        let p = reg::save_form(&mut uow, &p, &data).await.unwrap();
        if stage == Stage::Submitted {
            reg::submit(&mut uow, &inv, &p).await.unwrap();
        }
        pending = Some(p.id);
    }
    uow.commit().await.unwrap();
    (token, pending)
}

/// A company in the district of the named IHK (no postcode data: the district is given).
pub(crate) async fn company_in(app: &hih_testkit::TestApp, ihk: &str, name: &str) -> i64 {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let district = hih_users::entities::institution::Entity::find()
        .filter(hih_users::entities::institution::Column::Name.eq(ihk))
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id;
    let pairs: Vec<(String, String)> = [
        ("name", name),
        ("street", "Weg"),
        ("house_number", name),
        ("plz", "99084"),
        ("ort", "Erfurt"),
        ("industry", "C"),
        ("status", "interessiert"),
        ("outreach_format", "telefon"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let form = hih_companies::service::CompanyForm::from_pairs(&pairs);
    let valid = hih_companies::service::validate(app.services(), &form, Some(district), None)
        .await
        .map_err(|e| e.0)
        .unwrap();
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &hih_kernel::Actor::system("test"))
        .await
        .unwrap();
    let c = hih_companies::service::create(&mut uow, valid)
        .await
        .unwrap();
    uow.commit().await.unwrap();
    c.id
}

/// An entered (open) October 2026 of the company's district, as IHK staff would enter it.
async fn month_of(app: &hih_testkit::TestApp, company: i64) -> i64 {
    use hih_companies::monthly::{self, Figures, Period, ValidMonth};
    use sea_orm::EntityTrait;
    let district = hih_companies::entities::company::Entity::find_by_id(company)
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .district_id
        .unwrap();
    let figures = ValidMonth(
        [(
            "telefon".to_string(),
            Figures {
                addressed: 4,
                kmu: 2,
            },
        )]
        .into(),
    );
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &hih_kernel::Actor::system("test"))
        .await
        .unwrap();
    monthly::save(&mut uow, district, Period::new(2026, 10).unwrap(), &figures)
        .await
        .unwrap();
    uow.commit().await.unwrap();
    district
}

/// Reading applicants: admins and AHK staff get `e`, IHK staff `ihk` (their scope holds only
/// matched applicants), the other roles 403.
fn readers(e: Expect, ihk: Expect) -> [Expect; 5] {
    [Expect::Forbidden, e, ihk, e, Expect::Forbidden]
}

/// Everybody who works with the programme's data gets `e` (figures in their scope); the
/// operator (super_admin) and the data-protection officer (least privilege: logs, retention
/// and data-subject reports only) 403.
fn statistics(e: Expect) -> [Expect; 5] {
    [Expect::Forbidden, e, e, e, Expect::Forbidden]
}

/// Enters a match of `applicant` with `company` (as a job would).
pub(crate) async fn match_of(app: &hih_testkit::TestApp, company: i64, applicant: i64) -> i64 {
    use sea_orm::EntityTrait;
    let code = hih_applicants::entities::applicant::Entity::find_by_id(applicant)
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .applicant_id
        .unwrap();
    crate::security::match_with(app, company, &code, "", "").await
}

/// A contact-history entry about a company and/or an applicant, written by a job (so only
/// admins may change it).
async fn entry_on(app: &hih_testkit::TestApp, company: Option<i64>, applicant: Option<i64>) -> i64 {
    let valid = hih_contact_history::service::ValidEntry {
        contact_date: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        contact_type: "telefon".into(),
        topic: "beratung".into(),
        remarks: "Telefonat".into(),
        applicant_id: None,
    };
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &hih_kernel::Actor::system("test"))
        .await
        .unwrap();
    let e = hih_contact_history::service::create(&mut uow, company, applicant, valid)
        .await
        .unwrap();
    uow.commit().await.unwrap();
    e.id
}

#[tokio::test]
async fn role_route_matrix() {
    let app = app().await;
    let mut agents = vec![(Caller::Anonymous, app.agent())];
    for role in Role::ALL {
        let (agent, _) =
            agent_for(&app, role, &format!("m-{}", role.code().replace('_', "-"))).await;
        agents.push((Caller::Role(role), agent));
    }
    // One mail in the outbox, so its detail page exists.
    let forgot = app.agent();
    forgot.get("/passwort/vergessen").await;
    forgot
        .post("/passwort/vergessen", &[("email", "m-admin@example.org")])
        .await;
    let mail_id = app.count("mail_outbox").await.unwrap();
    let mail = format!("/admin/postausgang/{mail_id}");
    let target = hih_users::testing::create_user(app.services(), Role::IhkStaff, "m-target").await;
    let u = |suffix: &str| format!("/benutzer/{}{suffix}", target.id);
    // Accounts of privileged roles: the operator reads them but never changes them (finding 1).
    let admin_target =
        hih_users::testing::create_user(app.services(), Role::Admin, "m-admin-target").await;
    let dpo_target =
        hih_users::testing::create_user(app.services(), Role::Dpo, "m-dpo-target").await;
    let operator_target =
        hih_users::testing::create_user(app.services(), Role::SuperAdmin, "m-op-target").await;
    let privileged = [admin_target.id, dpo_target.id, operator_target.id];
    let only_admins = [Forbidden, Ok, Forbidden, Forbidden, Forbidden];
    let own = company_in(&app, "IHK Erfurt", "Eigene GmbH").await;
    let foreign = company_in(&app, "IHK Düsseldorf", "Fremde AG").await;
    let c = |id: i64, suffix: &str| format!("/unternehmen/{id}{suffix}");
    let own_district = month_of(&app, own).await;
    let foreign_district = month_of(&app, foreign).await;
    let mc = |d: i64, suffix: &str| format!("/monatszahlen/{d}/2026-10{suffix}");
    let (own_d, foreign_d) = (own_district, foreign_district);
    let foreign_month = [Forbidden, Ok, NotFound, Forbidden, Forbidden];
    // Applicants: AHK staff of the matrix are in AHK Vietnam.
    let own_a = applicant_in(&app, "VN", "Nguyễn", false).await;
    let foreign_a = applicant_in(&app, "IN", "Sharma", false).await;
    let gone_a = applicant_in(&app, "VN", "Trần", true).await;
    let b = |id: i64, suffix: &str| format!("/bewerber/{id}{suffix}");
    let foreign_applicant = [Forbidden, Ok, Forbidden, NotFound, Forbidden];
    let foreign_read = [Forbidden, Ok, NotFound, NotFound, Forbidden];
    // A match of a Vietnamese applicant with the IHK Erfurt's company opens it to IHK staff.
    let matched_a = applicant_in(&app, "VN", "Phạm", false).await;
    let placement = match_of(&app, own, matched_a).await;
    let m = |c: i64, suffix: &str| format!("/unternehmen/{c}/vermittlungen{suffix}");
    // Contact history: one entry on the own company, one on the Vietnamese applicant.
    let company_entry = entry_on(&app, Some(own), None).await;
    let applicant_entry = entry_on(&app, None, Some(own_a)).await;
    let k = |e: i64, suffix: &str| format!("/kontakte/{e}{suffix}");
    let via_company = [Forbidden, Ok, Ok, NotFound, Forbidden];
    let via_applicant = [Forbidden, Ok, NotFound, Ok, Forbidden];
    // Self-registrations: submitted in VN (own) and IN (foreign), one still being filled in,
    // one open link without consent yet.
    let (used_token, own_p) = registration_in(&app, "VN", Stage::Submitted).await;
    let (_, foreign_p) = registration_in(&app, "IN", Stage::Submitted).await;
    let (filling_token, filling_p) = registration_in(&app, "VN", Stage::Filling).await;
    let (fresh_token, _) = registration_in(&app, "VN", Stage::Invited).await;
    let (own_p, foreign_p, filling_p) = (
        own_p.unwrap_or_default(),
        foreign_p.unwrap_or_default(),
        filling_p.unwrap_or_default(),
    );
    let reg_link = |token: &str, suffix: &str| format!("/registrierung/{token}{suffix}");
    let rr = |id: i64, suffix: &str| format!("/bewerber/registrierungen/{id}{suffix}");

    // Order of roles: super_admin, admin, ihk_staff, ahk_staff, dpo.
    let staff_ok = [Ok, Ok, Ok, Ok, Ok];
    let mut rows = vec![
        row("/", "/", Login, staff_ok),
        row("/suche", "/suche", Login, staff_ok),
        row("/suche?q=eigene+gmbh", "/suche", Login, staff_ok),
        row("/login", "/login", Ok, [Redirect; 5]),
        row("/login/code", "/login/code", Login, [Login; 5]),
        row(
            "/login/totp-einrichten",
            "/login/totp-einrichten",
            Login,
            [Login; 5],
        ),
        row(
            "/login/wiederherstellungscodes",
            "/login/wiederherstellungscodes",
            Redirect,
            [Redirect; 5],
        ),
        row("/logout", "/logout", NotFound, [NotFound; 5]),
        row(
            "/konto/einrichten/unbekannt",
            "/konto/einrichten/:token",
            Gone,
            [Gone; 5],
        ),
        row("/passwort/aendern", "/passwort/aendern", Login, staff_ok),
        row("/passwort/vergessen", "/passwort/vergessen", Ok, staff_ok),
        row(
            "/passwort/zuruecksetzen/unbekannt",
            "/passwort/zuruecksetzen/:token",
            Gone,
            [Gone; 5],
        ),
        row(
            "/admin/texte",
            "/admin/texte",
            Login,
            [Forbidden, Ok, Forbidden, Forbidden, Forbidden],
        ),
        row(
            "/admin/texte/bearbeiten?locale=de&key=home-title",
            "/admin/texte/bearbeiten",
            Login,
            [Forbidden, Redirect, Forbidden, Forbidden, Forbidden],
        ),
        row(
            "/admin/texte/bearbeiten?locale=de&key=gibt-es-nicht",
            "/admin/texte/bearbeiten",
            Login,
            [Forbidden, NotFound, Forbidden, Forbidden, Forbidden],
        ),
        row(
            "/admin/postausgang",
            "/admin/postausgang",
            Login,
            [Forbidden, Ok, Forbidden, Forbidden, Forbidden],
        ),
        row(
            &mail,
            "/admin/postausgang/:id",
            Login,
            [Forbidden, Ok, Forbidden, Forbidden, Forbidden],
        ),
        row(
            "/admin/postausgang/999999",
            "/admin/postausgang/:id",
            Login,
            [Forbidden, NotFound, Forbidden, Forbidden, Forbidden],
        ),
        row("/benutzer", "/benutzer", Login, managers(Ok)),
        row(
            "/benutzer?q=m-&role=ihk_staff&sort=name&dir=desc&per=40",
            "/benutzer",
            Login,
            managers(Ok),
        ),
        row("/benutzer/neu", "/benutzer/neu", Login, managers(Ok)),
        row(
            "/benutzer/neu/pruefen",
            "/benutzer/neu/pruefen",
            Login,
            managers(Redirect),
        ),
        row(
            "/benutzer/neu/abbrechen",
            "/benutzer/neu/abbrechen",
            Login,
            managers(Ok),
        ),
        row(&u(""), "/benutzer/:id", Login, managers(Ok)),
        row(
            "/benutzer/999999",
            "/benutzer/:id",
            Login,
            managers(NotFound),
        ),
        row(
            &u("/bearbeiten"),
            "/benutzer/:id/bearbeiten",
            Login,
            managers(Ok),
        ),
        row(
            "/benutzer/999999/bearbeiten",
            "/benutzer/:id/bearbeiten",
            Login,
            managers(NotFound),
        ),
        row(
            &u("/bearbeiten/pruefen"),
            "/benutzer/:id/bearbeiten/pruefen",
            Login,
            managers(Redirect),
        ),
        row(
            &u("/bearbeiten/abbrechen"),
            "/benutzer/:id/bearbeiten/abbrechen",
            Login,
            managers(Ok),
        ),
        row(
            &u("/aktion/deaktivieren"),
            "/benutzer/:id/aktion/:what",
            Login,
            managers(Ok),
        ),
        row(
            &u("/aktion/loeschen"),
            "/benutzer/:id/aktion/:what",
            Login,
            managers(Ok),
        ),
        row(
            &u("/aktion/zuruecksetzen"),
            "/benutzer/:id/aktion/:what",
            Login,
            managers(Ok),
        ),
        row(
            &u("/aktion/aktivieren"),
            "/benutzer/:id/aktion/:what",
            Login,
            managers(Ok),
        ),
        row(
            &u("/aktion/unbekannt"),
            "/benutzer/:id/aktion/:what",
            Login,
            managers(NotFound),
        ),
    ];
    for id in privileged {
        let p = |suffix: &str| format!("/benutzer/{id}{suffix}");
        rows.extend([
            row(&p(""), "/benutzer/:id", Login, managers(Ok)),
            row(
                &p("/bearbeiten"),
                "/benutzer/:id/bearbeiten",
                Login,
                only_admins,
            ),
            row(
                &p("/bearbeiten/abbrechen"),
                "/benutzer/:id/bearbeiten/abbrechen",
                Login,
                only_admins,
            ),
            row(
                &p("/bearbeiten/pruefen"),
                "/benutzer/:id/bearbeiten/pruefen",
                Login,
                [Forbidden, Redirect, Forbidden, Forbidden, Forbidden],
            ),
        ]);
        for what in ["aktivieren", "deaktivieren", "loeschen", "zuruecksetzen"] {
            rows.push(row(
                &p(&format!("/aktion/{what}")),
                "/benutzer/:id/aktion/:what",
                Login,
                only_admins,
            ));
        }
    }
    rows.extend([
        row(
            "/benutzeruebersicht",
            "/benutzeruebersicht",
            Login,
            managers(Ok),
        ),
        row("/verteiler", "/verteiler", Login, managers(Ok)),
        row(
            "/verteiler/verteiler.csv",
            "/verteiler/:file",
            Login,
            managers(Ok),
        ),
        row(
            "/verteiler/verteiler.xlsx",
            "/verteiler/:file",
            Login,
            managers(Ok),
        ),
        row(
            "/verteiler/anderes.pdf",
            "/verteiler/:file",
            Login,
            managers(NotFound),
        ),
        row(
            "/benachrichtigungen",
            "/benachrichtigungen",
            Login,
            staff_ok,
        ),
        row(
            "/benachrichtigungen?filter=ungelesen&per=40&page=2",
            "/benachrichtigungen",
            Login,
            staff_ok,
        ),
        // Marking read and opening are POST only: a GET changes nothing and finds nothing.
        row(
            "/benachrichtigungen/alle-gelesen",
            "/benachrichtigungen/alle-gelesen",
            Login,
            [NotFound; 5],
        ),
        row(
            "/benachrichtigungen/1/gelesen",
            "/benachrichtigungen/:id/gelesen",
            Login,
            [NotFound; 5],
        ),
        row(
            "/benachrichtigungen/1/oeffnen",
            "/benachrichtigungen/:id/oeffnen",
            Login,
            [NotFound; 5],
        ),
        row("/profil", "/profil", Login, staff_ok),
        row("/profil/bearbeiten", "/profil/bearbeiten", Login, staff_ok),
        row(
            "/profil/bearbeiten/pruefen",
            "/profil/bearbeiten/pruefen",
            Login,
            [Redirect; 5],
        ),
        row(
            "/profil/bearbeiten/abbrechen",
            "/profil/bearbeiten/abbrechen",
            Login,
            staff_ok,
        ),
        row("/institutionen", "/institutionen", Login, admin_only(Ok)),
        row(
            "/institutionen/neu",
            "/institutionen/neu",
            Login,
            admin_only(Ok),
        ),
        row(
            "/institutionen/neu/pruefen",
            "/institutionen/neu/pruefen",
            Login,
            admin_only(Redirect),
        ),
        row(
            "/institutionen/1",
            "/institutionen/:id",
            Login,
            admin_only(Ok),
        ),
        row(
            "/institutionen/999",
            "/institutionen/:id",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/institutionen/1/pruefen",
            "/institutionen/:id/pruefen",
            Login,
            admin_only(Redirect),
        ),
        row("/referenzdaten", "/referenzdaten", Login, admin_only(Ok)),
        row(
            "/referenzdaten/postleitzahlen",
            "/referenzdaten/postleitzahlen",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/referenzdaten/postleitzahlen/bericht",
            "/referenzdaten/postleitzahlen/bericht",
            Login,
            admin_only(Redirect),
        ),
        row(
            "/referenzdaten/bezirke/1",
            "/referenzdaten/bezirke/:id",
            Login,
            admin_only(Ok),
        ),
        row(
            "/referenzdaten/bezirke/6",
            "/referenzdaten/bezirke/:id",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/referenzdaten/listen/occupation",
            "/referenzdaten/listen/:kind",
            Login,
            admin_only(Ok),
        ),
        row(
            "/referenzdaten/listen/nonsense",
            "/referenzdaten/listen/:kind",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/referenzdaten/listen/country/neu",
            "/referenzdaten/listen/:kind/neu",
            Login,
            admin_only(Ok),
        ),
        row(
            "/referenzdaten/listen/country/neu/pruefen",
            "/referenzdaten/listen/:kind/neu/pruefen",
            Login,
            admin_only(Redirect),
        ),
        row(
            "/referenzdaten/listen/country/neu/abbrechen",
            "/referenzdaten/listen/:kind/neu/abbrechen",
            Login,
            admin_only(Ok),
        ),
        row(
            "/referenzdaten/listen/industry/1",
            "/referenzdaten/listen/:kind/:id",
            Login,
            admin_only(Ok),
        ),
        row(
            "/referenzdaten/listen/occupation/1",
            "/referenzdaten/listen/:kind/:id",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/referenzdaten/listen/industry/1/pruefen",
            "/referenzdaten/listen/:kind/:id/pruefen",
            Login,
            admin_only(Redirect),
        ),
        row(
            "/referenzdaten/listen/industry/1/abbrechen",
            "/referenzdaten/listen/:kind/:id/abbrechen",
            Login,
            admin_only(Ok),
        ),
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
        row("/unternehmen/neu", "/unternehmen/neu", Login, companies(Ok)),
        row(
            "/unternehmen/neu/pruefen",
            "/unternehmen/neu/pruefen",
            Login,
            companies(Redirect),
        ),
        row(
            "/unternehmen/neu/abbrechen",
            "/unternehmen/neu/abbrechen",
            Login,
            companies(Ok),
        ),
        row(&c(own, ""), "/unternehmen/:id", Login, companies(Ok)),
        row(
            &c(foreign, ""),
            "/unternehmen/:id",
            Login,
            [Forbidden, Ok, NotFound, Forbidden, Forbidden],
        ),
        row(
            &c(own, "/bearbeiten"),
            "/unternehmen/:id/bearbeiten",
            Login,
            companies(Ok),
        ),
        row(
            &c(foreign, "/bearbeiten"),
            "/unternehmen/:id/bearbeiten",
            Login,
            [Forbidden, Ok, NotFound, Forbidden, Forbidden],
        ),
        row(
            &c(own, "/bearbeiten/pruefen"),
            "/unternehmen/:id/bearbeiten/pruefen",
            Login,
            companies(Redirect),
        ),
        row(
            &c(own, "/bearbeiten/abbrechen"),
            "/unternehmen/:id/bearbeiten/abbrechen",
            Login,
            companies(Ok),
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
            [Forbidden, Ok, Forbidden, Forbidden, Forbidden],
        ),
        row(
            &c(foreign, "/aktion/deaktivieren"),
            "/unternehmen/:id/aktion/:what",
            Login,
            [Forbidden, Ok, NotFound, Forbidden, Forbidden],
        ),
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
        row("/bewerber/neu", "/bewerber/neu", Login, applicants(Ok)),
        row(
            "/bewerber/neu/pruefen",
            "/bewerber/neu/pruefen",
            Login,
            applicants(Redirect),
        ),
        row(
            "/bewerber/neu/abbrechen",
            "/bewerber/neu/abbrechen",
            Login,
            applicants(Ok),
        ),
        row(&b(own_a, ""), "/bewerber/:id", Login, readers(Ok, NotFound)),
        row(&b(matched_a, ""), "/bewerber/:id", Login, staff(Ok)),
        row(&b(foreign_a, ""), "/bewerber/:id", Login, foreign_read),
        row(&b(gone_a, ""), "/bewerber/:id", Login, foreign_read),
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
            &b(foreign_a, "/prozess/pruefen"),
            "/bewerber/:id/prozess/pruefen",
            Login,
            [Forbidden, Redirect, NotFound, NotFound, Forbidden],
        ),
        row(
            &b(foreign_a, "/prozess"),
            "/bewerber/:id/prozess",
            Login,
            foreign_read,
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
            foreign_read,
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
            [Forbidden, Ok, NotFound, Forbidden, Forbidden],
        ),
        row(
            &m(own, "/neu"),
            "/unternehmen/:id/vermittlungen/neu",
            Login,
            companies(Ok),
        ),
        row(
            &m(foreign, "/neu"),
            "/unternehmen/:id/vermittlungen/neu",
            Login,
            [Forbidden, Ok, NotFound, Forbidden, Forbidden],
        ),
        row(
            &m(own, "/neu/pruefen"),
            "/unternehmen/:id/vermittlungen/neu/pruefen",
            Login,
            companies(Redirect),
        ),
        row(
            &m(own, &format!("/{placement}/bearbeiten")),
            "/unternehmen/:id/vermittlungen/:mid/bearbeiten",
            Login,
            companies(Ok),
        ),
        row(
            &m(foreign, &format!("/{placement}/bearbeiten")),
            "/unternehmen/:id/vermittlungen/:mid/bearbeiten",
            Login,
            [Forbidden, NotFound, NotFound, Forbidden, Forbidden],
        ),
        row(
            &m(own, &format!("/{placement}/bearbeiten/pruefen")),
            "/unternehmen/:id/vermittlungen/:mid/bearbeiten/pruefen",
            Login,
            companies(Redirect),
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
            [Forbidden, NotFound, NotFound, Forbidden, Forbidden],
        ),
        row(
            &c(own, "/kontakte"),
            "/unternehmen/:id/kontakte",
            Login,
            via_company,
        ),
        row(
            &c(own, "/kontakte?sort=type&dir=desc&per=40"),
            "/unternehmen/:id/kontakte",
            Login,
            via_company,
        ),
        row(
            &c(foreign, "/kontakte"),
            "/unternehmen/:id/kontakte",
            Login,
            foreign_read,
        ),
        row(
            &c(own, "/kontakte/neu"),
            "/unternehmen/:id/kontakte/neu",
            Login,
            via_company,
        ),
        row(
            &c(foreign, "/kontakte/neu"),
            "/unternehmen/:id/kontakte/neu",
            Login,
            foreign_read,
        ),
        row(
            &b(own_a, "/kontakte"),
            "/bewerber/:id/kontakte",
            Login,
            via_applicant,
        ),
        row(
            &b(matched_a, "/kontakte"),
            "/bewerber/:id/kontakte",
            Login,
            staff(Ok),
        ),
        row(
            &b(foreign_a, "/kontakte"),
            "/bewerber/:id/kontakte",
            Login,
            foreign_read,
        ),
        row(
            &b(own_a, "/kontakte/neu"),
            "/bewerber/:id/kontakte/neu",
            Login,
            via_applicant,
        ),
        row("/kontakte", "/kontakte", Login, staff(Ok)),
        row(
            "/kontakte?q=telefonat&sort=staff&dir=desc",
            "/kontakte",
            Login,
            staff(Ok),
        ),
        row(&k(company_entry, ""), "/kontakte/:id", Login, via_company),
        row(
            &k(applicant_entry, ""),
            "/kontakte/:id",
            Login,
            via_applicant,
        ),
        row("/kontakte/999999", "/kontakte/:id", Login, staff(NotFound)),
        row(
            &k(company_entry, "/bearbeiten"),
            "/kontakte/:id/bearbeiten",
            Login,
            [Forbidden, Ok, Forbidden, NotFound, Forbidden],
        ),
        row(
            &k(applicant_entry, "/bearbeiten"),
            "/kontakte/:id/bearbeiten",
            Login,
            [Forbidden, Ok, NotFound, Forbidden, Forbidden],
        ),
        row(
            &k(company_entry, "/bearbeiten/pruefen"),
            "/kontakte/:id/bearbeiten/pruefen",
            Login,
            [Forbidden, Redirect, Forbidden, NotFound, Forbidden],
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
        row(
            &b(own_a, "/bearbeiten"),
            "/bewerber/:id/bearbeiten",
            Login,
            applicants(Ok),
        ),
        row(
            &b(foreign_a, "/bearbeiten"),
            "/bewerber/:id/bearbeiten",
            Login,
            foreign_applicant,
        ),
        row(
            &b(gone_a, "/bearbeiten"),
            "/bewerber/:id/bearbeiten",
            Login,
            foreign_applicant,
        ),
        row(
            &b(own_a, "/bearbeiten/pruefen"),
            "/bewerber/:id/bearbeiten/pruefen",
            Login,
            applicants(Redirect),
        ),
        row(
            &b(foreign_a, "/bearbeiten/pruefen"),
            "/bewerber/:id/bearbeiten/pruefen",
            Login,
            [Forbidden, Redirect, Forbidden, NotFound, Forbidden],
        ),
        row(
            &b(own_a, "/bearbeiten/abbrechen"),
            "/bewerber/:id/bearbeiten/abbrechen",
            Login,
            applicants(Ok),
        ),
        row(
            &b(foreign_a, "/bearbeiten/abbrechen"),
            "/bewerber/:id/bearbeiten/abbrechen",
            Login,
            foreign_applicant,
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
            foreign_applicant,
        ),
        row(
            &b(foreign_a, "/aktion/loeschen"),
            "/bewerber/:id/aktion/:what",
            Login,
            foreign_applicant,
        ),
        row(
            &b(gone_a, "/aktion/deaktivieren"),
            "/bewerber/:id/aktion/:what",
            Login,
            [Forbidden, NotFound, Forbidden, NotFound, Forbidden],
        ),
        row(
            &b(gone_a, "/aktion/loeschen"),
            "/bewerber/:id/aktion/:what",
            Login,
            foreign_applicant,
        ),
        row(
            "/bewerber/einladungen",
            "/bewerber/einladungen",
            Login,
            applicants(Ok),
        ),
        row(
            "/bewerber/einladungen/neu",
            "/bewerber/einladungen/neu",
            Login,
            applicants(Ok),
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
        row(
            &rr(own_p, ""),
            "/bewerber/registrierungen/:id",
            Login,
            applicants(Ok),
        ),
        row(
            &rr(foreign_p, ""),
            "/bewerber/registrierungen/:id",
            Login,
            foreign_applicant,
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
            foreign_applicant,
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
            foreign_applicant,
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
            foreign_month,
        ),
        row(
            &format!("/monatszahlen/{own_d}/2099-01"),
            "/monatszahlen/:id/:period",
            Login,
            companies(NotFound),
        ),
        row(
            &mc(own_d, "/bearbeiten"),
            "/monatszahlen/:id/:period/bearbeiten",
            Login,
            companies(Ok),
        ),
        row(
            &mc(foreign_d, "/bearbeiten"),
            "/monatszahlen/:id/:period/bearbeiten",
            Login,
            foreign_month,
        ),
        row(
            &mc(own_d, "/bearbeiten/pruefen"),
            "/monatszahlen/:id/:period/bearbeiten/pruefen",
            Login,
            companies(Redirect),
        ),
        row(
            &mc(own_d, "/bearbeiten/abbrechen"),
            "/monatszahlen/:id/:period/bearbeiten/abbrechen",
            Login,
            companies(Ok),
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
        // Flow routes added by the FormFlow conversion (i19-flows2)
        row(
            "/institutionen/neu/abbrechen",
            "/institutionen/neu/abbrechen",
            Login,
            admin_only(Ok),
        ),
        row(
            "/institutionen/1/abbrechen",
            "/institutionen/:id/abbrechen",
            Login,
            admin_only(Ok),
        ),
        row(
            "/institutionen/999/abbrechen",
            "/institutionen/:id/abbrechen",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/referenzdaten/bezirke/1/pruefen",
            "/referenzdaten/bezirke/:id/pruefen",
            Login,
            admin_only(Redirect),
        ),
        row(
            "/referenzdaten/bezirke/6/pruefen",
            "/referenzdaten/bezirke/:id/pruefen",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/referenzdaten/bezirke/1/abbrechen",
            "/referenzdaten/bezirke/:id/abbrechen",
            Login,
            admin_only(Ok),
        ),
        row(
            "/referenzdaten/bezirke/6/abbrechen",
            "/referenzdaten/bezirke/:id/abbrechen",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/passwort/aendern/bestaetigen",
            "/passwort/aendern/bestaetigen",
            Login,
            [Redirect; 5],
        ),
        row(
            "/admin/texte/de/home-title",
            "/admin/texte/:locale/:key",
            Login,
            admin_only(Ok),
        ),
        row(
            "/admin/texte/de/gibt-es-nicht",
            "/admin/texte/:locale/:key",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/admin/texte/de/home-title/pruefen",
            "/admin/texte/:locale/:key/pruefen",
            Login,
            admin_only(Redirect),
        ),
        row(
            "/admin/texte/de/home-title/abbrechen",
            "/admin/texte/:locale/:key/abbrechen",
            Login,
            admin_only(Ok),
        ),
        row(
            "/admin/texte/xx/home-title/abbrechen",
            "/admin/texte/:locale/:key/abbrechen",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/partnerexporte/neu/abbrechen",
            "/partnerexporte/neu/abbrechen",
            Login,
            admin_only(Ok),
        ),
        row(
            &format!(
                "/partnerexporte/{}/bearbeiten/abbrechen",
                hih_reports::testing::flows::profile(&app, "Matrix-Abbruch").await
            ),
            "/partnerexporte/:id/bearbeiten/abbrechen",
            Login,
            admin_only(Ok),
        ),
        row(
            "/partnerexporte/999999/bearbeiten/abbrechen",
            "/partnerexporte/:id/bearbeiten/abbrechen",
            Login,
            admin_only(NotFound),
        ),
        // Flow routes added by the FormFlow conversion (i19-flows1)
        row(
            &b(own_a, "/prozess/abbrechen"),
            "/bewerber/:id/prozess/abbrechen",
            Login,
            readers(Ok, NotFound),
        ),
        row(
            &b(foreign_a, "/prozess/abbrechen"),
            "/bewerber/:id/prozess/abbrechen",
            Login,
            foreign_read,
        ),
        row(
            "/bewerber/einladungen/neu/pruefen",
            "/bewerber/einladungen/neu/pruefen",
            Login,
            applicants(Redirect),
        ),
        row(
            "/bewerber/einladungen/neu/abbrechen",
            "/bewerber/einladungen/neu/abbrechen",
            Login,
            applicants(Ok),
        ),
        row(
            &rr(own_p, "/pruefen"),
            "/bewerber/registrierungen/:id/pruefen",
            Login,
            applicants(Redirect),
        ),
        row(
            &rr(foreign_p, "/pruefen"),
            "/bewerber/registrierungen/:id/pruefen",
            Login,
            [Forbidden, Redirect, Forbidden, NotFound, Forbidden],
        ),
        row(
            &rr(own_p, "/abbrechen"),
            "/bewerber/registrierungen/:id/abbrechen",
            Login,
            applicants(Ok),
        ),
        row(
            &rr(foreign_p, "/abbrechen"),
            "/bewerber/registrierungen/:id/abbrechen",
            Login,
            foreign_applicant,
        ),
        row(
            &c(own, "/kontakte/neu/pruefen"),
            "/unternehmen/:id/kontakte/neu/pruefen",
            Login,
            [Forbidden, Redirect, Redirect, NotFound, Forbidden],
        ),
        row(
            &c(own, "/kontakte/neu/abbrechen"),
            "/unternehmen/:id/kontakte/neu/abbrechen",
            Login,
            via_company,
        ),
        row(
            &c(foreign, "/kontakte/neu/abbrechen"),
            "/unternehmen/:id/kontakte/neu/abbrechen",
            Login,
            foreign_read,
        ),
        row(
            &b(own_a, "/kontakte/neu/pruefen"),
            "/bewerber/:id/kontakte/neu/pruefen",
            Login,
            [Forbidden, Redirect, NotFound, Redirect, Forbidden],
        ),
        row(
            &b(own_a, "/kontakte/neu/abbrechen"),
            "/bewerber/:id/kontakte/neu/abbrechen",
            Login,
            via_applicant,
        ),
        row(
            &k(company_entry, "/bearbeiten/abbrechen"),
            "/kontakte/:id/bearbeiten/abbrechen",
            Login,
            [Forbidden, Ok, Forbidden, NotFound, Forbidden],
        ),
        row(
            &m(own, "/neu/abbrechen"),
            "/unternehmen/:id/vermittlungen/neu/abbrechen",
            Login,
            companies(Ok),
        ),
        row(
            &m(foreign, "/neu/abbrechen"),
            "/unternehmen/:id/vermittlungen/neu/abbrechen",
            Login,
            [Forbidden, Ok, NotFound, Forbidden, Forbidden],
        ),
        row(
            &m(own, &format!("/{placement}/bearbeiten/abbrechen")),
            "/unternehmen/:id/vermittlungen/:mid/bearbeiten/abbrechen",
            Login,
            companies(Ok),
        ),
    ]);
    // Lists added by the ListSpec conversion (i19-lists)
    rows.extend([
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
    ]);
    // Features whose rows live next to them (`<feature>/src/testing/matrix`).
    rows.extend(hih_reports::testing::matrix::rows(&app).await);
    rows.extend(hih_protocol::testing::matrix::rows(&app).await);
    rows.extend(hih_operations::testing::matrix::rows(&app).await);
    let failures = check(&rows, &agents).await;
    assert!(
        failures.is_empty(),
        "matrix failures:\n{}",
        failures.join("\n")
    );

    let covered: Vec<&str> = rows.iter().map(|r| r.pattern.as_str()).collect();
    let missing: Vec<&String> = app
        .state
        .routes
        .iter()
        .map(|(p, _)| p)
        .filter(|p| !covered.contains(&p.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "routes missing from the matrix: {missing:?}"
    );
}

#[tokio::test]
async fn denied_role_access_is_written_to_the_access_log() {
    let app = app().await;
    let (ihk, user) = agent_for(&app, Role::IhkStaff, "n-ihk").await;
    assert_eq!(ihk.get("/admin/texte").await.status, 403);
    use hih_db::entities::access_log;
    use sea_orm::EntityTrait;
    let entries = access_log::Entity::find().all(app.db()).await.unwrap();
    assert!(entries.iter().any(|e| e.action == "denied"
        && e.actor == format!("user:{}", user.id)
        && e.path == "/admin/texte"));
}

#[tokio::test]
async fn anonymous_users_are_sent_to_login_for_every_non_public_route() {
    let app = app().await;
    let anon = app.agent();
    for (pattern, access) in &app.state.routes {
        if matches!(access, hih_kernel::Access::Public) {
            continue;
        }
        let path = pattern.replace(":id", "1").replace(":token", "x");
        let p = anon.get(&path).await;
        assert_eq!(p.status, 303, "{path}");
        assert!(p.location().unwrap().starts_with("/login"), "{path}");
    }
}

use hih_db::entities::{audit_log, mail_outbox};
use hih_kernel::Role;
use hih_testkit::Agent;
use hih_users::entities::user_account;
use hih_users::testing::{
    agent_for, create_user, create_user_in, fresh_code, login, password_step,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::app;

fn new_user_form<'a>(username: &'a str, email: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("salutation", "herr"),
        ("first_name", "Jörg"),
        ("last_name", "Müller-Lüdenscheidt"),
        ("position", "Projektkoordination"),
        ("email", email),
        ("phone", "+49 361 3484-0"),
        ("username", username),
        ("institution_id", "1"),
        ("role", "ihk_staff"),
    ]
}

async fn create_via_ui(admin: &Agent, username: &str, email: &str) -> i64 {
    admin.get("/benutzer/neu").await;
    let mut fields = new_user_form(username, email);
    fields.push(("action", "review"));
    let p = admin.post("/benutzer/neu", &fields).await;
    assert_eq!(p.location(), Some("/benutzer/neu/pruefen"), "{}", p.body);
    admin.get("/benutzer/neu/pruefen").await;
    let mut fields = new_user_form(username, email);
    fields.push(("action", "save"));
    let p = admin.post("/benutzer/neu", &fields).await;
    let loc = p
        .location()
        .expect("redirect to the new account")
        .to_string();
    loc.trim_start_matches("/benutzer/").parse().expect("id")
}

#[tokio::test]
async fn create_validates_each_field_and_keeps_input() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "a-admin").await;
    let p = admin
        .submit(
            "/benutzer/neu",
            &[
                ("salutation", ""),
                ("first_name", "Nguyễn"),
                ("last_name", ""),
                ("position", "Team"),
                ("email", "kein-at-zeichen"),
                ("phone", "0361 abc"),
                ("username", "a b"),
                ("institution_id", "6"),
                ("role", "ihk_staff"),
                ("action", "review"),
            ],
        )
        .await;
    assert_eq!(
        p.location(),
        Some("/benutzer/neu"),
        "errors follow POST-redirect-GET"
    );
    let p = admin.get("/benutzer/neu").await;
    for msg in [
        "Bitte wählen Sie eine Anrede.",
        "Bitte geben Sie den Nachnamen ein.",
        "gültige E-Mail-Adresse",
        "Die Telefonnummer darf nur Ziffern, Leerzeichen und die Zeichen +",
        "Der Benutzername muss 3 bis 64 Zeichen lang sein",
        "Die Rolle passt nicht zur Institution",
    ] {
        assert!(p.contains(msg), "message missing: {msg}");
    }
    assert!(p.contains("value=\"Nguyễn\""), "input kept");
    assert!(p.contains("href=\"#email\""), "summary links to the field");
    assert!(p.contains("aria-invalid=\"true\""));
    assert_eq!(app.count("user_account").await.unwrap(), 1, "nothing saved");
}

#[tokio::test]
async fn review_then_save_creates_an_inactive_account_and_back_keeps_the_draft() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "b-admin").await;
    admin.get("/benutzer/neu").await;
    let mut fields = new_user_form("j.mueller", "j.mueller@ihk-erfurt.de");
    fields.push(("action", "review"));
    admin.post("/benutzer/neu", &fields).await;
    let review = admin.get("/benutzer/neu/pruefen").await;
    assert!(review.contains("Müller-Lüdenscheidt") && review.contains("Ja, speichern"));
    // Browser back to the form: the input is still there, nothing was saved.
    let form = admin.get("/benutzer/neu").await;
    assert!(form.contains("value=\"j.mueller@ihk-erfurt.de\""));
    assert_eq!(app.count("user_account").await.unwrap(), 1);
    let id = create_via_ui(&admin, "j.mueller", "j.mueller@ihk-erfurt.de").await;
    let user = app.record::<user_account::Entity>(id).await;
    assert!(!user.active && user.password_hash.is_none());
    assert_eq!(user.role, "ihk_staff");
    let detail = admin.get(&format!("/benutzer/{id}")).await;
    assert!(detail.contains("Wartet auf Freischaltung"));
    let created = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("user"))
        .filter(audit_log::Column::EntityId.eq(id.to_string()))
        .filter(audit_log::Column::Action.eq("create"))
        .one(app.db())
        .await
        .unwrap()
        .expect("audited");
    assert!(created.changes.contains("Müller-Lüdenscheidt"));
    // The same user name again is refused (case-insensitively).
    admin.get("/benutzer/neu").await;
    let mut fields = new_user_form("J.Mueller", "other@ihk-erfurt.de");
    fields.push(("action", "review"));
    admin.post("/benutzer/neu", &fields).await;
    let p = admin.get("/benutzer/neu").await;
    assert!(p.contains("Dieser Benutzername ist bereits vergeben"));
}

#[tokio::test]
async fn cancel_asks_first_and_then_discards() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::SuperAdmin, "c-op").await;
    admin.get("/benutzer/neu").await;
    let mut fields = new_user_form("weg", "weg@example.org");
    fields.push(("action", "cancel"));
    let p = admin.post("/benutzer/neu", &fields).await;
    assert_eq!(p.location(), Some("/benutzer/neu/abbrechen"));
    let ask = admin.get("/benutzer/neu/abbrechen").await;
    assert!(ask.contains("Möchten Sie die Bearbeitung abbrechen?"));
    // "No": back to the form with the input.
    assert!(
        admin
            .get("/benutzer/neu")
            .await
            .contains("value=\"weg@example.org\"")
    );
    let p = admin.submit("/benutzer/neu/abbrechen", &[]).await;
    assert_eq!(p.location(), Some("/benutzer"));
    assert!(!admin.get("/benutzer/neu").await.contains("weg@example.org"));
}

#[tokio::test]
async fn activation_by_link_then_setup_works() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "d-admin").await;
    let id = create_via_ui(&admin, "k.neu", "k.neu@ihk-erfurt.de").await;
    let p = admin
        .submit(
            &format!("/benutzer/{id}/aktion/aktivieren"),
            &[("method", "link")],
        )
        .await;
    assert_eq!(p.location(), Some(format!("/benutzer/{id}").as_str()));
    let mail = mail_outbox::Entity::find()
        .order_by_desc(mail_outbox::Column::Id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mail.to_addr, "k.neu@ihk-erfurt.de");
    let start = mail.body.find("/konto/einrichten/").unwrap();
    let path = mail.body[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let person = app.agent();
    assert_eq!(person.get(&path).await.status, 200);
    let p = person
        .post(
            &path,
            &[
                ("password", "Mein-Neues-Pw-2026"),
                ("password_repeat", "Mein-Neues-Pw-2026"),
            ],
        )
        .await;
    assert_eq!(p.location(), Some("/login/totp-einrichten"));
}

#[tokio::test]
async fn activation_with_initial_password_forces_totp_and_a_change() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "e-admin").await;
    let id = create_via_ui(&admin, "l.neu", "l.neu@ihk-erfurt.de").await;
    let p = admin
        .submit(
            &format!("/benutzer/{id}/aktion/aktivieren"),
            &[("method", "initial")],
        )
        .await;
    assert_eq!(p.location(), Some(format!("/benutzer/{id}").as_str()));
    let p = admin.follow(p).await;
    let password = p
        .element_text("initial-password")
        .expect("password shown once");
    let person = app.agent();
    let p = password_step(&person, "l.neu", &password).await;
    assert_eq!(p.location(), Some("/login/totp-einrichten"));
    let enrol = person.get("/login/totp-einrichten").await;
    let secret = enrol.element_text("totp-secret").unwrap().replace(' ', "");
    let code =
        hih_users::totp::code_at(&secret, hih_kernel::Clock::now(app.clock.as_ref())).unwrap();
    person
        .post("/login/totp-einrichten", &[("code", &code)])
        .await;
    let codes = person.get("/login/wiederherstellungscodes").await;
    assert!(
        codes.contains("passwort&#x2f;aendern"),
        "continues to the forced change"
    );
    assert_eq!(person.get("/").await.location(), Some("/login?next=%2F"));
}

#[tokio::test]
async fn deactivate_reactivate_reset_and_delete() {
    let app = app().await;
    let (admin, me) = agent_for(&app, Role::Admin, "f-admin").await;
    let staff = create_user(app.services(), Role::IhkStaff, "f-staff").await;
    let staff_agent = app.agent();
    login(&app, &staff_agent, &staff).await;
    let base = format!("/benutzer/{}", staff.id);
    admin
        .submit(&format!("{base}/aktion/deaktivieren"), &[])
        .await;
    assert_eq!(
        staff_agent.get("/").await.location(),
        Some("/login?next=%2F"),
        "sessions ended"
    );
    assert!(admin.get(&base).await.contains("Deaktiviert"));
    admin
        .submit(&format!("{base}/aktion/aktivieren"), &[])
        .await;
    assert!(admin.get(&base).await.contains(">Aktiv"));
    // Reset TOTP only: next login asks for enrolment again.
    let none = admin
        .submit(&format!("{base}/aktion/zuruecksetzen"), &[])
        .await;
    assert_eq!(none.status, 303, "POST-redirect-GET");
    let none = admin.follow(none).await;
    assert_eq!(none.status, 422);
    admin
        .post(
            &format!("{base}/aktion/zuruecksetzen"),
            &[("reset_totp", "on")],
        )
        .await;
    let again = app.agent();
    let p = password_step(&again, &staff.username, &staff.password).await;
    assert_eq!(p.location(), Some("/login/totp-einrichten"));
    // Own account: refused.
    let p = admin
        .get(&format!("/benutzer/{}/aktion/loeschen", me.id))
        .await;
    assert_eq!(p.status, 409);
    // Delete: physical, with a snapshot in the audit log.
    let p = admin.submit(&format!("{base}/aktion/loeschen"), &[]).await;
    assert_eq!(p.location(), Some("/benutzer"));
    assert!(app.find::<user_account::Entity>(staff.id).await.is_none());
    let deleted = audit_log::Entity::find()
        .filter(audit_log::Column::EntityId.eq(staff.id.to_string()))
        .filter(audit_log::Column::Action.eq("delete"))
        .one(app.db())
        .await
        .unwrap()
        .expect("delete audited");
    assert!(deleted.changes.contains("f-staff"));
    assert_eq!(admin.get(&base).await.status, 404);
}

#[tokio::test]
async fn list_search_is_and_combined_accent_insensitive_and_sorted_german() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "g-admin").await;
    for (name, role) in [
        ("müller", Role::IhkStaff),
        ("zander", Role::IhkStaff),
        ("ärger", Role::IhkStaff),
        ("muller-ahk", Role::AhkStaff),
    ] {
        create_user(app.services(), role, name).await;
    }
    let p = admin.get("/benutzer?q=MULLER").await;
    assert!(p.contains(">müller<") && p.contains(">muller-ahk<"));
    let p = admin.get("/benutzer?q=muller&role=ihk_staff").await;
    assert!(
        p.contains(">müller<") && !p.contains(">muller-ahk<"),
        "AND-combined"
    );
    let p = admin.get("/benutzer?sort=username&role=ihk_staff").await;
    let a = p.body.find(">ärger<").unwrap();
    let m = p.body.find(">müller<").unwrap();
    let z = p.body.find(">zander<").unwrap();
    assert!(a < m && m < z, "Ä sorts with A, not after Z");
    let desc = admin
        .get("/benutzer?sort=username&dir=desc&role=ihk_staff")
        .await;
    assert!(desc.body.find(">zander<").unwrap() < desc.body.find(">ärger<").unwrap());
    assert!(desc.contains("aria-sort=\"descending\""));
}

#[tokio::test]
async fn page_size_is_remembered_per_user() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "h-admin").await;
    for i in 0..25 {
        create_user(app.services(), Role::IhkStaff, &format!("p{i:02}")).await;
    }
    let first = admin.get("/benutzer").await;
    assert_eq!(
        first.body.matches("href=\"/benutzer/").count()
            - first.body.matches("href=\"/benutzer/neu").count(),
        20,
        "default 20 per page"
    );
    admin.get("/benutzer?per=40").await;
    let later = admin.get("/benutzer").await;
    assert!(later.contains("26 Einträge"));
    assert!(
        later.contains("<option value=\"40\" selected>"),
        "choice remembered"
    );
    assert!(later.contains("p24"), "all 26 on one page");
}

#[tokio::test]
async fn overview_is_anonymous_and_distribution_list_exports() {
    let app = app().await;
    let (op, _) = agent_for(&app, Role::SuperAdmin, "i-op").await;
    let luebeck = create_user_in(app.services(), Role::IhkStaff, "luebeck", "IHK zu Lübeck").await;
    // A name that a spreadsheet would execute as a formula.
    let row = app.record::<user_account::Entity>(luebeck.id).await;
    let mut am = sea_orm::IntoActiveModel::into_active_model(row);
    am.last_name = sea_orm::Set("=cmd".into());
    sea_orm::ActiveModelTrait::update(am, app.db())
        .await
        .unwrap();
    let overview = op.get("/benutzeruebersicht").await;
    assert_eq!(overview.status, 200);
    assert!(overview.contains("IHK zu Lübeck"));
    assert!(
        !overview.contains("=cmd")
            && !overview.contains("luebeck")
            && !overview.contains("example.org"),
        "no names or addresses"
    );
    let page = op.get("/verteiler").await;
    assert!(page.contains("mailto:?bcc="));
    let csv = op.get("/verteiler/verteiler.csv").await;
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(
        lines[0],
        "Institution,Anrede,Vorname,Nachname,E-Mail-Adresse"
    );
    assert_eq!(lines.len(), 1 + 2, "header + the two active users");
    assert!(
        csv.body.contains(",'=cmd,"),
        "formula neutralised: {}",
        csv.body
    );
    let xlsx = op.get("/verteiler/verteiler.xlsx").await;
    assert_eq!(&xlsx.bytes[..2], b"PK");
    let _ = fresh_code;
}

#[tokio::test]
async fn profile_edit_cannot_change_role_or_institution() {
    let app = app().await;
    let (staff, me) = agent_for(&app, Role::IhkStaff, "j-staff").await;
    assert!(staff.get("/profil").await.contains("j-staff"));
    staff.get("/profil/bearbeiten").await;
    let fields = [
        ("salutation", "frau"),
        ("first_name", "Jana"),
        ("last_name", "Neu"),
        ("position", "Beratung"),
        ("email", "j-staff@example.org"),
        ("phone", "0361 123456"),
        ("username", "j-staff"),
        ("institution_id", "9"),
        ("role", "admin"),
    ];
    let mut review = fields.to_vec();
    review.push(("action", "review"));
    assert_eq!(
        staff.post("/profil/bearbeiten", &review).await.location(),
        Some("/profil/bearbeiten/pruefen")
    );
    staff.get("/profil/bearbeiten/pruefen").await;
    let mut save = fields.to_vec();
    save.push(("action", "save"));
    assert_eq!(
        staff.post("/profil/bearbeiten", &save).await.location(),
        Some("/profil")
    );
    let row = app.record::<user_account::Entity>(me.id).await;
    assert_eq!(row.first_name, "Jana");
    assert_eq!(row.role, "ihk_staff");
    assert_eq!(row.institution_id, 1);
}

#[tokio::test]
async fn a_new_country_needs_no_code_change() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "k-admin").await;
    // AHK Mexiko with this country code; `action` is review or save.
    let mexico = |country_code: &'static str, action: &'static str| {
        [
            ("name", "AHK Mexiko"),
            ("kind", "ahk"),
            ("country_code", country_code),
            ("active", "on"),
            ("action", action),
        ]
    };
    let p = admin
        .submit("/institutionen/neu", &mexico("mx", "review"))
        .await;
    assert_eq!(p.location(), Some("/institutionen/neu"));
    assert!(
        admin
            .get("/institutionen/neu")
            .await
            .contains("zweistelligen ISO-Ländercode")
    );
    let p = admin
        .post("/institutionen/neu", &mexico("MX", "review"))
        .await;
    assert_eq!(p.location(), Some("/institutionen/neu/pruefen"));
    assert!(
        admin
            .get("/institutionen/neu/pruefen")
            .await
            .contains("AHK Mexiko")
    );
    let p = admin
        .post("/institutionen/neu", &mexico("MX", "save"))
        .await;
    assert_eq!(p.location(), Some("/institutionen"));
    assert!(admin.get("/institutionen").await.contains("AHK Mexiko"));
    let staff = create_user_in(app.services(), Role::AhkStaff, "mx-staff", "AHK Mexiko").await;
    let resolver_actor = {
        let state = &app.state;
        state
            .actor_resolver
            .as_ref()
            .unwrap()
            .resolve(app.services(), staff.id)
            .await
            .unwrap()
            .unwrap()
    };
    assert_eq!(
        resolver_actor.as_user().unwrap().country.as_deref(),
        Some("MX")
    );
    assert_eq!(resolver_actor.as_user().unwrap().district_id, None);
    // Audited.
    let created = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("institution"))
        .all(app.db())
        .await
        .unwrap();
    assert!(
        created
            .iter()
            .any(|e| e.action == "create" && e.changes.contains("AHK Mexiko"))
    );
}

/// Position of `>text<` in the page (a table cell), for order checks.
fn cell(p: &hih_testkit::Page, text: &str) -> usize {
    p.body
        .find(&format!(">{text}<"))
        .unwrap_or_else(|| panic!("{text} missing"))
}

#[tokio::test]
async fn list_runs_in_sql_with_german_order_and_and_filters() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "k-admin").await;
    for name in ["zander", "ärger", "anton"] {
        create_user(app.services(), Role::IhkStaff, name).await;
    }
    create_user_in(app.services(), Role::IhkStaff, "kuehn", "IHK Düsseldorf").await;
    let inactive = create_user(app.services(), Role::IhkStaff, "ärgerlich").await;
    let base = format!("/benutzer/{}", inactive.id);
    admin
        .submit(&format!("{base}/aktion/deaktivieren"), &[])
        .await;

    // Sorted by "Nachname Vorname", folded: Ä between A and Z (the default column).
    let p = admin.get("/benutzer?role=ihk_staff&per=60").await;
    assert!(cell(&p, "anton") < cell(&p, "ärger") && cell(&p, "ärger") < cell(&p, "zander"));
    let p = admin
        .get("/benutzer?role=ihk_staff&sort=name&dir=desc")
        .await;
    assert!(cell(&p, "zander") < cell(&p, "ärger") && cell(&p, "ärger") < cell(&p, "anton"));
    // Institutions sort by their folded name: "IHK Düsseldorf" before "IHK Erfurt".
    let p = admin.get("/benutzer?role=ihk_staff&sort=institution").await;
    assert!(cell(&p, "kuehn") < cell(&p, "anton"));
    let p = admin
        .get("/benutzer?role=ihk_staff&sort=institution&dir=desc")
        .await;
    assert!(cell(&p, "anton") < cell(&p, "kuehn"));

    // Filters combine with AND; the count is the query's.
    let p = admin.get("/benutzer?q=ARGER").await;
    assert!(p.contains("2 Einträge"), "ärger and ärgerlich");
    let p = admin.get("/benutzer?q=ARGER&status=active").await;
    assert!(p.contains("1 Eintrag") && p.contains(">ärger<") && !p.contains(">ärgerlich<"));
    let p = admin.get("/benutzer?q=ARGER&status=inactive").await;
    assert!(p.contains("1 Eintrag") && p.contains(">ärgerlich<"));
    let p = admin.get("/benutzer?q=arger+test&role=admin").await;
    assert!(p.contains("0 Einträge"));
    let p = admin.get("/benutzer?institution=keine-zahl").await;
    assert!(
        p.contains("0 Einträge"),
        "a malformed filter matches nothing"
    );
}

#[tokio::test]
async fn list_pages_and_totals_come_from_the_same_query() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "l-admin").await;
    for i in 0..23 {
        create_user(app.services(), Role::AhkStaff, &format!("seite{i:02}")).await;
    }
    let first = admin.get("/benutzer?q=seite&per=20").await;
    assert!(first.contains("23 Einträge") && first.contains("(Seite 1 von 2)"));
    assert!(first.contains(">seite00<") && first.contains(">seite19<"));
    assert!(!first.contains(">seite20<"));
    let second = admin.get("/benutzer?q=seite&per=20&page=2").await;
    assert!(second.contains("23 Einträge") && second.contains("(Seite 2 von 2)"));
    assert!(second.contains(">seite20<") && second.contains(">seite22<"));
    assert!(!second.contains(">seite19<"));
    // A page beyond the end shows the last one.
    let beyond = admin.get("/benutzer?q=seite&per=20&page=9").await;
    assert!(beyond.contains(">seite22<"));
}

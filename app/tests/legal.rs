//! The pages a public body must have (issue 17, BITV 2.0 § 12b, DDG § 5, GDPR Art. 13): the
//! accessibility statement with its feedback form "Barriere melden", the legal notice and the
//! privacy notice — public, linked from every page's footer (guests' pages too), in German and
//! English; a report reaches every active administrator as a notification and a mail.

use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_users::testing::{create_user, login};
use sea_orm::ConnectionTrait;

use crate::app;

#[tokio::test]
async fn the_legal_pages_are_public_and_linked_from_every_page() {
    let app = app().await;
    let anon = app.agent();
    let login = anon.get("/login").await;
    for (href, label) in [
        ("/barrierefreiheit", "Barrierefreiheit"),
        ("/impressum", "Impressum"),
        ("/datenschutz", "Datenschutz"),
        ("/lizenzen", "Datenquellen und Lizenzen"),
    ] {
        assert!(
            login.contains(&format!(
                "<a class=\"kern-link\" href=\"{href}\">{label}</a>"
            )),
            "{href}"
        );
    }
    let statement = anon.get("/barrierefreiheit").await;
    assert_eq!(statement.status, 200, "no login needed");
    assert!(statement.contains("Erklärung zur Barrierefreiheit</h1>"));
    assert!(statement.contains("§ 12a des Behindertengleichstellungsgesetzes"));
    // Addresses in attributes are HTML-escaped (`/` → `&#x2f;`).
    assert!(
        statement
            .body
            .replace("&#x2f;", "/")
            .contains("href=\"/barrierefreiheit/rueckmeldung\"")
    );
    assert!(statement.contains("Schlichtungsstelle nach § 16 BGG"));
    let imprint = anon.get("/impressum").await;
    assert_eq!(imprint.status, 200);
    assert!(imprint.contains("DIHK Service GmbH, Breite Straße 29, 10178 Berlin"));
    let privacy = anon.get("/datenschutz").await;
    assert_eq!(privacy.status, 200);
    assert!(privacy.contains("Datenschutzhinweise</h1>"));
    assert!(privacy.contains("Art. 77 DSGVO"));
    anon.post("/sprache", &[("lang", "en"), ("next", "/barrierefreiheit")])
        .await;
    let en = anon.get("/barrierefreiheit").await;
    assert!(en.contains("Accessibility statement</h1>"), "{}", en.body);
}

#[tokio::test]
async fn a_barrier_report_reaches_every_administrator_and_bad_input_is_explained() {
    let app = app().await;
    let admin = create_user(app.services(), Role::Admin, "a11y-admin").await;
    create_user(app.services(), Role::IhkStaff, "a11y-ihk").await;
    let guest = app.agent();
    let form = guest.get("/barrierefreiheit/rueckmeldung").await;
    assert_eq!(form.status, 200);
    assert!(form.contains("Barriere melden</h1>"));

    let before = app.count("notification").await.unwrap();
    let wrong = guest
        .post(
            "/barrierefreiheit/rueckmeldung",
            &[("message", "  "), ("place", ""), ("email", "kein-at")],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(
        wrong.contains("<title>Fehler: Barriere melden – "),
        "the page title says the form came back with errors"
    );
    assert!(wrong.contains("Bitte beschreiben Sie die Barriere."));
    assert!(wrong.contains("Bitte geben Sie eine gültige E-Mail-Adresse an"));
    assert!(wrong.contains("aria-describedby=\"message-hint message-error-1\""));
    assert_eq!(
        app.count("notification").await.unwrap(),
        before,
        "nothing sent"
    );

    let sent = guest
        .post(
            "/barrierefreiheit/rueckmeldung",
            &[
                ("message", "Das Diagramm hat keinen Alternativtext."),
                ("place", "/statistik"),
                ("email", "leserin@example.org"),
            ],
        )
        .await;
    assert_eq!(sent.status, 303);
    assert_eq!(
        sent.location(),
        Some("/barrierefreiheit/rueckmeldung/danke")
    );
    assert_eq!(
        app.count("notification").await.unwrap(),
        before + 1,
        "one notification: the only active administrator"
    );
    let mail = app
        .db()
        .query_one_raw(sea_orm::Statement::from_string(
            app.db().get_database_backend(),
            "SELECT to_addr, body FROM mail_outbox ORDER BY id DESC LIMIT 1",
        ))
        .await
        .unwrap()
        .unwrap();
    let to: String = mail.try_get("", "to_addr").unwrap();
    let body: String = mail.try_get("", "body").unwrap();
    assert_eq!(to, format!("{}@example.org", admin.username));
    assert!(body.contains("Das Diagramm hat keinen Alternativtext."));
    assert!(body.contains("leserin@example.org"));

    // The administrator reads it among the notifications.
    let admin_agent = app.agent();
    login(&app, &admin_agent, &admin).await;
    let notices = admin_agent.get("/benachrichtigungen").await;
    assert!(
        notices.contains(
            "Neue Meldung zur Barrierefreiheit: „Das Diagramm hat keinen Alternativtext.“"
        ),
        "{}",
        notices.body
    );
    let done = guest.get("/barrierefreiheit/rueckmeldung/danke").await;
    assert!(done.contains("Vielen Dank für Ihre Nachricht"));
}

#[tokio::test]
async fn barrier_reports_are_rate_limited_per_address() {
    let mut settings = TestApp::settings();
    settings.security.rate_limit_per_minute = 2;
    let app = TestApp::with_settings(&crate::all_features(), settings).await;
    create_user(app.services(), Role::Admin, "a11y-limit").await;
    let guest = app.agent().from_address("203.0.113.9", None);
    guest.get("/barrierefreiheit/rueckmeldung").await;
    let report = [
        ("message", "Kontrast zu gering"),
        ("place", ""),
        ("email", ""),
    ];
    for _ in 0..2 {
        let page = guest.post("/barrierefreiheit/rueckmeldung", &report).await;
        assert_eq!(page.status, 303);
    }
    let refused = guest.post("/barrierefreiheit/rueckmeldung", &report).await;
    assert_eq!(refused.status, 429);
    assert_eq!(app.count("notification").await.unwrap(), 2);
}

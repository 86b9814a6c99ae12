//! Matrix rows of the admin feature: the UI-text editor and the mail outbox, admins only; the
//! public "Barriere melden" form.

use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_testkit::matrix::{Expect::*, Row, admin_only, everyone, flow, row};

/// One mail in the outbox (a password-reset request), so its detail page exists; its id.
async fn mail(app: &TestApp) -> i64 {
    hih_users::testing::create_user(app.services(), Role::Admin, "m-mail").await;
    let forgot = app.agent();
    forgot
        .submit("/passwort/vergessen", &[("email", "m-mail@example.org")])
        .await;
    app.count("mail_outbox").await.unwrap()
}

/// The rows (with the mail they need).
pub async fn rows(app: &TestApp) -> Vec<Row> {
    let mail = format!("/admin/postausgang/{}", mail(app).await);
    hih_testkit::rows![
        // "Barriere melden" of the accessibility statement: public, like the statement.
        everyone(
            "/barrierefreiheit/rueckmeldung",
            "/barrierefreiheit/rueckmeldung",
            Ok
        ),
        everyone(
            "/barrierefreiheit/rueckmeldung/danke",
            "/barrierefreiheit/rueckmeldung/danke",
            Ok
        ),
        row("/admin/texte", "/admin/texte", Login, admin_only(Ok)),
        row(
            "/admin/texte/bearbeiten?locale=de&key=home-title",
            "/admin/texte/bearbeiten",
            Login,
            admin_only(Redirect),
        ),
        row(
            "/admin/texte/bearbeiten?locale=de&key=gibt-es-nicht",
            "/admin/texte/bearbeiten",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/admin/postausgang",
            "/admin/postausgang",
            Login,
            admin_only(Ok),
        ),
        row(&mail, "/admin/postausgang/:id", Login, admin_only(Ok)),
        row(
            "/admin/postausgang/999999",
            "/admin/postausgang/:id",
            Login,
            admin_only(NotFound),
        ),
        flow(
            "/admin/texte/de/home-title",
            "/admin/texte/:locale/:key",
            Login,
            admin_only(Ok)
        ),
        row(
            "/admin/texte/de/gibt-es-nicht",
            "/admin/texte/:locale/:key",
            Login,
            admin_only(NotFound),
        ),
        row(
            "/admin/texte/xx/home-title/abbrechen",
            "/admin/texte/:locale/:key/abbrechen",
            Login,
            admin_only(NotFound),
        ),
    ]
}

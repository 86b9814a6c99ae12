use hih_kernel::Role;
use hih_users::testing::agent_for;

use crate::app;

fn assert_security_headers(page: &hih_testkit::Page, path: &str, private: bool) {
    let csp = page
        .header("content-security-policy")
        .unwrap_or_else(|| panic!("CSP on {path}"));
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "strict CSP on {path}: {csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(
        page.header("x-content-type-options"),
        Some("nosniff"),
        "{path}"
    );
    assert_eq!(
        page.header("referrer-policy"),
        Some("same-origin"),
        "{path}"
    );
    assert!(page.header("x-request-id").is_some(), "{path}");
    if private {
        assert_eq!(
            page.header("cache-control"),
            Some("no-store"),
            "no-store on {path}"
        );
    }
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let app = app().await;
    let anon = app.agent();
    for path in [
        "/login",
        "/healthz",
        "/readyz",
        "/gibt-es-nicht",
        "/",
        "/passwort/vergessen",
    ] {
        let p = anon.get(path).await;
        assert_security_headers(&p, path, true);
    }
    let css = anon.get(&hih_web::asset_url("app.css")).await;
    assert_eq!(css.status, 200);
    assert_security_headers(&css, "asset", false);
    assert!(css.header("cache-control").unwrap().contains("immutable"));
    let (admin, _) = agent_for(&app, Role::Admin, "rita").await;
    let page = admin.get("/admin/texte").await;
    assert_eq!(page.status, 200);
    assert_security_headers(&page, "/admin/texte", true);
    assert!(
        page.header("strict-transport-security").is_none(),
        "no HSTS on plain HTTP"
    );
}

#[tokio::test]
async fn tls_mode_sets_hsts_and_host_prefixed_secure_cookies() {
    let mut settings = hih_testkit::TestApp::settings();
    settings.security.tls = true;
    let app = hih_testkit::TestApp::with_settings(&crate::all_features(), settings).await;
    let p = app.agent().get("/login").await;
    assert!(p.header("strict-transport-security").is_some());
    let cookie = p.header("set-cookie").unwrap();
    assert!(cookie.starts_with("__Host-hih_session="), "{cookie}");
    assert!(
        cookie.contains("Secure")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && cookie.contains("Path=/")
    );
}

#[tokio::test]
async fn health_endpoints_answer_without_login() {
    let app = app().await;
    let anon = app.agent();
    assert_eq!(anon.get("/healthz").await.status, 200);
    let ready = anon.get("/readyz").await;
    assert_eq!(ready.status, 200);
    assert_eq!(ready.body, "ready");
    assert!(
        anon.session_cookie().is_none(),
        "health checks create no sessions"
    );
}

#[tokio::test]
async fn errors_are_german_pages_without_internals() {
    let app = app().await;
    let p = app.agent().get("/gibt-es-nicht").await;
    assert_eq!(p.status, 404);
    assert!(p.contains("Die Seite oder der Datensatz wurde nicht gefunden."));
    assert!(p.contains("<html lang=\"de\">"));
}

/// `/readyz` proves that writes succeed: with every write to the database failing (a trigger
/// stands in for a full disk), it answers 503; when writes work again, it is ready again
/// without a restart.
#[tokio::test]
async fn readiness_fails_while_writes_fail_and_recovers_by_itself() {
    use sea_orm::ConnectionTrait;
    let app = app().await;
    let anon = app.agent();
    assert_eq!(anon.get("/readyz").await.status, 200);
    let postgres = app.db().get_database_backend() == sea_orm::DatabaseBackend::Postgres;
    let (break_writes, heal) = if postgres {
        (
            vec![
                "CREATE FUNCTION refuse_write() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER refuse_write BEFORE UPDATE ON audit_head FOR EACH ROW EXECUTE FUNCTION refuse_write()",
            ],
            vec![
                "DROP TRIGGER refuse_write ON audit_head",
                "DROP FUNCTION refuse_write()",
            ],
        )
    } else {
        (
            vec![
                "CREATE TRIGGER refuse_write BEFORE UPDATE ON audit_head BEGIN SELECT RAISE(ABORT, 'disk full'); END",
            ],
            vec!["DROP TRIGGER refuse_write"],
        )
    };
    for sql in break_writes {
        app.db().execute_unprepared(sql).await.unwrap();
    }
    let failing = anon.get("/readyz").await;
    assert_eq!(failing.status, 503);
    assert_eq!(failing.body, "database writes failing");
    for sql in heal {
        app.db().execute_unprepared(sql).await.unwrap();
    }
    assert_eq!(
        anon.get("/readyz").await.status,
        200,
        "ready again by itself"
    );
}

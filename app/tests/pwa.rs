//! The installable web app (R-OPR-6, issue 17): the manifest, the service worker and the
//! offline page are public; the worker may store only the built-in static assets and the
//! offline page; the offline page holds nothing about the user; KERN's typeface is served by
//! the app itself. (The browser side — installable, offline, cache contents — is
//! `tests/e2e/specs/pwa.test.js`.)

use hih_kernel::Role;
use hih_users::testing::agent_for;

use crate::app;

#[tokio::test]
async fn the_manifest_and_worker_are_public_and_the_worker_stores_only_static_assets() {
    let app = app().await;
    let anon = app.agent();

    let manifest = anon.get("/manifest.webmanifest").await;
    assert_eq!(manifest.status, 200);
    assert_eq!(
        manifest.header("content-type"),
        Some("application/manifest+json")
    );
    let m: serde_json::Value = serde_json::from_str(&manifest.body).unwrap();
    assert_eq!(m["name"], "HiH Projektdatenbank");
    assert_eq!(m["lang"], "de");
    assert_eq!(m["start_url"], "/");
    assert_eq!(m["display"], "standalone");
    let icon = m["icons"][0]["src"].as_str().unwrap();
    assert_eq!(anon.get(icon).await.status, 200, "{icon}");

    let worker = anon.get("/sw.js").await;
    assert_eq!(worker.status, 200);
    assert_eq!(
        worker.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    let precache = worker
        .body
        .lines()
        .find_map(|l| l.strip_prefix("const PRECACHE = "))
        .and_then(|l| l.strip_suffix(';'))
        .expect("the worker's list of what it stores");
    let precache: Vec<String> = serde_json::from_str(precache).unwrap();
    assert!(precache.len() >= 5, "{precache:?}");
    for url in &precache {
        assert!(url.starts_with("/static/"), "only static assets: {url}");
        assert_eq!(anon.get(url).await.status, 200, "{url}");
    }
    assert!(worker.body.contains("const OFFLINE = \"/offline\";"));
}

#[tokio::test]
async fn the_offline_page_holds_nothing_about_the_user() {
    let app = app().await;
    let (admin, user) = agent_for(&app, Role::Admin, "pwa-admin").await;
    let start = admin.get("/").await;
    assert!(start.contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">"));
    assert!(start.contains(&user.username), "the layout names the user");

    let offline = admin.get("/offline").await;
    assert_eq!(offline.status, 200);
    assert!(offline.contains("<h1 class=\"kern-heading-large\">Keine Verbindung</h1>"));
    assert!(!offline.contains(&user.username));
    assert!(!offline.contains("csrf_token"));
    assert!(!offline.contains("/logout"));
    assert_eq!(app.agent().get("/offline").await.status, 200, "public");
}

#[tokio::test]
async fn fira_sans_is_served_by_the_app() {
    let app = app().await;
    let anon = app.agent();
    let login = anon.get("/login").await;
    // Addresses in attributes are HTML-escaped (`/` → `&#x2f;`).
    let body = login.body.replace("&#x2f;", "/");
    let fonts = body
        .split('"')
        .find(|s| s.starts_with("/static/") && s.ends_with("/fonts.css"))
        .expect("the layout links fonts.css")
        .to_string();
    let css = anon.get(&fonts).await;
    assert_eq!(css.status, 200);
    for weight in ["400", "500", "600", "700"] {
        assert!(
            css.body.contains(&format!("font-weight:{weight};")),
            "{}",
            css.body
        );
    }
    let face = css
        .body
        .split('"')
        .find(|s| s.ends_with("FiraSans-Regular.woff2"))
        .expect("the regular face")
        .to_string();
    let font = anon.get(&face).await;
    assert_eq!(font.status, 200);
    assert_eq!(font.header("content-type"), Some("font/woff2"));
    assert!(font.bytes.starts_with(b"wOF2"), "a WOFF2 file");
}

//! The guest side as an installable app (R-CNS PWA): its own manifest with the guest's link as
//! start address and the guest side as scope, in the guest's language; staff pages keep the
//! staff app's manifest; guest pages are never stored by a cache (`no-store`; the service
//! worker stores no page at all, checked in the browser test `counselling-js.test.js`).

use hih_counselling::entities::guest;
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};

use crate::{app, conversations, guest_writes, open, signed_guest, vn_staff};

#[tokio::test]
async fn the_guest_side_is_an_app_of_its_own_that_opens_at_the_guests_link() {
    let app = app().await;
    let staff = vn_staff(&app, "ahk-pwa").await;
    let (_, link) = open(&staff, "Schwalbe").await;
    let manifest_url = format!("{link}/app.webmanifest");
    // As the page writes it (the template engine escapes "/").
    let href = |url: &str| {
        format!(
            "<link rel=\"manifest\" href=\"{}\">",
            url.replace('/', "&#x2f;")
        )
    };

    // Every guest page names the guest's manifest (before and after the passphrase).
    let visitor = app.agent();
    let first = visitor.get(&link).await;
    assert!(first.contains(&href(&manifest_url)), "{}", first.body);
    let g = signed_guest(&app, &link).await;
    guest_writes(&g, &link, "Vertraulicher Kanarienvogel").await;
    let page = g.get(&link).await;
    assert!(page.contains(&href(&manifest_url)));
    assert_eq!(page.header("cache-control"), Some("no-store"));
    // Staff pages keep the staff app's.
    let inbox = staff.get("/beratung").await;
    assert!(inbox.contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">"));

    // The manifest answers without a session (browsers fetch it without cookies) and says
    // nothing the link does not: where the app opens, its scope, its name.
    let m = app.agent().get(&manifest_url).await;
    assert_eq!(m.status, 200);
    assert_eq!(m.header("content-type"), Some("application/manifest+json"));
    assert_eq!(m.header("cache-control"), Some("no-store"));
    let json: serde_json::Value = serde_json::from_str(&m.body).unwrap();
    assert_eq!(json["start_url"], link.as_str());
    assert_eq!(json["id"], link.as_str());
    assert_eq!(json["scope"], "/beratung/gast/");
    assert!(link.starts_with(json["scope"].as_str().unwrap()));
    assert_eq!(json["display"], "standalone");
    assert_eq!(json["lang"], "de");
    assert_eq!(json["short_name"], "HiH Beratung");
    assert!(!m.body.contains("Kanarienvogel"));
    assert!(!m.body.contains("Schwalbe"), "not even the pseudonym");

    // In the guest's language once known.
    let c = &conversations(&app).await[0];
    let mut am = app
        .record::<guest::Entity>(c.guest_id)
        .await
        .into_active_model();
    am.locale = Set(Some("vi".into()));
    am.update(app.db()).await.unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&app.agent().get(&manifest_url).await.body).unwrap();
    assert_eq!(json["lang"], "vi");
    assert_eq!(json["short_name"], "HiH Tư vấn");

    // An unknown or deleted link has no app.
    let unknown = app
        .agent()
        .get("/beratung/gast/unbekannt/app.webmanifest")
        .await;
    assert_eq!(unknown.status, 404);
}

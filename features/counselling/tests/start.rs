//! The public start: a person chooses the AHK of their country and a topic, stays anonymous
//! (no name stored, a generated pseudonym), sets a passphrase, sees the personal link once
//! and continues as a guest; rate-limited per address; in the guest languages.

use hih_counselling::entities::guest;
use hih_testkit::TestApp;
use poem::http::Method;

use crate::{PASSPHRASE, conversations};

fn link_in(body: &str) -> String {
    let marker = "id=\"guest-link\" type=\"text\" readonly value=\"";
    let start = body.find(marker).expect("link shown") + marker.len();
    let url = body[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&#x2f;", "/");
    url[url.find("/beratung/gast/").expect("guest path")..].to_string()
}

#[tokio::test]
async fn a_person_starts_anonymously_and_continues_as_a_guest() {
    let app = crate::app().await;
    for (code, browser, country, title) in [
        ("pt", "pt-BR", "BR", "Seu aconselhamento"),
        ("vi", "vi-VN", "VN", "Phần tư vấn của bạn"),
    ] {
        let g = app.agent();
        let form = g
            .request(
                Method::GET,
                "/beratung/start",
                &[("accept-language", browser)],
                vec![],
            )
            .await;
        assert_eq!(form.status, 200);
        assert!(form.contains(&format!("<html lang=\"{code}\"")));
        // Nothing chosen: the messages next to the fields.
        let p = g.post("/beratung/start", &[]).await;
        assert_eq!(p.status, 422);
        assert!(p.contains("aria-invalid=\"true\""));
        let p = g
            .post(
                "/beratung/start",
                &[
                    ("country", "DE"),
                    ("topic", "visa"),
                    ("passphrase", PASSPHRASE),
                    ("repeat", PASSPHRASE),
                ],
            )
            .await;
        assert_eq!(p.status, 422, "only the programme's countries");
        let before = conversations(&app).await.len();
        let p = g
            .post(
                "/beratung/start",
                &[
                    ("country", country),
                    ("topic", "visa"),
                    ("pseudonym", ""),
                    ("passphrase", PASSPHRASE),
                    ("repeat", PASSPHRASE),
                ],
            )
            .await;
        assert_eq!(p.status, 200, "{}", p.body);
        let link = link_in(&p.body);
        // Anonymous: a generated pseudonym, no creator, no applicant; the passphrase set.
        let all = conversations(&app).await;
        assert_eq!(all.len(), before + 1);
        let c = all.last().unwrap();
        assert_eq!(c.country, country);
        assert_eq!(c.pseudonym, format!("Gast-{}", c.guest_id));
        assert_eq!(c.created_by, None);
        assert_eq!(c.applicant_id, None);
        let stored = app.record::<guest::Entity>(c.guest_id).await;
        assert!(stored.passphrase_hash.unwrap().starts_with("$argon2id$"));
        assert_eq!(stored.locale.as_deref(), Some(code));
        assert_eq!(stored.notice_email, None);
        // Signed in: the conversation; the guest writes.
        let page = g.get(&link).await;
        assert!(page.contains(title), "{}", page.body);
        let p = g
            .post(&format!("{link}/nachricht"), &[("body", "Olá")])
            .await;
        assert_eq!(p.status, 303);
        // Another browser with the link alone: the passphrase is asked.
        let other = app.agent();
        assert!(other.get(&link).await.contains("id=\"passphrase\""));
        assert!(!other.get(&link).await.contains("Olá"));
    }
    let untranslated = app.services().texts.untranslated();
    assert!(untranslated.is_empty(), "{untranslated:?}");
}

#[tokio::test]
async fn starting_is_rate_limited_per_address() {
    let mut settings = TestApp::settings();
    settings.security.rate_limit_per_minute = 3;
    let app = TestApp::on_base_with(
        hih_app::features(),
        &["applicants", "counselling"],
        settings,
    )
    .await;
    let g = app.agent().from_address("203.0.113.7", None);
    g.get("/beratung/start").await;
    for _ in 0..3 {
        assert_eq!(g.post("/beratung/start", &[]).await.status, 422);
    }
    assert_eq!(g.post("/beratung/start", &[]).await.status, 429);
    // Another address is not affected.
    let h = app.agent().from_address("203.0.113.8", None);
    h.get("/beratung/start").await;
    assert_eq!(h.post("/beratung/start", &[]).await.status, 422);
    assert!(conversations(&app).await.is_empty());
}

//! The guest pages in the guest languages (R-CNS languages): a browser that asks for
//! Portuguese or Vietnamese gets every guest page, every message and the notice mail in that
//! language — none falls back to English — with a visible switch; staff pages stay German.

use hih_db::entities::mail_outbox;
use poem::http::Method;
use sea_orm::EntityTrait;

use crate::{PASSPHRASE, app, open, staff_writes, vn_staff};

/// A page's `<html lang>`.
fn lang_of(page: &hih_testkit::Page) -> &str {
    let marker = "<html lang=\"";
    let start = page
        .body
        .find(marker)
        .map(|i| i + marker.len())
        .unwrap_or(0);
    page.body[start..].split('"').next().unwrap_or_default()
}

#[tokio::test]
async fn guests_see_every_counselling_page_in_portuguese_and_vietnamese() {
    let app = app().await;
    let staff = vn_staff(&app, "ahk-lang").await;
    for (code, browser, title, too_short, locked, mail_word) in [
        (
            "pt",
            "pt-BR,pt;q=0.9,en;q=0.5",
            "Defina sua senha",
            "curta demais",
            "bloqueada",
            "Nova mensagem",
        ),
        (
            "vi",
            "vi-VN,vi;q=0.9,en;q=0.8",
            "Đặt mật khẩu",
            "quá ngắn",
            "bị khóa",
            "Tin nhắn mới",
        ),
    ] {
        let (id, link) = open(&staff, &format!("Gast-{code}")).await;
        let g = app.agent();
        // The browser's language chooses the first page's language.
        let first = g
            .request(Method::GET, &link, &[("accept-language", browser)], vec![])
            .await;
        assert_eq!(first.status, 200);
        assert_eq!(lang_of(&first), code);
        assert!(first.contains(title), "{code}: {}", first.body);
        for name in ["Deutsch", "English", "Português", "Tiếng Việt"] {
            assert!(first.contains(name), "{code}: the switch offers {name}");
        }
        // Passphrase: too weak, not repeated, then set.
        let p = g
            .post(
                &format!("{link}/einrichten"),
                &[("passphrase", "kurz"), ("repeat", "kurz")],
            )
            .await;
        assert_eq!(p.status, 422);
        assert_eq!(lang_of(&p), code);
        assert!(p.contains(too_short), "{code}: {}", p.body);
        for weak in [
            "kurzeskennwort1!",
            "KURZESKENNWORT-X!",
            "Ohne-Ziffern-abc!",
            "OhneSonderzeichen12",
        ] {
            let p = g
                .post(
                    &format!("{link}/einrichten"),
                    &[("passphrase", weak), ("repeat", weak)],
                )
                .await;
            assert_eq!(p.status, 422, "{code} {weak}");
        }
        let p = g
            .post(
                &format!("{link}/einrichten"),
                &[("passphrase", PASSPHRASE), ("repeat", "Anderes-4711!x")],
            )
            .await;
        assert_eq!(p.status, 422);
        let p = g
            .post(
                &format!("{link}/einrichten"),
                &[("passphrase", PASSPHRASE), ("repeat", PASSPHRASE)],
            )
            .await;
        assert_eq!(p.location(), Some(link.as_str()));
        // The conversation: an empty message, a bad address, then both right.
        let page = g.get(&link).await;
        assert_eq!(lang_of(&page), code);
        // The office hours of the conversation's AHK (Vietnam), in the guest's language.
        let hours = page.element_text("office-hours").unwrap();
        assert!(
            hours.contains(if code == "pt" {
                "AHK Vietnã"
            } else {
                "AHK Việt Nam"
            }),
            "{hours}"
        );
        let p = g.post(&format!("{link}/nachricht"), &[("body", " ")]).await;
        assert_eq!(p.status, 422);
        let p = g
            .post(&format!("{link}/nachricht"), &[("body", "a\u{7}b")])
            .await;
        assert_eq!(p.status, 422);
        // Attachments: a type that is not allowed, then a PDF (its download link shown).
        let p = g
            .post_multipart(
                &format!("{link}/nachricht"),
                &[("body", "")],
                ("file", "a.pdf", b"texto"),
            )
            .await;
        assert_eq!(p.status, 422);
        g.get(&link).await;
        let p = g
            .post_multipart(
                &format!("{link}/nachricht"),
                &[("body", "")],
                ("file", "a.pdf", b"%PDF-1.4\n%%EOF\n"),
            )
            .await;
        assert_eq!(p.status, 303, "{}", p.body);
        assert!(g.get(&link).await.contains("(PDF, 1 KB)"));
        let long = "x".repeat(10_001);
        let p = g
            .post(&format!("{link}/nachricht"), &[("body", long.as_str())])
            .await;
        assert_eq!(p.status, 422);
        let p = g.post(&format!("{link}/email"), &[("email", "kein")]).await;
        assert_eq!(p.status, 422);
        g.follow(
            g.post(
                &format!("{link}/email"),
                &[("email", &format!("{code}@example.org"))],
            )
            .await,
        )
        .await;
        let p = g
            .post(&format!("{link}/nachricht"), &[("body", "Olá e Xin chào")])
            .await;
        let page = g.follow(p).await;
        assert!(page.contains("Olá e Xin chào"));
        // A staff reply: the notice in the guest's language, without the text.
        staff_writes(&staff, id, "reply", "Resposta").await;
        let shown = g.get(&link).await;
        assert!(shown.contains("Resposta"));
        g.follow(g.post(&format!("{link}/email"), &[("email", "")]).await)
            .await;
        g.get(&format!("{link}/loeschen")).await;
        // Signed out: the passphrase page, wrong ones, the lock.
        g.post(&format!("{link}/abmelden"), &[]).await;
        let login = g.get(&link).await;
        assert_eq!(lang_of(&login), code);
        for attempt in 1..=5 {
            let p = g
                .post(&format!("{link}/anmelden"), &[("passphrase", "falsch")])
                .await;
            assert_eq!(p.status, 422);
            assert_eq!(p.contains(locked), attempt == 5, "{code}: {}", p.body);
        }
        app.clock.advance(chrono::Duration::minutes(16));
        let p = g
            .post(&format!("{link}/anmelden"), &[("passphrase", PASSPHRASE)])
            .await;
        assert_eq!(p.location(), Some(link.as_str()));
        // Closed by staff: the guest's page says so and refuses a message.
        staff.get(&format!("/beratung/{id}")).await;
        staff
            .post(&format!("/beratung/{id}/status"), &[("action", "close")])
            .await;
        g.get(&link).await;
        let p = g
            .post(&format!("{link}/nachricht"), &[("body", "mais")])
            .await;
        assert_eq!(p.status, 422);
        // The download, the deletion, the neutral page of the deleted link.
        assert_eq!(g.get(&format!("{link}/export")).await.status, 200);
        g.get(&format!("{link}/loeschen")).await;
        let done = g.post(&format!("{link}/loeschen"), &[]).await;
        assert_eq!(done.status, 200);
        assert_eq!(lang_of(&done), code);
        let gone = g.get(&link).await;
        assert_eq!(gone.status, 410);
        assert_eq!(lang_of(&gone), code);
        let mails = mail_outbox::Entity::find().all(app.db()).await.unwrap();
        let mail = mails
            .iter()
            .find(|m| m.to_addr == format!("{code}@example.org"))
            .expect("notice mail");
        assert!(mail.subject.contains(mail_word), "{code}: {}", mail.subject);
        assert!(!mail.body.contains("Resposta"));
        assert!(!mail.subject.contains("Neue"), "only the guest's language");
    }
    // The switch: a Portuguese browser chooses Vietnamese on the page.
    let (_, link) = open(&staff, "Gast-switch").await;
    let g = app.agent();
    g.request(Method::GET, &link, &[("accept-language", "pt-BR")], vec![])
        .await;
    let p = g
        .post("/sprache", &[("lang", "vi"), ("next", link.as_str())])
        .await;
    assert_eq!(p.location(), Some(link.as_str()));
    let page = g
        .request(Method::GET, &link, &[("accept-language", "pt-BR")], vec![])
        .await;
    assert_eq!(lang_of(&page), "vi", "the switch wins over the browser");
    // Staff pages stay German (the staff browser's language is not a guest language page).
    let inbox = staff
        .request(
            Method::GET,
            "/beratung",
            &[("accept-language", "vi")],
            vec![],
        )
        .await;
    assert_eq!(lang_of(&inbox), "de");
    let untranslated = app.services().texts.untranslated();
    assert!(
        untranslated.is_empty(),
        "shown in English instead of the guest's language:\n{}",
        untranslated
            .iter()
            .map(|(l, k)| format!("{l} {k}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

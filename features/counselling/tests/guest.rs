use chrono::Duration;
use hih_counselling::entities::{guest, message};
use sea_orm::EntityTrait;

use crate::{PASSPHRASE, app, conversations, guest_writes, open, signed_guest, vn_staff};

#[tokio::test]
async fn a_link_needs_its_passphrase_and_locks_after_wrong_ones() {
    let app = app().await;
    let staff = vn_staff(&app, "ahk-link").await;
    let (id, link) = open(&staff, "Falke").await;
    // The link is shown once; afterwards the page leads to the conversation.
    let again = staff.get(&format!("/beratung/{id}/link")).await;
    assert_eq!(again.location(), Some(format!("/beratung/{id}").as_str()));
    // Only the hash of the link's token is stored.
    let token = link.trim_start_matches("/beratung/gast/");
    let g = app
        .record::<guest::Entity>(conversations(&app).await[0].guest_id)
        .await;
    assert_ne!(g.link_hash, token);
    assert_eq!(g.link_hash, hih_db::hash_token(token));

    // First use: the passphrase follows the staff password policy and must be repeated.
    let visitor = app.agent();
    visitor.get(&link).await;
    let weak = visitor
        .post(
            &format!("{link}/einrichten"),
            &[("passphrase", "kurz"), ("repeat", "kurz")],
        )
        .await;
    assert_eq!(weak.status, 422);
    assert!(weak.contains("zu kurz"), "{}", weak.body);
    let differ = visitor
        .post(
            &format!("{link}/einrichten"),
            &[
                ("passphrase", PASSPHRASE),
                ("repeat", "Anderes-Kennwort-4711!"),
            ],
        )
        .await;
    assert_eq!(differ.status, 422);
    assert!(differ.contains("stimmen nicht überein"));
    drop(visitor);
    let g = signed_guest(&app, &link).await;
    let page = g.get(&link).await;
    assert!(page.contains("Ihre Beratung"), "{}", page.body);
    guest_writes(&g, &link, "Wann beginnt der Sprachkurs?").await;
    assert!(g.get(&link).await.contains("Wann beginnt der Sprachkurs?"));
    let stored = app
        .record::<guest::Entity>(conversations(&app).await[0].guest_id)
        .await;
    assert!(
        stored
            .passphrase_hash
            .as_deref()
            .unwrap()
            .starts_with("$argon2id$")
    );

    // A leaked link alone: asks for the passphrase, shows nothing, accepts nothing.
    let leaked = app.agent();
    let p = leaked.get(&link).await;
    assert_eq!(p.status, 200);
    assert!(p.contains("Bitte geben Sie Ihr Kennwort ein."));
    assert!(!p.contains("Sprachkurs"));
    let p = leaked
        .post(&format!("{link}/nachricht"), &[("body", "eingeschleust")])
        .await;
    assert_eq!(p.location(), Some(link.as_str()));
    assert!(leaked.get(&format!("{link}/export")).await.location() == Some(link.as_str()));
    let before = message::Entity::find().all(app.db()).await.unwrap().len();
    assert_eq!(before, 1, "nothing written through the leaked link");
    // Setting the passphrase again is refused: it exists.
    let p = leaked
        .post(
            &format!("{link}/einrichten"),
            &[
                ("passphrase", "Neues-Kennwort-0815!"),
                ("repeat", "Neues-Kennwort-0815!"),
            ],
        )
        .await;
    assert_eq!(p.location(), Some(link.as_str()));
    assert!(!leaked.get(&link).await.contains("Sprachkurs"));

    // Wrong passphrases: a clear message, then the lock (5 by default) — even the right one
    // is refused while locked; each failure is in the access log.
    for _ in 0..4 {
        let p = leaked
            .post(&format!("{link}/anmelden"), &[("passphrase", "falsch")])
            .await;
        assert_eq!(p.status, 422);
        assert!(p.contains("Das Kennwort ist falsch."));
    }
    let p = leaked
        .post(&format!("{link}/anmelden"), &[("passphrase", "falsch")])
        .await;
    assert!(p.contains("gesperrt"), "{}", p.body);
    let p = leaked
        .post(&format!("{link}/anmelden"), &[("passphrase", PASSPHRASE)])
        .await;
    assert_eq!(p.status, 422);
    assert!(p.contains("gesperrt"));
    assert!(!leaked.get(&link).await.contains("Sprachkurs"));
    let denied = app.access_entries("counselling_link", "denied").await;
    assert!(denied.len() >= 6, "{denied:?}");
    assert!(
        denied.iter().all(|e| !e.path.contains(token)),
        "no token in the log"
    );
    // After the lock time the right passphrase opens it.
    app.clock.advance(Duration::minutes(16));
    let p = leaked
        .post(&format!("{link}/anmelden"), &[("passphrase", PASSPHRASE)])
        .await;
    assert_eq!(p.location(), Some(link.as_str()));
    assert!(leaked.get(&link).await.contains("Sprachkurs"));
    // Signing out ends the guest session.
    leaked.post(&format!("{link}/abmelden"), &[]).await;
    assert!(!leaked.get(&link).await.contains("Sprachkurs"));
    // An unknown link: one neutral page.
    let p = app.agent().get("/beratung/gast/unbekannt").await;
    assert_eq!(p.status, 410);
    assert!(p.contains("Link ungültig"));
}

#[tokio::test]
async fn guests_are_anonymous_and_never_see_internal_notes() {
    let app = app().await;
    let staff = vn_staff(&app, "ahk-notes").await;
    let (id, link) = open(&staff, "").await;
    let c = &conversations(&app).await[0];
    // No name: the pseudonym is generated.
    assert_eq!(c.pseudonym, format!("Gast-{}", c.guest_id));
    assert_eq!(c.country, "VN");
    let g = signed_guest(&app, &link).await;
    // The notice address: checked, then stored.
    g.get(&link).await;
    let bad = g
        .post(&format!("{link}/email"), &[("email", "keine-adresse")])
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.contains("gültige E-Mail-Adresse"));
    g.post(&format!("{link}/email"), &[("email", "gast@example.org")])
        .await;
    guest_writes(&g, &link, "Meine Frage\nzweite Zeile <b>fett</b>").await;
    crate::staff_writes(&staff, id, "note", "GEHEIME-NOTIZ über den Fall").await;
    crate::staff_writes(&staff, id, "reply", "Antwort an den Gast").await;
    let page = g.get(&link).await;
    assert!(page.contains("Antwort an den Gast"));
    // The office hours of the conversation's AHK (an editable text per country).
    assert!(
        page.element_text("office-hours")
            .unwrap()
            .starts_with("Sprechzeiten der AHK Vietnam:")
    );
    assert!(
        !page.contains("GEHEIME-NOTIZ"),
        "notes never reach the guest"
    );
    // Plain text: markup is shown, not rendered.
    assert!(
        page.contains("&lt;b&gt;fett&lt;&#x2f;b&gt;"),
        "{}",
        page.body
    );
    // Staff see the note.
    assert!(
        staff
            .get(&format!("/beratung/{id}"))
            .await
            .contains("GEHEIME-NOTIZ")
    );
    // The download: the guest's messages and the replies, no notes.
    let export = g.get(&format!("{link}/export")).await;
    assert_eq!(export.status, 200);
    assert!(
        export
            .header("content-disposition")
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(export.header("content-type"), Some("application/zip"));
    let files = export.zip_entries();
    assert_eq!(files.keys().collect::<Vec<_>>(), ["beratung.json"]);
    let doc: serde_json::Value = serde_json::from_slice(&files["beratung.json"]).unwrap();
    let texts: Vec<&str> = doc["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "Meine Frage\nzweite Zeile <b>fett</b>",
            "Antwort an den Gast"
        ]
    );
    // The notice mail says that there is a message, never what it says.
    let mails = hih_db::entities::mail_outbox::Entity::find()
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to_addr, "gast@example.org");
    assert!(mails[0].body.contains("neue Nachricht"));
    assert!(!mails[0].body.contains("Antwort an den Gast"));
    // Closed: the guest reads but cannot write.
    staff.get(&format!("/beratung/{id}")).await;
    staff
        .post(&format!("/beratung/{id}/status"), &[("action", "close")])
        .await;
    let page = g.get(&link).await;
    assert!(page.contains("Dieses Gespräch ist geschlossen."));
    let p = g
        .post(&format!("{link}/nachricht"), &[("body", "noch was")])
        .await;
    assert_eq!(p.status, 422);
}

//! Attachments and voice messages: the type sniffed from the content (not the name), the size
//! limit, encrypted at rest (a canary inside a PDF is not in the database file), downloads
//! with `attachment`, `nosniff` and a strict CSP, voice messages as audio uploads played with
//! the native player, internal notes' files never reach the guest, staff downloads logged.

use hih_counselling::entities::attachment;
use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_users::testing::{create_user_in, login};
use sea_orm::EntityTrait;

use crate::storage::stored;
use crate::{PASSPHRASE, open, signed_guest, vn_staff};

const CANARY: &str = "ANHANG-KANARIE-51c2e8";

fn pdf() -> Vec<u8> {
    format!("%PDF-1.7\n1 0 obj <<>> stream\n{CANARY}\nendstream\n%%EOF\n").into_bytes()
}

fn wav() -> Vec<u8> {
    let mut w = b"RIFF\x24\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0\x40\x1f\0\0\x80\x3e\0\0\x02\0\x10\0data\0\0\0\0"
        .to_vec();
    w.extend_from_slice(&[0; 64]);
    w
}

async fn app_with_limit(max: usize) -> TestApp {
    let mut settings = TestApp::settings();
    settings.counselling.max_attachment_bytes = max;
    TestApp::on_base_with(
        hih_app::features(),
        &["applicants", "counselling"],
        settings,
    )
    .await
}

#[tokio::test]
async fn files_are_sniffed_limited_encrypted_and_downloaded_safely() {
    let app = app_with_limit(4096).await;
    let staff = vn_staff(&app, "ahk-files").await;
    let (id, link) = open(&staff, "Kranich").await;
    let g = signed_guest(&app, &link).await;
    let send = |fields: Vec<(&'static str, &'static str)>, name: &'static str, bytes: Vec<u8>| {
        let g = g.clone();
        let link = link.clone();
        async move {
            g.get(&link).await;
            g.post_multipart(
                &format!("{link}/nachricht"),
                &fields,
                ("file", name, &bytes),
            )
            .await
        }
    };
    // Not an accepted type, whatever the name says: the German message next to the field.
    let p = send(vec![("body", "")], "brief.pdf", b"Nur Text".to_vec()).await;
    assert_eq!(p.status, 422);
    assert!(
        p.contains("Diese Art von Datei ist nicht erlaubt."),
        "{}",
        p.body
    );
    assert!(p.contains("aria-invalid=\"true\""));
    let p = send(
        vec![("body", "")],
        "bild.png",
        b"MZ\x90\0\x03\0\0\0".to_vec(),
    )
    .await;
    assert_eq!(p.status, 422);
    // Too large.
    let mut big = pdf();
    big.resize(4097, b' ');
    let p = send(vec![("body", "Hier")], "gross.pdf", big).await;
    assert_eq!(p.status, 422);
    assert!(p.contains("Die Datei ist zu groß"), "{}", p.body);
    // Larger than the server takes at all: the same message next to the field (not an error
    // page), and the text written before the file is still in the form.
    let messages = app.count("counselling_message").await.unwrap();
    let mut huge = pdf();
    huge.resize(hih_web::upload::MAX_BODY + 1024, b' ');
    let p = send(vec![("body", "Mein Text bleibt")], "riesig.pdf", huge).await;
    assert_eq!(p.status, 422, "{}", p.body);
    assert!(p.contains("Die Datei ist zu groß"), "{}", p.body);
    assert!(p.contains("aria-invalid=\"true\""));
    assert!(p.contains("Mein Text bleibt"));
    assert_eq!(app.count("counselling_message").await.unwrap(), messages);
    assert_eq!(app.count("counselling_attachment").await.unwrap(), 0);
    // A PDF with the name of an image: stored as a PDF, without a text.
    let p = send(vec![("body", "")], "foto.png", pdf()).await;
    assert_eq!(p.status, 303, "{}", p.body);
    let stored_files = attachment::Entity::find().all(app.db()).await.unwrap();
    assert_eq!(stored_files.len(), 1);
    let a = &stored_files[0];
    assert_eq!(a.mime, "application/pdf");
    assert_eq!(a.extension, "pdf");
    assert!(!stored(&app, CANARY).await, "the file is encrypted at rest");
    // The guest's page links it; the download is an attachment with strict headers.
    let page = g.get(&link).await;
    let href = format!("{link}/anhang/{}", a.id);
    assert!(
        page.contains(&format!("/anhang/{}\"", a.id)),
        "{}",
        page.body
    );
    let d = g.get(&href).await;
    assert_eq!(d.status, 200);
    assert_eq!(d.bytes, pdf());
    assert_eq!(d.header("content-type"), Some("application/pdf"));
    assert!(
        d.header("content-disposition")
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(d.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(
        d.header("content-security-policy"),
        Some("default-src 'none'; sandbox")
    );
    // Without the guest's session: the passphrase page, never the file.
    let leaked = app.agent();
    let p = leaked.get(&href).await;
    assert_eq!(p.location(), Some(link.as_str()));
    // Staff download it; the read is logged.
    let s = staff.get(&format!("/beratung/{id}/anhang/{}", a.id)).await;
    assert_eq!(s.status, 200);
    assert_eq!(s.bytes, pdf());
    let views = app.access_entries("counselling_attachment", "view").await;
    assert_eq!(views.len(), 1);
    // Another country's AHK: 404, logged.
    let in_user = create_user_in(app.services(), Role::AhkStaff, "ahk-in-f", "AHK Indien").await;
    let india = app.agent();
    login(&app, &india, &in_user).await;
    let p = india.get(&format!("/beratung/{id}/anhang/{}", a.id)).await;
    assert_eq!(p.status, 404);
    // An internal note's file stays with staff.
    staff.get(&format!("/beratung/{id}")).await;
    let p = staff
        .post_multipart(
            &format!("/beratung/{id}/antwort"),
            &[("body", "Vermerk"), ("kind", "note")],
            (
                "file",
                "n.png",
                &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"[..],
            ),
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    let note_file = attachment::Entity::find().all(app.db()).await.unwrap()[1].id;
    assert_eq!(
        g.get(&format!("{link}/anhang/{note_file}")).await.status,
        404
    );
    assert!(
        !g.get(&link)
            .await
            .contains(&format!("/anhang/{note_file}\""))
    );
    assert_eq!(
        staff
            .get(&format!("/beratung/{id}/anhang/{note_file}"))
            .await
            .status,
        200
    );
    // The guest's copy (Art. 20) holds their file as sent, named in its message; never the
    // note's file.
    let copy = g.get(&format!("{link}/export")).await.zip_entries();
    let own = format!("anhaenge/anhang-{}.pdf", a.id);
    assert_eq!(
        copy.keys().map(String::as_str).collect::<Vec<_>>(),
        [own.as_str(), "beratung.json"]
    );
    assert_eq!(copy[&own], pdf());
    let doc: serde_json::Value = serde_json::from_slice(&copy["beratung.json"]).unwrap();
    assert_eq!(doc["messages"][0]["files"], serde_json::json!([own]));
    assert_eq!(doc["messages"].as_array().unwrap().len(), 1, "no note");
    // The guest deletes the conversation: the files go with it.
    g.get(&format!("{link}/loeschen")).await;
    g.post(&format!("{link}/loeschen"), &[]).await;
    assert_eq!(app.count("counselling_attachment").await.unwrap(), 0);
    let _ = PASSPHRASE;
}

#[tokio::test]
async fn a_voice_message_without_javascript_is_an_audio_upload_played_in_the_page() {
    let app = crate::app().await;
    let staff = vn_staff(&app, "ahk-voice").await;
    let (id, link) = open(&staff, "Amsel").await;
    let g = signed_guest(&app, &link).await;
    g.get(&link).await;
    let p = g
        .post_multipart(
            &format!("{link}/nachricht"),
            &[("body", "")],
            ("file", "sprachnachricht.wav", &wav()),
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    let a = attachment::Entity::find().all(app.db()).await.unwrap()[0].clone();
    assert_eq!(a.mime, "audio/wav");
    // Played with the native element, streamed from the download route, inline.
    let page = g.get(&link).await;
    assert!(page.contains("<audio controls"), "{}", page.body);
    let d = g.get(&format!("{link}/anhang/{}", a.id)).await;
    assert_eq!(d.header("content-type"), Some("audio/wav"));
    assert!(
        d.header("content-disposition")
            .unwrap()
            .starts_with("inline;")
    );
    assert_eq!(d.bytes, wav());
    // Staff hear it too, and answer with a text.
    let s = staff.get(&format!("/beratung/{id}")).await;
    assert!(s.contains("<audio controls"));
    staff.get(&format!("/beratung/{id}")).await;
    let p = staff
        .post(
            &format!("/beratung/{id}/antwort"),
            &[("body", "Verstanden"), ("kind", "reply")],
        )
        .await;
    assert_eq!(p.status, 303);
}

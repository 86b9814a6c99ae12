//! The staff exchange: topics through the form flow, posts and replies, folded search,
//! who may take part, and the materials library (type sniffed from the content, size limit,
//! encrypted at rest, downloaded as an attachment in a sandbox).

use hih_counselling::forum::entities::{file, material, post, topic};
use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_users::testing::agent_for;
use sea_orm::{EntityTrait, QueryOrder};

use crate::app;

/// A tiny but real PDF header: what `infer` recognises as `application/pdf`.
fn pdf(canary: &str) -> Vec<u8> {
    format!("%PDF-1.7\n1 0 obj << /Title ({canary}) >> endobj\n%%EOF\n").into_bytes()
}

/// The number in `data-total="…"` of a list page.
fn total(body: &str) -> u64 {
    let marker = "data-total=\"";
    let at = body.find(marker).expect("a list count") + marker.len();
    body[at..].split('"').next().unwrap().parse().unwrap()
}

async fn topics(app: &TestApp) -> Vec<topic::Model> {
    topic::Entity::find()
        .order_by_asc(topic::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

#[tokio::test]
async fn staff_open_topics_post_and_reply_and_find_them_folded() {
    let app = app().await;
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "forum-ihk").await;
    let (ahk, _) = agent_for(&app, Role::AhkStaff, "forum-ahk").await;
    let (admin, _) = agent_for(&app, Role::Admin, "forum-admin").await;

    // The flow: review first, nothing saved until "save".
    let fields = [
        ("title", "Anerkennung für Pflegekräfte"),
        ("body", "Wer kennt die Stelle in Thüringen?"),
    ];
    let mut review: Vec<(&str, &str)> = fields.to_vec();
    review.push(("action", "review"));
    let p = ihk.submit("/beratung/austausch/neu", &review).await;
    assert_eq!(p.location(), Some("/beratung/austausch/neu/pruefen"));
    assert!(topics(&app).await.is_empty(), "review saves nothing");
    let p = ihk.get("/beratung/austausch/neu/pruefen").await;
    assert!(p.contains("Anerkennung für Pflegekräfte"));
    let mut save: Vec<(&str, &str)> = fields.to_vec();
    save.push(("action", "save"));
    let p = ihk.post("/beratung/austausch/neu", &save).await;
    assert_eq!(p.status, 303);
    let t = &topics(&app).await[0];
    assert_eq!(
        p.location(),
        Some(format!("/beratung/austausch/{}", t.id).as_str())
    );
    assert_eq!(t.post_count, 1);
    assert_eq!(
        app.audit_entries("counselling_forum_topic", "create")
            .await
            .len(),
        1
    );

    // Another role posts; a third replies to the first post.
    let page = format!("/beratung/austausch/{}", t.id);
    ahk.get(&page).await;
    let p = ahk
        .post(
            &format!("{page}/beitrag"),
            &[("body", "Die Landesbehörde in Weimar <b>hilft</b>.")],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    let first = post::Entity::find()
        .order_by_asc(post::Column::Id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    admin.get(&page).await;
    let parent = first.id.to_string();
    let reply_field = format!("reply-{}", first.id);
    let p = admin
        .post(
            &format!("{page}/beitrag"),
            &[
                ("parent", parent.as_str()),
                (reply_field.as_str(), "Danke, das hilft."),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    assert!(p.location().unwrap().contains("#beitrag-"));
    let shown = ihk.get(&page).await;
    assert_eq!(shown.status, 200);
    assert!(shown.contains("Danke, das hilft."));
    assert!(
        shown.contains("&lt;b&gt;hilft&lt;&#x2f;b&gt;") || shown.contains("&lt;b&gt;hilft"),
        "markup is shown as text"
    );
    let replies: Vec<post::Model> = post::Entity::find().all(app.db()).await.unwrap();
    assert_eq!(replies.len(), 3);
    assert_eq!(replies[2].parent_id, Some(first.id));
    assert_eq!(topics(&app).await[0].post_count, 3);

    // An empty reply: a message next to the field, nothing saved, never a 500.
    let p = admin
        .post(
            &format!("{page}/beitrag"),
            &[("parent", parent.as_str()), (reply_field.as_str(), "  ")],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(
        p.contains(&format!("id=\"{reply_field}-error-1\"")),
        "{}",
        p.body
    );
    // A reply to a post of another topic (or a reply) finds nothing.
    let p = admin
        .post(
            &format!("{page}/beitrag"),
            &[("parent", "999999"), ("reply-999999", "x")],
        )
        .await;
    assert_eq!(p.status, 404);
    assert_eq!(post::Entity::find().all(app.db()).await.unwrap().len(), 3);

    // Folded free text: umlauts typed either way, words from posts and authors' posts.
    for (q, n) in [
        ("pflegekrafte", 1),
        ("Pflegekraefte", 1),
        ("WEIMAR", 1),
        ("thuringen+stelle", 1),
        ("Rostock", 0),
    ] {
        let l = ahk.get(&format!("/beratung/austausch?q={q}&per=0")).await;
        assert_eq!(l.status, 200);
        assert_eq!(total(&l.body), n, "{q}");
    }
}

#[tokio::test]
async fn the_dpo_and_the_operator_have_no_part_in_the_exchange() {
    let app = app().await;
    for (role, name) in [(Role::Dpo, "forum-dpo"), (Role::SuperAdmin, "forum-sa")] {
        let (a, _) = agent_for(&app, role, name).await;
        for path in [
            "/beratung/austausch",
            "/beratung/austausch/neu",
            "/beratung/austausch/material",
            "/beratung/austausch/material/neu",
        ] {
            assert_eq!(a.get(path).await.status, 403, "{role:?} {path}");
        }
    }
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "forum-nav").await;
    let home = ihk.get("/").await;
    assert!(home.contains("Fachaustausch"), "menu entry");
}

#[tokio::test]
async fn materials_are_sniffed_limited_encrypted_and_downloaded_as_attachments() {
    let app = app().await;
    let (ahk, _) = agent_for(&app, Role::AhkStaff, "material-ahk").await;
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "material-ihk").await;
    let canary = "MATERIAL-KANARIE-55c1";

    // A program named like a PDF: refused by its content, with the reason next to the field.
    ahk.get("/beratung/austausch/material/neu").await;
    let p = ahk
        .post_multipart(
            "/beratung/austausch/material/neu",
            &[("title", "Merkblatt"), ("description", "")],
            (
                "file",
                "merkblatt.pdf",
                b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",
            ),
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(
        p.contains("Dieser Dateityp ist nicht erlaubt"),
        "{}",
        p.body
    );
    assert!(p.contains("value=\"Merkblatt\""), "the typed title is kept");
    // No file and no title.
    let p = ahk
        .post_multipart(
            "/beratung/austausch/material/neu",
            &[("title", " ")],
            ("file", "", b""),
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.contains("Bitte geben Sie einen Titel ein"));
    assert!(p.contains("Bitte wählen Sie eine Datei aus"));

    // A PDF named as something else is stored as a PDF, encrypted.
    let p = ahk
        .post_multipart(
            "/beratung/austausch/material/neu",
            &[
                ("title", "Merkblatt Visum"),
                (
                    "description",
                    "Übersicht der Unterlagen für das Visumverfahren",
                ),
            ],
            ("file", "C:\\Temp\\Übersicht.exe", &pdf(canary)),
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    let m = material::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(m.content_type, "application/pdf");
    assert_eq!(m.file_name, "Übersicht.pdf");
    let stored = file::Entity::find().one(app.db()).await.unwrap().unwrap();
    assert!(
        !stored
            .data
            .windows(canary.len())
            .any(|w| w == canary.as_bytes()),
        "the file is stored encrypted"
    );
    assert_eq!(
        app.audit_entries("counselling_forum_material", "create")
            .await
            .len(),
        1
    );

    // Found folded by its description; downloaded as an attachment, sandboxed, not sniffed.
    let l = ihk
        .get("/beratung/austausch/material?q=ubersicht+visumverfahren&per=0")
        .await;
    assert_eq!(total(&l.body), 1);
    let d = ihk
        .get(&format!("/beratung/austausch/material/{}/datei", m.id))
        .await;
    assert_eq!(d.status, 200);
    assert_eq!(d.bytes, pdf(canary));
    assert_eq!(d.header("content-type"), Some("application/pdf"));
    assert!(
        d.header("content-disposition")
            .unwrap()
            .starts_with("attachment; filename=\"_bersicht.pdf\"")
    );
    assert!(
        d.header("content-security-policy")
            .unwrap()
            .contains("sandbox")
    );
    assert_eq!(d.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(
        ihk.get("/beratung/austausch/material/999999/datei")
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn an_upload_over_the_limit_is_refused() {
    let mut settings = TestApp::settings();
    settings.counselling.max_attachment_bytes = 1024 * 1024;
    let app = TestApp::on_base_with(
        hih_app::features(),
        &["applicants", "counselling"],
        settings,
    )
    .await;
    let (ahk, _) = agent_for(&app, Role::AhkStaff, "material-big").await;
    let mut big = pdf("gross");
    big.resize(1024 * 1024 + 1, b' ');
    ahk.get("/beratung/austausch/material/neu").await;
    let p = ahk
        .post_multipart(
            "/beratung/austausch/material/neu",
            &[("title", "Zu groß")],
            ("file", "gross.pdf", &big),
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.contains("höchstens 1 MB"), "{}", p.body);
    assert!(
        material::Entity::find()
            .all(app.db())
            .await
            .unwrap()
            .is_empty()
    );
}

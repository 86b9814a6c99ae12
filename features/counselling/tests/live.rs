//! Live updates of the conversation pages: the event stream names the newest message the
//! viewer may see (never an internal note to the guest) by its id only, answers at once when
//! the page's newest id is unknown, reports a message written while it is open, and needs the
//! guest's session.

use hih_counselling::entities::message;
use hih_testkit::TestApp;
use sea_orm::{EntityTrait, QueryOrder};

use crate::{guest_writes, open, signed_guest, staff_writes, vn_staff};

/// The app with a fast-polling stream that stays open for one second.
async fn app() -> TestApp {
    let mut settings = TestApp::settings();
    settings.counselling.live_poll_ms = 100;
    settings.counselling.live_seconds = 1;
    TestApp::on_base_with(
        hih_app::features(),
        &["applicants", "counselling"],
        settings,
    )
    .await
}

/// The ids the stream's events carry, in order (each event's `id` equals its data; keep-alive
/// comments carry none).
fn events(body: &str) -> Vec<i64> {
    body.split("\n\n")
        .filter(|block| block.lines().any(|l| l.starts_with("data:")))
        .map(|block| {
            let field = |name: &str| {
                block
                    .lines()
                    .find_map(|l| l.strip_prefix(name))
                    .map(|v| v.trim().to_string())
                    .unwrap()
            };
            assert_eq!(field("id:"), field("data:"), "{block}");
            field("data:").parse().unwrap()
        })
        .collect()
}

async fn message_ids(app: &TestApp) -> Vec<i64> {
    message::Entity::find()
        .order_by_asc(message::Column::Id)
        .all(app.db())
        .await
        .unwrap()
        .iter()
        .map(|m| m.id)
        .collect()
}

#[tokio::test]
async fn the_stream_names_the_newest_visible_message_and_nothing_else() {
    let app = app().await;
    let staff = vn_staff(&app, "live-staff").await;
    let (id, link) = open(&staff, "Live").await;
    let g = signed_guest(&app, &link).await;
    guest_writes(&g, &link, "LIVE-FRAGE").await;
    staff_writes(&staff, id, "reply", "LIVE-ANTWORT").await;
    staff_writes(&staff, id, "note", "LIVE-NOTIZ").await;
    let [_, reply, note] = message_ids(&app).await[..] else {
        panic!("three messages")
    };

    // Without a known id: the newest the viewer may see, at once, then the end.
    let s = g.get(&format!("{link}/live")).await;
    assert_eq!(s.status, 200);
    assert!(
        s.header("content-type")
            .unwrap()
            .starts_with("text/event-stream")
    );
    assert_eq!(events(&s.body), [reply], "never the note to the guest");
    for text in ["LIVE-FRAGE", "LIVE-ANTWORT", "LIVE-NOTIZ"] {
        assert!(!s.body.contains(text), "ids only");
    }
    let s = staff.get(&format!("/beratung/{id}/live")).await;
    assert_eq!(events(&s.body), [note]);

    // Knowing the newest: nothing until something new arrives; the note is nothing new for the
    // guest.
    let s = g.get(&format!("{link}/live?after={reply}")).await;
    assert_eq!(events(&s.body), Vec::<i64>::new());
    let s = staff
        .get(&format!("/beratung/{id}/live?after={reply}"))
        .await;
    assert_eq!(events(&s.body), [note]);
    let s = g.get(&format!("{link}/live?after=kaputt")).await;
    assert_eq!(events(&s.body), [reply], "a malformed id counts as unknown");

    // A reply written while the guest's stream is open arrives in it.
    let waiting = {
        let g = g.clone();
        let path = format!("{link}/live?after={reply}");
        tokio::spawn(async move { g.get(&path).await })
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    staff_writes(&staff, id, "reply", "LIVE-NEU").await;
    let newest = *message_ids(&app).await.last().unwrap();
    let s = waiting.await.unwrap();
    assert_eq!(events(&s.body), [newest]);

    // The link alone opens no stream: back to the passphrase.
    let stranger = app.agent();
    let s = stranger.get(&format!("{link}/live")).await;
    assert_eq!(s.status, 303);
    assert_eq!(s.location(), Some(link.as_str()));
}

#[tokio::test]
async fn the_conversation_pages_point_their_message_list_at_the_stream() {
    let app = app().await;
    let staff = vn_staff(&app, "live-page").await;
    let (id, link) = open(&staff, "Seite").await;
    let g = signed_guest(&app, &link).await;
    let page = g.get(&link).await;
    assert!(
        page.contains(&format!(
            "data-live=\"{}/live?after=0\"",
            link.replace('/', "&#x2f;")
        )),
        "{}",
        page.body
    );
    guest_writes(&g, &link, "Hallo").await;
    let first = message_ids(&app).await[0];
    let page = staff.get(&format!("/beratung/{id}")).await;
    assert!(
        page.contains(&format!("/live?after={first}\"")),
        "{}",
        page.body
    );
    // Paging back in history: no live list.
    let older = staff.get(&format!("/beratung/{id}?vor={first}")).await;
    assert!(!older.contains("data-live="));
}

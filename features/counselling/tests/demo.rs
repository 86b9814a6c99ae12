//! The demo data of the benchmark (`hih demo-data --conversations N --messages M`): the asked
//! numbers, sealed bodies that the pages open, counters equal to the tables.

use hih_counselling::entities::{conversation, message};
use hih_counselling::service;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::{app, vn_staff};

#[tokio::test]
async fn demo_conversations_are_sealed_counted_and_open_on_the_pages() {
    let app = app().await;
    let staff = vn_staff(&app, "ahk-demo").await;
    let n = hih_counselling::demo::generate(app.services(), 30, 205, 7, |_, _| {})
        .await
        .unwrap();
    assert_eq!(n, 205);
    assert_eq!(app.count("counselling_conversation").await.unwrap(), 30);
    assert_eq!(app.count("counselling_message").await.unwrap(), 205);
    let to_guest = message::Entity::find()
        .filter(message::Column::AuthorKind.ne(message::NOTE))
        .count(app.db())
        .await
        .unwrap() as i64;
    let counts = service::counts(app.db()).await.unwrap();
    let counted = |kind: &str| {
        counts
            .iter()
            .filter(|c| c.2 == kind)
            .map(|c| c.3)
            .sum::<i64>()
    };
    assert_eq!(counted("conversations"), 30);
    assert_eq!(counted("messages"), to_guest);
    // Every body opens with the key; no plain text is stored.
    let all = message::Entity::find().all(app.db()).await.unwrap();
    assert!(
        all.iter()
            .all(|m| !String::from_utf8_lossy(&m.body).contains("Anerkennung"))
    );
    for c in conversation::Entity::find().all(app.db()).await.unwrap() {
        let ms: Vec<message::Model> = all
            .iter()
            .filter(|m| m.conversation_id == c.id)
            .cloned()
            .collect();
        assert!(!ms.is_empty());
        service::show(app.services(), c.id, ms).expect("every body opens");
    }
    // A Vietnamese conversation opens on the staff page with its messages.
    let vn = conversation::Entity::find()
        .filter(conversation::Column::Country.eq("VN"))
        .one(app.db())
        .await
        .unwrap()
        .expect("a conversation in Vietnam");
    let page = staff.get(&format!("/beratung/{}", vn.id)).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("class=\"message message--guest\""));
}

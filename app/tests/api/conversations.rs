//! Counselling conversations in the API (R-CNS-2, R-API-1): the inbox's views (their counts
//! against the page's in `lists.rs`), another country's conversation 404 and logged, the messages with notes and files,
//! reading marks the guest's messages read, answers and notes through the page's checks
//! (sealed at rest), closed conversations and bad input refused per field, read-only tokens
//! refused.

use hih_counselling::entities::{conversation, message};
use hih_counselling::testing::{attachment_in, conversation_in};
use hih_kernel::Role;
use hih_users::testing::{agent_for, api_token, create_user_in, login};
use poem::http::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{call, get, json, problem};
use crate::app;

#[tokio::test]
async fn staff_work_in_their_conversations_through_the_api_as_on_the_page() {
    let app = app().await;
    let (id, _) = conversation_in(&app, "VN", "Api-Kranich").await;
    let (foreign, _) = conversation_in(&app, "IN", "Api-Tiger").await;
    let file = attachment_in(&app, id).await;
    let (page_agent, user) = agent_for(&app, Role::AhkStaff, "api-ahk").await;
    let (_, token) = api_token(&app, user.id, false).await;
    let agent = app.agent();

    // The inbox: the view "offen" as on the page, with the unread count.
    let list = json(&get(&agent, "/api/v1/conversations", &token).await);
    assert_eq!(list["total"], 1, "{list}");
    assert_eq!(list["items"][0]["id"], id);
    assert_eq!(list["items"][0]["pseudonym"], "Api-Kranich");
    assert_eq!(list["items"][0]["unread"], 1);
    assert!(page_agent.get("/beratung").await.contains("Api-Kranich"));
    assert!(!page_agent.get("/beratung").await.contains("Api-Tiger"));
    let closed = json(&get(&agent, "/api/v1/conversations?ansicht=geschlossen", &token).await);
    assert_eq!(closed["total"], 0);

    // Another country's conversation: 404, logged.
    let denied = app
        .access_entries("counselling_conversation", "denied")
        .await
        .len();
    problem(
        &get(&agent, &format!("/api/v1/conversations/{foreign}"), &token).await,
        404,
        "not-found",
    );
    assert_eq!(
        app.access_entries("counselling_conversation", "denied")
            .await
            .len(),
        denied + 1
    );

    // Messages: reading the newest is a logged view and marks the guest's message read.
    let views = app
        .access_entries("counselling_conversation", "view")
        .await
        .len();
    let ms = json(
        &get(
            &agent,
            &format!("/api/v1/conversations/{id}/messages"),
            &token,
        )
        .await,
    );
    assert_eq!(ms["older"], false);
    assert_eq!(ms["items"][0]["kind"], "guest");
    assert_eq!(ms["items"][0]["attachments"][0]["id"], file);
    assert_eq!(ms["items"][0]["attachments"][0]["mime"], "image/png");
    assert_eq!(
        app.access_entries("counselling_conversation", "view")
            .await
            .len(),
        views + 1
    );
    let c = json(&get(&agent, &format!("/api/v1/conversations/{id}"), &token).await);
    assert_eq!(c["unread"], 0);
    assert_eq!(c["status"], "open");

    // The file as sent, with its sniffed type.
    let f = get(
        &agent,
        &format!("/api/v1/conversations/{id}/attachments/{file}"),
        &token,
    )
    .await;
    assert_eq!(f.status, 200);
    assert_eq!(f.header("x-content-type"), Some("image/png"));
    assert!(f.bytes.starts_with(b"\x89PNG"));
    problem(
        &get(
            &agent,
            &format!("/api/v1/conversations/{foreign}/attachments/{file}"),
            &token,
        )
        .await,
        404,
        "not-found",
    );

    // An answer and a note: 201, sealed at rest, shown in order.
    let post = |body: &'static str| {
        let agent = &agent;
        let token = &token;
        async move {
            call(
                agent,
                Method::POST,
                &format!("/api/v1/conversations/{id}/messages"),
                Some(token),
                Some(body),
            )
            .await
        }
    };
    let sent = post(r#"{"body":"Antwort über die Schnittstelle"}"#).await;
    assert_eq!(sent.status, 201, "{}", sent.body);
    assert_eq!(
        sent.header("location"),
        Some(format!("/api/v1/conversations/{id}/messages").as_str())
    );
    assert_eq!(json(&sent)["kind"], "staff");
    let note = post(r#"{"body":"Notiz über die Schnittstelle","kind":"note"}"#).await;
    assert_eq!(json(&note)["kind"], "note");
    let stored = message::Entity::find()
        .filter(message::Column::ConversationId.eq(id))
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(stored.len(), 3);
    assert!(
        stored
            .iter()
            .all(|m| !String::from_utf8_lossy(&m.body).contains("Schnittstelle")),
        "bodies are encrypted"
    );
    let ms = json(
        &get(
            &agent,
            &format!("/api/v1/conversations/{id}/messages"),
            &token,
        )
        .await,
    );
    let kinds: Vec<&str> = ms["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["guest", "staff", "note"]);
    assert_eq!(ms["items"][1]["body"], "Antwort über die Schnittstelle");
    let c = json(&get(&agent, &format!("/api/v1/conversations/{id}"), &token).await);
    assert!(c["first_response_at"].is_string(), "response time tracked");

    // Refused per field; nothing saved.
    let refused = problem(&post(r#"{"body":"  "}"#).await, 422, "validation");
    assert_eq!(refused["errors"][0]["field"], "body");
    let refused = problem(
        &post(r#"{"body":"Hallo","kind":"brief"}"#).await,
        422,
        "validation",
    );
    assert_eq!(refused["errors"][0]["field"], "kind");
    // A closed conversation takes no messages.
    let closed = conversation::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &hih_kernel::Actor::system("test"))
        .await
        .unwrap();
    hih_counselling::service::set_open(&mut uow, &closed, false)
        .await
        .unwrap();
    uow.commit().await.unwrap();
    let refused = problem(&post(r#"{"body":"Zu spät"}"#).await, 422, "validation");
    assert_eq!(refused["errors"][0]["field"], "body");
    assert_eq!(
        app.count("counselling_message").await.unwrap(),
        3,
        "nothing refused was saved"
    );

    // A read-only token reads but never writes.
    let (_, read_only) = api_token(&app, user.id, true).await;
    let p = call(
        &agent,
        Method::POST,
        &format!("/api/v1/conversations/{foreign}/messages"),
        Some(&read_only),
        Some(r#"{"body":"x"}"#),
    )
    .await;
    problem(&p, 403, "read-only-token");

    // Another country's AHK: nothing of Vietnam.
    let india = create_user_in(app.services(), Role::AhkStaff, "api-ahk-in", "AHK Indien").await;
    let in_agent = app.agent();
    login(&app, &in_agent, &india).await;
    let (_, in_token) = api_token(&app, india.id, false).await;
    let list = json(&get(&agent, "/api/v1/conversations?ansicht=alle", &in_token).await);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], foreign);
}

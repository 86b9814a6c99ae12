use chrono::Duration;
use hih_counselling::entities::{conversation, counter, guest, message};
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::{app, conversations, guest_writes, open, signed_guest, staff_writes, vn_staff};

const CANARY: &str = "KANARIENVOGEL-7f3a9c";

/// Whether the canary is anywhere in the stored data: on SQLite the database file and its
/// write-ahead log after a checkpoint, on PostgreSQL every row of the tables that could hold
/// it, as text.
pub async fn canary_stored(app: &hih_testkit::TestApp) -> bool {
    stored(app, CANARY).await
}

/// Whether `canary` is anywhere in the stored data (see [`canary_stored`]).
pub async fn stored(app: &hih_testkit::TestApp, canary: &str) -> bool {
    if hih_testkit::backend_name() == "sqlite" {
        app.db()
            .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await
            .unwrap();
        let dir = std::path::Path::new(&app.services().settings.data_dir);
        let mut found = false;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let bytes = std::fs::read(&path).unwrap();
                found |= bytes.windows(canary.len()).any(|w| w == canary.as_bytes());
            }
        }
        found
    } else {
        let mut found = false;
        for table in [
            "counselling_message",
            "counselling_attachment",
            "counselling_conversation",
            "counselling_guest",
            "audit_log",
            "access_log",
            "mail_outbox",
        ] {
            let row = app
                .db()
                .query_one_raw(sea_orm::Statement::from_string(
                    sea_orm::DatabaseBackend::Postgres,
                    format!(
                        "SELECT count(*)::bigint AS n FROM {table} t WHERE t::text LIKE '%{canary}%' OR t::text LIKE '%{}%'",
                        canary.bytes().map(|b| format!("{b:02x}")).collect::<String>()
                    ),
                ))
                .await
                .unwrap()
                .unwrap();
            found |= row.try_get::<i64>("", "n").unwrap() > 0;
        }
        found
    }
}

#[tokio::test]
async fn bodies_are_encrypted_at_rest_and_gone_after_the_guest_deletes() {
    let app = app().await;
    let staff = vn_staff(&app, "ahk-store").await;
    let (id, link) = open(&staff, "Reiher").await;
    let g = signed_guest(&app, &link).await;
    guest_writes(&g, &link, &format!("Mein Geheimnis {CANARY}")).await;
    staff_writes(&staff, id, "note", &format!("Notiz {CANARY}")).await;
    staff_writes(&staff, id, "reply", &format!("Antwort {CANARY}")).await;
    // Readable through the pages, stored encrypted with the key's id.
    assert!(g.get(&link).await.contains(CANARY));
    let stored = message::Entity::find().all(app.db()).await.unwrap();
    assert_eq!(stored.len(), 3);
    assert!(
        stored
            .iter()
            .all(|m| m.key_id == "dev" && m.nonce.len() == 12)
    );
    assert!(!canary_stored(&app).await, "plain text at rest");

    // The guest deletes: everything about them goes at once, the counters stay.
    let counts_before = hih_counselling::service::counts(app.db()).await.unwrap();
    assert!(
        g.get(&format!("{link}/loeschen"))
            .await
            .contains("Endgültig löschen")
    );
    let p = g.post(&format!("{link}/loeschen"), &[]).await;
    assert_eq!(p.status, 200);
    assert!(p.contains("wurden gelöscht"));
    assert!(conversations(&app).await.is_empty());
    assert!(
        message::Entity::find()
            .all(app.db())
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        guest::Entity::find()
            .all(app.db())
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(g.get(&link).await.status, 410);
    assert_eq!(
        staff.get(&format!("/beratung/{id}")).await.status,
        404,
        "gone for staff too"
    );
    assert!(!canary_stored(&app).await);
    let counts = hih_counselling::service::counts(app.db()).await.unwrap();
    assert_eq!(
        counts, counts_before,
        "anonymous counts unchanged by deletion"
    );
    assert!(counts.contains(&(
        "VN".into(),
        "recognition".into(),
        counter::CONVERSATIONS.into(),
        1
    )));
    assert!(counts.contains(&(
        "VN".into(),
        "recognition".into(),
        counter::MESSAGES.into(),
        2
    )));
    // The audit log names the erasure without content.
    let erased = app
        .audit_entries("counselling_conversation", "delete")
        .await;
    assert_eq!(erased.len(), 1);
    assert!(!format!("{:?}", erased[0]).contains("Reiher"));
}

#[tokio::test]
async fn closed_conversations_are_deleted_after_the_retention() {
    let app = app().await;
    let staff = vn_staff(&app, "ahk-ret").await;
    let (old, link) = open(&staff, "Alt").await;
    let g = signed_guest(&app, &link).await;
    guest_writes(&g, &link, "alte Frage").await;
    let (recent, _) = open(&staff, "Neu").await;
    let (open_one, _) = open(&staff, "Offen").await;
    for id in [old, recent] {
        staff.get(&format!("/beratung/{id}")).await;
        staff
            .post(&format!("/beratung/{id}/status"), &[("action", "close")])
            .await;
    }
    // `recent` is closed again 10 days later (by a colleague: the first session has ended).
    app.clock.advance(Duration::days(10));
    let staff = vn_staff(&app, "ahk-ret2").await;
    staff.get(&format!("/beratung/{recent}")).await;
    staff
        .post(
            &format!("/beratung/{recent}/status"),
            &[("action", "reopen")],
        )
        .await;
    staff
        .post(
            &format!("/beratung/{recent}/status"),
            &[("action", "close")],
        )
        .await;
    app.clock.advance(Duration::days(171));
    app.run_job(
        hih_counselling::jobs::RETENTION_JOB,
        serde_json::Value::Null,
    )
    .await
    .unwrap();
    let left: Vec<i64> = conversations(&app).await.iter().map(|c| c.id).collect();
    assert_eq!(left, [recent, open_one]);
    assert!(app.find::<conversation::Entity>(old).await.is_none());
    assert_eq!(g.get(&link).await.status, 410);
    let counts = hih_counselling::service::counts(app.db()).await.unwrap();
    assert!(counts.contains(&(
        "VN".into(),
        "recognition".into(),
        counter::CONVERSATIONS.into(),
        3
    )));
}

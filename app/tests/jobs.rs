//! The job system end to end: apalis workers on the application database run enqueued jobs;
//! mail goes out over SMTP with retries and the outbox records it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use hih_db::entities::{audit_log, mail_outbox};
use hih_kernel::{MailMode, Role};
use hih_testkit::{TestApp, Workers};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use secrecy::SecretString;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// A minimal SMTP server that accepts every mail and keeps its DATA.
async fn fake_smtp() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = received.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (r, mut w) = socket.into_split();
                let mut lines = BufReader::new(r).lines();
                w.write_all(b"220 localhost ESMTP test\r\n").await.ok();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(buf) = data.as_mut() {
                        if line == "." {
                            store.lock().unwrap().push(data.take().unwrap());
                            w.write_all(b"250 OK queued\r\n").await.ok();
                        } else {
                            buf.push_str(&line);
                            buf.push('\n');
                        }
                        continue;
                    }
                    let verb = line
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250-localhost\r\n250 8BITMIME\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            w.write_all(b"221 bye\r\n").await.ok();
                            break;
                        }
                        _ => b"250 OK\r\n",
                    };
                    w.write_all(reply).await.ok();
                }
            });
        }
    });
    (port, received)
}

async fn wait_for<F, Fut>(mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..100 {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

/// The outbox row of the mail to `to`.
async fn mail_to(db: &sea_orm::DatabaseConnection, to: &str) -> Option<mail_outbox::Model> {
    mail_outbox::Entity::find()
        .filter(mail_outbox::Column::ToAddr.eq(to))
        .one(db)
        .await
        .unwrap()
}

/// Asks for a password reset of `email` (queues a mail).
async fn request_reset(app: &TestApp, email: &str) {
    let agent = app.agent();
    agent
        .submit("/passwort/vergessen", &[("email", email)])
        .await;
}

async fn smtp_app(port: u16) -> TestApp {
    let mut settings = TestApp::settings();
    settings.mail.mode = MailMode::Smtp;
    settings.mail.smtp_url = Some(SecretString::from(format!("smtp://127.0.0.1:{port}")));
    TestApp::with_settings(&crate::all_features(), settings).await
}

#[tokio::test]
async fn workers_run_enqueued_jobs() {
    let app = crate::app().await;
    let workers = Workers::start(&app);
    app.services()
        .jobs
        .enqueue("users.purge-expired", serde_json::json!({}))
        .await
        .unwrap();
    let db = app.db().clone();
    let ran = wait_for(|| {
        let db = db.clone();
        async move {
            audit_log::Entity::find()
                .filter(audit_log::Column::Action.eq("purge"))
                .filter(audit_log::Column::Actor.eq("system:users.purge-expired"))
                .one(&db)
                .await
                .unwrap()
                .is_some()
        }
    })
    .await;
    workers.stop().await;
    assert!(
        ran,
        "the worker ran the job and audited it as system:users.purge-expired"
    );
    let runs = hih_jobs::recent_runs(&app.jobs, 10).await.unwrap();
    assert!(
        runs.iter()
            .any(|r| r.job.as_deref() == Some("users.purge-expired") && r.status == "Done"),
        "{runs:?}"
    );
}

#[tokio::test]
async fn mail_is_delivered_over_smtp_and_its_body_cleared() {
    let (port, received) = fake_smtp().await;
    let app = smtp_app(port).await;
    hih_users::testing::create_user(app.services(), Role::Admin, "smtp-user").await;
    let workers = Workers::start(&app);
    request_reset(&app, "smtp-user@example.org").await;
    let got = wait_for(|| {
        let received = received.clone();
        async move { !received.lock().unwrap().is_empty() }
    })
    .await;
    let db = app.db().clone();
    let sent = wait_for(|| {
        let db = db.clone();
        async move {
            mail_to(&db, "smtp-user@example.org")
                .await
                .is_some_and(|m| m.status == "sent")
        }
    })
    .await;
    workers.stop().await;
    assert!(got, "the SMTP server received the mail");
    let data = received.lock().unwrap()[0].clone();
    assert!(
        data.contains("smtp-user@example.org") && data.contains("zuruecksetzen"),
        "{data}"
    );
    assert!(sent);
    let row = mail_to(app.db(), "smtp-user@example.org").await.unwrap();
    assert!(row.body.is_empty(), "the link is not kept after delivery");
    assert!(row.sent_at.is_some());
}

#[tokio::test]
async fn failed_delivery_is_retried_and_recorded() {
    // A port where nobody listens.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let app = smtp_app(port).await;
    hih_users::testing::create_user(app.services(), Role::Admin, "retry-user").await;
    let workers = Workers::start(&app);
    request_reset(&app, "retry-user@example.org").await;
    let db = app.db().clone();
    let retried = wait_for(|| {
        let db = db.clone();
        async move {
            mail_to(&db, "retry-user@example.org")
                .await
                .is_some_and(|m| m.attempts >= 3)
        }
    })
    .await;
    workers.stop().await;
    assert!(retried, "three attempts (the queue's retries)");
    let row = mail_to(app.db(), "retry-user@example.org").await.unwrap();
    assert_eq!(row.status, "queued", "still queued for the sweep job");
    assert!(row.last_error.is_some_and(|e| e.contains("send")));
    assert!(!row.body.is_empty(), "kept until delivered");
}

#[tokio::test]
async fn purge_job_deletes_expired_sessions_and_tokens_only() {
    let app = crate::app().await;
    let user = hih_users::testing::create_user(app.services(), Role::Admin, "purge-user").await;
    let agent = app.agent();
    hih_users::testing::login(&app, &agent, &user).await;
    let fresh = app.agent();
    fresh
        .submit(
            "/passwort/vergessen",
            &[("email", "purge-user@example.org")],
        )
        .await;
    assert_eq!(app.count("user_token").await.unwrap(), 1);
    let sessions_before = app.count("session").await.unwrap();
    assert!(sessions_before >= 2);
    app.run_job("users.purge-expired", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(
        app.count("user_token").await.unwrap(),
        1,
        "nothing expired yet"
    );
    assert_eq!(app.count("session").await.unwrap(), sessions_before);
    app.clock.advance(chrono::Duration::hours(2));
    app.run_job("users.purge-expired", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(
        app.count("user_token").await.unwrap(),
        0,
        "expired reset link purged"
    );
    assert_eq!(
        app.count("session").await.unwrap(),
        0,
        "idle sessions purged"
    );
    // Running it again is harmless (idempotent).
    app.run_job("users.purge-expired", serde_json::json!({}))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_mail_whose_job_was_lost_in_a_crash_is_delivered_after_the_sweep() {
    let (port, received) = fake_smtp().await;
    let app = smtp_app(port).await;
    hih_users::testing::create_user(app.services(), Role::Admin, "lost-job").await;
    request_reset(&app, "lost-job@example.org").await;
    let row = mail_to(app.db(), "lost-job@example.org").await.unwrap();
    assert_eq!(row.status, "queued");
    // The process died between the business commit and the enqueue: no job exists.
    let table = match app.db().get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => "apalis.jobs",
        _ => "Jobs",
    };
    app.db()
        .execute_unprepared(&format!("DELETE FROM {table}"))
        .await
        .unwrap();
    // Within the grace period the sweep leaves it alone (its job may still be on the way) …
    app.run_job(hih_mail::SWEEP_JOB, serde_json::Value::Null)
        .await
        .unwrap();
    assert!(
        hih_jobs::recent_runs(&app.jobs, 10)
            .await
            .unwrap()
            .is_empty()
    );
    // … after it, the sweep enqueues the delivery again and the worker delivers.
    app.clock.advance(chrono::Duration::minutes(11));
    app.run_job(hih_mail::SWEEP_JOB, serde_json::Value::Null)
        .await
        .unwrap();
    let workers = Workers::start(&app);
    let db = app.db().clone();
    let sent = wait_for(|| {
        let db = db.clone();
        async move {
            mail_to(&db, "lost-job@example.org")
                .await
                .is_some_and(|m| m.status == "sent")
        }
    })
    .await;
    workers.stop().await;
    assert!(sent, "delivered after the sweep");
    assert_eq!(received.lock().unwrap().len(), 1, "exactly once");
}

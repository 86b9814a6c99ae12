//! kill -9 under load (issue 16, R-NFR-4, R-AUD-2): the binary serves writers and readers over
//! the API; it is killed with SIGKILL in the middle of the load. Afterwards every write it had
//! acknowledged is in the database, and every record it had shown has its access-log row — on
//! SQLite and PostgreSQL alike. Whatever is batched or deferred for speed must keep this.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hih_applicants::entities::applicant;
use hih_kernel::Role;
use hih_users::testing::{agent_for, api_token};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::app;

/// One HTTP/1.1 exchange on a fresh connection; `(status, body)` once the whole answer is
/// read, `None` if the server went away before that (not acknowledged).
async fn exchange(
    port: u16,
    method: &str,
    path: &str,
    token: &str,
    body: Option<&str>,
) -> Option<(u16, String)> {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .ok()?;
    let body = body.unwrap_or("");
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.ok()?;
    let text = String::from_utf8_lossy(&response).to_string();
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    // A complete answer only: the declared length arrived.
    let length: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().to_string())
        })
        .and_then(|v| v.parse().ok())?;
    (body.len() == length).then(|| (status, body.to_string()))
}

/// `n` written in letters (names allow no digits): 0 → "A", 27 → "Bb".
fn letters(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    out[0] = out[0].to_ascii_uppercase();
    String::from_utf8(out).unwrap()
}

/// The `id` field of a JSON answer.
fn id_of(body: &str) -> Option<i64> {
    serde_json::from_str::<serde_json::Value>(body).ok()?["id"].as_i64()
}

#[tokio::test]
async fn a_killed_server_loses_no_acknowledged_write_and_no_access_log_row() {
    let app = app().await;
    // The server runs on the real clock; the token must be valid there.
    app.clock.set(chrono::Utc::now());
    let (_, admin) = agent_for(&app, Role::Admin, "crash-admin").await;
    let (_, token) = api_token(&app, admin.id, false).await;
    let settings = &app.services().settings;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_hih"));
    cmd.env("HIH_DATA_DIR", &settings.data_dir)
        .env("RUST_LOG", "error")
        .env("HIH_RUN_WORKERS", "false")
        .env("HIH_API__RATE_LIMIT_PER_MINUTE", "1000000")
        .env_remove("HIH_CONFIG")
        .arg("serve")
        .arg("--bind")
        .arg(format!("127.0.0.1:{port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true);
    match std::env::var("HIH_TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => cmd.env("DATABASE_URL", settings.database_url()),
        _ => cmd.env_remove("DATABASE_URL"),
    };
    let mut serve = cmd.spawn().unwrap();
    let mut ready = false;
    for _ in 0..300 {
        if let Some((200, _)) = exchange(port, "GET", "/readyz", "", None).await {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(ready, "the server starts");

    // Writers create applicants; readers open the created ones. Each remembers only what the
    // server answered in full.
    let created: Arc<Mutex<Vec<(i64, String)>>> = Arc::default();
    let shown: Arc<Mutex<BTreeMap<i64, usize>>> = Arc::default();
    let mut load = Vec::new();
    for w in 0..3u64 {
        let (created, token) = (created.clone(), token.clone());
        load.push(tokio::spawn(async move {
            for i in 0u64.. {
                let last = format!("Absturz {} {}", letters(w), letters(i));
                let day = chrono::NaiveDate::from_ymd_opt(1980, 1, 1).unwrap()
                    + chrono::Duration::days((w * 5_000 + i) as i64);
                let body = format!(
                    r#"{{"last_name":"{last}","first_names":"Minh","birth_date":"{day}","country":"VN","status":"interessent"}}"#
                );
                match exchange(port, "POST", "/api/v1/applicants", &token, Some(&body)).await {
                    Some((201, answer)) => {
                        let id = id_of(&answer).expect("the created record's id");
                        created.lock().unwrap().push((id, last));
                    }
                    Some((status, answer)) => panic!("write refused: {status} {answer}"),
                    None => return,
                }
            }
        }));
    }
    for _ in 0..3 {
        let (created, shown, token) = (created.clone(), shown.clone(), token.clone());
        load.push(tokio::spawn(async move {
            for i in 0usize.. {
                let pick = {
                    let c = created.lock().unwrap();
                    (!c.is_empty()).then(|| c[i % c.len()].0)
                };
                let Some(id) = pick else {
                    tokio::time::sleep(Duration::from_millis(5)).await;
                    continue;
                };
                match exchange(
                    port,
                    "GET",
                    &format!("/api/v1/applicants/{id}"),
                    &token,
                    None,
                )
                .await
                {
                    Some((200, _)) => *shown.lock().unwrap().entry(id).or_default() += 1,
                    Some((status, answer)) => panic!("read refused: {status} {answer}"),
                    None => return,
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    serve.start_kill().unwrap(); // SIGKILL
    let _ = serve.wait().await;
    for task in load {
        task.await.unwrap();
    }

    let created = created.lock().unwrap().clone();
    let shown = shown.lock().unwrap().clone();
    assert!(
        created.len() >= 10 && shown.values().sum::<usize>() >= 10,
        "the load ran: {} writes, {} reads acknowledged",
        created.len(),
        shown.values().sum::<usize>()
    );
    for (id, last) in &created {
        let row = app.find::<applicant::Entity>(*id).await;
        assert_eq!(
            row.map(|a| a.last_name),
            Some(last.clone()),
            "acknowledged write {id} survived"
        );
    }
    let logged = app.access_entries("applicant", "view").await;
    for (id, times) in &shown {
        let of_id = logged
            .iter()
            .filter(|e| e.entity_id.as_deref() == Some(id.to_string().as_str()))
            .count();
        assert!(
            of_id >= *times,
            "applicant {id} was shown {times} times, logged {of_id} times"
        );
    }
}

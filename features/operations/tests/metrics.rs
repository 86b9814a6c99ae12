//! Tests of the operations feature's `metrics` part (R-OPS-1): `/metrics` answers 404 to
//! everyone unless the caller brings the configured bearer token or comes from a configured
//! address (also behind a trusted proxy); then it serves Prometheus text with request
//! counters and latency histograms by route pattern and the job gauges.

use hih_kernel::{Role, Settings};
use hih_testkit::TestApp;
use hih_users::testing::agent_for;
use poem::Endpoint;
use secrecy::SecretString;

use crate::features;

const TOKEN: &str = "scrape-7f3a9c1e55d24b08";

async fn app_with(f: impl FnOnce(&mut Settings)) -> TestApp {
    let mut settings = TestApp::settings();
    f(&mut settings);
    TestApp::with_settings(&features(), settings).await
}

/// `GET /metrics` with this `Authorization` header: status, content type and body.
async fn scrape(app: &TestApp, authorization: Option<&str>) -> (u16, String, String) {
    let mut builder = poem::Request::builder().uri(poem::http::Uri::from_static("/metrics"));
    if let Some(value) = authorization {
        builder = builder.header("authorization", value);
    }
    let resp = app.app.get_response(builder.finish()).await;
    let status = resp.status().as_u16();
    let content_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body = resp.into_body().into_string().await.unwrap();
    (status, content_type, body)
}

/// The value of a sample line `name{labels} value`.
fn sample(body: &str, series: &str) -> Option<f64> {
    body.lines()
        .find_map(|l| l.strip_prefix(series).and_then(|v| v.strip_prefix(' ')))
        .and_then(|v| v.trim().parse().ok())
}

#[tokio::test]
async fn without_configuration_nobody_reads_the_metrics() {
    let app = crate::app().await;
    let (status, _, body) = scrape(&app, Some("Bearer irgendwas")).await;
    assert_eq!(status, 404);
    assert!(body.contains("Die Seite oder der Datensatz wurde nicht gefunden."));
    assert!(!body.contains("hih_http_requests_total"));
    // Not even a logged-in operator: metrics are for scrapers.
    let (operator, _) = agent_for(&app, Role::SuperAdmin, "mx-op").await;
    assert_eq!(operator.get("/metrics").await.status, 404);
}

#[tokio::test]
async fn a_wrong_or_missing_token_gets_404() {
    let app = app_with(|s| s.metrics.token = Some(SecretString::from(TOKEN))).await;
    assert_eq!(scrape(&app, None).await.0, 404);
    assert_eq!(
        scrape(&app, Some("Bearer scrape-7f3a9c1e55d24b0")).await.0,
        404
    );
    assert_eq!(scrape(&app, Some(&format!("Basic {TOKEN}"))).await.0, 404);
    assert_eq!(app.agent().get("/metrics").await.status, 404);
}

#[tokio::test]
async fn the_token_reads_requests_by_route_and_job_states() {
    let app = app_with(|s| s.metrics.token = Some(SecretString::from(TOKEN))).await;
    let (admin, user) = agent_for(&app, Role::Admin, "mx-admin").await;
    let anonymous = app.agent();
    for _ in 0..3 {
        assert_eq!(anonymous.get("/login").await.status, 200);
    }
    assert_eq!(anonymous.get("/gibt-es-nicht/4711").await.status, 404);
    let detail = format!("/benutzer/{}", user.id);
    assert_eq!(admin.get(&detail).await.status, 200);
    app.services()
        .jobs
        .enqueue("mail.deliver", serde_json::json!({ "id": 1 }))
        .await
        .unwrap();

    let (status, content_type, body) = scrape(&app, Some(&format!("Bearer {TOKEN}"))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(content_type, "text/plain; version=0.0.4");
    let logins = sample(
        &body,
        "hih_http_requests_total{method=\"GET\",route=\"/login\",status=\"200\"}",
    );
    assert!(logins.is_some_and(|n| n >= 3.0), "{body}");
    // By pattern, never by raw path (ids would explode the series).
    assert!(body.contains("route=\"/benutzer/:id\""), "{body}");
    assert!(!body.contains(&format!("route=\"{detail}\"")));
    assert!(body.contains(
        "hih_http_requests_total{method=\"GET\",route=\"(unmatched)\",status=\"404\"} 1"
    ));
    assert!(body.contains("# TYPE hih_http_request_duration_seconds histogram"));
    let count = sample(
        &body,
        "hih_http_request_duration_seconds_count{method=\"GET\",route=\"/login\"}",
    );
    assert!(count.is_some_and(|n| n >= 3.0), "{body}");
    // Jobs by state, the queue, the pool, the build.
    assert_eq!(
        sample(&body, "hih_jobs{status=\"Pending\"}"),
        Some(1.0),
        "{body}"
    );
    assert_eq!(sample(&body, "hih_job_queue_depth"), Some(1.0));
    assert_eq!(sample(&body, "hih_job_workers_alive"), Some(0.0));
    assert!(sample(&body, "hih_db_pool_connections{state=\"idle\"}").is_some());
    assert!(sample(&body, "hih_db_pool_max_connections").is_some_and(|n| n >= 1.0));
    assert_eq!(sample(&body, "hih_backup_last_attempt_failed"), Some(0.0));
    assert!(
        !body.contains("hih_backup_last_success_age_seconds "),
        "no backup yet: no age"
    );
    assert!(body.contains(&format!(
        "hih_build_info{{version=\"{}\"}} 1",
        env!("CARGO_PKG_VERSION")
    )));
}

#[tokio::test]
async fn configured_addresses_read_without_a_token() {
    let app = app_with(|s| {
        s.metrics.allow_from = vec!["192.0.2.0/24".parse().unwrap()];
        s.security.trusted_proxies = vec!["10.0.0.1".parse().unwrap()];
    })
    .await;
    let prometheus = app.agent().from_address("192.0.2.10", None);
    let page = prometheus.get("/metrics").await;
    assert_eq!(page.status, 200);
    assert!(page.contains("hih_job_queue_depth"));
    // Through the trusted proxy, the forwarded client address counts.
    let proxied = app.agent().from_address("10.0.0.1", Some("192.0.2.20"));
    assert_eq!(proxied.get("/metrics").await.status, 200);
    let outsider = app.agent().from_address("10.0.0.1", Some("198.51.100.7"));
    assert_eq!(outsider.get("/metrics").await.status, 404);
    // A forged header from an untrusted peer is not believed.
    let forger = app.agent().from_address("198.51.100.7", Some("192.0.2.10"));
    assert_eq!(forger.get("/metrics").await.status, 404);
}

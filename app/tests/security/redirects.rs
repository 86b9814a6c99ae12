//! The open-redirect family (R-NFR-6): `next=` of the login (kept in the session from the
//! login page to the last step) and of the language switch may only lead to a plain local
//! path; the legitimate target is kept exactly.

use hih_kernel::Role;
use hih_testkit::{Agent, TestApp};
use hih_users::testing::{TestUser, create_user, fresh_code};

use super::enc;
use crate::app;

/// The legitimate target.
const LEGIT: &str = "/unternehmen?q=a";

/// `next` values as decoded text (percent-encoded completely when sent in a URL).
const DECODED: &[&str] = &[
    "//evil.example/",
    "/\\evil.example",
    "/\\\\evil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "/\t/evil.example",
    "/\r/evil.example",
    "/\n/evil.example",
    "/%0d/evil.example",
    "/%0a/evil.example",
    "/%09/evil.example",
    "/ /evil.example",
    "/\u{0}/evil.example",
    "/\u{7f}/evil.example",
    "\t//evil.example",
    " //evil.example",
    "///evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "http:/evil.example",
    "HTTPS://evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/ü/evil.example",
];

/// `next` values exactly as they stand in the URL's query (the query parser decodes them
/// once: `%2F%2F` becomes `//`, `%5C` a backslash, `%09` a TAB).
const RAW_QUERY: &[&str] = &[
    "//evil.example/",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "%2F%5Cevil.example",
    "/%09/evil.example",
    "%2F%09%2Fevil.example",
    "/%0d/evil.example",
    "/%0a/evil.example",
    "/%0D%0A/evil.example",
    "/%20/evil.example",
    "/%00/evil.example",
    "https:%2F%2Fevil.example",
    "javascript:alert(1)",
];

/// Why a `Location` is not a plain local path, if it is not.
fn not_local(location: Option<&str>) -> Option<String> {
    let Some(l) = location else {
        return Some("no Location header".into());
    };
    let bytes = l.as_bytes();
    if bytes.first() != Some(&b'/') {
        return Some(format!("{l:?} does not start with /"));
    }
    if matches!(bytes.get(1), Some(b'/' | b'\\')) {
        return Some(format!("{l:?}: second character / or \\"));
    }
    if l.chars().any(|c| c.is_ascii_control()) {
        return Some(format!("{l:?} holds a control character"));
    }
    if l.contains('\\') {
        return Some(format!("{l:?} holds a backslash"));
    }
    None
}

/// Logs in through the login page opened with `?next=<raw_query_value>`; returns the
/// `Location` of the last step (an empty string when the header was not visible ASCII). The
/// login page may refuse a hostile `next` (4xx), but never fails (5xx).
async fn login_with_next(app: &TestApp, user: &TestUser, raw_query_value: &str) -> Option<String> {
    let agent: Agent = app.agent();
    agent.get("/login").await;
    let login = agent.get(&format!("/login?next={raw_query_value}")).await;
    assert!(
        login.status == 200 || login.status.is_client_error(),
        "login page with next={raw_query_value}: {}",
        login.status
    );
    let p = agent
        .post(
            "/login",
            &[("username", &user.username), ("password", &user.password)],
        )
        .await;
    assert_eq!(p.location(), Some("/login/code"), "password step");
    agent.get("/login/code").await;
    let code = fresh_code(app, user).await;
    let p = agent.post("/login/code", &[("code", &code)]).await;
    assert_eq!(p.status, 303, "code step with next={raw_query_value}");
    p.location().map(str::to_string)
}

/// What the language switch answered.
enum Switch {
    /// A redirect to this `Location` (`None`: the header is missing or not visible ASCII).
    Redirect(Option<String>),
    /// Refused outright (4xx): no redirect at all.
    Refused(u16),
}

async fn language_with_next(app: &TestApp, next: &str) -> Switch {
    let agent = app.agent();
    agent.get("/login").await;
    let p = agent
        .post("/sprache", &[("lang", "en"), ("next", next)])
        .await;
    if p.status.is_client_error() {
        return Switch::Refused(p.status.as_u16());
    }
    assert_eq!(p.status, 303, "language switch with next={next:?}");
    Switch::Redirect(p.location().map(str::to_string))
}

#[tokio::test]
async fn next_leads_only_to_local_paths_after_login_and_language_switch() {
    let app = app().await;
    let user = create_user(app.services(), Role::Admin, "redirect-admin").await;
    let mut failures = Vec::new();
    let mut tried = 0;

    // Login: the legitimate target is kept exactly.
    let legit = login_with_next(&app, &user, &enc(LEGIT)).await;
    if legit.as_deref() != Some(LEGIT) {
        failures.push(format!("login next={LEGIT:?}: Location {legit:?}"));
    }
    match language_with_next(&app, LEGIT).await {
        Switch::Redirect(Some(l)) if l == LEGIT => {}
        Switch::Redirect(l) => failures.push(format!("/sprache next={LEGIT:?}: Location {l:?}")),
        Switch::Refused(s) => failures.push(format!("/sprache next={LEGIT:?}: refused with {s}")),
    }

    let mut login_cases: Vec<(String, String)> = DECODED
        .iter()
        .map(|d| (format!("{d:?} (encoded)"), enc(d)))
        .collect();
    login_cases.extend(
        RAW_QUERY
            .iter()
            .map(|r| (format!("{r} (raw in the URL)"), r.to_string())),
    );
    for (label, query_value) in &login_cases {
        tried += 1;
        let location = login_with_next(&app, &user, query_value).await;
        if let Some(why) = not_local(location.as_deref()) {
            failures.push(format!("login next={label}: {why}"));
        }
    }

    // The language switch takes `next` from the form body (decoded by the form parser).
    let mut language_cases: Vec<String> = DECODED.iter().map(|d| d.to_string()).collect();
    language_cases.extend(RAW_QUERY.iter().map(|r| r.to_string()));
    for next in &language_cases {
        tried += 1;
        if let Switch::Redirect(location) = language_with_next(&app, next).await
            && let Some(why) = not_local(location.as_deref())
        {
            failures.push(format!("/sprache next={next:?}: {why}"));
        }
    }
    assert!(tried >= 70, "all cases were tried");
    assert!(
        failures.is_empty(),
        "{} open redirects:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

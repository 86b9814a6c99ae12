//! CSRF for every registered route: a POST without a token, with an empty, a wrong or another
//! session's token (as a form and as multipart, and a wrong `X-CSRF-Token` header) is refused
//! with 403 before routing, and nothing is written.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Duration;
use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_users::testing::{agent_for, create_user};
use poem::Endpoint;
use poem::http::{Method, header};

use super::{
    applicant_with, company_with, entry_with, institution_id, match_with, month_with, scalar, uow,
};
use crate::app;
use hih_applicants::testing::{Stage, registration_in};

/// The refusal text of the CSRF check.
const CSRF_MESSAGE: &str = "Das Formular ist abgelaufen oder ungültig";

/// Operations that carry their own single-use credential in the body instead of a session
/// (`hih_web::api::PUBLIC_OPERATIONS`: the self-registration intake).
fn credential_in_body(pattern: &str) -> bool {
    hih_web::api::PUBLIC_OPERATIONS
        .iter()
        .any(|(m, p)| *m == Method::POST && *p == pattern)
}

/// Tables whose row counts must not change (every business write also adds an audit entry).
const TABLES: [&str; 35] = [
    "audit_log",
    "counselling_appointment",
    "counselling_forum_topic",
    "counselling_forum_post",
    "counselling_forum_material",
    "counselling_forum_file",
    "counselling_guest",
    "counselling_conversation",
    "counselling_message",
    "counselling_guest_session",
    "api_token",
    "mail_outbox",
    "notification",
    "company",
    "applicant",
    "contact_entry",
    "placement",
    "user_account",
    "institution",
    "reference_item",
    "text_override",
    "invitation",
    "pending_registration",
    "monthly_count",
    "partner_profile",
    "generated_file",
    "download_link",
    "user_token",
    "recovery_code",
    "password_history",
    "postcode",
    "misuse_alert",
    "backup_run",
    "ops_state",
    "audit_verification",
];

/// Real ids and tokens of the data set.
struct Ids {
    user: i64,
    api_token: i64,
    company: i64,
    applicant: i64,
    placement: i64,
    entry: i64,
    pending: i64,
    registration_token: String,
    setup_token: String,
    reset_token: String,
    link_token: String,
    conversation: i64,
    guest_token: String,
    forum_topic: i64,
    forum_material: i64,
    institution: i64,
    district: i64,
    profile: i64,
    file: i64,
    report: i64,
    mail: i64,
    notification: i64,
    alert: i64,
    job_run: String,
    items: BTreeMap<String, i64>,
}

async fn counts(app: &TestApp) -> BTreeMap<&'static str, i64> {
    let mut out = BTreeMap::new();
    for t in TABLES {
        out.insert(t, app.count(t).await.unwrap());
    }
    out
}

/// A realistic data set: a company in IHK Erfurt, an applicant in VN, a match, a contact
/// entry, users, registrations, a monthly count, partner export and report files, links.
async fn data_set(app: &TestApp) -> Ids {
    // AHK Vietnam staff receive the match's notification.
    create_user(app.services(), Role::AhkStaff, "csrf-ahk").await;
    let target = create_user(app.services(), Role::IhkStaff, "csrf-target").await;
    let company = company_with(app, "IHK Erfurt", &[("name", "Ziel GmbH")]).await;
    let (applicant, code) = applicant_with(app, &[]).await;
    let placement = match_with(app, company, &code, "Vermittelt", "").await;
    let entry = entry_with(app, Some(company), None, "Telefonat").await;
    let district = institution_id(app, "IHK Erfurt").await;
    month_with(app, district, "telefon").await;
    let (registration_token, _) = registration_in(app, "VN", Stage::Filling).await;
    let (_, pending) = registration_in(app, "VN", Stage::Submitted).await;
    // A mail in the outbox (the reset link of the target).
    let forgot = app.agent();
    forgot
        .submit(
            "/passwort/vergessen",
            &[("email", "csrf-target@example.org")],
        )
        .await;
    let mut u = uow(app.services()).await;
    let setup_token =
        hih_users::service::issue_token(&mut u, target.id, "setup", Duration::hours(72))
            .await
            .unwrap();
    let reset_token =
        hih_users::service::issue_token(&mut u, target.id, "reset", Duration::minutes(30))
            .await
            .unwrap();
    u.commit().await.unwrap();
    // A partner export profile with a finished file and a download link; a monthly report.
    let (profile, file, report, link_token) =
        super::partner_file_and_report(app, "CSRF-Profil").await;

    let mut items = BTreeMap::new();
    for kind in hih_reference::lists::KINDS {
        let id = scalar(
            app,
            &format!("SELECT MIN(id) AS n FROM reference_item WHERE kind = '{kind}'"),
        )
        .await;
        assert!(id > 0, "reference list {kind} has entries");
        items.insert(kind.to_string(), id);
    }
    // An open misuse alert: five invalid single-use links, then the scan (R-SEC-1).
    let prober = app.agent();
    for i in 0..5 {
        prober.get(&format!("/konto/einrichten/falsch-{i}")).await;
    }
    app.run_job(hih_protocol::alerts::SCAN_JOB, serde_json::json!({}))
        .await
        .unwrap();
    let alert = scalar(app, "SELECT MAX(id) AS n FROM misuse_alert").await;
    assert!(alert > 0, "a misuse alert exists");
    // A job run for the job dashboard's actions.
    app.services()
        .jobs
        .enqueue("users.purge-expired", serde_json::json!({}))
        .await
        .unwrap();
    let job_run = hih_jobs::recent_runs(&app.jobs, 1)
        .await
        .unwrap()
        .remove(0)
        .id;
    let mail = scalar(app, "SELECT MAX(id) AS n FROM mail_outbox").await;
    let notification = scalar(app, "SELECT MAX(id) AS n FROM notification").await;
    assert!(
        mail > 0 && notification > 0,
        "a mail and a notification exist"
    );
    let api_token = hih_users::testing::api_token(app, target.id, false).await.0;
    // A counselling conversation in Vietnam and its guest's link.
    let (conversation, guest_token) =
        hih_counselling::testing::conversation_in(app, "VN", "CSRF-Gast").await;
    // A topic and a material of the staff exchange.
    let forum_topic = hih_counselling::testing::forum::topic(app, "CSRF-Thema", "Beitrag").await;
    let forum_material = hih_counselling::testing::forum::material(app, "CSRF-Material", "").await;
    Ids {
        user: target.id,
        api_token,
        company,
        applicant,
        placement,
        entry,
        pending: pending.unwrap(),
        registration_token,
        setup_token,
        reset_token,
        link_token,
        conversation,
        guest_token,
        forum_topic,
        forum_material,
        institution: district,
        district,
        profile,
        file,
        report,
        mail,
        notification,
        alert,
        job_run,
        items,
    }
}

/// The values a placeholder takes: `prev_pattern` is the pattern's previous segment,
/// `prev` the concrete one (for `:kind/:id`).
fn values(pattern: &str, prev_pattern: &str, prev: &str, name: &str, ids: &Ids) -> Vec<String> {
    let one = |v: i64| vec![v.to_string()];
    let list = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match (name, prev_pattern) {
        ("token", "registrierung") => vec![ids.registration_token.clone()],
        ("token", "einrichten") => vec![ids.setup_token.clone()],
        ("token", "zuruecksetzen") => vec![ids.reset_token.clone()],
        ("token", "download") => vec![ids.link_token.clone()],
        ("token", "gast") => vec![ids.guest_token.clone()],
        ("step", _) => list(&["person", "qualifikation", "sprachen", "pruefen"]),
        ("kind", _) => list(&hih_reference::lists::KINDS),
        ("period", _) => list(&["2026-10"]),
        ("locale", "texte") => list(&["de"]),
        ("key", ":locale") => list(&["home-title"]),
        ("file", _) if pattern.contains("kreuztabelle") => {
            list(&["kreuztabelle.csv", "kreuztabelle.xlsx"])
        }
        ("file", "verteiler") => list(&["verteiler.csv", "verteiler.xlsx"]),
        ("file", _) => list(&["export.csv", "export.xlsx"]),
        ("what", _) if pattern.starts_with("/benutzer/") => {
            list(&["aktivieren", "deaktivieren", "loeschen", "zuruecksetzen"])
        }
        ("what", _) if pattern.starts_with("/monatszahlen/") => {
            list(&["abschliessen", "wieder-oeffnen"])
        }
        ("what", _) => list(&["deaktivieren", "loeschen"]),
        ("mid", _) => one(ids.placement),
        ("id", ":kind") => one(ids.items[prev]),
        ("id", "benutzer") => one(ids.user),
        ("id", "api-tokens") => one(ids.api_token),
        ("id", "unternehmen") => one(ids.company),
        ("id", "bewerber") => one(ids.applicant),
        ("id", "kontakte") => one(ids.entry),
        ("id", "beratung") => one(ids.conversation),
        ("conversation", "beratung") => one(ids.conversation),
        ("id", "austausch") => one(ids.forum_topic),
        ("id", "material") => one(ids.forum_material),
        ("id", "registrierungen") => one(ids.pending),
        ("id", "institutionen") => one(ids.institution),
        ("id", "bezirke" | "monatszahlen") => one(ids.district),
        ("id", "partnerexporte") => one(ids.profile),
        ("id", "dateien") => one(ids.file),
        ("id", "berichte") => one(ids.report),
        ("id", "postausgang") => one(ids.mail),
        ("id", "benachrichtigungen") => one(ids.notification),
        // The log viewer's entries (read-only pages): the first audit and access-log entry.
        ("seq", "aenderungen") | ("id", "zugriffe") => one(1),
        ("id", "auffaelligkeiten") => one(ids.alert),
        ("id", "jobs") => vec![ids.job_run.clone()],
        _ => panic!("no value for :{name} after {prev_pattern:?} in {pattern}"),
    }
}

/// Every concrete path of a pattern (placeholders filled with real ids and tokens).
fn expand(pattern: &str, ids: &Ids) -> Vec<String> {
    let segs: Vec<&str> = pattern.split('/').skip(1).collect();
    let mut paths: Vec<(String, String)> = vec![(String::new(), String::new())];
    for (i, seg) in segs.iter().enumerate() {
        let prev_pattern = if i == 0 { "" } else { segs[i - 1] };
        let mut next = Vec::new();
        for (path, prev) in &paths {
            let options = match seg.strip_prefix(':') {
                Some(name) => values(pattern, prev_pattern, prev, name, ids),
                None => vec![seg.to_string()],
            };
            for o in options {
                next.push((format!("{path}/{o}"), o));
            }
        }
        paths = next;
    }
    paths
        .into_iter()
        .map(|(p, _)| if p.is_empty() { "/".to_string() } else { p })
        .collect()
}

/// Form fields that every form of the application would accept in some combination: if the
/// CSRF check let a request through, the handler would act on them.
const FIELDS: &[(&str, &str)] = &[
    ("action", "save"),
    ("confirm", "on"),
    ("consent", "on"),
    ("confirm_duplicate", "on"),
    ("method", "initial"),
    ("reset_password", "on"),
    ("reset_totp", "on"),
    ("lang", "en"),
    ("next", "/"),
    ("username", "csrf-target"),
    ("password", "Neues-Passwort-4711"),
    ("password_repeat", "Neues-Passwort-4711"),
    ("current_password", "Sicheres-Passwort-42"),
    ("code", "123456"),
    ("step", "code"),
    ("email", "csrf-target@example.org"),
    ("locale", "de"),
    ("key", "home-title"),
    ("value", "Geändert"),
    ("name", "CSRF GmbH"),
    ("kind", "ihk"),
    ("label_de", "CSRF"),
    ("label_en", "CSRF"),
    ("sort", "1"),
    ("active", "on"),
    ("reason", "CSRF"),
    ("remarks", "CSRF"),
    ("contact_date", "2026-10-01"),
    ("contact_type", "telefon"),
    ("topic", "beratung"),
    ("status", "vermittelt"),
    ("placed_on", "2026-10-01"),
    ("applicant_code", "HIH-VN-0001"),
    ("country", "VN"),
    ("last_name", "Fremd"),
    ("first_names", "Eva"),
    ("birth_date", "1990-01-01"),
    ("street", "Anger"),
    ("house_number", "9"),
    ("plz", "99084"),
    ("ort", "Erfurt"),
    ("industry", "C"),
    ("outreach_format", "telefon"),
    ("telefon_addressed", "3"),
    ("telefon_kmu", "1"),
    ("district", "1"),
    ("period", "2026-10"),
    ("subject", "company"),
    ("partner_category", "ba"),
    ("fields", "name"),
    ("without_consent", "pseudonym"),
    ("format", "csv"),
];

/// The form fields, after a `csrf_token` if given.
fn form_body(token: Option<&str>) -> Vec<(&str, &str)> {
    let mut all: Vec<(&str, &str)> = Vec::new();
    if let Some(t) = token {
        all.push(("csrf_token", t));
    }
    all.extend_from_slice(FIELDS);
    all
}

/// A multipart body with the fields and a small CSV file; `token` as `csrf_token` if given.
fn multipart(token: Option<&str>) -> (String, Vec<u8>) {
    let boundary = "sec-boundary-5c1e";
    let mut body = Vec::new();
    let mut text = |name: &str, value: &str| {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    };
    if let Some(t) = token {
        text("csrf_token", t);
    }
    for (k, v) in FIELDS {
        text(k, v);
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plz.csv\"\r\nContent-Type: text/csv\r\n\r\nosm_id,ort,plz,landkreis,bundesland\r\n1,Erfurt,99084,Erfurt,Thüringen\r\n--{boundary}--\r\n"
        )
        .as_bytes(),
    );
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Sends a POST with the session cookie, a body and optional extra header; returns the status
/// and the body.
async fn raw_post(
    app: &TestApp,
    cookie: &str,
    path: &str,
    content_type: &str,
    body: Vec<u8>,
    csrf_header: Option<&str>,
) -> (u16, String) {
    let mut builder = poem::Request::builder()
        .method(Method::POST)
        .uri(path.parse().unwrap())
        .header(header::COOKIE, format!("hih_session={cookie}"))
        .header(header::CONTENT_TYPE, content_type);
    if let Some(h) = csrf_header {
        builder = builder.header("x-csrf-token", h);
    }
    let resp = app.app.get_response(builder.body(body)).await;
    let status = resp.status().as_u16();
    let bytes = resp.into_body().into_vec().await.unwrap_or_default();
    (status, String::from_utf8_lossy(&bytes).to_string())
}

#[tokio::test]
async fn every_route_refuses_posts_without_a_valid_token_and_writes_nothing() {
    let app = app().await;
    let ids = data_set(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "csrf-admin").await;
    assert_eq!(admin.get("/").await.status, 200);
    let cookie = admin.session_cookie().expect("admin session");
    let own_token = admin.csrf().expect("admin's token");
    let stranger = app.agent();
    stranger.get("/login").await;
    let foreign = stranger.csrf().expect("stranger's token");
    assert_ne!(foreign, own_token);
    let anonymous = app.agent();
    anonymous.get("/login").await;
    let before = counts(&app).await;

    let urlencoded = "application/x-www-form-urlencoded";
    let encode = |fields: &[(&str, &str)]| {
        fields
            .iter()
            .map(|(k, v)| format!("{}={}", super::enc(k), super::enc(v)))
            .collect::<Vec<_>>()
            .join("&")
            .into_bytes()
    };

    let mut failures = Vec::new();
    let mut tested_patterns = BTreeSet::new();
    let mut requests = 0;
    for (pattern, _) in &app.state.routes {
        if credential_in_body(pattern) {
            // No cookie authenticates these: they run as an anonymous caller whatever the
            // browser sends, so a forged cross-site POST gains nothing. They must still write
            // nothing without their own credential (checked by the counts below).
            for p in [
                admin.post_raw(pattern, &form_body(None)).await,
                anonymous.post_raw(pattern, &form_body(None)).await,
            ] {
                requests += 11;
                if p.status.is_success() || p.status.is_server_error() {
                    failures.push(format!(
                        "POST {pattern} (own credential missing): {}",
                        p.status
                    ));
                }
            }
            tested_patterns.insert(pattern.clone());
            continue;
        }
        let paths = expand(pattern, &ids);
        assert!(!paths.is_empty(), "{pattern}");
        for path in paths {
            let mut answers: Vec<(&str, u16, String)> = Vec::new();
            let p = admin.post_raw(&path, &form_body(None)).await;
            answers.push(("no token", p.status.as_u16(), p.body));
            for (label, token) in [
                ("empty token", ""),
                ("garbage token", "falsch-0123456789abcdef"),
                ("token of another session", foreign.as_str()),
            ] {
                let p = admin.post_raw(&path, &form_body(Some(token))).await;
                answers.push((label, p.status.as_u16(), p.body));
            }
            for (label, token) in [
                ("multipart without token", None),
                ("multipart garbage token", Some("falsch")),
                ("multipart foreign token", Some(foreign.as_str())),
            ] {
                let (ct, body) = multipart(token);
                let (status, text) = raw_post(&app, &cookie, &path, &ct, body, None).await;
                answers.push((label, status, text));
            }
            let (status, text) = raw_post(
                &app,
                &cookie,
                &path,
                urlencoded,
                encode(&form_body(None)),
                Some("falsch"),
            )
            .await;
            answers.push(("garbage X-CSRF-Token header", status, text));
            let (status, text) = raw_post(
                &app,
                &cookie,
                &path,
                urlencoded,
                encode(&form_body(None)),
                Some(&foreign),
            )
            .await;
            answers.push(("foreign X-CSRF-Token header", status, text));
            let p = anonymous.post_raw(&path, &form_body(None)).await;
            answers.push(("anonymous without token", p.status.as_u16(), p.body));
            let p = anonymous.post_raw(&path, &form_body(Some(&foreign))).await;
            answers.push(("anonymous with foreign token", p.status.as_u16(), p.body));
            for (label, status, body) in answers {
                requests += 1;
                if status != 403 || !body.contains(CSRF_MESSAGE) {
                    failures.push(format!("POST {path} ({label}): {status}"));
                }
            }
        }
        tested_patterns.insert(pattern.clone());
    }
    assert!(
        failures.is_empty(),
        "{} POSTs not refused by the CSRF check:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(
        tested_patterns.len(),
        app.state.routes.len(),
        "every registered route pattern was tested"
    );
    assert!(app.state.routes.len() >= 100, "the route list is complete");
    assert!(requests >= 11 * app.state.routes.len());

    // The platform's own POST route as well.
    let p = admin
        .post_raw("/sprache", &[("lang", "en"), ("next", "/")])
        .await;
    assert_eq!(p.status, 403, "/sprache without token");
    let p = admin
        .post_raw(
            "/sprache",
            &[("csrf_token", &foreign), ("lang", "en"), ("next", "/")],
        )
        .await;
    assert_eq!(p.status, 403, "/sprache with a foreign token");

    let after = counts(&app).await;
    assert_eq!(before, after, "refused requests wrote nothing");
    // Still logged in, same session, German; the own token works (the refusals were about the
    // token, not about the session).
    assert_eq!(admin.session_cookie().as_deref(), Some(cookie.as_str()));
    let home = admin.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.contains("lang=\"de\""));
    let ok = admin
        .post_raw(
            "/sprache",
            &[("csrf_token", &own_token), ("lang", "en"), ("next", "/")],
        )
        .await;
    assert_eq!(ok.status, 303);
    assert_eq!(ok.location(), Some("/"));
    assert!(admin.get("/").await.contains("lang=\"en\""));
}

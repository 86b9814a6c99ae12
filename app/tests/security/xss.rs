//! Stored and reflected XSS: a payload that breaks out of text, attributes and templates is
//! written into every free-text field an admin, a guest or staff can fill in (through the web
//! forms), then the whole application is crawled as admin. Every page renders it escaped.

use std::collections::{BTreeSet, HashMap, VecDeque};

use hih_kernel::Role;
use hih_testkit::{Agent, Page, TestApp};
use hih_users::testing::agent_for;

use super::{enc, institution_id, review_and_save, uow};
use crate::app;
use hih_applicants::testing::{Stage, registration_in};

/// Breaks out of text, of double- and single-quoted attributes, and of a template.
const P: &str = r#"<script>alert("x1")</script>"'><img src=x onerror=alert(1)>{{7*7}}{% raw %}"#;
/// For Fluent texts (no braces: a placeable would make the text invalid).
const P_TEXT: &str = r#"<script>alert("x1")</script>"'><img src=x onerror=alert(1)>"#;
/// For fields without whitespace (the website) — also a `javascript:` URL.
const P_URL: &str = r#"javascript:alert(1)//"'><script>alert("x1")</script>"#;
/// Names allow the apostrophe only.
const P_NAME: &str = "O'Xss";

/// How the payload looks when it was escaped (minijinja escapes `<` as `&lt;`).
const ESCAPED: &str = "&lt;script&gt;alert(";

/// Pages the crawl visits at most.
const LIMIT: usize = 400;
/// Distinct URLs (query variants) per path at most, so lists' sort and page links do not
/// crowd out the records.
const PER_PATH: usize = 3;

/// What must never appear in an HTML page.
fn raw_payload_in(body: &str) -> Vec<&'static str> {
    let lower = body.to_ascii_lowercase();
    let mut found = Vec::new();
    for (needle, what) in [
        (r#"<script>alert("x1")"#, "a raw <script> of the payload"),
        ("<img src=x onerror", "a raw <img onerror> of the payload"),
        ("alert(1)&gt;49", "{{7*7}} evaluated (escaped context)"),
        ("alert(1)>49", "{{7*7}} evaluated"),
    ] {
        if body.contains(needle) {
            found.push(what);
        }
    }
    for needle in [
        "href=\"javascript:",
        "href='javascript:",
        "src=\"javascript:",
        "action=\"javascript:",
    ] {
        if lower.contains(needle) {
            found.push("a javascript: URL in an attribute");
        }
    }
    found
}

/// Decodes the HTML entities minijinja writes (`&amp;`, `&#x2f;`, …).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(end) = tail.find(';').filter(|e| *e <= 8) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The same-site GET targets of the links in a page.
fn links(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find("href=\"") {
        rest = &rest[i + 6..];
        let Some(end) = rest.find('"') else { break };
        let href = unescape(&rest[..end]);
        rest = &rest[end..];
        let href = href.split('#').next().unwrap_or_default().to_string();
        if !href.starts_with('/') || href.starts_with("//") || href.starts_with("/static/") {
            continue;
        }
        let path = href.split('?').next().unwrap_or_default();
        if path == "/logout"
            || path.ends_with(".csv")
            || path.ends_with(".xlsx")
            || path.ends_with(".json")
        {
            continue;
        }
        out.push(href);
    }
    out
}

fn is_html(page: &Page) -> bool {
    page.header("content-type")
        .is_some_and(|c| c.starts_with("text/html"))
}

#[derive(Default)]
struct Crawl {
    /// Every URL fetched.
    visited: BTreeSet<String>,
    /// Problems per URL.
    failures: Vec<String>,
    /// Pages showing the escaped payload.
    escaped: usize,
    /// Pages showing the template part literally.
    literal_template: usize,
}

impl Crawl {
    fn check(&mut self, url: &str, page: &Page) {
        if page.status.is_server_error() {
            self.failures.push(format!("{url}: {}", page.status));
        }
        if !is_html(page) {
            return;
        }
        for what in raw_payload_in(&page.body) {
            self.failures.push(format!("{url}: {what}"));
        }
        if page.contains(ESCAPED) {
            self.escaped += 1;
        }
        if page.contains("{{7*7}}") {
            self.literal_template += 1;
        }
    }
}

/// Breadth-first over same-site links from the seeds, GET only, at most `LIMIT` pages.
async fn crawl(agent: &Agent, seeds: &[String]) -> Crawl {
    let mut report = Crawl::default();
    let mut queue: VecDeque<String> = VecDeque::new();
    let mut queued: BTreeSet<String> = BTreeSet::new();
    let mut per_path: HashMap<String, usize> = HashMap::new();
    let mut push =
        |url: String, queue: &mut VecDeque<String>, queued: &mut BTreeSet<String>, seed: bool| {
            let path = url.split('?').next().unwrap_or_default().to_string();
            let n = per_path.entry(path).or_default();
            if queued.contains(&url) || (!seed && *n >= PER_PATH) {
                return;
            }
            // Seeds (the reflected payloads) do not use up a path's share.
            if !seed {
                *n += 1;
            }
            queued.insert(url.clone());
            queue.push_back(url);
        };
    for s in seeds {
        push(s.clone(), &mut queue, &mut queued, true);
    }
    while let Some(url) = queue.pop_front() {
        if report.visited.len() >= LIMIT {
            break;
        }
        let page = agent.get(&url).await;
        report.visited.insert(url.clone());
        report.check(&url, &page);
        if page.status.is_redirection() {
            if let Some(loc) = page.location()
                && loc.starts_with('/')
                && !loc.starts_with("//")
                && !loc.starts_with("/logout")
            {
                push(loc.to_string(), &mut queue, &mut queued, false);
            }
            continue;
        }
        if is_html(&page) {
            for l in links(&page.body) {
                push(l, &mut queue, &mut queued, false);
            }
        }
    }
    report
}

/// The id at the end of a `Location` like `/unternehmen/7`.
fn id_in(page: &Page) -> i64 {
    page.location()
        .and_then(|l| l.rsplit('/').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("an id in {:?}", page.location()))
}

/// Writes the payload everywhere through the web forms; returns the pages that must show it
/// (escaped).
async fn write_payloads(app: &TestApp, admin: &Agent) -> Vec<String> {
    let mut must_show = Vec::new();
    let page_shows = |page: &Page, what: &str| {
        assert!(
            raw_payload_in(&page.body).is_empty(),
            "{what}: {:?}",
            raw_payload_in(&page.body)
        );
        assert!(page.contains(ESCAPED), "{what} shows the payload escaped");
    };

    // A UI text (the start page's title), through the text editor with preview.
    let p = admin
        .submit(
            "/admin/texte/de/home-title",
            &[("value", P_TEXT), ("action", "review")],
        )
        .await;
    let preview = admin.get(p.location().expect("to the preview")).await;
    page_shows(&preview, "text preview");
    let p = admin
        .post(
            "/admin/texte/de/home-title",
            &[("value", P_TEXT), ("action", "save")],
        )
        .await;
    assert_eq!(p.status, 303);
    assert_eq!(app.count("text_override").await.unwrap(), 1, "text saved");
    must_show.push("/".to_string());

    // Reference lists: an industry and an occupation named by the payload.
    for kind in ["industry", "occupation"] {
        let base = format!("/referenzdaten/listen/{kind}/neu");
        let (review, _) = review_and_save(
            admin,
            &base,
            &[
                ("code", "xss"),
                ("label_de", P),
                ("label_en", P),
                ("sort", "1"),
                ("active", "on"),
            ],
        )
        .await;
        page_shows(&review, &base);
        must_show.push(format!("/referenzdaten/listen/{kind}"));
    }

    // An institution (an IHK district) named by the payload.
    let (review, _) = review_and_save(
        admin,
        "/institutionen/neu",
        &[("name", P), ("kind", "ihk"), ("active", "on")],
    )
    .await;
    page_shows(&review, "institution review");
    let institution = institution_id(app, P).await;
    must_show.push("/institutionen".into());

    // A user account of that institution.
    let inst = institution.to_string();
    let (review, saved) = review_and_save(
        admin,
        "/benutzer/neu",
        &[
            ("salutation", "frau"),
            ("first_name", P),
            ("last_name", P),
            ("institution_id", &inst),
            ("position", P),
            ("email", "xss-user@example.org"),
            ("username", "xss-user"),
            ("phone", "+49 361 1234567"),
            ("role", "ihk_staff"),
        ],
    )
    .await;
    page_shows(&review, "user review");
    must_show.push(format!("/benutzer/{}", id_in(&saved)));

    // A company with the payload in every free-text field.
    let (review, saved) = review_and_save(
        admin,
        "/unternehmen/neu",
        &[
            ("name", P),
            ("legal_form", P),
            ("industry", "xss"),
            ("employees", "12"),
            ("website", P_URL),
            ("phone", "+49 361 555-1234"),
            ("email", "info@xss.example"),
            ("street", P),
            ("house_number", P),
            ("plz", "99084"),
            ("ort", P),
            ("contact_salutation", "herr"),
            ("contact_first_name", P),
            ("contact_last_name", P),
            ("contact_function", P),
            ("contact_phone", "+49 361 555-1235"),
            ("contact_email", "kontakt@xss.example"),
            ("status", "interessiert"),
            ("target_occupations", "xss"),
            ("open_positions", "2"),
            ("outreach_format", "telefon"),
            ("consent_storage_date", "2026-10-01"),
            ("consent_storage_version", P),
            ("consent_partners", "ba"),
            ("remarks", P),
        ],
    )
    .await;
    page_shows(&review, "company review");
    let company = id_in(&saved);
    must_show.push(format!("/unternehmen/{company}"));

    // Applicants: every free-text field (names take only the apostrophe); one dropout for
    // the dropout reason.
    let applicant_fields = |status: &'static str| {
        vec![
            ("salutation", "herr"),
            ("first_names", P_NAME),
            ("last_name", P_NAME),
            ("birth_date", "1990-05-06"),
            ("nationality", P),
            ("country", "VN"),
            ("residence", P),
            ("email", "xss-applicant@example.org"),
            ("phone", "+84 24 1234567"),
            ("status", status),
            ("dropout_reason", P),
            ("target_occupation", "xss"),
            ("qualification", P),
            ("experience_years", "3"),
            ("course_provider", P),
            ("integration_measures", P),
            ("consent_storage_date", "2026-10-01"),
            ("consent_storage_version", P),
            ("remarks", P),
            ("confirm_duplicate", "on"),
        ]
    };
    let (review, saved) =
        review_and_save(admin, "/bewerber/neu", &applicant_fields("bewerber")).await;
    page_shows(&review, "applicant review");
    let applicant = id_in(&saved);
    must_show.push(format!("/bewerber/{applicant}"));
    let (_, saved) = review_and_save(admin, "/bewerber/neu", &applicant_fields("abbrecher")).await;
    must_show.push(format!("/bewerber/{}", id_in(&saved)));
    let code = {
        app.record::<hih_applicants::entities::applicant::Entity>(applicant)
            .await
            .applicant_id
            .unwrap()
    };

    // Contact entries on the company (naming the applicant) and on the applicant.
    for (base, with_code) in [
        (format!("/unternehmen/{company}/kontakte/neu"), true),
        (format!("/bewerber/{applicant}/kontakte/neu"), false),
    ] {
        assert_eq!(admin.get(&base).await.status, 200);
        let mut f = vec![
            ("contact_date", "2026-10-15"),
            ("contact_type", "telefon"),
            ("topic", "beratung"),
            ("remarks", P),
            ("action", "save"),
        ];
        if with_code {
            f.push(("applicant_code", &code));
        }
        let p = admin.post(&base, &f).await;
        assert_eq!(
            p.location(),
            Some(base.trim_end_matches("/neu")),
            "contact entry saved: {}",
            super::error_lines(&admin.follow(p.clone()).await)
        );
        must_show.push(base.trim_end_matches("/neu").to_string());
    }
    let entry = super::scalar(app, "SELECT MAX(id) AS n FROM contact_entry").await;
    must_show.push(format!("/kontakte/{entry}"));

    // A match with the payload as its remark.
    let (review, _) = review_and_save(
        admin,
        &format!("/unternehmen/{company}/vermittlungen/neu"),
        &[
            ("applicant_code", &code),
            ("placed_on", "2026-10-20"),
            ("position", "xss"),
            ("status", "vermittelt"),
            ("remarks", P),
        ],
    )
    .await;
    page_shows(&review, "match review");
    must_show.push(format!("/unternehmen/{company}/vermittlungen"));
    must_show.push("/vermittlungen".into());

    // An invitation (its name takes the apostrophe only); the guest registers with the
    // payload (stored XSS from outside, shown to staff) and submits.
    assert_eq!(admin.get("/bewerber/einladungen/neu").await.status, 200);
    let invitation = [
        ("name", P_NAME),
        ("email", "guest@example.org"),
        ("country", "VN"),
        ("locale", "de"),
    ];
    let mut review = invitation.to_vec();
    review.push(("action", "review"));
    admin.post("/bewerber/einladungen/neu", &review).await;
    let mut save = invitation.to_vec();
    save.push(("action", "save"));
    let p = admin.post("/bewerber/einladungen/neu", &save).await;
    assert_eq!(
        p.location(),
        Some("/bewerber/einladungen/erstellt"),
        "invitation: {}",
        super::error_lines(&admin.follow(p.clone()).await)
    );
    let created = admin.get("/bewerber/einladungen/erstellt").await;
    let marker = "id=\"invitation-link\" type=\"text\" readonly value=\"";
    let start = created.body.find(marker).expect("the link") + marker.len();
    let end = created.body[start..].find('"').unwrap() + start;
    let url = unescape(&created.body[start..end]);
    let link = &url[url.find("/registrierung/").expect("a registration link")..];
    let guest = app.agent();
    assert_eq!(guest.get(link).await.status, 200);
    let p = guest.post(link, &[("consent", "on")]).await;
    assert_eq!(p.location(), Some(format!("{link}/person").as_str()));
    for (step, fields) in [
        (
            "person",
            vec![
                ("salutation", "frau"),
                ("first_names", P_NAME),
                ("last_name", P_NAME),
                ("birth_date", "1996-02-03"),
                ("nationality", P),
                ("residence", P),
                ("email", "guest@example.org"),
                ("phone", "+84 24 7654321"),
            ],
        ),
        (
            "qualifikation",
            vec![
                ("target_occupation", "xss"),
                ("qualification", P),
                ("experience_years", "2"),
            ],
        ),
        ("sprachen", vec![("german_level", "B1")]),
    ] {
        let path = format!("{link}/{step}");
        page_shows_nothing_raw(&guest.get(&path).await, &path);
        let mut f = fields;
        f.push(("action", "next"));
        let p = guest.post(&path, &f).await;
        assert!(
            p.location().is_some_and(|l| l != path),
            "step {step} accepted: {:?}",
            p.location()
        );
    }
    let review = guest.get(&format!("{link}/pruefen")).await;
    page_shows(&review, "guest's review");
    let p = guest
        .post(&format!("{link}/pruefen"), &[("action", "submit")])
        .await;
    assert_eq!(p.location(), Some("/registrierung/danke"));
    let pending = super::scalar(app, "SELECT MAX(id) AS n FROM pending_registration").await;
    must_show.push(format!("/bewerber/registrierungen/{pending}"));

    // A rejected registration with the payload as the reason.
    let (_, other) = registration_in(app, "VN", Stage::Submitted).await;
    let reject = format!("/bewerber/registrierungen/{}/ablehnen", other.unwrap());
    assert_eq!(admin.get(&reject).await.status, 200);
    let p = admin.post(&reject, &[("reason", P)]).await;
    assert_eq!(p.status, 303, "rejected: {}", super::error_lines(&p));

    // The payload's district gets a company and an entered month (statistics, monthly
    // counts and their lists name the district).
    super::company_with(app, P, &[("name", "Bezirk GmbH"), ("industry", "xss")]).await;
    super::month_with(app, institution, "telefon").await;
    must_show.push("/monatszahlen".into());
    must_show.push("/statistik".into());

    // A partner export profile named by the payload.
    {
        use hih_reports::partner::service::{self as partner, ProfileForm};
        let form = ProfileForm::from_pairs(&super::pairs(&[
            ("subject", "company"),
            ("name", P),
            ("partner_category", "ba"),
            ("fields", "name"),
            ("without_consent", "pseudonym"),
            ("format", "csv"),
        ]));
        let valid = partner::validate(app.services(), &form).await.unwrap();
        let mut u = uow(app.services()).await;
        let profile = partner::create(&mut u, valid).await.unwrap();
        u.commit().await.unwrap();
        must_show.push(format!("/partnerexporte/{}", profile.id));
    }
    must_show
}

fn page_shows_nothing_raw(page: &Page, what: &str) {
    assert_eq!(page.status, 200, "{what}");
    assert!(
        raw_payload_in(&page.body).is_empty(),
        "{what}: {:?}",
        raw_payload_in(&page.body)
    );
}

#[tokio::test]
async fn payloads_in_every_free_text_field_are_rendered_escaped_everywhere() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "xss-admin").await;
    let must_show = write_payloads(&app, &admin).await;

    // Reflected: the payload in query parameters of searches, filters, sorting and paging.
    let q = enc(P);
    let mut seeds = vec!["/".to_string()];
    for path in [
        "/suche?q=",
        "/unternehmen?q=",
        "/unternehmen?status=",
        "/unternehmen?sort=name&dir=desc&per=",
        "/unternehmen/verteiler?q=",
        "/bewerber?q=",
        "/bewerber?country=",
        "/kontakte?q=",
        "/vermittlungen?q=",
        "/benutzer?q=",
        "/benachrichtigungen?filter=",
        "/admin/texte?q=",
        "/auskunft?q=",
        "/monatszahlen?district=",
        "/statistik?from=",
        "/statistik/kreuztabelle?subject=companies&row=district&col=",
        "/referenzdaten/listen/",
    ] {
        seeds.push(format!("{path}{q}"));
    }
    let report = crawl(&admin, &seeds).await;
    eprintln!(
        "crawl: {} pages, {} with the escaped payload, {} with the template text",
        report.visited.len(),
        report.escaped,
        report.literal_template
    );
    assert!(
        report.failures.is_empty(),
        "{} problems in {} pages:\n{}",
        report.failures.len(),
        report.visited.len(),
        report.failures.join("\n")
    );
    assert!(
        report.visited.len() >= 50,
        "the crawl visited {} pages",
        report.visited.len()
    );
    assert!(
        report.escaped >= 10,
        "{} pages show the escaped payload",
        report.escaped
    );
    assert!(
        report.literal_template >= 1,
        "the template part is shown literally somewhere"
    );
    // The crawl reached the records through links, and each shows the payload escaped.
    let mut missing = Vec::new();
    for url in &must_show {
        if !report.visited.contains(url) {
            missing.push(format!("{url}: not reached by the crawl"));
        }
        let page = admin.get(url).await;
        if page.status != 200 || !page.contains(ESCAPED) || !raw_payload_in(&page.body).is_empty() {
            missing.push(format!(
                "{url}: {} escaped={} raw={:?}",
                page.status,
                page.contains(ESCAPED),
                raw_payload_in(&page.body)
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));

    // Anonymous pages with the payload in the URL.
    let anonymous = app.agent();
    for url in [
        format!("/login?next={q}"),
        format!("/login?next=%2F{q}"),
        format!("/registrierung/{q}"),
        format!("/konto/einrichten/{q}"),
        format!("/passwort/zuruecksetzen/{q}"),
        "/passwort/vergessen".to_string(),
    ] {
        let page = anonymous.get(&url).await;
        assert!(!page.status.is_server_error(), "{url}: {}", page.status);
        assert!(
            raw_payload_in(&page.body).is_empty(),
            "{url}: {:?}",
            raw_payload_in(&page.body)
        );
    }
}

//! The regression suite of the penetration test (R-NFR-8): every finding of the test is one
//! assertion here, against the assembled application.
//!
//! - `csrf_every_route`: every registered route refuses a POST without, with a wrong and with a
//!   foreign CSRF token, and nothing is written.
//! - `xss`: a script/attribute/template payload in every free-text field, then a crawl of the
//!   whole application as admin: the payload is always rendered escaped.
//! - `id_stepping`: every `:id` route stepped through every id as IHK staff, AHK staff,
//!   super_admin and dpo: no server error, no marker of a record outside the caller's scope,
//!   out-of-scope records answer 404 and are access-logged (R-ACT-2).
//! - `formulas`: every CSV/XLSX export neutralises cells that a spreadsheet reads as formulas,
//!   header cells included; CSV cells with `;` stay whole for readers that split at `;`.
//! - `redirects`: the open-redirect family in `next=` of the login and the language switch.
//! - `single_use`: recovery codes, reset links, setup links and self-registrations used by
//!   several clients at the same moment are accepted exactly once.

mod csrf_every_route;
mod formulas;
mod id_stepping;
mod redirects;
mod single_use;
mod xss;

use hih_db::UnitOfWork;
use hih_kernel::{Actor, Services};
use hih_testkit::{Agent, Page, TestApp};
use sea_orm::{ConnectionTrait, Statement};

pub(crate) use hih_companies::testing::month_with;
pub(crate) use hih_contact_history::testing::entry_with;
pub(crate) use hih_matching::testing::match_with;

/// Owned form pairs (what the services' `from_pairs` take).
pub(crate) fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Percent-encodes everything but RFC 3986 unreserved characters (for query values).
pub(crate) fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// One integer from a query (`SELECT … AS n`); 0 when the query yields NULL.
pub(crate) async fn scalar(app: &TestApp, sql: &str) -> i64 {
    let row = app
        .db()
        .query_one_raw(Statement::from_string(
            app.db().get_database_backend(),
            sql.to_string(),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<Option<i64>>("", "n").unwrap().unwrap_or(0)
}

/// The id of the institution with this name.
pub(crate) async fn institution_id(app: &TestApp, name: &str) -> i64 {
    hih_users::testing::institution_id(app, name).await
}

/// A unit of work of the system actor `test`.
pub(crate) async fn uow(services: &Services) -> UnitOfWork {
    UnitOfWork::begin(services, &Actor::system("test"))
        .await
        .unwrap()
}

/// The lines of a page that mention an error (for failure messages).
pub(crate) fn error_lines(page: &Page) -> String {
    page.body
        .lines()
        .filter(|l| l.contains("error") || l.contains("kern-alert"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The form flow with a review page: GET the form, POST `action=review` (must lead to
/// `<base>/pruefen`), GET the review page, POST `action=save`. Returns the review page and
/// the answer of the save.
pub(crate) async fn review_and_save(
    agent: &Agent,
    base: &str,
    fields: &[(&str, &str)],
) -> (Page, Page) {
    let form = agent.get(base).await;
    assert_eq!(form.status, 200, "GET {base}");
    let mut review_fields = fields.to_vec();
    review_fields.push(("action", "review"));
    let answer = agent.post(base, &review_fields).await;
    let review_path = format!("{base}/pruefen");
    if answer.location() != Some(review_path.as_str()) {
        let back = agent.follow(answer.clone()).await;
        panic!(
            "review of {base} refused: {} {:?}\n{}",
            answer.status,
            answer.location(),
            error_lines(&back)
        );
    }
    let review = agent.get(&review_path).await;
    assert_eq!(review.status, 200, "GET {review_path}");
    let mut save_fields = fields.to_vec();
    save_fields.push(("action", "save"));
    let saved = agent.post(base, &save_fields).await;
    assert_eq!(saved.status, 303, "save of {base}: {}", error_lines(&saved));
    (review, saved)
}

/// A company of the IHK district `ihk` with the given form fields on top of valid defaults
/// (saved through the service, as the confirmed form would).
pub(crate) async fn company_with(app: &TestApp, ihk: &str, fields: &[(&str, &str)]) -> i64 {
    use hih_companies::service as cs;
    let district = institution_id(app, ihk).await;
    let mut all = vec![
        ("name", "Muster GmbH"),
        ("street", "Anger"),
        ("house_number", "1"),
        ("plz", "99084"),
        ("ort", "Erfurt"),
        ("industry", "C"),
        ("status", "interessiert"),
        ("outreach_format", "telefon"),
    ];
    for (k, _) in fields {
        all.retain(|(name, _)| name != k);
    }
    all.extend_from_slice(fields);
    let form = cs::CompanyForm::from_pairs(&pairs(&all));
    let valid = cs::validate(app.services(), &form, Some(district), None)
        .await
        .map_err(|e| e.0)
        .unwrap();
    let mut uow = uow(app.services()).await;
    let c = cs::create(&mut uow, valid).await.unwrap();
    uow.commit().await.unwrap();
    c.id
}

/// An applicant with the given form fields on top of valid defaults (registered in VN);
/// returns its id and its Bewerberkennung.
pub(crate) async fn applicant_with(app: &TestApp, fields: &[(&str, &str)]) -> (i64, String) {
    use hih_applicants::service;
    let mut all = vec![
        ("last_name", "Nguyễn"),
        ("first_names", "Anh"),
        ("birth_date", "1995-03-04"),
        ("country", "VN"),
        ("status", "bewerber"),
    ];
    for (k, _) in fields {
        all.retain(|(name, _)| name != k);
    }
    all.extend_from_slice(fields);
    let form = service::ApplicantForm::from_pairs(&pairs(&all));
    let valid = service::validate(app.services(), &form, None)
        .await
        .unwrap();
    let mut uow = uow(app.services()).await;
    let a = service::create(&mut uow, valid).await.unwrap();
    uow.commit().await.unwrap();
    (a.id, a.applicant_id.unwrap_or_default())
}

/// A reference-list entry (`kind`, `code`) with the same label in both languages.
pub(crate) async fn reference_item(app: &TestApp, kind: &str, code: &str, label: &str) {
    use hih_reference::lists::{self, ItemForm};
    let form = ItemForm {
        code: code.into(),
        label_de: label.into(),
        label_en: label.into(),
        sort: "1".into(),
        active: Some("on".into()),
    };
    lists::validate_item(app.services(), kind, &form, None)
        .await
        .unwrap();
    let mut uow = uow(app.services()).await;
    lists::save_item(&mut uow, kind, &form, None).await.unwrap();
    uow.commit().await.unwrap();
}

/// A finished partner file (company names, profile `name`) with a download link, and a
/// finished October report: `(profile id, file id, report id, link token)`.
pub(crate) async fn partner_file_and_report(app: &TestApp, name: &str) -> (i64, i64, i64, String) {
    use hih_reports::partner::service::{self as partner, EXPORT_JOB, ProfileForm};
    use hih_reports::periodic::jobs::{self as periodic, GENERATE_JOB};
    use hih_reports::periodic::period::ReportPeriod;
    let form = ProfileForm::from_pairs(&pairs(&[
        ("subject", "company"),
        ("name", name),
        ("partner_category", "ba"),
        ("fields", "name"),
        ("without_consent", "pseudonym"),
        ("format", "csv"),
    ]));
    let valid = partner::validate(app.services(), &form).await.unwrap();
    let mut u = uow(app.services()).await;
    let profile = partner::create(&mut u, valid).await.unwrap();
    let file = partner::request_file(&mut u, &profile, None).await.unwrap();
    let october = ReportPeriod {
        from: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
    };
    let report = periodic::request(&mut u, october).await.unwrap();
    u.commit().await.unwrap();
    app.run_job(EXPORT_JOB, serde_json::json!({ "file_id": file.id }))
        .await
        .unwrap();
    app.run_job(GENERATE_JOB, serde_json::json!({ "file_id": report.id }))
        .await
        .unwrap();
    let done = hih_reports::files::find(app.services(), file.id)
        .await
        .unwrap()
        .unwrap();
    let mut u = uow(app.services()).await;
    let (_, token) = partner::create_link(&mut u, &done, None).await.unwrap();
    u.commit().await.unwrap();
    (profile.id, file.id, report.id, token)
}

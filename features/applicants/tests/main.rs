//! Integration tests of the applicants feature: the ID generator under concurrency, scoping,
//! plausibility, duplicates, search, exports, deactivation, retention, demo data.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod applicants;
mod id;
mod lifecycle;
mod opened;
mod registration;

use hih_applicants::service::{self, ApplicantForm};
use hih_kernel::Actor;
use hih_testkit::{Agent, TestApp};

/// The features these tests need.
pub async fn app() -> TestApp {
    TestApp::on_base(hih_app::features(), &["applicants"]).await
}

/// A complete, plausible applicant form (Vietnamese by default).
pub fn form<'a>(first: &'a str, last: &'a str, country: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("salutation", "frau"),
        ("first_names", first),
        ("last_name", last),
        ("birth_date", "1998-04-12"),
        ("nationality", "vietnamesisch"),
        ("country", country),
        ("residence", "Hà Nội"),
        ("email", "huong@example.org"),
        ("phone", "+84 24 3826 1234"),
        ("status", "bewerber"),
        ("target_occupation", "koch"),
        ("qualification", "Ausbildung als Köchin"),
        ("experience_years", "4"),
        ("german_level", "B1"),
        ("course_start", "2026-01-10"),
        ("course_end", "2026-06-30"),
        ("visa_applied", "2026-07-01"),
        ("visa_granted", "2026-08-15"),
        ("visa_result", "erteilt"),
        ("consent_storage_date", "2026-01-05"),
        ("consent_storage_version", "v2"),
        ("consent_partners", "sprachkurs"),
        ("remarks", "Kontakt über Jobmesse Hà Nội"),
    ]
}

/// The form as the service takes it.
pub fn parsed(fields: &[(&str, &str)]) -> ApplicantForm {
    let pairs: Vec<(String, String)> = fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    ApplicantForm::from_pairs(&pairs)
}

/// Creates an applicant directly through the service (as a job would); returns the record.
pub async fn insert(
    app: &TestApp,
    fields: &[(&str, &str)],
) -> hih_applicants::entities::applicant::Model {
    let valid = service::validate(app.services(), &parsed(fields), None)
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let a = service::create(&mut uow, valid).await.unwrap();
    uow.commit().await.unwrap();
    a
}

/// Creates an applicant through the UI (review, then save); returns its id or the page that
/// answered instead of the saved record.
pub async fn create(agent: &Agent, fields: &[(&str, &str)]) -> Result<i64, hih_testkit::Page> {
    agent.get("/bewerber/neu").await;
    let mut review = fields.to_vec();
    review.push(("action", "review"));
    let p = agent.post("/bewerber/neu", &review).await;
    if p.location() != Some("/bewerber/neu/pruefen") {
        return Err(agent.follow(p).await);
    }
    agent.get("/bewerber/neu/pruefen").await;
    let mut save = fields.to_vec();
    save.push(("action", "save"));
    let p = agent.post("/bewerber/neu", &save).await;
    match p.location() {
        Some(l) if l.starts_with("/bewerber/") && !l.ends_with("pruefen") => {
            Ok(l.trim_start_matches("/bewerber/").parse().expect("id"))
        }
        _ => Err(agent.follow(p).await),
    }
}

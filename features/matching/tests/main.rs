//! Integration tests of the matching feature: the access a match opens and closes, the checks
//! of the typed ID, notifications, and that AHK staff see a company's name only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod matching;

use hih_testkit::{Agent, TestApp};

/// The features these tests need.
pub async fn app() -> TestApp {
    TestApp::on_base(
        hih_app::features(),
        &["companies", "applicants", "matching"],
    )
    .await
}

pub use hih_matching::testing::{applicant_in, company_in};

/// Deactivates an applicant.
pub async fn deactivate(app: &TestApp, id: i64) {
    hih_testkit::deactivate::<hih_applicants::entities::applicant::Entity>(app, id).await;
}

/// Enters a match through the pages (form, confirmation, save). `Ok` with the redirect
/// target, or the form page with its messages.
pub async fn enter_match(
    agent: &Agent,
    company: i64,
    code: &str,
) -> Result<String, hih_testkit::Page> {
    let base = format!("/unternehmen/{company}/vermittlungen/neu");
    agent.get(&base).await;
    let fields = [
        ("applicant_code", code),
        ("placed_on", "2026-11-02"),
        ("position", ""),
        ("status", "vermittelt"),
        ("remarks", "Vorstellungsgespräch gut verlaufen"),
    ];
    let mut review = fields.to_vec();
    review.push(("action", "review"));
    let p = agent.post(&base, &review).await;
    if p.location() != Some(format!("{base}/pruefen").as_str()) {
        return Err(agent.follow(p).await);
    }
    let confirm = agent.get(&format!("{base}/pruefen")).await;
    assert_eq!(confirm.status, 200);
    let mut save = fields.to_vec();
    save.push(("action", "save"));
    let p = agent.post(&base, &save).await;
    match p.location() {
        Some(l) if l.ends_with("/vermittlungen") => Ok(l.to_string()),
        _ => Err(agent.follow(p).await),
    }
}

//! The shared tests of every create/edit flow (`hih_web::flow`). A feature that registers a
//! flow contributes one [`FlowFixture`] (in its `testing::flows` module); [`check_all`] runs the
//! same checks on every flow the app registered and fails for a flow without fixture, so a new
//! flow gets these tests by registering:
//!
//! - POST-redirect-GET: every submission answers 303, also a refused one, whose errors the
//!   next GET of the form shows (422);
//! - review before saving: "review" saves nothing and shows the values on the review page with
//!   a save button; only "save" writes (the audit log grows);
//! - back keeps the draft: "back to the form" and a fresh GET show the typed values;
//! - cancel asks: "cancel" saves nothing and leads to a confirmation page; confirming
//!   discards the draft and leaves the flow;
//! - a record outside the caller's scope answers 404 on the form, review, submit and cancel
//!   routes, and each attempt is written to the access log as `denied`.

use std::future::Future;
use std::pin::Pin;

use hih_db::entities::access_log;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::{Agent, TestApp};

/// One flow's test case, made by the feature that owns the flow.
pub struct FlowCase {
    /// A logged-in browser that may use the flow.
    pub agent: Agent,
    /// The concrete form path (`/unternehmen/7/bearbeiten`).
    pub path: String,
    /// A complete submission the flow accepts (without `action`).
    pub valid: Vec<(String, String)>,
    /// A value of `valid` the form and the review page show (a unique word).
    pub marker: String,
    /// A submission the flow refuses (without `action`).
    pub invalid: Vec<(String, String)>,
    /// The form path of a record outside the agent's scope (`None` for flows that only create
    /// without a parent record).
    pub foreign: Option<String>,
}

/// A future making one [`FlowCase`].
pub type CaseFuture<'a> = Pin<Box<dyn Future<Output = FlowCase> + 'a>>;

/// A flow's fixture: the flow's name (as registered) and how to make its case on a fresh app.
pub struct FlowFixture {
    /// The flow's registered name.
    pub name: &'static str,
    /// Makes the case (records, a user of a role that may use the flow).
    pub case: for<'a> fn(&'a TestApp) -> CaseFuture<'a>,
}

fn pairs<'a>(fields: &'a [(String, String)], action: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut out: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    out.push(("action", action));
    out
}

async fn denied_entries(app: &TestApp) -> u64 {
    access_log::Entity::find()
        .filter(access_log::Column::Action.eq("denied"))
        .count(app.db())
        .await
        .expect("count access log")
}

async fn audit_rows(app: &TestApp) -> i64 {
    app.count("audit_log").await.expect("count audit log")
}

/// Runs every check on one flow; returns what failed (empty: all good).
pub async fn check(app: &TestApp, name: &str, case: &FlowCase) -> Vec<String> {
    let mut failures = Vec::new();
    let mut expect = |ok: bool, what: &str| {
        if !ok {
            failures.push(format!("{name} ({}): {what}", case.path));
        }
    };
    let a = &case.agent;
    let base = case.path.as_str();
    let review = format!("{base}/pruefen");
    let cancel = format!("{base}/abbrechen");

    let form = a.get(base).await;
    expect(form.status == 200, "the form answers 200");
    expect(
        !form.contains(&case.marker),
        "a fresh form does not show the marker",
    );
    expect(
        form.contains("value=\"review\""),
        "the form asks for a review before saving",
    );
    expect(
        !form.contains("value=\"save\""),
        "the form itself has no save button",
    );
    let before = audit_rows(app).await;

    // Review: nothing saved, values shown, a save button.
    let p = a.post(base, &pairs(&case.valid, "review")).await;
    expect(
        p.status == 303 && p.location() == Some(review.as_str()),
        "review redirects to the review page",
    );
    let p = a.get(&review).await;
    expect(p.status == 200, "the review page answers 200");
    expect(p.contains(&case.marker), "the review page shows the values");
    expect(
        p.contains("value=\"save\"") && p.contains("value=\"edit\""),
        "the review page offers save and back",
    );
    expect(audit_rows(app).await == before, "review saves nothing");

    // Back keeps the draft.
    let p = a.post(base, &pairs(&case.valid, "edit")).await;
    expect(
        p.status == 303 && p.location() == Some(base),
        "back redirects to the form",
    );
    let p = a.get(base).await;
    expect(
        p.status == 200 && p.contains(&case.marker),
        "back to the form keeps the input",
    );

    // Cancel asks; confirming discards.
    let p = a.post(base, &pairs(&case.valid, "cancel")).await;
    expect(
        p.status == 303 && p.location() == Some(cancel.as_str()),
        "cancel redirects to the confirmation page",
    );
    let p = a.get(&cancel).await;
    let confirm = p.body.replace("&#x2f;", "/");
    expect(
        p.status == 200 && confirm.contains(&format!("action=\"{cancel}\"")),
        "cancel asks for confirmation",
    );
    expect(
        confirm.contains(&format!("href=\"{base}\"")),
        "the confirmation page leads back to the form",
    );
    let p = a.get(base).await;
    expect(
        p.contains(&case.marker),
        "declining the cancel keeps the input",
    );
    expect(audit_rows(app).await == before, "cancel saves nothing");
    let p = a.post(&cancel, &[]).await;
    let left = p.location().unwrap_or_default().to_string();
    expect(
        p.status == 303 && !left.is_empty() && !left.starts_with(base),
        &format!(
            "confirming the cancel leaves the flow (got {} to {left:?})",
            p.status
        ),
    );
    if !left.is_empty() {
        expect(
            a.get(&left).await.status == 200,
            "the page after cancelling opens",
        );
    }
    let p = a.get(base).await;
    expect(
        !p.contains(&case.marker),
        "confirming the cancel discards the input",
    );
    let p = a.get(&review).await;
    expect(
        p.status == 303 && p.location() == Some(base),
        "without a draft the review page leads to the form",
    );

    // A refused submission: PRG, the errors on the next GET.
    let p = a.post(base, &pairs(&case.invalid, "review")).await;
    expect(
        p.status == 303 && p.location() == Some(base),
        "a refused submission redirects to the form",
    );
    let p = a.get(base).await;
    expect(p.status == 422, "the form shows the errors (422)");
    expect(
        p.contains("<title>Fehler: "),
        "the page title says the form came back with errors",
    );
    expect(
        p.body
            .split("aria-describedby=\"")
            .skip(1)
            .any(|v| v.split('"').next().unwrap_or_default().contains("-error-1")),
        "the error messages are linked to their field (aria-describedby)",
    );
    expect(
        audit_rows(app).await == before,
        "a refused submission saves nothing",
    );

    // Save after review.
    a.post(base, &pairs(&case.valid, "review")).await;
    let p = a.post(base, &pairs(&case.valid, "save")).await;
    let saved_to = p.location().unwrap_or_default().to_string();
    expect(p.status == 303 && !saved_to.is_empty(), "save redirects");
    expect(audit_rows(app).await > before, "save writes (audited)");
    if !saved_to.is_empty() {
        expect(
            a.get(&saved_to).await.status == 200,
            "the page after saving opens",
        );
    }
    let p = a.get(&review).await;
    expect(
        p.status == 303,
        "after saving the draft is gone (review leads to the form)",
    );

    // A record outside the caller's scope: 404 everywhere, logged.
    if let Some(foreign) = &case.foreign {
        let denied = denied_entries(app).await;
        let probes = [
            a.get(foreign).await.status,
            a.get(&format!("{foreign}/pruefen")).await.status,
            a.get(&format!("{foreign}/abbrechen")).await.status,
            a.post(foreign, &pairs(&case.valid, "save")).await.status,
            a.post(&format!("{foreign}/abbrechen"), &[]).await.status,
        ];
        expect(
            probes.iter().all(|s| *s == 404),
            &format!("a foreign record answers 404 on every route (got {probes:?})"),
        );
        expect(
            denied_entries(app).await >= denied + probes.len() as u64,
            "each attempt on a foreign record is access-logged",
        );
    }
    failures
}

/// Runs [`check`] on every flow the app registered; a registered flow without fixture and a
/// fixture without flow are failures too.
pub async fn check_all(app: &TestApp, fixtures: &[FlowFixture]) -> Vec<String> {
    let mut failures = Vec::new();
    let registered: Vec<&str> = app.state.form_flows.iter().map(|f| f.name).collect();
    for name in &registered {
        if !fixtures.iter().any(|f| f.name == *name) {
            failures.push(format!("{name}: registered flow without a test fixture"));
        }
    }
    for fixture in fixtures {
        if !registered.contains(&fixture.name) {
            failures.push(format!(
                "{}: fixture for a flow that is not registered",
                fixture.name
            ));
            continue;
        }
        let case = (fixture.case)(app).await;
        failures.extend(check(app, fixture.name, &case).await);
    }
    failures
}

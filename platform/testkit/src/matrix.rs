//! The role × route matrix (GitLab's expect_allowed / expect_disallowed pattern): for every
//! route and every caller (anonymous and each role) the expected status. A feature's tests
//! list their routes; the app's test also checks that every registered route is listed.

use poem::http::StatusCode;

use crate::{Agent, Page};

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Caller {
    /// Not logged in.
    Anonymous,
    /// A logged-in user of this role.
    Role(hih_kernel::Role),
}

/// What a caller should get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// 200.
    Ok,
    /// 303 to the login page.
    Login,
    /// 303 elsewhere (e.g. already logged in).
    Redirect,
    /// 403.
    Forbidden,
    /// 404 (out of scope).
    NotFound,
    /// 410 (used link).
    Gone,
    /// 422 (refused input, shown next to the field).
    Unprocessable,
}

impl Expect {
    /// Checks a page against the expectation.
    pub fn matches(self, page: &Page) -> bool {
        match self {
            Expect::Ok => page.status == StatusCode::OK,
            Expect::Login => {
                page.status == StatusCode::SEE_OTHER
                    && page.location().is_some_and(|l| l.starts_with("/login"))
            }
            Expect::Redirect => page.status == StatusCode::SEE_OTHER,
            Expect::Forbidden => page.status == StatusCode::FORBIDDEN,
            Expect::NotFound => page.status == StatusCode::NOT_FOUND,
            Expect::Gone => page.status == StatusCode::GONE,
            Expect::Unprocessable => page.status == StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

/// One row: a GET path and the expectation per caller.
#[derive(Debug, Clone)]
pub struct Row {
    /// Concrete path (placeholders filled).
    pub path: String,
    /// The registered pattern it exercises.
    pub pattern: String,
    /// Expectations.
    pub expect: Vec<(Caller, Expect)>,
}

/// Runs all rows with one logged-in agent per caller; returns the list of mismatches.
pub async fn check(rows: &[Row], agents: &[(Caller, Agent)]) -> Vec<String> {
    let mut failures = Vec::new();
    for row in rows {
        for (caller, expect) in &row.expect {
            let Some((_, agent)) = agents.iter().find(|(c, _)| c == caller) else {
                failures.push(format!("{}: no agent for {caller:?}", row.path));
                continue;
            };
            let page = agent.get(&row.path).await;
            if !expect.matches(&page) {
                failures.push(format!(
                    "GET {} as {caller:?}: expected {expect:?}, got {} {:?}",
                    row.path,
                    page.status,
                    page.location()
                ));
            }
        }
    }
    failures
}

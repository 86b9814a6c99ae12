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

/// A row: `anonymous` for callers without login, `roles` per role in [`hih_kernel::Role::ALL`]
/// order (super_admin, admin, ihk_staff, ahk_staff, dpo).
pub fn row(path: &str, pattern: &str, anonymous: Expect, roles: [Expect; 5]) -> Row {
    let mut expect = vec![(Caller::Anonymous, anonymous)];
    for (role, e) in hih_kernel::Role::ALL.into_iter().zip(roles) {
        expect.push((Caller::Role(role), e));
    }
    Row {
        path: path.to_string(),
        pattern: pattern.to_string(),
        expect,
    }
}

/// The same answer for anonymous callers and every role (public pages).
pub fn everyone(path: &str, pattern: &str, e: Expect) -> Row {
    row(path, pattern, e, [e; 5])
}

/// Only admins get `e`, the other roles 403.
pub fn admin_only(e: Expect) -> [Expect; 5] {
    use Expect::Forbidden;
    [Forbidden, e, Forbidden, Forbidden, Forbidden]
}

/// Account managers (super_admin, admin) get `e`, the other roles 403.
pub fn managers(e: Expect) -> [Expect; 5] {
    use Expect::Forbidden;
    [e, e, Forbidden, Forbidden, Forbidden]
}

/// Admins, IHK staff and AHK staff get `e` (in scope), the other roles 403.
pub fn staff(e: Expect) -> [Expect; 5] {
    use Expect::Forbidden;
    [Forbidden, e, e, e, Forbidden]
}

/// Admins and the dpo get `e`, the other roles 403 (logs, retention, data-subject requests).
pub fn subject(e: Expect) -> [Expect; 5] {
    use Expect::Forbidden;
    [Forbidden, e, Forbidden, Forbidden, e]
}

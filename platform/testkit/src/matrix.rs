//! The role × route matrix (GitLab's expect_allowed / expect_disallowed pattern): for every
//! route and every caller (anonymous and each role) the expected status. A feature's tests
//! list their routes; the app's test also checks that every registered route is listed.

use std::future::Future;
use std::pin::Pin;

use poem::http::StatusCode;

use crate::{Agent, Page, TestApp};

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
    /// 401 (the REST API without a token or session).
    Unauthorized,
    /// 405 (a REST API path read with a method it does not offer).
    MethodNotAllowed,
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
            Expect::Unauthorized => page.status == StatusCode::UNAUTHORIZED,
            Expect::MethodNotAllowed => page.status == StatusCode::METHOD_NOT_ALLOWED,
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

/// Admins and IHK staff get `e` (companies in their scope), the other roles 403.
pub fn companies(e: Expect) -> [Expect; 5] {
    use Expect::Forbidden;
    [Forbidden, e, e, Forbidden, Forbidden]
}

/// Admins and AHK staff get `e` (applicants in their scope), the other roles 403 (IHK staff
/// until matches open applicants to them).
pub fn applicants(e: Expect) -> [Expect; 5] {
    use Expect::Forbidden;
    [Forbidden, e, Forbidden, e, Forbidden]
}

/// Reading applicants: admins and AHK staff get `e`, IHK staff `ihk` (their scope holds only
/// matched applicants), the other roles 403.
pub fn readers(e: Expect, ihk: Expect) -> [Expect; 5] {
    use Expect::Forbidden;
    [Forbidden, e, ihk, e, Forbidden]
}

/// Everybody who works with the programme's data gets `e` (figures in their scope); the
/// operator (super_admin) and the data-protection officer (least privilege: logs, retention
/// and data-subject reports only) 403.
pub fn statistics(e: Expect) -> [Expect; 5] {
    staff(e)
}

/// A record of another IHK district: admins get `admin`, IHK staff 404 (out of scope, logged),
/// the other roles 403.
pub fn foreign_company(admin: Expect) -> [Expect; 5] {
    use Expect::{Forbidden, NotFound};
    [Forbidden, admin, NotFound, Forbidden, Forbidden]
}

/// A record outside both staff scopes (another country and no match): admins get `e`, IHK and
/// AHK staff 404, the other roles 403.
pub fn foreign_read(e: Expect) -> [Expect; 5] {
    use Expect::{Forbidden, NotFound};
    [Forbidden, e, NotFound, NotFound, Forbidden]
}

/// An applicant of another country: admins get `admin`, AHK staff 404 (out of scope, logged),
/// the other roles 403.
pub fn foreign_applicant(admin: Expect) -> [Expect; 5] {
    use Expect::{Forbidden, NotFound};
    [Forbidden, admin, Forbidden, NotFound, Forbidden]
}

/// A create/edit flow's three pages at `path` (pattern `pattern`): the form and the cancel
/// page answer `e`, the review step (no draft yet) redirects back to the form wherever `e`
/// is 200.
pub fn flow(path: &str, pattern: &str, anonymous: Expect, e: [Expect; 5]) -> [Row; 3] {
    let review = e.map(|x| if x == Expect::Ok { Expect::Redirect } else { x });
    [
        row(path, pattern, anonymous, e),
        row(
            &format!("{path}/pruefen"),
            &format!("{pattern}/pruefen"),
            anonymous,
            review,
        ),
        row(
            &format!("{path}/abbrechen"),
            &format!("{pattern}/abbrechen"),
            anonymous,
            e,
        ),
    ]
}

/// The future of a feature's matrix rows.
pub type RowsFuture<'a> = Pin<Box<dyn Future<Output = Vec<Row>> + 'a>>;

/// A feature's contribution to the role × route matrix: its name (as in the feature list) and
/// how to make its rows (creating the records they need) on the whole app.
pub struct FeatureRows {
    /// The feature's name ([`hih_kernel::Feature::name`]).
    pub feature: &'static str,
    /// Makes the rows.
    pub rows: for<'a> fn(&'a TestApp) -> RowsFuture<'a>,
}

/// What [`rows!`](crate::rows) accepts: one [`Row`] or several (e.g. a [`flow`]'s three).
pub trait IntoRows {
    /// Appends the rows to `out`.
    fn push_into(self, out: &mut Vec<Row>);
}

impl IntoRows for Row {
    fn push_into(self, out: &mut Vec<Row>) {
        out.push(self);
    }
}

impl<const N: usize> IntoRows for [Row; N] {
    fn push_into(self, out: &mut Vec<Row>) {
        out.extend(self);
    }
}

/// A list of matrix rows from [`row`]s and [`flow`]s (anything [`IntoRows`]).
#[macro_export]
macro_rules! rows {
    ($($item:expr),* $(,)?) => {{
        let mut out: Vec<$crate::matrix::Row> = Vec::new();
        $($crate::matrix::IntoRows::push_into($item, &mut out);)*
        out
    }};
}

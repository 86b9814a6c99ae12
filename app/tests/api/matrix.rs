//! The API's rows of the role × route matrix, and the check that every operation of the served
//! OpenAPI document has rows (a new operation cannot be forgotten).

use hih_companies::testing::{company_in, district_id};
use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_testkit::matrix::{
    Expect::*, Row, companies, foreign_company, foreign_read, managers, readers, row, staff,
    statistics,
};
use hih_users::testing::agent_for;

/// The rows (with a company in and outside the IHK Erfurt's district, an applicant of the AHK
/// Vietnam's country and one of India, neither matched).
pub async fn rows(app: &TestApp) -> Vec<Row> {
    let own = company_in(app, "IHK Erfurt", "Api Eigene GmbH").await;
    let foreign = company_in(app, "IHK Düsseldorf", "Api Fremde AG").await;
    let vietnam = hih_applicants::testing::prospect_in(app, "VN", "Api Nguyễn", false).await;
    let india = hih_applicants::testing::prospect_in(app, "IN", "Api Sharma", false).await;
    let erfurt = district_id(app, "IHK Erfurt").await;
    let matched = hih_matching::testing::applicant_in(app, "VN", "Api Vermittelt").await;
    let placement = hih_matching::testing::match_of(app, own, matched).await;
    let foreign_placement = hih_matching::testing::match_of(app, foreign, matched).await;
    let contact = hih_contact_history::testing::entry_with(app, Some(own), None, "Api Anruf").await;
    let duesseldorf = district_id(app, "IHK Düsseldorf").await;
    let (conversation, _) = hih_counselling::testing::conversation_in(app, "VN", "Api-VN").await;
    let (foreign_conversation, _) =
        hih_counselling::testing::conversation_in(app, "IN", "Api-IN").await;
    let file = hih_counselling::testing::attachment_in(app, conversation).await;
    let foreign_file = hih_counselling::testing::attachment_in(app, foreign_conversation).await;
    let ops = "/api/v1/*operation";
    vec![
        row(
            "/api/v1/openapi.json",
            "/api/v1/openapi.json",
            Unauthorized,
            [Ok; 5],
        ),
        row("/api/v1/docs", "/api/v1/docs", Unauthorized, managers(Ok)),
        row("/api/v1/companies", ops, Unauthorized, companies(Ok)),
        row(
            "/api/v1/companies?q=api&status=interessiert&sort=plz&dir=desc&page=1&per_page=5",
            ops,
            Unauthorized,
            companies(Ok),
        ),
        row(
            &format!("/api/v1/companies/{own}"),
            ops,
            Unauthorized,
            companies(Ok),
        ),
        row(
            &format!("/api/v1/companies/{foreign}"),
            ops,
            Unauthorized,
            foreign_company(Ok),
        ),
        row(
            "/api/v1/companies/999999",
            ops,
            Unauthorized,
            companies(NotFound),
        ),
        row("/api/v1/monthly-counts", ops, Unauthorized, companies(Ok)),
        row(
            "/api/v1/monthly-counts?status=fehlt&year=2026&sort=district&dir=asc&per_page=5",
            ops,
            Unauthorized,
            companies(Ok),
        ),
        row(
            &format!("/api/v1/monthly-counts/{erfurt}/2026-10"),
            ops,
            Unauthorized,
            companies(Ok),
        ),
        row(
            &format!("/api/v1/monthly-counts/{duesseldorf}/2026-10"),
            ops,
            Unauthorized,
            foreign_company(Ok),
        ),
        row(
            &format!("/api/v1/monthly-counts/{erfurt}/2099-01"),
            ops,
            Unauthorized,
            companies(NotFound),
        ),
        row("/api/v1/contacts", ops, Unauthorized, staff(Ok)),
        row(
            "/api/v1/contacts?q=api&type=telefon&from=2026-01-01&sort=staff&dir=asc&per_page=5",
            ops,
            Unauthorized,
            staff(Ok),
        ),
        row(
            &format!("/api/v1/contacts/{contact}"),
            ops,
            Unauthorized,
            [Forbidden, Ok, Ok, NotFound, Forbidden],
        ),
        row(
            "/api/v1/contacts/999999",
            ops,
            Unauthorized,
            staff(NotFound),
        ),
        row("/api/v1/matches", ops, Unauthorized, staff(Ok)),
        row(
            "/api/v1/matches?q=api&status=vermittelt&sort=company&dir=asc&per_page=5",
            ops,
            Unauthorized,
            staff(Ok),
        ),
        row(
            &format!("/api/v1/matches/{placement}"),
            ops,
            Unauthorized,
            staff(Ok),
        ),
        row(
            &format!("/api/v1/matches/{foreign_placement}"),
            ops,
            Unauthorized,
            [Forbidden, Ok, NotFound, Ok, Forbidden],
        ),
        row("/api/v1/matches/999999", ops, Unauthorized, staff(NotFound)),
        row(
            "/api/v1/companies/export/csv?q=api",
            ops,
            Unauthorized,
            companies(Ok),
        ),
        row(
            "/api/v1/monthly-counts/export/xlsx",
            ops,
            Unauthorized,
            companies(Ok),
        ),
        row("/api/v1/contacts/export/csv", ops, Unauthorized, staff(Ok)),
        row("/api/v1/matches/export/xlsx", ops, Unauthorized, staff(Ok)),
        row(
            "/api/v1/matches/export/pdf",
            ops,
            Unauthorized,
            staff(NotFound),
        ),
        row("/api/v1/applicants", ops, Unauthorized, readers(Ok, Ok)),
        row(
            "/api/v1/applicants?q=api&status=bewerber&occupation=koch&level=B1&sort=id&dir=desc&per_page=5",
            ops,
            Unauthorized,
            readers(Ok, Ok),
        ),
        row(
            &format!("/api/v1/applicants/{vietnam}"),
            ops,
            Unauthorized,
            readers(Ok, NotFound),
        ),
        row(
            &format!("/api/v1/applicants/{india}"),
            ops,
            Unauthorized,
            foreign_read(Ok),
        ),
        row(
            "/api/v1/applicants/999999",
            ops,
            Unauthorized,
            readers(NotFound, NotFound),
        ),
        row("/api/v1/statistics", ops, Unauthorized, statistics(Ok)),
        row(
            "/api/v1/statistics?from=2026-01&to=2026-10",
            ops,
            Unauthorized,
            statistics(Ok),
        ),
        row(
            "/api/v1/statistics?from=13.2026&to=2026-01",
            ops,
            Unauthorized,
            statistics(Unprocessable),
        ),
        row(
            "/api/v1/statistics/crosstab?subject=companies&row=district&col=industry",
            ops,
            Unauthorized,
            statistics(Ok),
        ),
        row(
            "/api/v1/statistics/crosstab?subject=placements&row=country&col=status&from=2026-01",
            ops,
            Unauthorized,
            statistics(Ok),
        ),
        row(
            "/api/v1/statistics/crosstab?subject=companies&row=district&col=district",
            ops,
            Unauthorized,
            statistics(Unprocessable),
        ),
        row(
            "/api/v1/statistics/crosstab/export/csv?subject=applicants&row=country&col=status",
            ops,
            Unauthorized,
            statistics(Ok),
        ),
        row(
            "/api/v1/statistics/crosstab/export/xlsx?subject=companies&row=size&col=status",
            ops,
            Unauthorized,
            statistics(Ok),
        ),
        row(
            "/api/v1/statistics/crosstab/export/pdf?subject=companies&row=size&col=status",
            ops,
            Unauthorized,
            statistics(NotFound),
        ),
        row("/api/v1/reference-lists", ops, Unauthorized, [Ok; 5]),
        row(
            "/api/v1/reference-lists/industry",
            ops,
            Unauthorized,
            [Ok; 5],
        ),
        row(
            "/api/v1/reference-lists/unbekannt",
            ops,
            Unauthorized,
            [NotFound; 5],
        ),
        // Only POST (public, see WRITES); a GET of the path is no operation.
        row(
            "/api/v1/registrations",
            "/api/v1/registrations",
            Unauthorized,
            [MethodNotAllowed; 5],
        ),
        row(
            "/api/v1/registrations/consent?locale=en",
            "/api/v1/registrations/consent",
            Ok,
            [Ok; 5],
        ),
        row("/api/v1/conversations", ops, Unauthorized, counsel(Ok)),
        row(
            "/api/v1/conversations?ansicht=geschlossen&page=2&per_page=5",
            ops,
            Unauthorized,
            counsel(Ok),
        ),
        row(
            &format!("/api/v1/conversations/{conversation}"),
            ops,
            Unauthorized,
            counsel(Ok),
        ),
        row(
            &format!("/api/v1/conversations/{foreign_conversation}"),
            ops,
            Unauthorized,
            [Forbidden, Ok, Forbidden, NotFound, Forbidden],
        ),
        row(
            "/api/v1/conversations/999999",
            ops,
            Unauthorized,
            counsel(NotFound),
        ),
        row(
            &format!("/api/v1/conversations/{conversation}/messages?per_page=5"),
            ops,
            Unauthorized,
            counsel(Ok),
        ),
        row(
            &format!("/api/v1/conversations/{foreign_conversation}/messages"),
            ops,
            Unauthorized,
            [Forbidden, Ok, Forbidden, NotFound, Forbidden],
        ),
        row(
            &format!("/api/v1/conversations/{conversation}/attachments/{file}"),
            ops,
            Unauthorized,
            counsel(Ok),
        ),
        row(
            &format!("/api/v1/conversations/{foreign_conversation}/attachments/{foreign_file}"),
            ops,
            Unauthorized,
            [Forbidden, Ok, Forbidden, NotFound, Forbidden],
        ),
        row(
            &format!("/api/v1/conversations/{conversation}/attachments/{foreign_file}"),
            ops,
            Unauthorized,
            counsel(NotFound),
        ),
        row("/api/v1/gibt-es-nicht", ops, Unauthorized, [NotFound; 5]),
    ]
}

/// Counselling: admins and AHK staff get `e` (the AHK Vietnam's conversations), the other
/// roles 403.
fn counsel(e: hih_testkit::matrix::Expect) -> [hih_testkit::matrix::Expect; 5] {
    [Forbidden, e, Forbidden, e, Forbidden]
}

/// Whether the operation path `template` (`/companies/{id}`) matches the concrete `path`.
fn matches(template: &str, path: &str) -> bool {
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| (t.starts_with('{') && t.ends_with('}')) || t == p)
}

/// Every operation of the served document (method, path) has matrix rows: GET operations a
/// row whose path it serves, other methods a row of their own in [`WRITES`].
#[tokio::test]
async fn every_operation_of_the_document_is_in_the_matrix() {
    let app = crate::app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "api-doc").await;
    let doc = admin.get("/api/v1/openapi.json").await;
    assert_eq!(doc.status, 200);
    let doc: serde_json::Value = serde_json::from_str(&doc.body).unwrap();
    let rows = rows(&app).await;
    let paths: Vec<String> = rows
        .iter()
        .map(|r| {
            let p = r.path.split('?').next().unwrap_or_default();
            p.strip_prefix("/api/v1").unwrap_or(p).to_string()
        })
        .collect();
    let mut missing = Vec::new();
    let mut operations = 0;
    for (template, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().unwrap().keys() {
            operations += 1;
            let covered = if method == "get" {
                paths.iter().any(|p| matches(template, p))
            } else {
                WRITES
                    .iter()
                    .any(|(m, t, _, _)| *m == method && *t == template)
            };
            if !covered {
                missing.push(format!("{} {template}", method.to_uppercase()));
            }
        }
    }
    assert!(operations >= 6, "the document lists the operations");
    assert!(
        missing.is_empty(),
        "operations without matrix rows: {missing:?}"
    );
}

/// The writing operations, who may use them (roles in `Role::ALL` order) and what an allowed
/// role gets for the body `{}` (checked by [`writes_follow_the_roles`]): the form's checks
/// (422) or the done action (200); the other roles 403. In the paths `{id}` is a fresh company
/// of the IHK Erfurt per call (for `/matches/{id}` a match of it, for `/applicants/{id}` the
/// matched applicant of Vietnam, for `/conversations/{id}` a new conversation in Vietnam), `{district}` the IHK Erfurt, `{period}` a past month.
const WRITES: [(&str, &str, [bool; 5], u16); 11] = [
    ("post", "/companies", [false, true, true, false, false], 422),
    (
        "put",
        "/companies/{id}",
        [false, true, true, false, false],
        422,
    ),
    (
        "post",
        "/companies/{id}/deactivate",
        [false, true, true, false, false],
        200,
    ),
    (
        "put",
        "/monthly-counts/{district}/{period}",
        [false, true, true, false, false],
        200,
    ),
    ("post", "/contacts", [false, true, true, true, false], 422),
    ("post", "/matches", [false, true, true, false, false], 422),
    (
        "put",
        "/matches/{id}",
        [false, true, true, false, false],
        422,
    ),
    (
        "post",
        "/applicants",
        [false, true, false, true, false],
        422,
    ),
    (
        "put",
        "/applicants/{id}",
        [false, true, false, true, false],
        422,
    ),
    (
        "post",
        "/conversations/{id}/messages",
        [false, true, false, true, false],
        422,
    ),
    // Public: the invitation token is the credential (an empty body does not fit the schema).
    ("post", "/registrations", [true; 5], 422),
];

/// Writing operations anyone may call without a token or session.
const PUBLIC_WRITES: [&str; 1] = ["/registrations"];

/// Each writing operation per role: the roles of [`WRITES`] get its answer, the others 403;
/// without a token or session 403 (the CSRF check).
#[tokio::test]
async fn writes_follow_the_roles() {
    use poem::http::Method;
    let app = crate::app().await;
    let erfurt = district_id(&app, "IHK Erfurt").await;
    for (n, (method, template, allowed, answer)) in WRITES.into_iter().enumerate() {
        let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        for (role, may) in Role::ALL.into_iter().zip(allowed) {
            let own = company_in(&app, "IHK Erfurt", &format!("Schreib {n} {role:?} GmbH")).await;
            let person = hih_matching::testing::applicant_in(
                &app,
                "VN",
                &format!("Schreib {} {role:?}", char::from(b'A' + n as u8)),
            )
            .await;
            let placement = hih_matching::testing::match_of(&app, own, person).await;
            let id = if template.starts_with("/matches/") {
                placement
            } else if template.starts_with("/conversations/") {
                hih_counselling::testing::conversation_in(&app, "VN", &format!("Schreib {n}"))
                    .await
                    .0
            } else if template.starts_with("/applicants/") {
                person
            } else {
                own
            };
            let path = format!(
                "/api/v1{}",
                template
                    .replace("{id}", &id.to_string())
                    .replace("{district}", &erfurt.to_string())
                    .replace("{period}", "2026-09")
            );
            // Without a token, an unsafe request is a session's: refused by the CSRF check
            // first, as every page's form post.
            let anonymous =
                super::call(&app.agent(), method.clone(), &path, None, Some("{}")).await;
            if PUBLIC_WRITES.contains(&template) {
                assert_eq!(anonymous.status.as_u16(), answer, "{}", anonymous.body);
            } else {
                super::problem(&anonymous, 403, "csrf");
            }
            let (_, user) = agent_for(
                &app,
                role,
                &format!("w-{}-{n}", role.code().replace('_', "-")),
            )
            .await;
            let (_, token) = hih_users::testing::api_token(&app, user.id, false).await;
            let p = super::call(
                &app.agent(),
                method.clone(),
                &path,
                Some(&token),
                Some("{}"),
            )
            .await;
            let expected = if may { answer } else { 403 };
            assert_eq!(
                p.status.as_u16(),
                expected,
                "{method} {path} as {role:?}: {}",
                p.body
            );
        }
    }
}

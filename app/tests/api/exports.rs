//! Exports through the API: the same file as the page's export for the same filter (the
//! same rows, the same columns of the role), access-logged as an export with its row count;
//! roles without the list 403, unknown formats 404.

use hih_companies::testing::company_in;
use hih_contact_history::testing::entry_with;
use hih_kernel::Role;
use hih_users::testing::{agent_for, api_token};

use super::{get, problem};
use crate::app;

#[tokio::test]
async fn api_exports_are_the_pages_exports_and_are_logged() {
    let app = app().await;
    let own = company_in(&app, "IHK Erfurt", "Export Erfurt GmbH").await;
    let foreign = company_in(&app, "IHK Düsseldorf", "Export Rhein AG").await;
    entry_with(&app, Some(own), None, "Export Anruf").await;
    entry_with(&app, Some(foreign), None, "Export Anruf fremd").await;
    let cases = [
        (
            "/unternehmen/export/export.csv?q=export",
            "/api/v1/companies/export/csv?q=export",
        ),
        (
            "/kontakte/export/export.csv?q=export",
            "/api/v1/contacts/export/csv?q=export",
        ),
        (
            "/vermittlungen/export/export.csv",
            "/api/v1/matches/export/csv",
        ),
        (
            "/monatszahlen/export/export.csv?status=fehlt",
            "/api/v1/monthly-counts/export/csv?status=fehlt",
        ),
    ];
    for role in [Role::Admin, Role::IhkStaff, Role::AhkStaff] {
        let name = format!("exp-{}", role.code().replace('_', "-"));
        let (agent, user) = agent_for(&app, role, &name).await;
        let (_, token) = api_token(&app, user.id, true).await;
        for (page, api) in cases {
            let from_page = agent.get(page).await;
            let from_api = get(&agent, api, &token).await;
            if from_page.status == 403 {
                problem(&from_api, 403, "forbidden");
                continue;
            }
            assert_eq!(from_page.status, 200, "{role:?} {page}");
            assert_eq!(from_api.status, 200, "{role:?} {api}: {}", from_api.body);
            assert_eq!(
                from_api.header("content-type"),
                Some("text/csv; charset=utf-8")
            );
            assert_eq!(
                from_api.body, from_page.body,
                "{role:?} {api}: the page's file"
            );
        }
        let exports = app.access_entries("company", "export").await;
        if role == Role::IhkStaff {
            let mine: Vec<_> = exports
                .iter()
                .filter(|e| e.actor == format!("user:{}", user.id))
                .collect();
            assert_eq!(mine.len(), 2, "page and API export: {mine:?}");
            assert!(mine.iter().all(|e| e.result_count == Some(1)), "{mine:?}");
        }
        let xlsx = get(&agent, "/api/v1/matches/export/xlsx", &token).await;
        assert_eq!(xlsx.status, 200);
        assert!(
            xlsx.header("content-type")
                .is_some_and(|c| c.contains("spreadsheetml")),
            "{:?}",
            xlsx.header("content-type")
        );
        problem(
            &get(&agent, "/api/v1/matches/export/pdf", &token).await,
            404,
            "not-found",
        );
    }
}

//! The start page's key figures (issue 17): the four programme targets within the user's
//! statistics scope — exactly the "Projektziele" of the statistics page for the same user —
//! with the target and a progress bar; nothing for roles without statistics.

use hih_kernel::Role;
use hih_testkit::Page;
use hih_users::testing::agent_for;

use crate::app;
use crate::lists::month;
use crate::security::institution_id;
use hih_applicants::testing::prospect_in;
use hih_companies::testing::company_in;
use hih_matching::testing::match_of;

/// The texts of every element whose opening tag starts with `open` (e.g. `<td>`), in order.
fn texts_after(html: &str, open: &str, close: &str) -> Vec<String> {
    html.split(open)
        .skip(1)
        .filter_map(|rest| rest.split(close).next())
        .map(|t| t.trim().to_string())
        .collect()
}

/// The actual counts of the statistics page's targets table, in row order.
fn statistics_targets(page: &Page) -> Vec<String> {
    let start = page
        .body
        .find("id=\"table-targets\"")
        .expect("targets table");
    let table = &page.body[start..];
    let table = &table[..table.find("</table>").expect("table end")];
    let body = &table[table.find("<tbody>").expect("tbody")..];
    body.split("<tr>")
        .skip(1)
        .filter_map(|row| texts_after(row, "<td>", "</td>").into_iter().next())
        .collect()
}

/// The counts of the start page's key figures ("412 von 1000" → "412"), in order.
fn start_figures(page: &Page) -> Vec<String> {
    texts_after(&page.body, "<span class=\"figure__value\">", "</span>")
        .into_iter()
        .map(|t| t.split(' ').next().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn key_figures_are_the_statistics_targets_in_every_scope() {
    let app = app().await;
    let erfurt = company_in(&app, "IHK Erfurt", "Kennzahl Werke").await;
    company_in(&app, "IHK Düsseldorf", "Kennzahl am Rhein").await;
    for (ihk, period, addressed) in [
        ("IHK Erfurt", "2026-09", 3),
        ("IHK Erfurt", "2026-10", 5),
        ("IHK Düsseldorf", "2026-10", 4),
    ] {
        month(&app, institution_id(&app, ihk).await, period, addressed).await;
    }
    let vn = prospect_in(&app, "VN", "Kennzahl", false).await;
    prospect_in(&app, "IN", "Kennziffer", false).await;
    match_of(&app, erfurt, vn).await;

    let mut seen = Vec::new();
    for role in [Role::Admin, Role::IhkStaff, Role::AhkStaff] {
        let (agent, _) =
            agent_for(&app, role, &format!("kz-{}", role.code().replace('_', "-"))).await;
        let start = agent.get("/").await;
        assert!(
            start.contains("Kennzahlen</h2>"),
            "{role:?}: {}",
            start.body
        );
        assert!(start.contains("<progress class=\"figure__bar\""));
        let figures = start_figures(&start);
        assert_eq!(figures.len(), 4, "{role:?}: {figures:?}");
        let statistics = agent.get("/statistik").await;
        assert_eq!(statistics.status, 200);
        assert_eq!(figures, statistics_targets(&statistics), "{role:?}");
        seen.push(figures);
    }
    // The scopes differ: the admin counts both districts' months, the IHK its own.
    assert_eq!(seen[0][0], "12", "admin: 3 + 5 + 4 companies addressed");
    assert_eq!(seen[1][0], "8", "IHK Erfurt: 3 + 5");
    assert_ne!(
        seen[0][2], seen[2][2],
        "AHK Vietnam counts its own applicants"
    );

    for role in [Role::Dpo, Role::SuperAdmin] {
        let (agent, _) =
            agent_for(&app, role, &format!("kz-{}", role.code().replace('_', "-"))).await;
        let start = agent.get("/").await;
        assert_eq!(start.status, 200);
        assert!(
            !start.contains("figure__value"),
            "{role:?} sees no programme figures"
        );
    }
}

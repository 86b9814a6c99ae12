//! Statistics and cross-tabs in the API against the pages, per role: the same figures in the
//! same scope (every topic's table cell by cell, the targets, a period), the same refusals with
//! the same German messages, and the cross-tab's export byte for byte the page's, logged.

use hih_companies::testing::company_in;
use hih_db::entities::access_log;
use hih_kernel::Role;
use hih_testkit::{Page, TestApp};
use hih_users::testing::{agent_for, api_token};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

use super::{get, json, problem};
use crate::app;

/// Companies in two districts, applicants of two countries, matches between them.
async fn world(app: &TestApp) {
    let erfurt = company_in(app, "IHK Erfurt", "Statistik Erfurt GmbH").await;
    company_in(app, "IHK Erfurt", "Statistik Zwei GmbH").await;
    let rhein = company_in(app, "IHK Düsseldorf", "Statistik Rhein AG").await;
    let vn = hih_matching::testing::applicant_in(app, "VN", "Statistik Nguyễn").await;
    hih_matching::testing::applicant_in(app, "VN", "Statistik Trần").await;
    let india = hih_matching::testing::applicant_in(app, "IN", "Statistik Sharma").await;
    hih_matching::testing::match_of(app, erfurt, vn).await;
    hih_matching::testing::match_of(app, rhein, india).await;
}

/// Text as the browser shows it: tags stripped, the template engine's escapes undone.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
        .trim()
        .to_string()
}

/// The cells of the table with this id, row by row (header, body and footer rows).
fn table(page: &Page, id: &str) -> Vec<Vec<String>> {
    let marker = format!("id=\"{id}\"");
    let start = page.body.find(&marker).unwrap_or_else(|| panic!("{id}"));
    let html = &page.body[start..];
    let html = &html[..html.find("</table>").unwrap()];
    let mut rows = Vec::new();
    for tr in html.split("<tr").skip(1) {
        let tr = &tr[..tr.find("</tr>").unwrap_or(tr.len())];
        let mut cells = Vec::new();
        let mut rest = tr;
        while let Some(open) = rest.find("<t") {
            let after = &rest[open + 2..];
            let cell = matches!(after.as_bytes().first(), Some(b'h' | b'd'))
                && matches!(after.as_bytes().get(1), Some(b' ' | b'>'));
            if !cell {
                rest = after;
                continue;
            }
            let body = &after[after.find('>').unwrap() + 1..];
            let end = body.find("</t").unwrap();
            cells.push(text(&body[..end]));
            rest = &body[end..];
        }
        rows.push(cells);
    }
    rows
}

/// A number as the page writes it (German, one decimal), `None` for "–".
fn page_number(s: &str) -> Option<f64> {
    (s != "–").then(|| {
        s.replace('.', "")
            .replace(',', ".")
            .parse::<f64>()
            .unwrap_or_else(|_| panic!("a number: {s:?}"))
    })
}

/// Every topic of the API answer equals the page's table, cell by cell, and the targets equal
/// the page's key figures.
fn same_figures(page: &Page, api: &Value, who: &str) {
    let topics = api["topics"].as_array().unwrap();
    assert!(!topics.is_empty(), "{who}");
    assert_eq!(
        page.body.matches("class=\"stat-topic\"").count(),
        topics.len(),
        "{who}: the same topics"
    );
    for topic in topics {
        let slug = topic["slug"].as_str().unwrap();
        let rows = table(page, &format!("table-{slug}"));
        let mut header = vec![topic["row_header"].as_str().unwrap().to_string()];
        header.extend(
            topic["columns"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_string()),
        );
        assert_eq!(rows[0], header, "{who} {slug}: header");
        let api_rows = topic["rows"].as_array().unwrap();
        assert_eq!(rows.len() - 1, api_rows.len(), "{who} {slug}: rows");
        for (cells, r) in rows[1..].iter().zip(api_rows) {
            assert_eq!(cells[0], r["label"].as_str().unwrap(), "{who} {slug}");
            let values = r["values"].as_array().unwrap();
            assert_eq!(cells.len() - 1, values.len(), "{who} {slug}");
            for (cell, v) in cells[1..].iter().zip(values) {
                let shown = page_number(cell);
                let given = v.as_f64().map(|v| (v * 10.0).round() / 10.0);
                assert_eq!(shown, given, "{who} {slug} {}: {cell}", cells[0]);
            }
        }
    }
    let targets = api["targets"].as_array().unwrap();
    let bars: Vec<&str> = page
        .body
        .split("class=\"figure__bar\" max=\"")
        .skip(1)
        .collect();
    assert_eq!(bars.len(), targets.len(), "{who}: the same targets");
    for (i, (t, bar)) in targets.iter().zip(bars).enumerate() {
        let label = page
            .element_text(&format!("stat-target-{}", i + 1))
            .unwrap();
        assert_eq!(label, t["label"].as_str().unwrap(), "{who}");
        let max: i64 = bar[..bar.find('"').unwrap()].parse().unwrap();
        let value_at = bar.find("value=\"").unwrap() + 7;
        let value: i64 = bar[value_at..value_at + bar[value_at..].find('"').unwrap()]
            .parse()
            .unwrap();
        let target = t["target"].as_i64().unwrap();
        assert_eq!(max, target, "{who}");
        assert_eq!(value, t["value"].as_i64().unwrap().min(target), "{who}");
    }
}

/// The cross-tab of the API equals the page's table: header, rows with totals, column totals.
fn same_table(page: &Page, api: &Value, who: &str) {
    let rows = table(page, "xtab-table");
    let mut header = vec![format!(
        "{} / {}",
        api["row_header"].as_str().unwrap(),
        api["col_header"].as_str().unwrap()
    )];
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().map_or_else(|| c.to_string(), str::to_string))
            .collect()
    };
    header.extend(strings(&api["columns"]));
    header.push("Summe".to_string());
    let mut expected = vec![header];
    for r in api["rows"].as_array().unwrap() {
        let mut row = vec![r["label"].as_str().unwrap().to_string()];
        row.extend(strings(&r["cells"]));
        row.push(r["total"].to_string());
        expected.push(row);
    }
    if api["rows"].as_array().unwrap().is_empty() {
        // The page shows its one-cell "no records" row instead.
        assert_eq!(rows.get(1).map(Vec::len), Some(1), "{who}: {rows:?}");
        expected.push(rows[1].clone());
    }
    let mut totals = vec!["Summe".to_string()];
    totals.extend(strings(&api["column_totals"]));
    totals.push(api["total"].to_string());
    expected.push(totals);
    assert_eq!(rows, expected, "{who}");
    assert_eq!(
        page.element_text("xtab-grand-total").unwrap(),
        api["total"].to_string(),
        "{who}"
    );
}

#[tokio::test]
async fn the_api_shows_the_statistics_pages_figures_in_every_role() {
    let app = app().await;
    world(&app).await;
    for role in Role::ALL {
        let (agent, user) = agent_for(&app, role, &format!("stat-{}", role.code())).await;
        let (_, token) = api_token(&app, user.id, true).await;
        let who = format!("{role:?}");
        for period in ["", "from=2026-01&to=2026-11", "from=01.2020&to=02.2020"] {
            let page = agent.get(&format!("/statistik?{period}")).await;
            let api = get(&agent, &format!("/api/v1/statistics?{period}"), &token).await;
            if matches!(role, Role::SuperAdmin | Role::Dpo) {
                assert_eq!(page.status, 403, "{who}");
                problem(&api, 403, "forbidden");
                continue;
            }
            assert_eq!(page.status, 200, "{who} {period}");
            assert_eq!(api.status, 200, "{who} {period}: {}", api.body);
            let v = json(&api);
            assert_eq!(
                page.element_text("stat-scope").unwrap(),
                v["scope"].as_str().unwrap(),
                "{who}"
            );
            assert_eq!(v["period"].is_object(), !period.is_empty(), "{who}");
            same_figures(&page, &v, &format!("{who} {period}"));
        }
        if matches!(role, Role::SuperAdmin | Role::Dpo) {
            continue;
        }
        // Months the page refuses: the same German messages, per field.
        let bad = "from=13.2026&to=2026-01";
        let page = agent.get(&format!("/statistik?{bad}")).await;
        assert_eq!(page.status, 422);
        let v = problem(
            &get(&agent, &format!("/api/v1/statistics?{bad}"), &token).await,
            422,
            "validation",
        );
        let shown = text(&page.body);
        for e in v["errors"].as_array().unwrap() {
            assert!(
                ["from", "to"].contains(&e["field"].as_str().unwrap()),
                "{e}"
            );
            assert!(shown.contains(e["message"].as_str().unwrap()), "{e}");
        }
    }
}

#[tokio::test]
async fn the_api_cross_tab_is_the_pages_in_every_role() {
    let app = app().await;
    world(&app).await;
    let queries = [
        "subject=companies&row=district&col=industry",
        "subject=applicants&row=country&col=status",
        "subject=applicants&row=status&col=month&from=2026-01&to=2026-12",
        "subject=placements&row=country&col=status",
        "subject=placements&row=status&col=year&country=VN",
    ];
    for role in Role::ALL {
        let (agent, user) = agent_for(&app, role, &format!("xtab-{}", role.code())).await;
        let (_, token) = api_token(&app, user.id, true).await;
        let who = format!("{role:?}");
        for q in queries {
            let page = agent.get(&format!("/statistik/kreuztabelle?{q}")).await;
            let api = get(&agent, &format!("/api/v1/statistics/crosstab?{q}"), &token).await;
            if matches!(role, Role::SuperAdmin | Role::Dpo) {
                assert_eq!(page.status, 403, "{who}");
                problem(&api, 403, "forbidden");
                continue;
            }
            assert_eq!(page.status, 200, "{who} {q}");
            assert_eq!(api.status, 200, "{who} {q}: {}", api.body);
            same_table(&page, &json(&api), &format!("{who} {q}"));
        }
        if matches!(role, Role::SuperAdmin | Role::Dpo) {
            continue;
        }
        // The form's refusals: the same fields, the same German messages.
        for bad in [
            "subject=companies&row=district&col=district",
            "subject=companies&row=country&col=status",
            "subject=nix&row=status&col=year&from=2026-05&to=2026-01",
            "",
        ] {
            let page = agent.get(&format!("/statistik/kreuztabelle?{bad}")).await;
            let api = get(
                &agent,
                &format!("/api/v1/statistics/crosstab?{bad}"),
                &token,
            )
            .await;
            let v = problem(&api, 422, "validation");
            let errors = v["errors"].as_array().unwrap();
            assert!(!errors.is_empty(), "{who} {bad}");
            if bad.is_empty() {
                // The page's first visit asks nothing; the API must be asked something.
                assert_eq!(page.status, 200);
                continue;
            }
            assert_eq!(page.status, 422, "{who} {bad}");
            let shown = text(&page.body);
            for e in errors {
                let field = e["field"].as_str().unwrap();
                assert!(
                    page.contains(&format!("id=\"{field}-error-1\"")),
                    "{who} {bad}: {e}"
                );
                assert!(shown.contains(e["message"].as_str().unwrap()), "{e}");
            }
        }
        // AHK staff never break matches down by company attributes: refused as on the page.
        let hidden = "subject=placements&row=district&col=status";
        let page = agent
            .get(&format!("/statistik/kreuztabelle?{hidden}"))
            .await;
        let api = get(
            &agent,
            &format!("/api/v1/statistics/crosstab?{hidden}"),
            &token,
        )
        .await;
        if role == Role::AhkStaff {
            assert_eq!(page.status, 422);
            problem(&api, 422, "validation");
        } else {
            same_table(&page, &json(&api), &format!("{who} {hidden}"));
        }
    }
}

#[tokio::test]
async fn the_cross_tab_export_is_the_pages_and_is_logged() {
    let app = app().await;
    world(&app).await;
    let q = "subject=placements&row=country&col=status";
    for role in [Role::Admin, Role::IhkStaff, Role::AhkStaff] {
        let (agent, user) = agent_for(&app, role, &format!("xexp-{}", role.code())).await;
        let (_, token) = api_token(&app, user.id, true).await;
        let page = agent
            .get(&format!(
                "/statistik/kreuztabelle/export/kreuztabelle.csv?{q}"
            ))
            .await;
        assert_eq!(page.status, 200);
        let api = get(
            &agent,
            &format!("/api/v1/statistics/crosstab/export/csv?{q}"),
            &token,
        )
        .await;
        assert_eq!(api.status, 200, "{}", api.body);
        assert_eq!(api.bytes, page.bytes, "{role:?}: the page's file");
        assert_eq!(
            api.header("content-disposition"),
            Some("attachment; filename=\"kreuztabelle.csv\"")
        );
        let page = agent
            .get(&format!(
                "/statistik/kreuztabelle/export/kreuztabelle.xlsx?{q}"
            ))
            .await;
        let api = get(
            &agent,
            &format!("/api/v1/statistics/crosstab/export/xlsx?{q}"),
            &token,
        )
        .await;
        assert_eq!(api.status, 200, "{}", api.body);
        assert_eq!(api.xlsx_sheet(), page.xlsx_sheet(), "{role:?}");
        let logged = access_log::Entity::find()
            .filter(access_log::Column::Actor.eq(format!("user:{}", user.id)))
            .filter(access_log::Column::Action.eq("export"))
            .filter(access_log::Column::Entity.eq("statistics"))
            .all(app.db())
            .await
            .unwrap();
        assert_eq!(logged.len(), 4, "{role:?}: page and API, CSV and XLSX");
        let from_api: Vec<_> = logged
            .iter()
            .filter(|e| e.path.starts_with("/api/v1/"))
            .collect();
        assert_eq!(from_api.len(), 2);
        assert!(
            from_api.iter().all(|e| e.result_count.is_some()),
            "{from_api:?}"
        );
        // A refused query and an unknown format: 422 and 404, nothing exported.
        problem(
            &get(
                &agent,
                "/api/v1/statistics/crosstab/export/csv?subject=companies&row=size&col=size",
                &token,
            )
            .await,
            422,
            "validation",
        );
        problem(
            &get(
                &agent,
                &format!("/api/v1/statistics/crosstab/export/pdf?{q}"),
                &token,
            )
            .await,
            404,
            "not-found",
        );
    }
    let (_, dpo) = agent_for(&app, Role::Dpo, "xexp-dpo").await;
    let (_, token) = api_token(&app, dpo.id, true).await;
    problem(
        &get(
            &app.agent(),
            &format!("/api/v1/statistics/crosstab/export/csv?{q}"),
            &token,
        )
        .await,
        403,
        "forbidden",
    );
}

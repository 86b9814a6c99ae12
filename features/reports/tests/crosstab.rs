//! The cross-tabulation (R-STA-2): totals add up, the same parameter twice is refused, and
//! the CSV/XLSX exports hold exactly the table.

use hih_kernel::Role;
use hih_users::testing::agent_for;
use std::io::Cursor;

use crate::app;
use crate::fixture;

const HANDEL: &str = "Handel; Instandhaltung und Reparatur von Kraftfahrzeugen";

#[tokio::test]
async fn totals_add_up_to_the_number_of_records() {
    let app = app().await;
    fixture::build(&app).await;
    let scope = hih_reports::scope::StatScope::All;
    let labels =
        hih_reports::statistics::labels::Labels::load(app.services(), hih_i18n::Locale::De)
            .await
            .unwrap();
    for (subject, row, col, records) in [
        ("companies", "district", "industry", 5),
        ("companies", "size", "status", 5),
        ("applicants", "country", "status", 5),
        ("applicants", "level", "month", 5),
        ("placements", "industry", "country", 3),
    ] {
        let q = hih_reports::statistics::crosstab::CrossQuery {
            subject: subject.into(),
            row: row.into(),
            col: col.into(),
            ..Default::default()
        };
        let spec = hih_reports::statistics::crosstab::validate(&q, &scope).unwrap();
        let t = hih_reports::statistics::crosstab::compute(app.services(), &spec, &labels)
            .await
            .unwrap();
        let cells: i64 = t.rows.iter().flat_map(|r| r.cells.iter()).sum();
        let rows: i64 = t.rows.iter().map(|r| r.total).sum();
        let cols: i64 = t.column_totals.iter().sum();
        assert_eq!(
            (cells, rows, cols, t.total),
            (records, records, records, records),
            "{subject} {row} {col}"
        );
        for r in &t.rows {
            assert_eq!(r.cells.iter().sum::<i64>(), r.total);
        }
    }
}

#[tokio::test]
async fn the_table_its_refusals_and_its_exports() {
    let app = app().await;
    fixture::build(&app).await;
    let (admin, _) = agent_for(&app, Role::Admin, "admin").await;
    let first = admin.get("/statistik/kreuztabelle").await;
    assert_eq!(first.status, 200);
    assert!(!first.contains("xtab-table"), "no table before asking");

    let query = "subject=companies&row=district&col=industry";
    let page = admin.get(&format!("/statistik/kreuztabelle?{query}")).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("xtab-table"));
    assert_eq!(page.element_text("xtab-grand-total").as_deref(), Some("5"));

    // Same parameter twice: refused next to the field, no table.
    let same = admin
        .get("/statistik/kreuztabelle?subject=companies&row=district&col=district")
        .await;
    assert_eq!(same.status, 422);
    assert!(same.contains("Zeilen und Spalten müssen verschiedene Merkmale sein"));
    assert!(same.contains("id=\"col-error-1\""));
    assert!(!same.contains("xtab-table"));
    // A parameter that does not fit the subject.
    let unfit = admin
        .get("/statistik/kreuztabelle?subject=companies&row=country&col=district")
        .await;
    assert_eq!(unfit.status, 422);
    assert!(unfit.contains("Dieses Merkmal gibt es für die gewählte Auswahl nicht"));
    assert_eq!(
        admin
            .get("/statistik/kreuztabelle/export/kreuztabelle.csv?subject=companies&row=district&col=district")
            .await
            .status,
        422
    );

    // CSV: header row, the table rows, the totals row.
    let csv = admin
        .get(&format!(
            "/statistik/kreuztabelle/export/kreuztabelle.csv?{query}"
        ))
        .await;
    assert_eq!(csv.status, 200);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(
        lines,
        vec![
            // The label holds a `;`: quoted, so German Excel keeps it in one cell.
            format!("IHK-Bezirk / Branche,\"{HANDEL}\",Verarbeitendes Gewerbe,Summe").as_str(),
            "IHK Erfurt,1,2,3",
            "IHK zu Lübeck,1,1,2",
            "Summe,2,3,5",
        ]
    );
    // XLSX: the same cells.
    let xlsx = admin
        .get(&format!(
            "/statistik/kreuztabelle/export/kreuztabelle.xlsx?{query}"
        ))
        .await;
    assert_eq!(xlsx.status, 200);
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(xlsx.bytes.clone())).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<String> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    // The same cells as the CSV, without the CSV's quotes around the `;` label.
    let unquoted: Vec<String> = lines.iter().map(|l| l.replace('"', "")).collect();
    assert_eq!(cells, unquoted);
    // Exports are in the access log.
    let logged = hih_db::entities::access_log::Entity::find()
        .filter(hih_db::entities::access_log::Column::Action.eq("export"))
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(logged.len(), 2);
    assert_eq!(
        admin
            .get("/statistik/kreuztabelle/export/anders.pdf")
            .await
            .status,
        404
    );

    // IHK staff: their district only.
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "ihk").await;
    let page = ihk.get(&format!("/statistik/kreuztabelle?{query}")).await;
    assert_eq!(page.element_text("xtab-grand-total").as_deref(), Some("3"));
    assert!(!page.contains("<th scope=\"row\">IHK zu Lübeck</th>"));
}

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

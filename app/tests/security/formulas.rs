//! Spreadsheet formula injection (R-EXP-2): records whose text fields hold formulas, then every
//! export of the application as admin — list exports, distribution lists, monthly counts,
//! cross tables, data-subject reports, partner exports (their public link too) and periodic
//! reports. No cell, header included, may begin with `=`, `+`, `-`, `@`, TAB or CR: not in
//! XLSX (and no formula cells), not in CSV read with `,` nor read with `;` (German Excel's
//! reading of a double-clicked `.csv`).

use std::collections::BTreeSet;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use hih_kernel::Role;
use hih_testkit::{Agent, Page, TestApp};
use hih_users::testing::agent_for;

use super::{
    applicant_with, company_with, entry_with, institution_id, match_with, month_with,
    reference_item, review_and_save, uow,
};
use crate::app;

/// Formula-like texts (the last one makes a `;`-reader see exactly `=1+2`).
const F: [&str; 7] = [
    "=HYPERLINK(\"http://x\")",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "a;=1+1",
    "b,;=2+2",
    "c;=1+2;",
];
/// Only multi-line fields take a TAB.
const TAB: &str = "\t=3+3";
/// The district (an IHK institution) named by a formula.
const DISTRICT: &str = "-2+3";
/// Header texts set through the text editor: (key, value).
const HEADERS: [(&str, &str); 4] = [
    ("companies-field-name", "=HYPERLINK(\"http://h\")"),
    ("users-col-institution", "@Einrichtung"),
    ("companies-monthly-col-district", "+Bezirk"),
    // The log exports hold the data set only inside JSON cells; their header is the payload.
    ("protocol-viewer-col-at", "-Zeitpunkt"),
];

fn dangerous(cell: &str) -> bool {
    matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// A neutralised formula: an apostrophe before a dangerous start.
fn neutralised(cell: &str) -> bool {
    cell.strip_prefix('\'').is_some_and(dangerous)
}

/// One downloaded file.
struct Export {
    url: String,
    page: Page,
}

/// Cells of a CSV read with `delimiter` (no header handling, rows of any length).
fn csv_cells(bytes: &[u8], delimiter: u8) -> Result<Vec<Vec<String>>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.byte_records() {
        let record = record.map_err(|e| e.to_string())?;
        rows.push(
            record
                .iter()
                .map(|f| String::from_utf8_lossy(f).to_string())
                .collect(),
        );
    }
    Ok(rows)
}

/// Cells (as text) of every sheet of an XLSX, and the formulas found.
fn xlsx_cells(bytes: &[u8]) -> Result<(Vec<Vec<String>>, Vec<String>), String> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e: calamine::XlsxError| e.to_string())?;
    let mut rows = Vec::new();
    let mut formulas = Vec::new();
    for name in book.sheet_names().to_vec() {
        let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
        for r in range.rows() {
            rows.push(
                r.iter()
                    .map(|c| match c {
                        Data::String(s) => s.clone(),
                        Data::Empty => String::new(),
                        Data::Float(f) => f.to_string(),
                        Data::Int(i) => i.to_string(),
                        other => format!("#{other}"),
                    })
                    .collect(),
            );
        }
        let f = book.worksheet_formula(&name).map_err(|e| e.to_string())?;
        for r in f.rows() {
            formulas.extend(r.iter().filter(|s| !s.is_empty()).cloned());
        }
    }
    Ok((rows, formulas))
}

/// Checks one file; returns the problems and the number of neutralised cells.
fn check(export: &Export) -> (Vec<String>, usize) {
    let url = &export.url;
    let mut problems = Vec::new();
    let mut defused = 0;
    if export.page.status != 200 {
        return (vec![format!("{url}: {}", export.page.status)], 0);
    }
    let ct = export.page.header("content-type").unwrap_or_default();
    let bytes = &export.page.bytes;
    let mut tables: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    if ct.starts_with("text/csv") {
        for (label, d) in [("read with ','", b','), ("read with ';'", b';')] {
            match csv_cells(bytes, d) {
                Ok(rows) => tables.push((label.to_string(), rows)),
                Err(e) => problems.push(format!("{url} {label}: unreadable: {e}")),
            }
        }
    } else if ct.contains("spreadsheetml") {
        match xlsx_cells(bytes) {
            Ok((rows, formulas)) => {
                if !formulas.is_empty() {
                    problems.push(format!("{url}: formula cells {formulas:?}"));
                }
                tables.push(("XLSX".to_string(), rows));
            }
            Err(e) => problems.push(format!("{url}: unreadable XLSX: {e}")),
        }
    } else {
        problems.push(format!("{url}: unexpected content type {ct:?}"));
    }
    for (label, rows) in &tables {
        if rows.is_empty() {
            problems.push(format!("{url} {label}: no rows"));
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if dangerous(cell) {
                    problems.push(format!("{url} {label}: row {r} column {c}: {cell:?}"));
                }
                if label != "read with ';'" && neutralised(cell) {
                    defused += 1;
                }
            }
        }
    }
    (problems, defused)
}

/// The first row (the header) of a file as the spreadsheet shows it.
fn header(export: &Export) -> Vec<String> {
    let ct = export.page.header("content-type").unwrap_or_default();
    let rows = if ct.starts_with("text/csv") {
        csv_cells(&export.page.bytes, b',').unwrap_or_default()
    } else {
        xlsx_cells(&export.page.bytes)
            .map(|(rows, _)| rows)
            .unwrap_or_default()
    };
    rows.into_iter().next().unwrap_or_default()
}

/// Overrides a UI text through the text editor (edit → preview → save).
async fn override_text(app: &TestApp, admin: &Agent, key: &str, value: &str) {
    let before = app.count("text_override").await.unwrap();
    let editor = format!("/admin/texte/de/{key}");
    let p = admin
        .submit(&editor, &[("value", value), ("action", "review")])
        .await;
    let preview = p.location().expect("to the preview").to_string();
    assert_eq!(preview, format!("{editor}/pruefen"), "{key}");
    admin.get(&preview).await;
    let p = admin
        .post(&editor, &[("value", value), ("action", "save")])
        .await;
    assert_eq!(p.status, 303, "{key} saved");
    assert_eq!(app.count("text_override").await.unwrap(), before + 1);
}

/// The data set; returns (applicant id, company id) for the data-subject reports.
async fn data_set(app: &TestApp, admin: &Agent) -> (i64, i64) {
    reference_item(app, "industry", "formel", F[0]).await;
    reference_item(app, "outreach", "formel", F[1]).await;
    reference_item(app, "occupation", "formel", F[3]).await;
    review_and_save(
        admin,
        "/institutionen/neu",
        &[("name", DISTRICT), ("kind", "ihk"), ("active", "on")],
    )
    .await;
    let district = institution_id(app, DISTRICT).await;
    // Staff of the district: their names and positions are formulas.
    for (i, (first, last)) in [(F[4], F[5]), (F[3], F[1])].into_iter().enumerate() {
        let form = hih_users::service::AccountForm {
            salutation: "frau".into(),
            first_name: first.into(),
            last_name: last.into(),
            institution_id: district.to_string(),
            position: F[0].into(),
            email: format!("formel{i}@example.org"),
            username: format!("formel-{i}"),
            phone: "+49 361 123456".into(),
            role: "ihk_staff".into(),
        };
        let valid = hih_users::service::validate_account(
            app.services(),
            &form,
            None,
            &hih_kernel::Actor::system("accounts"),
        )
        .await
        .unwrap();
        let mut u = uow(app.services()).await;
        hih_users::service::create_account(&mut u, valid, true)
            .await
            .unwrap();
        u.commit().await.unwrap();
    }
    let at = |i: usize| F[i % F.len()];
    let mut companies = Vec::new();
    for i in 0..F.len() {
        let email = format!("firma{i}@example.org");
        let contact_email = format!("kontakt{i}@example.org");
        let remarks = if i == 0 { TAB } else { at(i) };
        let id = company_with(
            app,
            DISTRICT,
            &[
                ("name", at(i)),
                ("legal_form", at(i + 1)),
                ("street", at(i + 2)),
                ("house_number", at(i + 3)),
                ("ort", at(i + 4)),
                ("industry", "formel"),
                ("outreach_format", "formel"),
                ("target_occupations", "formel"),
                ("employees", "12"),
                ("open_positions", "3"),
                ("phone", "+49 361 555123"),
                ("email", &email),
                ("website", "-x.example"),
                ("contact_salutation", "herr"),
                ("contact_first_name", at(i + 5)),
                ("contact_last_name", at(i)),
                ("contact_function", at(i + 1)),
                ("contact_phone", "+49 361 555124"),
                ("contact_email", &contact_email),
                ("consent_storage_date", "2026-10-01"),
                ("consent_storage_version", at(i + 2)),
                ("consent_partners", "ba"),
                ("remarks", remarks),
            ],
        )
        .await;
        companies.push(id);
    }
    let mut applicants = Vec::new();
    for (i, &company) in companies.iter().take(3).enumerate() {
        let email = format!("bewerber{i}@example.org");
        let (id, code) = applicant_with(
            app,
            &[
                ("last_name", if i == 0 { "-Nguyen" } else { "Tran" }),
                ("first_names", "Anh"),
                ("birth_date", "1995-03-04"),
                ("nationality", at(i)),
                ("residence", at(i + 1)),
                ("qualification", at(i + 2)),
                ("course_provider", at(i + 3)),
                ("integration_measures", at(i + 4)),
                ("consent_storage_date", "2026-10-01"),
                ("consent_storage_version", at(i + 5)),
                ("consent_partners", "ba"),
                ("target_occupation", "formel"),
                ("email", &email),
                ("phone", "+84 24 1234567"),
                ("remarks", if i == 0 { TAB } else { at(i) }),
            ],
        )
        .await;
        match_with(app, company, &code, at(i + 3), "formel").await;
        entry_with(app, Some(company), Some(id), at(i + 2)).await;
        applicants.push(id);
    }
    month_with(app, district, "formel").await;
    (applicants[0], companies[0])
}

/// Partner exports of both subjects in both formats with every field, plus a periodic
/// report; returns the ids of the finished files and a public link's token.
async fn generated_files(app: &TestApp) -> (Vec<i64>, i64, String) {
    use hih_reports::partner::catalogue::{APPLICANT_FIELDS, COMPANY_FIELDS};
    use hih_reports::partner::service::{self as partner, EXPORT_JOB, ProfileForm};
    use hih_reports::periodic::jobs::{self as periodic, GENERATE_JOB};
    use hih_reports::periodic::period::ReportPeriod;
    let mut files = Vec::new();
    for (subject, fields) in [("company", COMPANY_FIELDS), ("applicant", APPLICANT_FIELDS)] {
        for format in ["csv", "xlsx"] {
            let mut pairs = vec![
                ("subject", subject),
                ("name", F[0]),
                ("partner_category", "ba"),
                ("without_consent", "pseudonym"),
                ("format", format),
            ];
            pairs.extend(fields.iter().map(|f| ("fields", f.code)));
            let form = ProfileForm::from_pairs(&super::pairs(&pairs));
            let valid = partner::validate(app.services(), &form).await.unwrap();
            let mut u = uow(app.services()).await;
            let profile = partner::create(&mut u, valid).await.unwrap();
            let file = partner::request_file(&mut u, &profile, None).await.unwrap();
            u.commit().await.unwrap();
            app.run_job(EXPORT_JOB, serde_json::json!({ "file_id": file.id }))
                .await
                .unwrap();
            files.push(file.id);
        }
    }
    let done = hih_reports::files::find(app.services(), files[0])
        .await
        .unwrap()
        .unwrap();
    let mut u = uow(app.services()).await;
    let (_, token) = partner::create_link(&mut u, &done, None).await.unwrap();
    let october = ReportPeriod {
        from: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
    };
    let report = periodic::request(&mut u, october).await.unwrap();
    u.commit().await.unwrap();
    app.run_job(GENERATE_JOB, serde_json::json!({ "file_id": report.id }))
        .await
        .unwrap();
    (files, report.id, token)
}

#[tokio::test]
async fn no_export_cell_is_read_as_a_formula() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "formel-admin").await;
    let (applicant, company) = data_set(&app, &admin).await;
    let (partner_files, report, token) = generated_files(&app).await;
    for (key, value) in HEADERS {
        override_text(&app, &admin, key, value).await;
    }

    // (url, the route pattern it covers)
    let mut urls: Vec<(String, &str)> = Vec::new();
    for ext in ["csv", "xlsx"] {
        urls.push((
            format!("/unternehmen/export/export.{ext}"),
            "/unternehmen/export/:file",
        ));
        urls.push((
            format!("/unternehmen/verteiler/verteiler.{ext}"),
            "/unternehmen/verteiler/:file",
        ));
        urls.push((format!("/verteiler/verteiler.{ext}"), "/verteiler/:file"));
        urls.push((
            format!("/bewerber/export/export.{ext}"),
            "/bewerber/export/:file",
        ));
        urls.push((
            format!("/vermittlungen/export/export.{ext}"),
            "/vermittlungen/export/:file",
        ));
        urls.push((
            format!("/bewerber/verteiler/verteiler.{ext}"),
            "/bewerber/verteiler/:file",
        ));
        urls.push((
            format!("/kontakte/export/export.{ext}"),
            "/kontakte/export/:file",
        ));
        urls.push((
            format!("/monatszahlen/export/export.{ext}"),
            "/monatszahlen/export/:file",
        ));
        urls.push((
            format!("/protokoll/aenderungen/export/export.{ext}"),
            "/protokoll/aenderungen/export/:file",
        ));
        urls.push((
            format!("/protokoll/zugriffe/export/export.{ext}"),
            "/protokoll/zugriffe/export/:file",
        ));
        for query in [
            "subject=companies&row=district&col=industry",
            "subject=companies&row=industry&col=district",
            "subject=applicants&row=occupation&col=status",
            "subject=placements&row=district&col=status",
        ] {
            urls.push((
                format!("/statistik/kreuztabelle/export/kreuztabelle.{ext}?{query}"),
                "/statistik/kreuztabelle/export/:file",
            ));
        }
    }
    urls.push((
        format!("/auskunft/bewerber/{applicant}/auskunft.xlsx"),
        "/auskunft/bewerber/:id/auskunft.xlsx",
    ));
    urls.push((
        format!("/auskunft/unternehmen/{company}/auskunft.xlsx"),
        "/auskunft/unternehmen/:id/auskunft.xlsx",
    ));
    for id in &partner_files {
        urls.push((
            format!("/partnerexporte/dateien/{id}/download"),
            "/partnerexporte/dateien/:id/download",
        ));
    }
    urls.push((
        format!("/berichte/{report}/download"),
        "/berichte/:id/download",
    ));

    let mut exports = Vec::new();
    for (url, _) in &urls {
        exports.push(Export {
            url: url.clone(),
            page: admin.get(url).await,
        });
    }
    // The partner's public link serves the same kind of file.
    let link = format!("/download/{token}");
    exports.push(Export {
        page: app.agent().get(&link).await,
        url: link,
    });

    // Every file download of the application is covered. Counselling attachments are not
    // written by the application: they are a person's own uploaded file, returned byte for
    // byte as an attachment (no cell of ours to neutralise; their headers are tested in
    // hih-counselling's attachment tests).
    let uploaded = [
        "/beratung/:id/anhang/:file",
        "/beratung/gast/:token/anhang/:file",
        "/bewerber/:id/beratung/:conversation/anhang/:file",
    ];
    for route in uploaded {
        assert!(
            app.state.routes.iter().any(|(p, _)| p == route),
            "{route} is still an upload download"
        );
    }
    let covered: BTreeSet<&str> = urls
        .iter()
        .map(|(_, p)| *p)
        .chain(["/download/:token"])
        .chain(uploaded)
        .collect();
    let downloads: Vec<&String> = app
        .state
        .routes
        .iter()
        .map(|(p, _)| p)
        .filter(|p| {
            p.ends_with("/:file")
                || p.ends_with(".csv")
                || p.ends_with(".xlsx")
                || p.ends_with("/download")
                || p.starts_with("/download/")
        })
        .collect();
    assert!(downloads.len() >= 11, "downloads found: {downloads:?}");
    let missing: Vec<&&String> = downloads
        .iter()
        .filter(|p| !covered.contains(p.as_str()))
        .collect();
    assert!(missing.is_empty(), "exports not covered: {missing:?}");

    let mut problems = Vec::new();
    let mut without_payload = Vec::new();
    for e in &exports {
        let (p, defused) = check(e);
        problems.extend(p);
        if defused == 0 {
            without_payload.push(e.url.clone());
        }
    }
    // Header cells are texts too: the overridden labels arrive neutralised.
    let expect_header = |url: &str, first: &str| {
        let e = exports
            .iter()
            .find(|e| e.url == url)
            .unwrap_or_else(|| panic!("{url} exported"));
        let h = header(e);
        if h.first().map(String::as_str) != Some(first) {
            Some(format!("{url}: header {h:?}, expected {first:?} first"))
        } else {
            None
        }
    };
    for ext in ["csv", "xlsx"] {
        for (url, first) in [
            (
                format!("/unternehmen/export/export.{ext}"),
                "'=HYPERLINK(\"http://h\")",
            ),
            (
                format!("/unternehmen/verteiler/verteiler.{ext}"),
                "'=HYPERLINK(\"http://h\")",
            ),
            (format!("/verteiler/verteiler.{ext}"), "'@Einrichtung"),
            (format!("/monatszahlen/export/export.{ext}"), "'+Bezirk"),
        ] {
            problems.extend(expect_header(&url, first));
        }
    }
    assert!(
        problems.is_empty(),
        "{} cells a spreadsheet reads as formulas (or other problems):\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(
        without_payload.is_empty(),
        "exports without any neutralised cell (the data set did not reach them): {without_payload:?}"
    );
    // 2 × 12 list, distribution, monthly and cross-tab files, 2 data-subject workbooks, 4
    // partner files, a report and the public link.
    assert!(exports.len() >= 28, "{} files checked", exports.len());
}

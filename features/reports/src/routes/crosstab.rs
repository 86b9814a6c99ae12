//! The cross-tabulation `/statistik/kreuztabelle` (R-STA-2): a GET form (the URL holds the
//! state), the table with row and column totals, and its export as CSV/XLSX with the same
//! query string (access logged, R-EXP-5).

use hih_kernel::{AppError, FieldErrors};
use hih_web::export::{Cell, ExportFormat, ExportWriter, download};
use hih_web::flow::select_options;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use poem::web::{Path, Query};

use crate::scope::stat_scope;
use crate::statistics::crosstab::{
    self, CrossQuery, CrossSpec, CrossTable, PARAMETERS, SUBJECTS, validate,
};
use crate::statistics::labels::Labels;
use crate::statistics::query::{Dim, Subject};

/// All statuses of all subjects as `(code, label)` options, grouped label "subject: status".
fn status_options(ctx: &Ctx) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = Vec::new();
    for (list, subject_key) in [
        (
            &hih_companies::service::STATUSES[..],
            "reports-xtab-subject-companies",
        ),
        (
            &hih_applicants::service::STATUSES[..],
            "reports-xtab-subject-applicants",
        ),
        (
            &hih_matching::service::STATUSES[..],
            "reports-xtab-subject-placements",
        ),
    ] {
        for (code, key) in list {
            if out.iter().any(|(c, _, _)| c == code) {
                continue;
            }
            out.push((
                (*code).to_string(),
                String::new(),
                format!("{} ({})", ctx.t(key), ctx.t(subject_key)),
            ));
        }
    }
    out
}

/// The query string of the current request, for the export links.
fn query_string(q: &CrossQuery) -> String {
    serde_urlencoded::to_string(q).unwrap_or_default()
}

/// The cross-tab form and, when asked and valid, the table.
#[handler]
pub async fn page(ctx: Ctx, Query(q): Query<CrossQuery>) -> WebResult {
    let scope = stat_scope(&ctx.actor);
    let labels = Labels::load(ctx.services(), ctx.locale).await?;
    let (errors, table) = if q.submitted() {
        match validate(&q, &scope) {
            Ok(spec) => (
                FieldErrors::new(),
                Some({
                    let _slot = ctx.state.long_work().await?;
                    crosstab::current(ctx.services(), &spec, &labels, ctx.locale).await?
                }),
            ),
            Err(e) => (e, None),
        }
    } else {
        (FieldErrors::new(), None)
    };
    let headers = table
        .as_ref()
        .map(|_| (param_label(&ctx, &q.row), param_label(&ctx, &q.col)));
    // No district filter where company attributes stay hidden (AHK staff).
    let district_filter =
        !crate::scope::hidden_dims(&scope, Subject::Placements).contains(&Dim::District);
    let districts: Vec<(String, String, String)> = labels
        .districts
        .iter()
        .filter(|_| district_filter)
        .map(|(id, n)| (id.to_string(), String::new(), n.clone()))
        .collect();
    let countries = select_options(labels.list("country"));
    ctx.render_form(
        "reports/crosstab.html",
        &errors,
        context! {
            q => Serde(&q),
            subjects => Serde(SUBJECTS.to_vec()),
            parameters => Serde(crosstab::offered_parameters(&scope)),
            statuses => Serde(status_options(&ctx)),
            districts => Serde(districts),
            countries => Serde(countries),
            table => Serde(table),
            row_header => headers.as_ref().map(|h| h.0.clone()),
            col_header => headers.as_ref().map(|h| h.1.clone()),
            export_query => query_string(&q),
            scope_text => super::scope_text(&ctx, &scope, &labels),
        },
    )
    .await
}

/// The label of a cross-tab parameter (its code when unknown).
pub(crate) fn param_label(ctx: &Ctx, code: &str) -> String {
    PARAMETERS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| code.to_string(), |(_, k)| ctx.t(k))
}

/// The header and rows of the export: the table with its totals row and column.
pub fn export_rows(
    row_header: &str,
    col_header: &str,
    total: &str,
    table: &CrossTable,
) -> (Vec<String>, Vec<Vec<Cell>>) {
    let mut header = vec![format!("{row_header} / {col_header}")];
    header.extend(table.columns.iter().cloned());
    header.push(total.to_string());
    let mut rows: Vec<Vec<Cell>> = table
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![Cell::Text(r.label.clone())];
            row.extend(r.cells.iter().map(|n| Cell::Number(*n as f64)));
            row.push(Cell::Number(r.total as f64));
            row
        })
        .collect();
    let mut last = vec![Cell::Text(total.to_string())];
    last.extend(table.column_totals.iter().map(|n| Cell::Number(*n as f64)));
    last.push(Cell::Number(table.total as f64));
    rows.push(last);
    (header, rows)
}

/// The table as `kreuztabelle.csv` / `kreuztabelle.xlsx` (same query string as the page).
#[handler]
pub async fn export(ctx: Ctx, Path(file): Path<String>, Query(q): Query<CrossQuery>) -> WebResult {
    let Some(format) =
        ExportFormat::from_file_name(&file).filter(|_| file.starts_with("kreuztabelle."))
    else {
        return Err(WebError(AppError::NotFound));
    };
    let detail = serde_json::json!({ "file": file, "query": q });
    let bytes = export_file(&ctx, format, &q, detail).await?;
    Ok(download(
        bytes,
        &format!("kreuztabelle.{}", format.extension()),
        format.content_type(),
    ))
}

/// The cross-tab of `q` as a finished export file, for the page's download and the REST API's
/// alike: checked as the form checks it (refused: the field messages), computed and written
/// in a long-work slot, and access-logged with its row count and `detail`.
pub(crate) async fn export_file(
    ctx: &Ctx,
    format: ExportFormat,
    q: &CrossQuery,
    detail: serde_json::Value,
) -> Result<Vec<u8>, AppError> {
    let scope = stat_scope(&ctx.actor);
    let spec: CrossSpec = validate(q, &scope).map_err(AppError::Validation)?;
    let _slot = ctx.state.long_work().await?;
    let labels = Labels::load(ctx.services(), ctx.locale).await?;
    let table = crosstab::current(ctx.services(), &spec, &labels, ctx.locale).await?;
    let (header, rows) = export_rows(
        &param_label(ctx, &q.row),
        &param_label(ctx, &q.col),
        &ctx.t("reports-xtab-total"),
        &table,
    );
    let mut out = ExportWriter::new(ctx, format, &ctx.t("reports-xtab-sheet"), &header)?;
    for row in &rows {
        out.push(row)?;
    }
    out.finish_logged(ctx, "statistics", detail).await
}

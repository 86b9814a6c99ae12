//! The report as files: XLSX with one sheet per section (Art. 15 copy), with German labels and
//! readable values like the page ([`Presenter`]), and pretty UTF-8 JSON (Art. 20 portability),
//! which keeps the machine keys and stored values — columns holding JSON text (audit changes,
//! registration data, notification arguments, access details) embedded as structured values —
//! and names every key with its label in `labels`.

use chrono::{DateTime, Utc};
use hih_kernel::AppError;
use serde_json::{Map, Value};

use super::collect::{Report, Section};
use super::present::Presenter;
use crate::files::workbook::{self, Sheet};

/// Columns stored as JSON text.
const JSON_TEXT: [&str; 4] = ["changes", "data", "args", "detail"];

/// The union of the rows' keys, in order of first appearance.
pub fn columns(section: &Section) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in &section.rows {
        for k in r.keys() {
            if !out.contains(k) {
                out.push(k.clone());
            }
        }
    }
    out
}

/// The XLSX file: one sheet per section named by its translated title; the record as
/// label/value rows, every other section as a table under labelled columns. `t` translates
/// text keys.
pub fn xlsx(
    report: &Report,
    p: &Presenter,
    t: &dyn Fn(&str) -> String,
) -> Result<Vec<u8>, AppError> {
    let text = |section: &str, column: &str, v: &Value| match v {
        Value::Number(n) if column != "district_id" => n.as_f64().map_or_else(
            || workbook::Value::Text(n.to_string()),
            workbook::Value::Number,
        ),
        Value::Null => workbook::Value::Empty,
        other => workbook::Value::Text(p.value(section, column, other)),
    };
    let mut sheets = Vec::new();
    for s in &report.sections {
        let name = t(&format!("reports-subject-section-{}", s.key));
        let sheet = if s.key == "record" {
            Sheet {
                name,
                header: vec![
                    t("reports-subject-col-field"),
                    t("reports-subject-col-value"),
                ],
                rows: s
                    .rows
                    .iter()
                    .flat_map(|r| r.iter())
                    .map(|(k, v)| vec![workbook::Value::Text(p.label(s.key, k)), text(s.key, k, v)])
                    .collect(),
            }
        } else {
            let keys = columns(s);
            let rows = s
                .rows
                .iter()
                .map(|r| {
                    keys.iter()
                        .map(|k| {
                            r.get(k)
                                .map_or(workbook::Value::Empty, |v| text(s.key, k, v))
                        })
                        .collect()
                })
                .collect();
            Sheet {
                name,
                header: keys.iter().map(|k| p.label(s.key, k)).collect(),
                rows,
            }
        };
        sheets.push(sheet);
    }
    workbook::xlsx(&sheets)
}

fn structured(row: &Map<String, Value>) -> Value {
    let mut out = row.clone();
    for k in JSON_TEXT {
        if let Some(Value::String(s)) = out.get(k)
            && let Ok(parsed @ (Value::Object(_) | Value::Array(_))) =
                serde_json::from_str::<Value>(s)
        {
            out.insert(k.to_string(), parsed);
        }
    }
    Value::Object(out)
}

/// The JSON document: `subject` (kind, id, title), `generated_at`, `sections` with the record
/// as an object and every other section as an array, and `labels`: every key used, with its
/// label (`label` turns a column into its label).
pub fn json(
    report: &Report,
    generated_at: DateTime<Utc>,
    label: &dyn Fn(&str) -> String,
) -> Result<Vec<u8>, AppError> {
    let mut labels = Map::new();
    for s in &report.sections {
        for k in columns(s) {
            let l = label(&k);
            labels.insert(k, Value::from(l));
        }
    }
    let mut sections = Map::new();
    for s in &report.sections {
        let value = if s.key == "record" {
            s.rows.first().map_or(Value::Null, structured)
        } else {
            Value::Array(s.rows.iter().map(structured).collect())
        };
        sections.insert(s.key.to_string(), value);
    }
    let doc = serde_json::json!({
        "subject": {
            "kind": report.person.kind,
            "id": report.person.id,
            "title": report.person.title,
        },
        "generated_at": generated_at
            .with_timezone(&chrono_tz::Europe::Berlin)
            .to_rfc3339(),
        "sections": sections,
        "labels": labels,
    });
    serde_json::to_vec_pretty(&doc).map_err(AppError::internal)
}

/// Rows in the files, for the access log's result count.
pub fn row_count(report: &Report) -> i64 {
    report.sections.iter().map(|s| s.rows.len() as i64).sum()
}

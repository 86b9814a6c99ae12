//! The report as files: XLSX with one sheet per section (Art. 15 copy) and pretty UTF-8 JSON
//! (Art. 20 portability). Values keep their stored form; in JSON, columns that hold JSON text
//! (audit changes, registration data, notification arguments, access details) are embedded
//! as structured values.

use chrono::{DateTime, Utc};
use hih_kernel::AppError;
use serde_json::{Map, Value};

use super::collect::{Report, Section};
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

/// A stored value as text (strings as they are, nothing for null).
pub fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn cell(v: &Value) -> workbook::Value {
    match v {
        Value::Null => workbook::Value::Empty,
        Value::Number(n) => n.as_f64().map_or_else(
            || workbook::Value::Text(n.to_string()),
            workbook::Value::Number,
        ),
        other => workbook::Value::Text(text(other)),
    }
}

/// The XLSX file: one sheet per section named by its translated title; the record as
/// field/value rows, every other section as a table. `t` translates text keys.
pub fn xlsx(report: &Report, t: &dyn Fn(&str) -> String) -> Result<Vec<u8>, AppError> {
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
                    .map(|(k, v)| vec![workbook::Value::Text(k.clone()), cell(v)])
                    .collect(),
            }
        } else {
            let header = columns(s);
            let rows = s
                .rows
                .iter()
                .map(|r| {
                    header
                        .iter()
                        .map(|k| r.get(k).map_or(workbook::Value::Empty, cell))
                        .collect()
                })
                .collect();
            Sheet { name, header, rows }
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

/// The JSON document: `subject` (kind, id, title), `generated_at`, and `sections` with the
/// record as an object and every other section as an array.
pub fn json(report: &Report, generated_at: DateTime<Utc>) -> Result<Vec<u8>, AppError> {
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
        "generated_at": generated_at.to_rfc3339(),
        "sections": sections,
    });
    serde_json::to_vec_pretty(&doc).map_err(AppError::internal)
}

/// Rows in the files, for the access log's result count.
pub fn row_count(report: &Report) -> i64 {
    report.sections.iter().map(|s| s.rows.len() as i64).sum()
}

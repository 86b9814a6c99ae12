//! A workbook of several sheets, each a titled table (reports: one sheet per topic, R-STA-4),
//! with a bold frozen header row and an autofilter, numbers as numbers.

use hih_kernel::AppError;
use rust_xlsxwriter::{Format, Workbook};

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text (neutralised against formula injection, R-EXP-2).
    Text(String),
    /// A number.
    Number(f64),
    /// No value (e.g. a median of nothing).
    Empty,
}

/// One sheet: a name (at most 31 characters, Excel's limit) and a table.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// Sheet name.
    pub name: String,
    /// Header row.
    pub header: Vec<String>,
    /// Data rows.
    pub rows: Vec<Vec<Value>>,
}

/// Excel's limit for sheet names, and the characters it refuses in them.
const NAME_MAX: usize = 31;
const NAME_FORBIDDEN: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];

/// A sheet name Excel accepts: forbidden characters replaced, cut to 31 characters, made
/// unique among `taken` by a number suffix.
pub fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if NAME_FORBIDDEN.contains(&c) { '-' } else { c })
        .collect();
    let base: String = clean.chars().take(NAME_MAX).collect();
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" ({n})");
        let keep = NAME_MAX.saturating_sub(suffix.chars().count());
        name = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
        n += 1;
    }
    name
}

/// Writes the sheets into one XLSX file.
pub fn xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, AppError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let mut taken: Vec<String> = Vec::new();
    for sheet in sheets {
        let name = sheet_name(&sheet.name, &taken);
        taken.push(name.clone());
        let ws = book.add_worksheet();
        ws.set_name(&name).map_err(AppError::internal)?;
        for (c, h) in sheet.header.iter().enumerate() {
            let col = u16::try_from(c).map_err(AppError::internal)?;
            ws.write_string_with_format(0, col, hih_web::export::neutralise(h), &bold)
                .map_err(AppError::internal)?;
            ws.set_column_width(col, if c == 0 { 36.0 } else { 16.0 })
                .map_err(AppError::internal)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(AppError::internal)?;
            for (c, v) in row.iter().enumerate() {
                let col = u16::try_from(c).map_err(AppError::internal)?;
                match v {
                    Value::Text(t) => {
                        ws.write_string(r, col, hih_web::export::neutralise(t))
                            .map_err(AppError::internal)?;
                    }
                    Value::Number(n) => {
                        ws.write_number(r, col, *n).map_err(AppError::internal)?;
                    }
                    Value::Empty => {}
                }
            }
        }
        ws.set_freeze_panes(1, 0).map_err(AppError::internal)?;
        if !sheet.header.is_empty() {
            let last_row = u32::try_from(sheet.rows.len()).map_err(AppError::internal)?;
            let last_col = u16::try_from(sheet.header.len() - 1).map_err(AppError::internal)?;
            ws.autofilter(0, 0, last_row, last_col)
                .map_err(AppError::internal)?;
        }
    }
    if sheets.is_empty() {
        book.add_worksheet();
    }
    book.save_to_buffer().map_err(AppError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let long = "Bewerberinnen und Bewerber nach Herkunftsland: Übersicht";
        let a = sheet_name(long, &[]);
        assert_eq!(a.chars().count(), 31);
        assert!(!a.contains(':'));
        let b = sheet_name(long, std::slice::from_ref(&a));
        assert_ne!(a, b);
        assert!(b.ends_with(" (2)"));
        assert_eq!(b.chars().count(), 31);
    }
}

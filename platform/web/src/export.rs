//! File exports (R-EXP-1/2): CSV (comma, header row, RFC 4180 quoting, UTF-8) and XLSX (header
//! row, frozen, autofilter, strings written as strings — never formulas). Cells that begin with
//! `=`, `+`, `-`, `@`, tab or CR are neutralised with a leading apostrophe.

use poem::Response;
use poem::http::header;
use rust_xlsxwriter::{Format, Workbook};

use hih_kernel::AppError;

/// A cell value.
#[derive(Debug, Clone)]
pub enum Cell {
    /// Text (neutralised against formula injection).
    Text(String),
    /// A number.
    Number(f64),
    /// A calendar date (ISO 8601 in CSV, a real date formatted TT.MM.JJJJ in XLSX).
    Date(chrono::NaiveDate),
}

/// Neutralises a text that a spreadsheet could read as a formula (R-EXP-2).
pub fn neutralise(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// CSV bytes with a header row.
pub fn csv_bytes(header: &[String], rows: &[Vec<Cell>]) -> Result<Vec<u8>, AppError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(header).map_err(AppError::internal)?;
    for row in rows {
        let record: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(t) => neutralise(t),
                Cell::Number(n) => n.to_string(),
                Cell::Date(d) => d.to_string(),
            })
            .collect();
        w.write_record(&record).map_err(AppError::internal)?;
    }
    w.into_inner().map_err(AppError::internal)
}

/// XLSX bytes with a bold, frozen header row and an autofilter.
pub fn xlsx_bytes(
    sheet_name: &str,
    header: &[String],
    rows: &[Vec<Cell>],
) -> Result<Vec<u8>, AppError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name).map_err(AppError::internal)?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    for (c, h) in header.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, h, &bold)
            .map_err(AppError::internal)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = (r + 1) as u32;
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Cell::Text(t) => sheet.write_string(r, c as u16, neutralise(t)),
                Cell::Number(n) => sheet.write_number(r, c as u16, *n),
                Cell::Date(d) => {
                    use chrono::Datelike;
                    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(
                        d.year() as u16,
                        d.month() as u8,
                        d.day() as u8,
                    )
                    .map_err(AppError::internal)?;
                    sheet.write_datetime_with_format(r, c as u16, &day, &date)
                }
            }
            .map_err(AppError::internal)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(AppError::internal)?;
    if !header.is_empty() {
        sheet
            .autofilter(0, 0, rows.len() as u32, (header.len() - 1) as u16)
            .map_err(AppError::internal)?;
    }
    for c in 0..header.len() {
        sheet
            .set_column_width(c as u16, 24)
            .map_err(AppError::internal)?;
    }
    book.save_to_buffer().map_err(AppError::internal)
}

/// A download response.
pub fn download(bytes: Vec<u8>, filename: &str, content_type: &str) -> Response {
    Response::builder()
        .header(header::CONTENT_TYPE, content_type)
        .header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        )
        .body(bytes)
}

/// MIME type of CSV.
pub const CSV: &str = "text/csv; charset=utf-8";
/// MIME type of XLSX.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+49 30"), "'+49 30");
        assert_eq!(neutralise("-1"), "'-1");
        assert_eq!(neutralise("@SUM"), "'@SUM");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("Müller"), "Müller");
    }

    #[test]
    fn csv_is_rfc4180_with_header() {
        let bytes = csv_bytes(
            &["Name".into(), "Notiz".into()],
            &[vec![
                Cell::Text("Müller, Jörg".into()),
                Cell::Text("sagt \"Hallo\"".into()),
            ]],
        )
        .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "Name,Notiz\r\n\"Müller, Jörg\",\"sagt \"\"Hallo\"\"\"\r\n"
        );
    }

    #[test]
    fn xlsx_is_a_zip() {
        let bytes = xlsx_bytes(
            "Liste",
            &["A".into()],
            &[vec![Cell::Text("=1+1".into())], vec![Cell::Number(3.0)]],
        )
        .unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}

//! File exports (R-EXP-1/2): CSV (comma, header row, RFC 4180 quoting, UTF-8) and XLSX (header
//! row, frozen, autofilter, strings written as strings — never formulas). Every text cell,
//! header cells included (their labels are editable texts), that begins with `=`, `+`, `-`,
//! `@`, tab, CR or LF is neutralised with a leading apostrophe. German Excel opens a
//! double-clicked `.csv` splitting at `;`, so in CSV a formula character after a `;` inside a
//! cell gets an apostrophe too, and cells containing `;` are quoted ([`neutralise_csv`]).
//!
//! CSV files start with a UTF-8 byte order mark ([`BOM`]), without which German Excel reads a
//! double-clicked file as Windows-1252 and garbles umlauts; the setting `export.csv_bom` turns
//! it off. A request's export reads it from the request's settings ([`ExportWriter::new`]);
//! code outside a request (partner files written by a job) passes it to
//! [`ExportWriter::with_bom`].

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};

use poem::Response;
use poem::http::header;
use rust_xlsxwriter::{Format, Workbook};

use hih_kernel::AppError;

/// The UTF-8 byte order mark that starts CSV files unless `export.csv_bom` is off.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

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
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// Neutralises a CSV text cell for both ways a spreadsheet may split the line: at `,` (the
/// file's delimiter) and at `;` (German Excel on a double-clicked `.csv`). Read at `;`, a new
/// cell begins after every `;` of the line — wherever it stands, quotes notwithstanding — so a
/// formula character (or a quote opening one) right after a `;` gets an apostrophe as well.
pub fn neutralise_csv(text: &str) -> String {
    let first = neutralise(text);
    let mut out = String::with_capacity(first.len());
    let mut chars = first.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == ';'
            && chars
                .peek()
                .is_some_and(|n| matches!(n, '=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '"'))
        {
            out.push('\'');
        }
    }
    out
}

/// Writes one neutralised text field, quoted (RFC 4180: inner quotes doubled) when it holds
/// a `,`, `"`, a line break — or a `;`, which the csv writer alone would leave bare.
fn write_csv_text<W: Write>(w: &mut csv::Writer<W>, text: &str) -> Result<(), AppError> {
    // Most cells need nothing: written as they are, without the copies below (an export of
    // 100,000 rows has 2.7 million cells).
    if !text.starts_with(['=', '+', '-', '@', '\t', '\r', '\n'])
        && !text.contains([',', ';', '"', '\r', '\n'])
    {
        return w.write_field(text).map_err(AppError::internal);
    }
    let safe = neutralise_csv(text);
    let field = if safe.contains([',', ';', '"', '\r', '\n']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    };
    w.write_field(field).map_err(AppError::internal)
}

/// The two file formats every list exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// CSV: comma, header row, RFC 4180 quoting, UTF-8.
    Csv,
    /// XLSX: bold frozen header, autofilter, typed dates and numbers.
    Xlsx,
}

impl ExportFormat {
    /// The format for a requested file name (`export.csv`, `export.xlsx`), `None` for others.
    pub fn from_file_name(name: &str) -> Option<Self> {
        if name.ends_with(".csv") {
            Some(Self::Csv)
        } else if name.ends_with(".xlsx") {
            Some(Self::Xlsx)
        } else {
            None
        }
    }

    /// File name extension without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }

    /// MIME type.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Csv => CSV,
            Self::Xlsx => XLSX,
        }
    }
}

/// Writes an export row by row, so a handler can stream rows from the database without
/// holding them all: CSV into an anonymous temporary file, XLSX in rust_xlsxwriter's
/// constant-memory mode (rows go to a temporary file and are zipped at the end into another).
/// The finished file is answered from that file ([`ExportWriter::respond`]), so the server's
/// memory does not grow with the size of an export (`ops/performance.md`).
pub struct ExportWriter {
    format: ExportFormat,
    sink: Sink,
    columns: usize,
    rows: u32,
}

enum Sink {
    Csv(Box<csv::Writer<BufWriter<File>>>),
    Xlsx { book: Box<Workbook>, date: Format },
}

/// Column width of XLSX exports (characters).
const XLSX_COLUMN_WIDTH: f64 = 24.0;

impl ExportWriter {
    /// Starts an export of a request with its header row; `sheet_name` names the XLSX
    /// worksheet. A CSV starts with a [`BOM`] as the setting `export.csv_bom` says.
    pub fn new(
        ctx: &crate::Ctx,
        format: ExportFormat,
        sheet_name: &str,
        header: &[String],
    ) -> Result<Self, AppError> {
        let bom = ctx.services().settings.export.csv_bom;
        Self::with_bom(format, sheet_name, header, bom)
    }

    /// Like [`ExportWriter::new`], with the `export.csv_bom` setting given (`bom`; files
    /// written outside a request).
    pub fn with_bom(
        format: ExportFormat,
        sheet_name: &str,
        header: &[String],
        bom: bool,
    ) -> Result<Self, AppError> {
        let sink = match format {
            ExportFormat::Csv => {
                // Quoting is decided per text field by `write_csv_text` (a field holding `;`
                // stays whole for German Excel, which splits a double-clicked `.csv` at `;`);
                // numbers and dates never need it.
                let mut file = BufWriter::new(scratch_file()?);
                if bom {
                    file.write_all(BOM).map_err(AppError::internal)?;
                }
                let mut w = csv::WriterBuilder::new()
                    .terminator(csv::Terminator::CRLF)
                    .quote_style(csv::QuoteStyle::Never)
                    .from_writer(file);
                for h in header {
                    write_csv_text(&mut w, h)?;
                }
                w.write_record(None::<&[u8]>).map_err(AppError::internal)?;
                Sink::Csv(Box::new(w))
            }
            ExportFormat::Xlsx => {
                let mut book = Box::new(Workbook::new());
                let sheet = book
                    .add_worksheet_with_constant_memory()
                    .map_err(AppError::internal)?;
                sheet.set_name(sheet_name).map_err(AppError::internal)?;
                for c in 0..header.len() {
                    sheet
                        .set_column_width(c as u16, XLSX_COLUMN_WIDTH)
                        .map_err(AppError::internal)?;
                }
                let bold = Format::new().set_bold();
                for (c, h) in header.iter().enumerate() {
                    sheet
                        .write_string_with_format(0, c as u16, neutralise(h), &bold)
                        .map_err(AppError::internal)?;
                }
                sheet.set_freeze_panes(1, 0).map_err(AppError::internal)?;
                Sink::Xlsx {
                    book,
                    date: Format::new().set_num_format("dd.mm.yyyy"),
                }
            }
        };
        Ok(Self {
            format,
            sink,
            columns: header.len(),
            rows: 0,
        })
    }

    /// Appends one data row.
    pub fn push(&mut self, row: &[Cell]) -> Result<(), AppError> {
        self.rows += 1;
        match &mut self.sink {
            Sink::Csv(w) => {
                for cell in row {
                    match cell {
                        Cell::Text(t) => write_csv_text(w, t)?,
                        Cell::Number(n) => {
                            w.write_field(n.to_string()).map_err(AppError::internal)?
                        }
                        Cell::Date(d) => {
                            w.write_field(d.to_string()).map_err(AppError::internal)?
                        }
                    }
                }
                w.write_record(None::<&[u8]>).map_err(AppError::internal)
            }
            Sink::Xlsx { book, date } => {
                let r = self.rows;
                let sheet = book.worksheet_from_index(0).map_err(AppError::internal)?;
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
                            sheet.write_datetime_with_format(r, c as u16, &day, date)
                        }
                    }
                    .map_err(AppError::internal)?;
                }
                Ok(())
            }
        }
    }

    /// Data rows written so far.
    pub fn rows(&self) -> u32 {
        self.rows
    }

    /// The finished file in memory (files stored in the database, tests).
    pub fn finish(self) -> Result<Vec<u8>, AppError> {
        let mut file = self.finish_file()?;
        let mut bytes = Vec::with_capacity(usize::try_from(file.len).unwrap_or(0));
        file.file
            .read_to_end(&mut bytes)
            .map_err(AppError::internal)?;
        Ok(bytes)
    }

    /// The finished file, on disk and read from its start.
    pub fn finish_file(self) -> Result<ExportFile, AppError> {
        let mut file = match self.sink {
            Sink::Csv(w) => w
                .into_inner()
                .map_err(AppError::internal)?
                .into_inner()
                .map_err(AppError::internal)?,
            Sink::Xlsx { mut book, .. } => {
                if self.columns > 0 {
                    let sheet = book.worksheet_from_index(0).map_err(AppError::internal)?;
                    sheet
                        .autofilter(0, 0, self.rows, (self.columns - 1) as u16)
                        .map_err(AppError::internal)?;
                }
                let mut file = BufWriter::new(scratch_file()?);
                book.save_to_writer(&mut file).map_err(AppError::internal)?;
                file.into_inner().map_err(AppError::internal)?
            }
        };
        let len = file.seek(SeekFrom::End(0)).map_err(AppError::internal)?;
        file.rewind().map_err(AppError::internal)?;
        Ok(ExportFile { file, len })
    }
}

/// A finished export file: an anonymous temporary file (no name on disk, gone when it is
/// closed or the process ends) and its length.
pub struct ExportFile {
    file: File,
    len: u64,
}

impl ExportFile {
    /// A download response named `filename` that streams the file.
    pub fn download(self, filename: &str, content_type: &str) -> Response {
        let len = self.len;
        attachment(filename, content_type)
            .header(header::CONTENT_LENGTH, len)
            .body(self.into_body())
    }

    /// The file as a response body, read from disk while it is sent.
    pub fn into_body(self) -> poem::Body {
        poem::Body::from_async_read(tokio::fs::File::from_std(self.file))
    }
}

/// An anonymous temporary file for an export being written (in the system's temporary
/// directory, like rust_xlsxwriter's own row files).
fn scratch_file() -> Result<File, AppError> {
    tempfile::tempfile().map_err(AppError::internal)
}

impl ExportWriter {
    /// Finishes the file as a download named `<stem>.csv`/`.xlsx` and writes the export with
    /// its row count and `detail` (file, filter) to the access log (R-EXP-5).
    pub async fn respond(
        self,
        ctx: &crate::Ctx,
        stem: &str,
        entity: &str,
        detail: serde_json::Value,
    ) -> crate::WebResult {
        let format = self.format;
        let file = self.finish_file_logged(ctx, entity, detail).await?;
        Ok(file.download(
            &format!("{stem}.{}", format.extension()),
            format.content_type(),
        ))
    }

    /// Finishes the file on disk and writes the export with its row count and `detail` to the
    /// access log (R-EXP-5): [`Self::respond`] and the REST API's list exports, which stream it.
    pub async fn finish_file_logged(
        self,
        ctx: &crate::Ctx,
        entity: &str,
        detail: serde_json::Value,
    ) -> Result<ExportFile, AppError> {
        let count = self.rows();
        let file = self.finish_file()?;
        log_export(ctx, entity, detail, count).await;
        Ok(file)
    }

    /// Finishes the file and writes the export with its row count and `detail` to the access
    /// log (R-EXP-5): what [`Self::respond`] does, for answers that are not a page's download
    /// (the REST API's export operations).
    pub async fn finish_logged(
        self,
        ctx: &crate::Ctx,
        entity: &str,
        detail: serde_json::Value,
    ) -> Result<Vec<u8>, AppError> {
        let count = self.rows();
        let bytes = self.finish()?;
        log_export(ctx, entity, detail, count).await;
        Ok(bytes)
    }
}

/// Writes an export with its row count and `detail` to the access log (R-EXP-5).
async fn log_export(ctx: &crate::Ctx, entity: &str, detail: serde_json::Value, count: u32) {
    ctx.log_access(
        hih_db::access::AccessAction::Export,
        entity,
        None,
        detail,
        Some(i64::from(count)),
    )
    .await;
}

fn whole_file(
    format: ExportFormat,
    sheet_name: &str,
    header: &[String],
    rows: &[Vec<Cell>],
    bom: bool,
) -> Result<Vec<u8>, AppError> {
    let mut w = ExportWriter::with_bom(format, sheet_name, header, bom)?;
    for row in rows {
        w.push(row)?;
    }
    w.finish()
}

/// CSV bytes with a header row, starting with a [`BOM`] if `bom` (the setting
/// `export.csv_bom`).
pub fn csv_bytes(header: &[String], rows: &[Vec<Cell>], bom: bool) -> Result<Vec<u8>, AppError> {
    whole_file(ExportFormat::Csv, "", header, rows, bom)
}

/// XLSX bytes with a bold, frozen header row and an autofilter.
pub fn xlsx_bytes(
    sheet_name: &str,
    header: &[String],
    rows: &[Vec<Cell>],
) -> Result<Vec<u8>, AppError> {
    whole_file(ExportFormat::Xlsx, sheet_name, header, rows, false)
}

/// A download response.
pub fn download(bytes: Vec<u8>, filename: &str, content_type: &str) -> Response {
    attachment(filename, content_type).body(bytes)
}

/// The headers of a download named `filename`.
fn attachment(filename: &str, content_type: &str) -> poem::ResponseBuilder {
    Response::builder()
        .header(header::CONTENT_TYPE, content_type)
        .header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        )
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
            true,
        )
        .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}Name,Notiz\r\n\"Müller, Jörg\",\"sagt \"\"Hallo\"\"\"\r\n"
        );
    }

    #[test]
    fn csv_cells_stay_whole_when_read_at_semicolons_and_headers_are_neutralised() {
        let bytes = csv_bytes(
            &["=Kopf".into(), "Zahl".into()],
            &[vec![Cell::Text("a;=1+1".into()), Cell::Number(3.0)]],
            true,
        )
        .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let text = text.strip_prefix('\u{feff}').unwrap().to_string();
        assert_eq!(text, "'=Kopf,Zahl\r\n\"a;'=1+1\",3\r\n");
        assert_eq!(neutralise_csv("x;=1;+2;\"=3;ok"), "x;'=1;'+2;'\"=3;ok");
        for delimiter in [b',', b';'] {
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .has_headers(false)
                .from_reader(text.as_bytes());
            for record in reader.records() {
                for cell in record.unwrap().iter() {
                    assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
                }
            }
        }
    }

    #[test]
    fn csv_starts_with_a_bom_unless_the_setting_is_off() {
        let header = ["Name".to_string()];
        let write = |bom: bool| {
            let mut w = ExportWriter::with_bom(ExportFormat::Csv, "", &header, bom).unwrap();
            w.push(&[Cell::Text("Jörg".into())]).unwrap();
            w.finish().unwrap()
        };
        assert_eq!(write(true), b"\xEF\xBB\xBFName\r\nJ\xC3\xB6rg\r\n");
        assert_eq!(write(true)[..3], *BOM);
        assert_eq!(write(false), b"Name\r\nJ\xC3\xB6rg\r\n");
        let off = ExportWriter::with_bom(ExportFormat::Csv, "", &header, false).unwrap();
        assert_eq!(off.finish().unwrap(), b"Name\r\n");
        let xlsx = xlsx_bytes("Liste", &header, &[]).unwrap();
        assert_eq!(&xlsx[..2], b"PK");
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

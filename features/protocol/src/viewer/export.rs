//! The CSV/XLSX export both log lists share: exactly the filtered entries, streamed from the
//! database row by row, access-logged with the row count and the filter (R-EXP-5).

use futures::TryStreamExt;
use hih_kernel::AppError;
use hih_web::export::{Cell, ExportFormat, ExportWriter};
use hih_web::{Ctx, ListParams, WebError, WebResult};
use sea_orm::{EntityTrait, Select};

/// What distinguishes one log's export: headers, sheet, file stem and access-log entity.
pub(super) struct LogExport {
    /// Text keys of the column headers.
    pub headers: &'static [&'static str],
    /// Text key of the XLSX sheet name.
    pub sheet_key: &'static str,
    /// File name without extension.
    pub stem: &'static str,
    /// Entity name in the access log.
    pub entity: &'static str,
}

impl LogExport {
    /// Answers `file` (`export.csv` or `export.xlsx`, else 404) with the rows of `select`,
    /// each turned into cells by `row`.
    pub async fn respond<E: EntityTrait>(
        &self,
        ctx: &Ctx,
        file: &str,
        params: &ListParams,
        select: Select<E>,
        row: impl Fn(E::Model) -> Vec<Cell>,
    ) -> WebResult {
        let Some(format) =
            ExportFormat::from_file_name(file).filter(|_| file.starts_with("export."))
        else {
            return Err(WebError(AppError::NotFound));
        };
        let header: Vec<String> = self.headers.iter().map(|k| ctx.t(k)).collect();
        let mut out = ExportWriter::new(ctx, format, &ctx.t(self.sheet_key), &header)?;
        let mut rows = select.stream(&ctx.services().db).await?;
        while let Some(e) = rows.try_next().await? {
            out.push(&row(e))?;
        }
        drop(rows);
        out.respond(
            ctx,
            self.stem,
            self.entity,
            serde_json::json!({ "file": file, "filter": params.filters }),
        )
        .await
    }
}

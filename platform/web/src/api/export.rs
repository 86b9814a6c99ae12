//! Export operations: the page's export of the same list (the rows of the same query or
//! computed rows, every row of the filter, batch by batch; the columns the role may see,
//! labels instead of codes) as CSV or XLSX, access-logged with its row count like the page's
//! download (R-EXP-5).

use std::sync::Arc;

use poem_openapi::ApiResponse;
use poem_openapi::payload::Binary;

use super::list::params_of;
use super::{ApiResult, ListQuery, OrProblem};
use crate::Ctx;
use crate::export::ExportFormat;
use crate::list::endpoints::write_export;
use crate::list::source::{FromQuery, InMemory, RowSource};
use crate::list::{ListSpec, ListView, MemoryList};

/// Die Datei eines Exports.
#[derive(ApiResponse)]
pub enum ExportFile {
    /// Die Liste als CSV (UTF-8, Komma, Kopfzeile).
    #[oai(status = 200, content_type = "text/csv; charset=utf-8")]
    Csv(
        Binary<poem::Body>,
        /// Dateiname.
        #[oai(header = "Content-Disposition")]
        String,
    ),
    /// Die Liste als XLSX (Kopfzeile fixiert, mit Filter).
    #[oai(
        status = 200,
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )]
    Xlsx(
        Binary<poem::Body>,
        /// Dateiname.
        #[oai(header = "Content-Disposition")]
        String,
    ),
}

/// The export of `spec`'s list for `query` in `format` (`csv` or `xlsx`, else 404).
pub async fn export<S: ListSpec>(
    spec: S,
    ctx: &Ctx,
    query: ListQuery,
    format: &str,
) -> ApiResult<ExportFile>
where
    S::Row: sea_orm::FromQueryResult,
{
    run(&FromQuery(Arc::new(spec)), ctx, query, format).await
}

/// The export of a computed list ([`MemoryList`]) for `query` in `format`.
pub async fn export_computed<M: MemoryList>(
    list: M,
    ctx: &Ctx,
    query: ListQuery,
    format: &str,
) -> ApiResult<ExportFile> {
    run(&InMemory(list), ctx, query, format).await
}

async fn run<R: RowSource>(
    source: &R,
    ctx: &Ctx,
    query: ListQuery,
    format: &str,
) -> ApiResult<ExportFile> {
    let spec = source.view();
    // The permission first (403, logged), then the format.
    let params = params_of(spec, ctx, query, false).await?;
    let file = format!("export.{format}");
    let (Some(kind), Some(export)) = (ExportFormat::from_file_name(&file), spec.export()) else {
        return Err(ctx.problem(&hih_kernel::AppError::NotFound));
    };
    let out = write_export(source, ctx, &params, kind)
        .await
        .or_problem(ctx)?;
    let file = out
        .finish_file_logged(
            ctx,
            <R::View as ListView>::INFO.entity,
            serde_json::json!({ "file": file, "filter": params.filters, "api": true }),
        )
        .await
        .or_problem(ctx)?;
    let disposition = format!(
        "attachment; filename=\"{}.{}\"",
        export.file,
        kind.extension()
    );
    Ok(match kind {
        ExportFormat::Csv => ExportFile::Csv(Binary(file.into_body()), disposition),
        ExportFormat::Xlsx => ExportFile::Xlsx(Binary(file.into_body()), disposition),
    })
}

//! The routes derived from a list ([`ListSpec`] or [`MemoryList`]): the list page, its export
//! and its distribution list, and (for a spec) the global-search provider.

use std::sync::Arc;

use hih_db::access::AccessAction;
use hih_kernel::{Access, AppError, ListEntry, Registry};
use poem::web::Path;
use poem::{EndpointExt, FromRequest, Request, Response, get};

use super::memory::MemoryList;
use super::source::{FromQuery, InMemory, RowBatches, RowSource};
use super::spec::params_of;
use super::{ListParams, ListSpec, ListView, SpecSearch, distribution, filtered};
use crate::export::{ExportFormat, ExportWriter};
use crate::{Ctx, WebError, WebResult};

/// Records read per query by exports and distribution lists: no cursor stays open while a
/// batch is turned into cells, and never more than one batch sits in memory.
pub(crate) const BATCH: u64 = 500;

/// Registers the list page of `spec` at its path and, where the spec has them, its export
/// (`<path>/export/:file`), its distribution list (`<path>/verteiler`, `…/verteiler/:file`)
/// and its global-search provider; lists it for the shared list tests.
pub fn register<S: ListSpec>(r: &mut Registry, spec: S)
where
    S::Row: sea_orm::FromQueryResult,
{
    let spec = Arc::new(spec);
    let search_kind = spec.search_label().map(|_| S::INFO.entity);
    if search_kind.is_some() {
        r.search_provider(Arc::new(SpecSearch(spec.clone())));
    }
    wire(r, Arc::new(FromQuery(spec)), search_kind);
}

/// Registers a list of computed rows like [`register`]: the same page, export and
/// distribution endpoints, ordered and paged by the machinery; no global-search section
/// (computed rows are not records to find).
pub fn register_in_memory<M: MemoryList>(r: &mut Registry, list: M) {
    wire(r, Arc::new(InMemory(list)), None);
}

/// The routes every list has, whatever its rows come from.
fn wire<R: RowSource>(r: &mut Registry, source: Arc<R>, search_kind: Option<&'static str>) {
    let info = <R::View as ListView>::INFO;
    let path = info.path;
    let access = Access::Permission(info.permission);
    r.route(path, access, get(endpoint(&source, Route::Page)).boxed());
    let export = source.view().export().map(|_| format!("{path}/export"));
    if let Some(export) = &export {
        r.route(
            &format!("{export}/:file"),
            access,
            get(endpoint(&source, Route::Export)).boxed(),
        );
    }
    let distribution = source
        .view()
        .distribution()
        .map(|_| format!("{path}/verteiler"));
    if let Some(page) = &distribution {
        r.route(
            page,
            access,
            get(endpoint(&source, Route::Distribution)).boxed(),
        );
        r.route(
            &format!("{page}/:file"),
            access,
            get(endpoint(&source, Route::DistributionFile)).boxed(),
        );
    }
    r.list(ListEntry {
        key: info.key,
        path,
        permission: info.permission,
        sort_keys: info.columns.to_vec(),
        export,
        distribution,
        search_kind,
    });
}

/// The routes of a list.
#[derive(Debug, Clone, Copy)]
enum Route {
    Page,
    Export,
    Distribution,
    DistributionFile,
}

fn endpoint<R: RowSource>(
    source: &Arc<R>,
    route: Route,
) -> impl poem::Endpoint<Output = Response> + use<R> {
    let spec = source.clone();
    poem::endpoint::make(move |req: Request| {
        let spec = spec.clone();
        async move {
            let (req, mut body) = req.split();
            let ctx = Ctx::from_request(&req, &mut body).await?;
            let query: Vec<(String, String)> = req
                .uri()
                .query()
                .and_then(|q| serde_urlencoded::from_str(q).ok())
                .unwrap_or_default();
            let answer = match route {
                Route::Page => page(&*spec, &ctx, &query).await,
                Route::Export => {
                    let Path(file) = Path::<String>::from_request(&req, &mut body).await?;
                    export(&*spec, &ctx, &query, &file).await
                }
                Route::Distribution => distribution::page(&*spec, &ctx, &query).await,
                Route::DistributionFile => {
                    let Path(file) = Path::<String>::from_request(&req, &mut body).await?;
                    distribution::file(&*spec, &ctx, &query, &file).await
                }
            };
            answer.map_err(poem::Error::from)
        }
    })
}

/// The list page: count and page from one query, the search access-logged.
async fn page<R: RowSource>(source: &R, ctx: &Ctx, query: &[(String, String)]) -> WebResult {
    let spec = source.view();
    let params = params_of(spec, ctx, query).await?;
    let (total, rows) = source.page(ctx, &params).await?;
    ctx.log_access(
        AccessAction::Search,
        <R::View as ListView>::INFO.entity,
        None,
        serde_json::json!(params.filters),
        Some(total as i64),
    )
    .await;
    spec.render(ctx, &params, total, rows).await
}

/// The count and the page's records of `params` (for pages that show a list of `spec` with
/// their own frame, e.g. one record's history).
pub async fn fetch<S: ListSpec + ?Sized>(
    spec: &S,
    ctx: &Ctx,
    params: &ListParams,
) -> WebResult<(u64, Vec<<S::Entity as sea_orm::EntityTrait>::Model>)> {
    Ok(super::spec::page_of(spec, &ctx.services().db, &ctx.actor, params).await?)
}

/// Every record of a list's query, batch by batch, in the list's order: the ids of all of
/// them first, in one statement (8 bytes a record), then [`BATCH`] records at a time by id.
/// So the export is exactly the records found at one moment, however many are written
/// meanwhile, and no batch re-reads the ones before it (paging with `OFFSET` would skip or
/// repeat records after a concurrent write, and made each batch slower than the last:
/// `ops/bench/RESULTS.md`).
pub(crate) struct Batches<E: sea_orm::EntityTrait> {
    ids: std::vec::IntoIter<i64>,
    entity: std::marker::PhantomData<E>,
}

impl<E: sea_orm::EntityTrait<Model: Sync>> Batches<E> {
    /// The batches of the records `params` finds for the caller (their ids read now).
    pub(crate) async fn of<S: ListSpec<Entity = E> + ?Sized>(
        spec: &S,
        ctx: &Ctx,
        params: &ListParams,
    ) -> WebResult<Self> {
        let db = &ctx.services().db;
        let select = filtered(spec, &ctx.actor, hih_db::backend(db), params);
        Ok(Batches {
            ids: crate::paging::ids_of(select, db).await?.into_iter(),
            entity: std::marker::PhantomData,
        })
    }
}

#[async_trait::async_trait]
impl<E: sea_orm::EntityTrait<Model: Sync>> RowBatches<E::Model> for Batches<E> {
    async fn next(&mut self, ctx: &Ctx) -> WebResult<Option<Vec<E::Model>>> {
        let chunk = next_batch(&mut self.ids);
        if chunk.is_empty() {
            return Ok(None);
        }
        let db = &ctx.services().db;
        Ok(Some(crate::paging::rows_by_ids::<E, _>(chunk, db).await?))
    }
}

/// The next [`BATCH`] items of `items` (empty after the last).
pub(crate) fn next_batch<T>(items: &mut std::vec::IntoIter<T>) -> Vec<T> {
    items
        .take(usize::try_from(BATCH).unwrap_or(usize::MAX))
        .collect()
}

/// The format of a download named `<stem>csv` or `<stem>xlsx` and the list's part it
/// belongs to; 404 for other names or a list without that part.
pub(crate) fn download_of<T>(
    file: &str,
    stem: &str,
    part: Option<T>,
) -> WebResult<(ExportFormat, T)> {
    match (
        ExportFormat::from_file_name(file).filter(|_| file.starts_with(stem)),
        part,
    ) {
        (Some(format), Some(part)) => Ok((format, part)),
        _ => Err(WebError(AppError::NotFound)),
    }
}

/// The export of the current result (`export.csv`, `export.xlsx`): exactly the list's
/// records, only the columns the role may see, labels instead of codes, access logged.
async fn export<R: RowSource>(
    source: &R,
    ctx: &Ctx,
    query: &[(String, String)],
    file: &str,
) -> WebResult {
    let spec = source.view();
    let (format, export) = download_of(file, "export.", spec.export())?;
    let _slot = ctx.state.long_work().await?;
    let params = params_of(spec, ctx, query).await?;
    let out = write_export(source, ctx, &params, format).await?;
    out.respond(
        ctx,
        export.file,
        <R::View as ListView>::INFO.entity,
        serde_json::json!({ "file": file, "filter": params.filters }),
    )
    .await
}

/// Writes every row of `params` into an export of `format`, batch by batch (the page's
/// export and the REST API's export operations).
pub(crate) async fn write_export<R: RowSource>(
    source: &R,
    ctx: &Ctx,
    params: &ListParams,
    format: ExportFormat,
) -> WebResult<ExportWriter> {
    let spec = source.view();
    let sheet = spec
        .export()
        .map(|e| ctx.t(e.sheet_key))
        .unwrap_or_default();
    let header = spec.export_header(ctx).await?;
    let mut out = ExportWriter::new(ctx, format, &sheet, &header)?;
    let mut batches = source.batches(ctx, params).await?;
    while let Some(batch) = batches.next(ctx).await? {
        for row in spec.export_rows(ctx, batch).await? {
            out.push(&row)?;
        }
    }
    Ok(out)
}

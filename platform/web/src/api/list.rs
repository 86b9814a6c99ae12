//! List operations: the very query of the list page ([`crate::list::page_of`] of the same
//! [`ListSpec`]: scope, typed filters, free text, sort with id tie-break) or the same computed
//! rows ([`MemoryList`]: scope and filters in its `rows`, ordered by the same comparison), the
//! same preparation of the parameters and the same access log, paged with a maximum page
//! size — so an API count equals the page's count for the same filter, by construction.

use hih_db::access::AccessAction;
use poem_openapi::Object;
use sea_orm::EntityTrait;

use super::{ApiResult, OrProblem, require};
use crate::Ctx;
use crate::list::{ListParams, ListSpec, ListView, MemoryList};

/// The paging and order of a list request (the filters are the list's own query fields).
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// The list's filter fields as given (`q`, `status`, …), names as on the page.
    pub filters: Vec<(String, String)>,
    /// Sort key (one of the page's columns).
    pub sort: Option<String>,
    /// `asc` or `desc`.
    pub dir: Option<String>,
    /// 1-based page.
    pub page: Option<u64>,
    /// Page size (at most the setting `api.max_page_size`).
    pub per_page: Option<u64>,
}

impl ListQuery {
    /// A query with paging and order, no filters yet.
    pub fn new(
        sort: Option<String>,
        dir: Option<String>,
        page: Option<u64>,
        per_page: Option<u64>,
    ) -> Self {
        ListQuery {
            filters: Vec::new(),
            sort,
            dir,
            page,
            per_page,
        }
    }

    /// Adds the filter `name` when a value is given.
    pub fn filter(mut self, name: &str, value: Option<impl ToString>) -> Self {
        if let Some(v) = value {
            self.filters.push((name.to_string(), v.to_string()));
        }
        self
    }

    /// Adds a yes/no filter as the page's checkbox sends it (`on`), only when true.
    pub fn flag(self, name: &str, value: Option<bool>) -> Self {
        self.filter(name, value.filter(|v| *v).map(|_| "on"))
    }
}

/// Seitenangaben einer Liste.
#[derive(Debug, Clone, Object)]
pub struct Paged {
    /// Anzahl aller Treffer (wie in der Liste der Oberfläche bei gleichem Filter).
    pub total: u64,
    /// Die gelieferte Seite (ab 1).
    pub page: u64,
    /// Einträge je Seite.
    pub per_page: u64,
    /// Anzahl der Seiten.
    pub pages: u64,
}

/// The list parameters of `query` for `spec`, prepared as the page prepares them (permission
/// checked first: 403, logged). `paged`: with the API's page size (else every row, for
/// exports).
pub(crate) async fn params_of<V: ListView + ?Sized>(
    spec: &V,
    ctx: &Ctx,
    query: ListQuery,
    paged: bool,
) -> ApiResult<ListParams> {
    require(ctx, V::INFO.permission).await?;
    let mut pairs = query.filters;
    pairs.extend(query.sort.map(|s| ("sort".to_string(), s)));
    pairs.extend(query.dir.map(|d| ("dir".to_string(), d)));
    let keys = spec.sort_keys(&ctx.actor);
    let mut params = ListParams::from_query(
        V::INFO.path,
        &pairs,
        V::INFO.filters,
        &keys,
        V::INFO.newest_first,
    );
    spec.prepare(ctx, &mut params).await.or_problem(ctx)?;
    if paged {
        params.per = super::page_size(ctx, query.per_page, 20);
        params.page = query.page.unwrap_or(1).max(1);
    }
    Ok(params)
}

/// Logs the search like the page's and gives the paging of `total` rows.
async fn logged<V: ListView + ?Sized>(ctx: &Ctx, params: &ListParams, total: u64) -> Paged {
    ctx.log_access(
        AccessAction::Search,
        V::INFO.entity,
        None,
        serde_json::json!(params.filters),
        Some(total as i64),
    )
    .await;
    let pages = total.div_ceil(params.per).max(1);
    Paged {
        total,
        page: params.page.min(pages),
        per_page: params.per,
        pages,
    }
}

/// The records of one page of `spec`'s list for the caller: permission checked (403, logged),
/// the list query run, the search access-logged like the page's, the rows in the list's order.
pub async fn list<S: ListSpec>(
    spec: &S,
    ctx: &Ctx,
    query: ListQuery,
) -> ApiResult<(Paged, Vec<<S::Entity as EntityTrait>::Model>)> {
    let params = params_of(spec, ctx, query, true).await?;
    let (total, rows) = crate::list::page_of(spec, &ctx.services().db, &ctx.actor, &params)
        .await
        .or_problem(ctx)?;
    let paged = logged::<S>(ctx, &params, total).await;
    Ok((paged, rows))
}

/// The rows of one page of a computed list ([`MemoryList`]) for the caller, exactly as its
/// page computes, orders and counts them; permission and access log as [`list`].
pub async fn list_computed<M: MemoryList>(
    spec: &M,
    ctx: &Ctx,
    query: ListQuery,
) -> ApiResult<(Paged, Vec<M::Row>)> {
    let params = params_of(spec, ctx, query, true).await?;
    let rows = crate::list::memory::sorted(spec, ctx, &params)
        .await
        .or_problem(ctx)?;
    let paged = logged::<M>(ctx, &params, rows.len() as u64).await;
    Ok((paged, crate::list::memory::window(rows, &params)))
}

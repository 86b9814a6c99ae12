//! List operations: the very query of the list page ([`crate::list::filtered`] of the same
//! [`ListSpec`]: scope, typed filters, free text, sort with id tie-break) and the same access
//! log, paged with a maximum page size — so an API count equals the page's count for the same
//! filter, by construction.

use hih_db::access::AccessAction;
use poem_openapi::Object;
use sea_orm::EntityTrait;

use super::{ApiResult, OrProblem, require};
use crate::Ctx;
use crate::list::{ListParams, ListSpec, filtered};

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

/// The records of one page of `spec`'s list for the caller: permission checked (403, logged),
/// the list query run, the search access-logged like the page's, the rows in the list's order.
pub async fn list<S: ListSpec>(
    spec: &S,
    ctx: &Ctx,
    query: ListQuery,
) -> ApiResult<(Paged, Vec<<S::Entity as EntityTrait>::Model>)> {
    require(ctx, S::INFO.permission).await?;
    let mut pairs = query.filters;
    pairs.extend(query.sort.map(|s| ("sort".to_string(), s)));
    pairs.extend(query.dir.map(|d| ("dir".to_string(), d)));
    let keys = spec.sort_keys(&ctx.actor);
    let mut params = ListParams::from_query(
        S::INFO.path,
        &pairs,
        S::INFO.filters,
        &keys,
        S::INFO.newest_first,
    );
    let max = ctx.services().settings.api.max_page_size.max(1);
    params.per = query.per_page.unwrap_or(20).clamp(1, max);
    params.page = query.page.unwrap_or(1).max(1);
    let db = &ctx.services().db;
    let select = filtered(spec, &ctx.actor, hih_db::backend(db), &params);
    let (total, rows) = crate::fetch_page(select, &params, db)
        .await
        .or_problem(ctx)?;
    ctx.log_access(
        AccessAction::Search,
        S::INFO.entity,
        None,
        serde_json::json!(params.filters),
        Some(total as i64),
    )
    .await;
    let pages = total.div_ceil(params.per).max(1);
    let paged = Paged {
        total,
        page: params.page.min(pages),
        per_page: params.per,
        pages,
    };
    Ok((paged, rows))
}

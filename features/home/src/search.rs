//! The global search (R-LST-4): `/suche?q=…` asks every registered [`SearchProvider`] for the
//! records matching the query within the caller's scope and shows one section per kind with
//! hits; the search is written to the access log with the hits per kind.
//!
//! [`SearchProvider`]: hih_kernel::SearchProvider

use hih_db::access::AccessAction;
use hih_db::fold::fold;
use hih_kernel::SearchHit;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::handler;
use poem::web::Query;
use serde::{Deserialize, Serialize};

/// Hits shown per kind; the rest is one click away in the entity's list.
pub const HITS_PER_KIND: u64 = 10;
/// Folded characters a query needs before anything is searched.
pub const MIN_QUERY_CHARS: usize = 2;
/// Longer queries are cut here (a search box, not a document).
pub const MAX_QUERY_CHARS: usize = 200;

/// The query string.
#[derive(Deserialize)]
pub struct SearchQuery {
    /// The search words.
    #[serde(default)]
    q: String,
}

#[derive(Serialize)]
struct Section {
    kind: &'static str,
    label_key: &'static str,
    total: u64,
    hits: Vec<SearchHit>,
    list_href: String,
}

/// Whether a query is long enough to search (an empty or one-letter query shows a hint).
pub fn searchable(query: &str) -> bool {
    fold(query).chars().filter(|c| !c.is_whitespace()).count() >= MIN_QUERY_CHARS
}

/// The results page.
#[handler]
pub async fn page(ctx: Ctx, Query(query): Query<SearchQuery>) -> WebResult {
    let q: String = query.q.trim().chars().take(MAX_QUERY_CHARS).collect();
    if !searchable(&q) {
        return ctx
            .render(
                "home/search.html",
                context! { search_q => q, too_short => true },
            )
            .await;
    }
    let mut sections = Vec::new();
    let mut per_kind = serde_json::Map::new();
    for provider in &ctx.state.search_providers {
        let found = provider
            .search(ctx.services(), &ctx.actor, &q, HITS_PER_KIND)
            .await?;
        per_kind.insert(provider.kind().into(), found.total.into());
        if found.total > 0 {
            sections.push(Section {
                kind: provider.kind(),
                label_key: provider.label_key(),
                total: found.total,
                hits: found.hits,
                list_href: found.list_href,
            });
        }
    }
    let total: u64 = sections.iter().map(|s| s.total).sum();
    ctx.log_access(
        AccessAction::Search,
        "search",
        None,
        serde_json::json!({ "q": q, "hits": per_kind }),
        Some(i64::try_from(total).unwrap_or(i64::MAX)),
    )
    .await;
    ctx.render(
        "home/search.html",
        context! { search_q => q, too_short => false, sections => Serde(sections), total => total },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_is_not_searched() {
        assert!(!searchable(""));
        assert!(!searchable("  ä "));
        assert!(searchable("ab"));
        assert!(searchable("ß"), "ß folds to ss");
    }
}

//! The global-search provider of a list (R-LST-4): the list's own query for the search words,
//! so the section's count is the count of the list it links to.

use std::sync::Arc;

use hih_kernel::{Actor, AppError, SearchHits, SearchProvider, Services};

use super::{ListParams, ListSpec, filtered};

/// The search provider derived from a [`ListSpec`] (registered by [`super::register`]).
pub struct SpecSearch<S: ListSpec>(pub Arc<S>);

#[async_trait::async_trait]
impl<S: ListSpec> SearchProvider for SpecSearch<S>
where
    S::Row: sea_orm::FromQueryResult,
{
    fn kind(&self) -> &'static str {
        S::INFO.entity
    }

    fn label_key(&self) -> &'static str {
        self.0.search_label().unwrap_or_default()
    }

    async fn search(
        &self,
        services: &Services,
        actor: &Actor,
        query: &str,
        limit: u64,
    ) -> Result<SearchHits, AppError> {
        let spec = &*self.0;
        if !S::INFO.permission.allows(actor) {
            return Ok(SearchHits::default());
        }
        let pairs = spec.search_query(actor, query);
        let keys = spec.sort_keys(actor);
        let params = ListParams::from_query(
            S::INFO.path,
            &pairs,
            S::INFO.filters,
            &keys,
            S::INFO.newest_first,
        );
        let select = filtered(spec, actor, hih_db::backend(&services.db), &params);
        let (total, found) = crate::fetch_first(select, limit, &services.db).await?;
        Ok(SearchHits {
            total,
            hits: spec.hits(services, found).await?,
            list_href: format!(
                "{}?{}",
                S::INFO.path,
                serde_urlencoded::to_string(&pairs).unwrap_or_default()
            ),
        })
    }
}

//! Contact entries in the global search (R-LST-4, R-CH): the entry texts (remarks) are found,
//! within [`crate::scope::visible_entries`], on the trigram index of the folded search text.

use hih_db::search::text_matches;
use hih_kernel::{Actor, AppError, SearchHit, SearchHits, SearchProvider, Services};
use sea_orm::{Condition, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::contact_entry;
use crate::permissions::CONTACTS;
use crate::scope::visible_entries;

/// Finds contact entries for the search box.
pub struct ContactSearch;

/// At most this many characters of the entry text as the hit's context.
const CONTEXT_CHARS: usize = 120;

#[async_trait::async_trait]
impl SearchProvider for ContactSearch {
    fn kind(&self) -> &'static str {
        "contact_entry"
    }

    fn label_key(&self) -> &'static str {
        "contacts-search-section"
    }

    async fn search(
        &self,
        services: &Services,
        actor: &Actor,
        query: &str,
        limit: u64,
    ) -> Result<SearchHits, AppError> {
        if !CONTACTS.allows(actor) {
            return Ok(SearchHits::default());
        }
        let cond = Condition::all()
            .add(visible_entries(actor))
            .add(text_matches(
                hih_db::backend(&services.db),
                "contact_entry",
                contact_entry::Column::SearchText,
                query,
            ));
        let select = contact_entry::Entity::find().filter(cond);
        let (total, found) = hih_web::fetch_first(
            select
                .order_by_desc(contact_entry::Column::ContactDate)
                .order_by_desc(contact_entry::Column::Id),
            limit,
            &services.db,
        )
        .await?;
        let hits = found
            .into_iter()
            .map(|e| SearchHit {
                title: format!("{} · {}", e.contact_date.format("%d.%m.%Y"), e.author_name),
                context: e.remarks.chars().take(CONTEXT_CHARS).collect(),
                href: format!("/kontakte/{}", e.id),
                badge_key: None,
            })
            .collect();
        Ok(SearchHits {
            total,
            hits,
            list_href: format!(
                "/kontakte?{}",
                serde_urlencoded::to_string([("q", query)]).unwrap_or_default()
            ),
        })
    }
}

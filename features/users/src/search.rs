//! The accounts' part of the global search (R-LST-4): only account managers find accounts
//! (through [`visible_users`]); the user list's condition and order, count and hits in SQL.

use hih_db::fold::contains_all_words;
use hih_kernel::{Actor, AppError, SearchHit, SearchHits, SearchProvider, Services};
use sea_orm::{Condition, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::user_account;
use crate::permissions::MANAGE_USERS;
use crate::scope::visible_users;
use crate::service;

/// Finds accounts for the search box.
pub struct UserSearch;

#[async_trait::async_trait]
impl SearchProvider for UserSearch {
    fn kind(&self) -> &'static str {
        "user"
    }

    fn label_key(&self) -> &'static str {
        "users-search-section"
    }

    async fn search(
        &self,
        services: &Services,
        actor: &Actor,
        query: &str,
        limit: u64,
    ) -> Result<SearchHits, AppError> {
        // Everybody else sees only their own account, which is not a search result.
        if !MANAGE_USERS.allows(actor) {
            return Ok(SearchHits::default());
        }
        let select = user_account::Entity::find().filter(
            Condition::all()
                .add(visible_users(actor))
                .add(contains_all_words(user_account::Column::SearchText, query)),
        );
        let (total, found) = hih_web::fetch_first(
            select
                .order_by_asc(user_account::Column::SortName)
                .order_by_asc(user_account::Column::Id),
            limit,
            &services.db,
        )
        .await?;
        let institutions = service::institutions(services).await?;
        let hits = found
            .into_iter()
            .map(|u| {
                let institution = institutions
                    .iter()
                    .find(|i| i.id == u.institution_id)
                    .map(|i| i.name.as_str())
                    .unwrap_or_default();
                SearchHit {
                    title: u.display_name(),
                    context: format!("{} · {institution}", u.username),
                    href: format!("/benutzer/{}", u.id),
                    badge_key: (!u.active).then_some("users-status-inactive"),
                }
            })
            .collect();
        Ok(SearchHits {
            total,
            hits,
            list_href: format!(
                "/benutzer?{}",
                serde_urlencoded::to_string([("q", query)]).unwrap_or_default()
            ),
        })
    }
}

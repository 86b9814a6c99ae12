//! The companies' part of the global search (R-LST-4): the scoping function, the folded
//! search text, the list's default order; count and hits from the same condition.

use hih_db::Backend;
use hih_db::search::text_matches;
use hih_kernel::{Actor, AppError, SearchHit, SearchHits, SearchProvider, Services};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::company;
use crate::permissions::COMPANIES;
use crate::scope::{sees_deactivated, visible_companies};

/// Finds companies for the search box.
pub struct CompanySearch;

/// The companies `actor` finds for `query`: in scope, every word in the folded search text,
/// active ones only unless the actor is an admin (who sees deactivated ones, marked, during
/// retention; R-LST-2).
pub fn condition(backend: Backend, actor: &Actor, query: &str) -> Condition {
    let mut cond = Condition::all()
        .add(visible_companies(actor))
        .add(text_matches(
            backend,
            "company",
            company::Column::SearchText,
            query,
        ));
    if !sees_deactivated(actor) {
        cond = cond.add(company::Column::Active.eq(true));
    }
    cond
}

/// The company list showing the same records (`inactive=on` for admins, so counts agree).
pub fn list_href(actor: &Actor, query: &str) -> String {
    let mut pairs = vec![("q", query)];
    if sees_deactivated(actor) {
        pairs.push(("inactive", "on"));
    }
    format!(
        "/unternehmen?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

#[async_trait::async_trait]
impl SearchProvider for CompanySearch {
    fn kind(&self) -> &'static str {
        "company"
    }

    fn label_key(&self) -> &'static str {
        "companies-search-section"
    }

    async fn search(
        &self,
        services: &Services,
        actor: &Actor,
        query: &str,
        limit: u64,
    ) -> Result<SearchHits, AppError> {
        if !COMPANIES.allows(actor) {
            return Ok(SearchHits::default());
        }
        let select =
            company::Entity::find().filter(condition(hih_db::backend(&services.db), actor, query));
        let (total, found) = hih_web::fetch_first(
            select
                .order_by_asc(company::Column::SortName)
                .order_by_asc(company::Column::Id),
            limit,
            &services.db,
        )
        .await?;
        let hits = found
            .into_iter()
            .map(|c| SearchHit {
                href: format!("/unternehmen/{}", c.id),
                context: format!("{} {}, {} {}", c.street, c.house_number, c.plz, c.ort),
                badge_key: (!c.active).then_some("companies-deactivated-badge"),
                title: c.name,
            })
            .collect();
        Ok(SearchHits {
            total,
            hits,
            list_href: list_href(actor, query),
        })
    }
}

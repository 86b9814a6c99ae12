//! The applicants' part of the global search (R-LST-4): the scoping function, the folded
//! search text on its trigram index, the list's default order; count and hits from the same
//! condition.

use hih_db::search::text_matches;
use hih_kernel::{Actor, AppError, SearchHit, SearchHits, SearchProvider, Services};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::applicant;
use crate::permissions::APPLICANTS_READ;
use crate::scope::{sees_deactivated, visible_applicants};

/// Finds applicants for the search box.
pub struct ApplicantSearch;

/// The applicants `actor` finds for `query`: in scope, every word in the folded search text,
/// active ones only unless the actor is an admin (R-LST-2).
pub fn condition(db: &sea_orm::DatabaseConnection, actor: &Actor, query: &str) -> Condition {
    let mut cond = Condition::all()
        .add(visible_applicants(actor))
        .add(text_matches(
            hih_db::backend(db),
            "applicant",
            applicant::Column::SearchText,
            query,
        ));
    if !sees_deactivated(actor) {
        cond = cond.add(applicant::Column::Active.eq(true));
    }
    cond
}

/// The applicant list showing the same records (`inactive=on` for admins, so counts agree).
pub fn list_href(actor: &Actor, query: &str) -> String {
    let mut pairs = vec![("q", query)];
    if sees_deactivated(actor) {
        pairs.push(("inactive", "on"));
    }
    format!(
        "/bewerber?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

#[async_trait::async_trait]
impl SearchProvider for ApplicantSearch {
    fn kind(&self) -> &'static str {
        "applicant"
    }

    fn label_key(&self) -> &'static str {
        "applicants-search-section"
    }

    async fn search(
        &self,
        services: &Services,
        actor: &Actor,
        query: &str,
        limit: u64,
    ) -> Result<SearchHits, AppError> {
        if !APPLICANTS_READ.allows(actor) {
            return Ok(SearchHits::default());
        }
        let select = applicant::Entity::find().filter(condition(&services.db, actor, query));
        let (total, found) = hih_web::fetch_first(
            select
                .order_by_asc(applicant::Column::SortName)
                .order_by_asc(applicant::Column::Id),
            limit,
            &services.db,
        )
        .await?;
        let hits = found
            .into_iter()
            .map(|a| SearchHit {
                href: format!("/bewerber/{}", a.id),
                context: format!(
                    "{} · {}",
                    a.applicant_id.clone().unwrap_or_default(),
                    a.residence
                ),
                badge_key: (!a.active).then_some("applicants-deactivated-badge"),
                title: format!("{} {}", a.first_names, a.last_name),
            })
            .collect();
        Ok(SearchHits {
            total,
            hits,
            list_href: list_href(actor, query),
        })
    }
}

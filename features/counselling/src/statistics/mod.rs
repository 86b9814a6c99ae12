//! Anonymous statistics of the counselling channel (R-CNS-3) at `/beratung/statistik`:
//! conversations, messages and the median first-response time by country and topic, from the
//! counters and the first-response times that outlive deleted conversations. Admins see every
//! country, AHK staff their own.

pub mod response_time;

use std::collections::BTreeMap;

use hih_kernel::{Access, Registry, Role};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::{EndpointExt, get, handler};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::entities::counter;

/// One row of the statistics.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Figures {
    /// Country code.
    pub country: String,
    /// Topic code.
    pub topic: String,
    /// Conversations opened.
    pub conversations: i64,
    /// Messages (guest and staff, no internal notes).
    pub messages: i64,
    /// Median minutes to the first staff answer, if any was given.
    pub median_minutes: Option<i64>,
}

/// The median of sorted values (the lower middle for an even count).
fn median(sorted: &[i64]) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    Some(sorted[(sorted.len() - 1) / 2])
}

/// The figures the caller may see, by country and topic.
pub async fn figures(ctx: &Ctx) -> WebResult<Vec<Figures>> {
    let db = &ctx.services().db;
    let own = match ctx.actor.role() {
        Some(Role::Admin) => None,
        _ => Some(crate::scope::own_country(&ctx.actor).unwrap_or_default()),
    };
    let mut counters = counter::Entity::find().order_by_asc(counter::Column::Id);
    let mut times = response_time::Entity::find().order_by_asc(response_time::Column::Seconds);
    if let Some(c) = &own {
        counters = counters.filter(counter::Column::Country.eq(c.as_str()));
        times = times.filter(response_time::Column::Country.eq(c.as_str()));
    }
    let mut rows: BTreeMap<(String, String), Figures> = BTreeMap::new();
    for c in counters.all(db).await? {
        let f = rows
            .entry((c.country.clone(), c.topic.clone()))
            .or_insert_with(|| Figures {
                country: c.country.clone(),
                topic: c.topic.clone(),
                ..Figures::default()
            });
        match c.kind.as_str() {
            counter::CONVERSATIONS => f.conversations = c.count,
            counter::MESSAGES => f.messages = c.count,
            _ => {}
        }
    }
    let mut seconds: BTreeMap<(String, String), Vec<i64>> = BTreeMap::new();
    for t in times.all(db).await? {
        seconds
            .entry((t.country, t.topic))
            .or_default()
            .push(t.seconds);
    }
    for (key, values) in seconds {
        if let Some(f) = rows.get_mut(&key) {
            f.median_minutes = median(&values).map(|s| (s + 59) / 60);
        }
    }
    Ok(rows.into_values().collect())
}

/// The statistics page.
#[handler]
async fn page(ctx: Ctx) -> WebResult {
    let rows = figures(&ctx).await?;
    ctx.render(
        "counselling/statistics.html",
        context! { rows => Serde(rows) },
    )
    .await
}

/// Registers the page and its template.
pub(crate) fn register(r: &mut Registry) {
    hih_kernel::templates!(r, "counselling/", "../../templates/", ["statistics.html"]);
    r.route(
        "/beratung/statistik",
        Access::Permission(crate::permissions::COUNSEL),
        get(page).boxed(),
    );
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn the_median_is_the_lower_middle() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5]), Some(5));
        assert_eq!(median(&[1, 3, 100]), Some(3));
        assert_eq!(median(&[1, 3, 7, 100]), Some(3));
    }
}

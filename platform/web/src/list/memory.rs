//! Lists whose rows are computed, not stored (the calendar of monthly counts, with the months
//! nobody entered): the rows of the caller's scope and filters come from
//! [`MemoryList::rows`]; the machinery orders them by the sort key with a tie-break in the same
//! direction (as an entity list orders by the key, then the id), pages and exports them like
//! every other list.

use std::cmp::Ordering;

use async_trait::async_trait;

use super::{ListParams, ListView};
use crate::{Ctx, WebResult};

/// A list of computed rows. Scope and filters are the implementation's: [`Self::rows`] returns
/// only rows the caller may see (malformed filter values find nothing, never everything).
#[async_trait]
pub trait MemoryList: ListView {
    /// Every row in the caller's scope the typed filters of `params` let through, any order.
    async fn rows(&self, ctx: &Ctx, params: &ListParams) -> WebResult<Vec<Self::Row>>;
    /// `a` against `b` by the sort key `key`, ascending (unknown keys: the default column).
    fn compare(&self, a: &Self::Row, b: &Self::Row, key: &str) -> Ordering;
    /// The order among rows equal by the sort key (total: no two rows are equal here).
    fn tie_break(&self, a: &Self::Row, b: &Self::Row) -> Ordering;
}

/// The rows of `params`, ordered by the sort key and then the tie-break, both reversed for
/// a descending order (so descending is exactly the reverse of ascending).
pub(crate) async fn sorted<M: MemoryList + ?Sized>(
    list: &M,
    ctx: &Ctx,
    params: &ListParams,
) -> WebResult<Vec<M::Row>> {
    let mut rows = list.rows(ctx, params).await?;
    rows.sort_by(|a, b| {
        let o = list
            .compare(a, b, &params.sort)
            .then_with(|| list.tie_break(a, b));
        if params.desc { o.reverse() } else { o }
    });
    Ok(rows)
}

/// The page `params` asks for out of all `rows`.
pub(crate) fn window<R>(rows: Vec<R>, params: &ListParams) -> Vec<R> {
    let (offset, limit) = params.window(rows.len() as u64);
    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
    let limit = limit.map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX));
    rows.into_iter().skip(offset).take(limit).collect()
}

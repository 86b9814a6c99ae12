//! Count and page of a list from one query (R-LST-3, DESIGN "Counts and pages come from the
//! same query"), so the count a list shows is exactly what its rows and exports come from.

use sea_orm::{ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QuerySelect, Select};

use crate::ListParams;

/// The total number of rows `select` finds and the rows of the page `params` asks for
/// (all rows when the page size is "all").
pub async fn fetch_page<E, C>(
    select: Select<E>,
    params: &ListParams,
    db: &C,
) -> Result<(u64, Vec<E::Model>), DbErr>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ConnectionTrait,
{
    let total = select.clone().count(db).await?;
    let (offset, limit) = params.window(total);
    let mut page = select.offset(offset);
    if let Some(l) = limit {
        page = page.limit(l);
    }
    Ok((total, page.all(db).await?))
}

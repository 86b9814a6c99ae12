//! Count and page of a list from one query (R-LST-3, DESIGN "Counts and pages come from the
//! same query"), so the count a list shows is exactly what its rows and exports come from.
//!
//! Both are shaped for speed at 100,000 rows (R-NFR-3, measured in `ops/bench`):
//! - the count selects no columns and no order (`SELECT COUNT(*) … WHERE …`), so the database
//!   can count a narrow covering index instead of a sub-select of whole rows;
//! - the page first picks the ids of its rows (filter, order, offset, limit on narrow index
//!   entries and a sorter of ids) and only then reads those few whole rows by primary key
//!   (a "deferred join"), instead of sorting thousands of whole rows to keep twenty.

use std::collections::HashMap;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, EntityTrait,
    Iterable, ModelTrait, PrimaryKeyToColumn, QueryFilter, QuerySelect, QueryTrait, Select,
    TransactionTrait, Value,
};

use crate::ListParams;

/// The total number of rows `select` finds and the rows of the page `params` asks for
/// (all rows when the page size is "all"), in the order of `select`. The entity must have a
/// single integer primary key (every table of this application has `id BIGINT`).
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
    fetch_page_counted(select, params, db, None).await
}

/// [`fetch_page`] with the total already known (`Some`: a count the list keeps as data,
/// [`crate::list::ListSpec::scope_count`]); `None` counts `select`.
pub async fn fetch_page_counted<E, C>(
    select: Select<E>,
    params: &ListParams,
    db: &C,
    known: Option<u64>,
) -> Result<(u64, Vec<E::Model>), DbErr>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ConnectionTrait,
{
    if let Some(total) = known {
        return Ok((total, rows_of(select, params.window(total), db).await?));
    }
    // The count and the page the caller asked for run at once, on two pooled connections (a
    // free-text list spends about as long counting as reading its page). Only a page beyond
    // the end, which the count clamps to the last page, is read again.
    let asked = params.window(u64::MAX);
    let (total, rows) = futures::try_join!(count(&select, db), rows_of(select.clone(), asked, db))?;
    let window = params.window(total);
    if window == asked {
        Ok((total, rows))
    } else {
        Ok((total, rows_of(select, window, db).await?))
    }
}

/// The total number of rows `select` finds and the rows of the page `params` asks for, from one
/// statement that reads every row it finds once: the page's ids with `COUNT(*) OVER ()` beside
/// them. For queries whose count and page both have to read every match anyway — a free-text
/// search, whose trigram candidates are confirmed row by row — this halves the work of a count
/// and a page run side by side, and PostgreSQL can no longer choose to walk the sort index in
/// the hope of filling the page early (measured at 100×: "nguyen" matches 6,240 applicants
/// whose names sort together, so the walk read 166,000 rows, 190 ms). A page beyond the end
/// finds no row and is read again at the last page, as in [`fetch_page_counted`].
///
/// On PostgreSQL the statement runs with index scans off (`SET LOCAL`, this transaction only;
/// bitmap scans, which the trigram index serves, stay on): PostgreSQL 15 costs the window
/// count as if the `LIMIT` could stop it early and walked the whole name index instead
/// (486 ms for "nguyen" at 100×, against 18 ms through the trigram index and a sort of the
/// matches).
pub async fn fetch_page_one_pass<E>(
    select: Select<E>,
    params: &ListParams,
    db: &DatabaseConnection,
) -> Result<(u64, Vec<E::Model>), DbErr>
where
    E: EntityTrait,
    E::Model: Sync,
{
    let (offset, Some(limit)) = params.window(u64::MAX) else {
        let rows = select.all(db).await?;
        return Ok((rows.len() as u64, rows));
    };
    let pk = primary_column::<E>()?;
    let page = select
        .clone()
        .select_only()
        .column(pk)
        .column_as(Expr::cust("COUNT(*) OVER ()"), "total")
        .offset(offset)
        .limit(limit)
        .into_tuple::<(i64, i64)>();
    let found = if db.get_database_backend() == DatabaseBackend::Postgres {
        let txn = db.begin().await?;
        txn.execute_unprepared("SET LOCAL enable_indexscan = off")
            .await?;
        let found = page.all(&txn).await?;
        txn.commit().await?;
        found
    } else {
        page.all(db).await?
    };
    match found.first() {
        Some(&(_, total)) => {
            let ids = found.into_iter().map(|(id, _)| id).collect();
            Ok((
                total.max(0) as u64,
                rows_by_ids::<E, DatabaseConnection>(ids, db).await?,
            ))
        }
        None => {
            let total = count(&select, db).await?;
            let rows = match total {
                0 => Vec::new(),
                _ => rows_of(select, params.window(total), db).await?,
            };
            Ok((total, rows))
        }
    }
}

/// The rows of `(offset, limit)` of `select` (all of them without a limit).
async fn rows_of<E, C>(
    select: Select<E>,
    (offset, limit): (u64, Option<u64>),
    db: &C,
) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ConnectionTrait,
{
    match limit {
        Some(limit) => window(select, offset, limit, db).await,
        None => select.all(db).await,
    }
}

/// The total number of rows `select` finds and its first `limit` rows, in the order of
/// `select` (for previews such as the global search's sections). Same count and id-first
/// read as [`fetch_page`].
pub async fn fetch_first<E, C>(
    select: Select<E>,
    limit: u64,
    db: &C,
) -> Result<(u64, Vec<E::Model>), DbErr>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ConnectionTrait,
{
    let total = count(&select, db).await?;
    Ok((total, window(select, 0, limit, db).await?))
}

/// The rows `offset..offset + limit` of `select`: their ids first, then those rows by id.
pub(crate) async fn window<E, C>(
    select: Select<E>,
    offset: u64,
    limit: u64,
    db: &C,
) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ConnectionTrait,
{
    let ids = ids_of(select.offset(offset).limit(limit), db).await?;
    rows_by_ids::<E, C>(ids, db).await
}

/// The ids of the rows `select` finds, in its order (narrow index entries, no whole rows).
pub(crate) async fn ids_of<E, C>(select: Select<E>, db: &C) -> Result<Vec<i64>, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let pk = primary_column::<E>()?;
    select.select_only().column(pk).into_tuple().all(db).await
}

/// The rows with `ids`, in the order of `ids` (rows deleted meanwhile are left out).
pub(crate) async fn rows_by_ids<E, C>(ids: Vec<i64>, db: &C) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ConnectionTrait,
{
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let pk = primary_column::<E>()?;
    let position: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut slots: Vec<Option<E::Model>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    for row in E::find().filter(pk.is_in(ids)).all(db).await? {
        if let Some(slot) = id_of(&row, pk)
            .and_then(|id| position.get(&id))
            .and_then(|i| slots.get_mut(*i))
        {
            *slot = Some(row);
        }
    }
    Ok(slots.into_iter().flatten().collect())
}

/// `SELECT COUNT(*)` with the filter of `select` and nothing else.
async fn count<E, C>(select: &Select<E>, db: &C) -> Result<u64, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let mut count = select
        .clone()
        .select_only()
        .column_as(Expr::cust("COUNT(*)"), "n");
    QueryTrait::query(&mut count).clear_order_by();
    let n: Option<i64> = count.into_tuple().one(db).await?;
    Ok(n.unwrap_or(0).max(0) as u64)
}

pub(crate) fn primary_column<E: EntityTrait>() -> Result<E::Column, DbErr> {
    E::PrimaryKey::iter()
        .next()
        .map(|k| k.into_column())
        .ok_or_else(|| DbErr::Custom("entity without primary key".into()))
}

fn id_of<M: ModelTrait>(model: &M, pk: <M::Entity as EntityTrait>::Column) -> Option<i64> {
    match model.get(pk) {
        Value::BigInt(Some(v)) => Some(v),
        Value::Int(Some(v)) => Some(i64::from(v)),
        _ => None,
    }
}

//! Adds counts to a counter table: one `UPDATE … SET n = n + k` per dimension tuple, an
//! `INSERT` when no row has it yet. NULL dimensions compare with `IS NULL`, so the same rule
//! holds on SQLite and PostgreSQL. Units of work are serialised by the audit chain's lock, so
//! two folds never race for the same new row.

use std::collections::HashMap;
use std::hash::Hash;

use hih_kernel::AppError;
use sea_orm::sea_query::{Alias, Condition, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, DatabaseTransaction, Value};

/// A dimension tuple of a counter table.
pub(crate) trait Dims: Eq + Hash {
    /// `(column, value)` of every dimension.
    fn dims(&self) -> Vec<(&'static str, Value)>;
}

/// Counts equal tuples.
pub(crate) fn tally<K: Dims>(keys: impl IntoIterator<Item = K>) -> HashMap<K, i64> {
    let mut out = HashMap::new();
    for k in keys {
        *out.entry(k).or_insert(0) += 1;
    }
    out
}

fn is_null(v: &Value) -> bool {
    matches!(
        v,
        Value::String(None) | Value::BigInt(None) | Value::Int(None)
    )
}

/// Adds every tally to `table`.
pub(crate) async fn add_all<K: Dims>(
    txn: &DatabaseTransaction,
    table: &str,
    tallies: HashMap<K, i64>,
) -> Result<(), AppError> {
    for (key, n) in tallies {
        add(txn, table, key.dims(), n).await?;
    }
    Ok(())
}

async fn add(
    txn: &DatabaseTransaction,
    table: &str,
    dims: Vec<(&'static str, Value)>,
    n: i64,
) -> Result<(), AppError> {
    let mut cond = Condition::all();
    for (col, v) in &dims {
        cond = if is_null(v) {
            cond.add(Expr::col(Alias::new(*col)).is_null())
        } else {
            cond.add(Expr::col(Alias::new(*col)).eq(v.clone()))
        };
    }
    let update = Query::update()
        .table(Alias::new(table))
        .value(Alias::new("n"), Expr::col(Alias::new("n")).add(n))
        .cond_where(cond)
        .to_owned();
    if txn.execute(&update).await?.rows_affected() > 0 {
        return Ok(());
    }
    let mut columns: Vec<Alias> = dims.iter().map(|(c, _)| Alias::new(*c)).collect();
    columns.push(Alias::new("n"));
    let mut values: Vec<sea_orm::sea_query::SimpleExpr> =
        dims.into_iter().map(|(_, v)| Expr::val(v)).collect();
    values.push(Expr::val(n));
    let insert = Query::insert()
        .into_table(Alias::new(table))
        .columns(columns)
        .values(values)
        .map_err(AppError::internal)?
        .to_owned();
    txn.execute(&insert).await?;
    Ok(())
}

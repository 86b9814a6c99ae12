//! How one page of a list reads a scope that is a set of keys in another table (issue 16):
//! the applicants opened to an IHK district (`applicant_access`), the contact entries a district
//! sees (`contact_visibility`). Two writings select the same records:
//!
//! - [`ScopePlan::Collect`]: `id IN (SELECT key …)` — the database collects the scope's keys,
//!   reads those records and sorts them; the cost grows with the size of the scope.
//! - [`ScopePlan::Walk`]: the list's index is walked in the list's order and each record's key
//!   probed, `(SELECT 1 … WHERE key = id LIMIT 1) IS NOT NULL`, until the page is full; the cost
//!   grows with how many records pass before that.
//!
//! Neither database can choose between them for a page on its own: SQLite plans an `IN`
//! sub-select as the driving table whatever its size, and turns an `EXISTS` into a join with a
//! Bloom filter built over the whole key range first (15 ms for an IHK district's 290,000
//! visibility rows at 100× scale, for a page of 20); PostgreSQL turns an `EXISTS` into a
//! semi-join over the whole scope. A scalar sub-select with `LIMIT 1` stays one probe per
//! record on both. A list that knows its scope's size (a kept count) picks the plan with
//! [`scope_plan`].

use sea_orm::sea_query::{Expr, ExprTrait, IntoColumnRef, SelectStatement};

/// The two writings of a key-set scope (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopePlan {
    /// Collect the scope's keys, read and sort their records.
    Collect,
    /// Walk the list's index and probe each record's key.
    Walk,
}

/// The cheaper plan for the page ending at record `page_end` (`None`: every record) of a list
/// of `rows` records of which `in_scope` are in the scope: walking probes about
/// `page_end × rows ÷ in_scope` records, collecting reads `in_scope`, at about the same cost per
/// record.
pub fn scope_plan(page_end: Option<u64>, rows: u64, in_scope: u64) -> ScopePlan {
    match page_end {
        Some(end) if end.saturating_mul(rows) <= in_scope.saturating_mul(in_scope) => {
            ScopePlan::Walk
        }
        _ => ScopePlan::Collect,
    }
}

/// `record` (a column of the listed table, with its table) is in the key set `keys` (a select
/// of the key table with its conditions, no columns) by its column `key`, written for `plan`.
pub fn member_of<R, K>(record: R, keys: SelectStatement, key: K, plan: ScopePlan) -> Expr
where
    R: IntoColumnRef,
    K: IntoColumnRef,
{
    let mut q = keys;
    match plan {
        ScopePlan::Collect => Expr::col(record).in_subquery(q.column(key).to_owned()),
        ScopePlan::Walk => {
            q.expr(Expr::val(1))
                .and_where(Expr::col(key).equals(record))
                .limit(1);
            Expr::SubQuery(None, Box::new(q.into())).is_not_null()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_is_chosen_while_the_scope_holds_enough_of_the_records_for_the_page() {
        // 30,000 of 300,000 opened (the benchmark): walk to record 3,000, collect beyond.
        assert_eq!(scope_plan(Some(20), 300_000, 30_000), ScopePlan::Walk);
        assert_eq!(scope_plan(Some(3_000), 300_000, 30_000), ScopePlan::Walk);
        assert_eq!(scope_plan(Some(3_020), 300_000, 30_000), ScopePlan::Collect);
        // A district with few or none opened collects (walking would probe every applicant).
        assert_eq!(scope_plan(Some(20), 300_000, 100), ScopePlan::Collect);
        assert_eq!(scope_plan(Some(20), 300_000, 0), ScopePlan::Collect);
        assert_eq!(scope_plan(Some(20), 0, 0), ScopePlan::Walk);
        // Every record (an export) collects.
        assert_eq!(scope_plan(None, 300_000, 300_000), ScopePlan::Collect);
    }
}

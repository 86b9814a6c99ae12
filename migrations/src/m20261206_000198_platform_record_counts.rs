//! Kept counts of active records per scope key (issue 16). The company and applicant lists
//! showed an exact `COUNT(*)` over their whole scope on every page: 3–4 ms for 100,000 active
//! companies and 10 ms for 300,000 applicants, before anything else of the request. The lists'
//! scopes are unions of a few keys (all active companies = every district's; IHK staff = one
//! district; all active applicants = every country's; AHK staff = one country), so one row per
//! (counter, key) answers an unfiltered count exactly with one index probe or a sum of a few
//! dozen rows.
//!
//! The rows are derived data like the visibility rows of the contact history: triggers keep
//! them in step with every insert, delete and change of the counted columns, inside the writing
//! transaction, so no write path (the unit of work, bulk loads, erasure, the retention purge)
//! can commit without them and every instance reads them exact. Filtered and free-text lists
//! still count their query.

use sea_orm_migration::prelude::*;

use crate::backend_sql;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One kept count: `counter` counts the rows of `table` (the active ones, if it has the flag)
/// per value of `key`.
struct Counted {
    /// The counter's name in `record_count.counter`.
    counter: &'static str,
    /// The counted table.
    table: &'static str,
    /// The key column (its text, `''` for NULL, is `record_count.scope_key`); `None`: one
    /// total under the key `''`.
    key: Option<&'static str>,
    /// Whether only rows with `active` true count.
    active_only: bool,
}

/// The kept counts (read by `hih_db::counts`).
const COUNTED: [Counted; 3] = [
    Counted {
        counter: "company.active.district",
        table: "company",
        key: Some("district_id"),
        active_only: true,
    },
    Counted {
        counter: "applicant.active.country",
        table: "applicant",
        key: Some("country"),
        active_only: true,
    },
    Counted {
        counter: "contact_entry.all",
        table: "contact_entry",
        key: None,
        active_only: false,
    },
];

/// SQLite only: the visibility rows of the contact history per IHK district (migration
/// `contact_history_visibility`), an IHK district's count without reading its ~290,000 rows at
/// 100× scale. On PostgreSQL the rows are written one statement per entry by the visibility
/// triggers, so a bulk load in one transaction would update the district's counter row once
/// per entry and walk its growing version chain each time (measured: the demo load of contact
/// entries fell below 60 rows/s); there the count reads the district's index range.
const SQLITE_ONLY: Counted = Counted {
    counter: "contact_visibility.district",
    table: "contact_visibility",
    key: Some("district_id"),
    active_only: false,
};

/// The scope key of row `row` (`NEW`, `OLD`, or a table) as text; the same cast on both
/// databases.
fn key_of(c: &Counted, row: &str) -> String {
    match c.key {
        Some(k) => format!("COALESCE(CAST({row}.{k} AS TEXT), '')"),
        None => "''".to_string(),
    }
}

/// Whether row `row` counts.
fn counts(c: &Counted, row: &str) -> String {
    if c.active_only {
        format!("{row}.active")
    } else {
        "1 = 1".to_string()
    }
}

/// The columns whose change moves a row between keys or in and out of the count.
fn watched(c: &Counted) -> Vec<&'static str> {
    let mut cols = Vec::new();
    if c.active_only {
        cols.push("active");
    }
    cols.extend(c.key);
    cols
}

/// Adds one to the count of `row`'s key, creating the row at the first record of a key.
fn add_one(c: &Counted, row: &str, cond: &str) -> String {
    format!(
        "INSERT INTO record_count (counter, scope_key, n) SELECT '{}', {}, 1 WHERE {cond} \
         ON CONFLICT (counter, scope_key) DO UPDATE SET n = record_count.n + 1;",
        c.counter,
        key_of(c, row)
    )
}

/// Takes one from the count of `row`'s key.
fn take_one(c: &Counted, row: &str, cond: &str) -> String {
    format!(
        "UPDATE record_count SET n = n - 1 WHERE counter = '{}' AND scope_key = {} AND {cond};",
        c.counter,
        key_of(c, row)
    )
}

/// The counts of the rows there are now (the backfill).
fn backfill(c: &Counted) -> String {
    let t = c.table;
    format!(
        "INSERT INTO record_count (counter, scope_key, n) \
         SELECT '{}', {}, COUNT(*) FROM {t} WHERE {} GROUP BY 2",
        c.counter,
        key_of(c, t),
        counts(c, t)
    )
}

fn trigger_base(c: &Counted) -> String {
    c.counter.replace('.', "_")
}

fn table_sql() -> String {
    "CREATE TABLE record_count (counter VARCHAR(64) NOT NULL, scope_key VARCHAR(64) NOT NULL, \
     n BIGINT NOT NULL, PRIMARY KEY (counter, scope_key))"
        .to_string()
}

fn sqlite_sql() -> Vec<String> {
    let mut out = vec![table_sql()];
    for c in COUNTED.iter().chain([&SQLITE_ONLY]) {
        let base = trigger_base(c);
        let t = c.table;
        out.push(format!(
            "CREATE TRIGGER {base}_insert AFTER INSERT ON {t} WHEN {} BEGIN {} END",
            counts(c, "NEW"),
            add_one(c, "NEW", "1 = 1")
        ));
        out.push(format!(
            "CREATE TRIGGER {base}_delete AFTER DELETE ON {t} WHEN {} BEGIN {} END",
            counts(c, "OLD"),
            take_one(c, "OLD", "1 = 1")
        ));
        let cols = watched(c);
        if !cols.is_empty() {
            let changed = cols
                .iter()
                .map(|k| format!("OLD.{k} IS NOT NEW.{k}"))
                .collect::<Vec<_>>()
                .join(" OR ");
            out.push(format!(
                "CREATE TRIGGER {base}_update AFTER UPDATE OF {} ON {t} WHEN {changed} \
                 BEGIN {} {} END",
                cols.join(", "),
                take_one(c, "OLD", &counts(c, "OLD")),
                add_one(c, "NEW", &counts(c, "NEW"))
            ));
        }
        out.push(backfill(c));
    }
    out
}

/// PostgreSQL counts per statement, from its transition tables: one upsert per key and
/// statement, not per row. Per row, a bulk load in one transaction (the demo data, an import)
/// updated the same counter row hundreds of thousands of times, and every update walked the
/// row's growing chain of versions (the load slowed from 1,100 to under 300 rows/s).
fn postgres_sql() -> Vec<String> {
    let mut out = vec![table_sql()];
    for c in &COUNTED {
        let base = trigger_base(c);
        let t = c.table;
        let side = |rows: &str, d: i32| {
            format!(
                "SELECT {} AS k, {d} AS d FROM {rows} WHERE {}",
                key_of(c, rows),
                counts(c, rows)
            )
        };
        for (op, deltas) in [
            ("INSERT", side("new_rows", 1)),
            ("DELETE", side("old_rows", -1)),
            (
                "UPDATE",
                format!("{} UNION ALL {}", side("old_rows", -1), side("new_rows", 1)),
            ),
        ] {
            if op == "UPDATE" && watched(c).is_empty() {
                continue;
            }
            let name = format!("{base}_{}", op.to_lowercase());
            let tables = match op {
                "INSERT" => "NEW TABLE AS new_rows",
                "DELETE" => "OLD TABLE AS old_rows",
                _ => "OLD TABLE AS old_rows NEW TABLE AS new_rows",
            };
            out.push(format!(
                "CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
                 INSERT INTO record_count (counter, scope_key, n) \
                 SELECT '{}', k, SUM(d) FROM ({deltas}) AS deltas GROUP BY k HAVING SUM(d) <> 0 \
                 ON CONFLICT (counter, scope_key) DO UPDATE SET n = record_count.n + EXCLUDED.n; \
                 RETURN NULL; END $$",
                c.counter
            ));
            out.push(format!(
                "CREATE TRIGGER {name} AFTER {op} ON {t} REFERENCING {tables} \
                 FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            ));
        }
        out.push(backfill(c));
    }
    out
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        backend_sql::run(m, postgres_sql(), sqlite_sql()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let names: Vec<String> = COUNTED
            .iter()
            .chain([&SQLITE_ONLY])
            .flat_map(|counted| {
                let base = trigger_base(counted);
                ["insert", "delete", "update"].map(|suffix| format!("{base}_{suffix}"))
            })
            .collect();
        backend_sql::drop_triggers(m, names).await?;
        m.get_connection()
            .execute_unprepared("DROP TABLE IF EXISTS record_count")
            .await?;
        Ok(())
    }
}

//! Kept counts of the applicants opened to each IHK district (issue 16).
//!
//! IHK staff see the active applicants opened to their district by an active row of
//! `applicant_access` (`hih_applicants::scope::visible_applicants`). Their unfiltered list
//! counted that scope on every page: at 100× scale, with 30,000 applicants opened to one
//! district, the count alone took 14 ms. The counter `applicant.open.district` keeps, per
//! district, the number of active access rows whose applicant is active — exactly the list's
//! records, as the access table's primary key is (applicant, district).
//!
//! Like the other kept counts (migration `platform_record_counts`) it is derived data kept by
//! triggers inside the writing transaction: inserting, changing or deleting an access row,
//! and changing an applicant's active flag. Deleting an applicant first deletes its access rows
//! (a `BEFORE DELETE` trigger), while the applicant is still there to say whether they counted;
//! the foreign key's cascade would remove them after the applicant is gone.

use sea_orm_migration::prelude::*;

use crate::backend_sql;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The counter's name in `record_count.counter` (read by `hih_db::counts`).
const COUNTER: &str = "applicant.open.district";

/// The counts of the rows there are now.
fn backfill() -> String {
    format!(
        "INSERT INTO record_count (counter, scope_key, n) \
         SELECT '{COUNTER}', CAST(aa.district_id AS TEXT), COUNT(*) \
         FROM applicant_access aa JOIN applicant a ON a.id = aa.applicant_id \
         WHERE aa.active AND a.active GROUP BY aa.district_id"
    )
}

/// Adds `delta` (an SQL expression) to the count of each district of the rows `deltas`
/// selects as `(k, d)`, creating a district's row at its first applicant.
fn upsert(deltas: &str) -> String {
    format!(
        "INSERT INTO record_count (counter, scope_key, n) \
         SELECT '{COUNTER}', k, SUM(d) FROM ({deltas}) AS deltas GROUP BY k HAVING SUM(d) <> 0 \
         ON CONFLICT (counter, scope_key) DO UPDATE SET n = record_count.n + EXCLUDED.n;"
    )
}

/// The delta of an access row `r` (`NEW`, `OLD` or a transition table), if it counts: the row
/// and its applicant active.
fn access_delta(r: &str, from: &str, d: i32) -> String {
    format!(
        "SELECT CAST({r}.district_id AS TEXT) AS k, {d} AS d FROM {from} \
         JOIN applicant a ON a.id = {r}.applicant_id WHERE {r}.active AND a.active"
    )
}

/// The deltas of an applicant whose active flag changed: one per active access row.
fn applicant_delta(id: &str, now_active: &str) -> String {
    format!(
        "SELECT CAST(aa.district_id AS TEXT) AS k, CASE WHEN {now_active} THEN 1 ELSE -1 END AS d \
         FROM applicant_access aa WHERE aa.applicant_id = {id} AND aa.active"
    )
}

/// Deletes an applicant's access rows before the applicant (the count still sees it).
const DELETE_ACCESS_FIRST: &str = "DELETE FROM applicant_access WHERE applicant_id = OLD.id;";

/// The single-row selects of SQLite's row triggers: `NEW`/`OLD` cannot be a `FROM` table, so
/// the applicant is the table and the access row's columns come from the trigger row.
fn sqlite_access_delta(row: &str, d: i32) -> String {
    format!(
        "SELECT CAST({row}.district_id AS TEXT) AS k, {d} AS d FROM applicant a \
         WHERE a.id = {row}.applicant_id AND {row}.active AND a.active"
    )
}

fn sqlite_sql() -> Vec<String> {
    vec![
        format!(
            "CREATE TRIGGER applicant_open_district_insert AFTER INSERT ON applicant_access \
             BEGIN {} END",
            upsert(&sqlite_access_delta("NEW", 1))
        ),
        format!(
            "CREATE TRIGGER applicant_open_district_delete AFTER DELETE ON applicant_access \
             BEGIN {} END",
            upsert(&sqlite_access_delta("OLD", -1))
        ),
        format!(
            "CREATE TRIGGER applicant_open_district_update AFTER UPDATE ON applicant_access \
             BEGIN {} END",
            upsert(&format!(
                "{} UNION ALL {}",
                sqlite_access_delta("OLD", -1),
                sqlite_access_delta("NEW", 1)
            ))
        ),
        format!(
            "CREATE TRIGGER applicant_open_district_active AFTER UPDATE OF active ON applicant \
             WHEN OLD.active IS NOT NEW.active BEGIN {} END",
            upsert(&applicant_delta("NEW.id", "NEW.active"))
        ),
        format!(
            "CREATE TRIGGER applicant_open_district_remove BEFORE DELETE ON applicant \
             BEGIN {DELETE_ACCESS_FIRST} END"
        ),
        backfill(),
    ]
}

/// PostgreSQL: the access rows per statement from their transition tables (one upsert per
/// statement, as for the other kept counts); an applicant's flag per row, only when it
/// changes (rare, one applicant at a time).
fn postgres_sql() -> Vec<String> {
    let mut out = Vec::new();
    for (op, tables, deltas) in [
        (
            "INSERT",
            "NEW TABLE AS new_rows",
            access_delta("r", "new_rows r", 1),
        ),
        (
            "DELETE",
            "OLD TABLE AS old_rows",
            access_delta("r", "old_rows r", -1),
        ),
        (
            "UPDATE",
            "OLD TABLE AS old_rows NEW TABLE AS new_rows",
            format!(
                "{} UNION ALL {}",
                access_delta("r", "old_rows r", -1),
                access_delta("r", "new_rows r", 1)
            ),
        ),
    ] {
        let name = format!("applicant_open_district_{}", op.to_lowercase());
        out.push(format!(
            "CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {} \
             RETURN NULL; END $$",
            upsert(&deltas)
        ));
        out.push(format!(
            "CREATE TRIGGER {name} AFTER {op} ON applicant_access REFERENCING {tables} \
             FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        ));
    }
    out.push(format!(
        "CREATE FUNCTION applicant_open_district_active() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN {} RETURN NULL; END $$",
        upsert(&applicant_delta("NEW.id", "NEW.active"))
    ));
    out.push(
        "CREATE TRIGGER applicant_open_district_active AFTER UPDATE OF active ON applicant \
         FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active) \
         EXECUTE FUNCTION applicant_open_district_active()"
            .to_string(),
    );
    out.push(format!(
        "CREATE FUNCTION applicant_open_district_remove() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN {DELETE_ACCESS_FIRST} RETURN OLD; END $$"
    ));
    out.push(
        "CREATE TRIGGER applicant_open_district_remove BEFORE DELETE ON applicant \
         FOR EACH ROW EXECUTE FUNCTION applicant_open_district_remove()"
            .to_string(),
    );
    out.push(backfill());
    out
}

/// The trigger names (on PostgreSQL also their functions').
const NAMES: [&str; 5] = [
    "applicant_open_district_insert",
    "applicant_open_district_delete",
    "applicant_open_district_update",
    "applicant_open_district_active",
    "applicant_open_district_remove",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        backend_sql::run(m, postgres_sql(), sqlite_sql()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        backend_sql::drop_triggers(m, NAMES).await?;
        m.get_connection()
            .execute_unprepared(&format!(
                "DELETE FROM record_count WHERE counter = '{COUNTER}'"
            ))
            .await?;
        Ok(())
    }
}

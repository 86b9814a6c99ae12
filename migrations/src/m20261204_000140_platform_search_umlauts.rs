//! Free text finds umlauts typed either way ("mueller", "muller", "Müller"): every search text
//! now holds a field with a spelled-out umlaut ("ae", "oe", "ue") in two forms, as written and
//! with "a", "o", "u" (see `hih_db::fold::fold_fields`). The stored texts of companies,
//! applicants, placements, contact entries and user accounts are rebuilt here on both
//! databases; the trigram indexes follow by themselves (SQLite triggers, PostgreSQL GIN).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Every table with a folded `search_text` column.
const TABLES: [&str; 5] = [
    "user_account",
    "company",
    "applicant",
    "placement",
    "contact_entry",
];

/// Rows read per batch.
const BATCH: u64 = 1000;

/// The separator of fields in a search text (`hih_db::fold::fold_fields`).
const SEPARATOR: &str = " | ";

/// "ae", "oe", "ue" as "a", "o", "u", left to right, as `hih_db::fold::search_fold` does as of
/// this migration. Frozen here on purpose: a migration must produce the same data whenever it
/// runs, and this crate sits below `hih-db`.
fn umlauts_folded(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if matches!(c, 'a' | 'o' | 'u') && chars.peek() == Some(&'e') {
            chars.next();
        }
    }
    out
}

/// A stored search text (folded fields joined by [`SEPARATOR`]) as `fold_fields` writes it
/// now: each field followed by its umlaut-folded form where that differs.
fn rebuilt(text: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for field in text.split(SEPARATOR).filter(|f| !f.is_empty()) {
        let umlauts = umlauts_folded(field);
        parts.push(field.to_string());
        if parts.last() != Some(&umlauts) {
            parts.push(umlauts);
        }
    }
    parts.join(SEPARATOR)
}

/// Rebuilds `search_text` of every row of `table` whose text changes.
async fn rebuild(m: &SchemaManager<'_>, table: &'static str) -> Result<(), DbErr> {
    let db = m.get_connection();
    let backend = m.get_database_backend();
    let mut after = 0_i64;
    loop {
        let select = Query::select()
            .columns(["id", "search_text"])
            .from(table)
            .and_where(Expr::col("id").gt(after))
            .order_by("id", Order::Asc)
            .limit(BATCH)
            .to_owned();
        let rows = db.query_all_raw(backend.build(&select)).await?;
        if rows.is_empty() {
            return Ok(());
        }
        for row in rows {
            let id: i64 = row.try_get("", "id")?;
            after = id;
            let text: String = row.try_get("", "search_text")?;
            let new = rebuilt(&text);
            if new != text {
                let update = Query::update()
                    .table(table)
                    .value("search_text", new)
                    .and_where(Expr::col("id").eq(id))
                    .to_owned();
                db.execute_raw(backend.build(&update)).await?;
            }
        }
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            rebuild(m, table).await?;
        }
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        // The second forms are harmless to the older search (it folds queries without them).
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_gain_the_umlaut_folded_form_of_fields() {
        assert_eq!(rebuilt("muller | erfurt"), "muller | erfurt");
        assert_eq!(
            rebuilt("mueller gmbh | koelner str. 1"),
            "mueller gmbh | muller gmbh | koelner str. 1 | kolner str. 1"
        );
        assert_eq!(rebuilt(""), "");
    }
}

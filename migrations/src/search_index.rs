//! DDL of the trigram index over a table's folded `search_text` column, which
//! `hih_db::search::text_matches` queries: SQLite FTS5 (`<table>_fts`, external content, kept in
//! step by triggers) or PostgreSQL `pg_trgm` GIN. Table names come from code, never from input.

/// SQLite statements that create the trigram index of `table.search_text` and its triggers,
/// and fill it from the existing rows.
pub fn sqlite_index_sql(table: &str) -> Vec<String> {
    let fts = format!("{table}_fts");
    vec![
        format!(
            "CREATE VIRTUAL TABLE \"{fts}\" USING fts5(search_text, content='{table}', \
             content_rowid='id', tokenize='trigram', detail='none')"
        ),
        format!(
            "CREATE TRIGGER \"{table}_fts_insert\" AFTER INSERT ON \"{table}\" BEGIN \
             INSERT INTO \"{fts}\"(rowid, search_text) VALUES (new.id, new.search_text); END"
        ),
        format!(
            "CREATE TRIGGER \"{table}_fts_delete\" AFTER DELETE ON \"{table}\" BEGIN \
             INSERT INTO \"{fts}\"(\"{fts}\", rowid, search_text) \
             VALUES ('delete', old.id, old.search_text); END"
        ),
        format!(
            "CREATE TRIGGER \"{table}_fts_update\" AFTER UPDATE OF search_text ON \"{table}\" BEGIN \
             INSERT INTO \"{fts}\"(\"{fts}\", rowid, search_text) \
             VALUES ('delete', old.id, old.search_text); \
             INSERT INTO \"{fts}\"(rowid, search_text) VALUES (new.id, new.search_text); END"
        ),
        format!("INSERT INTO \"{fts}\"(\"{fts}\") VALUES ('rebuild')"),
    ]
}

/// PostgreSQL statements that create the trigram index of `table.search_text`.
pub fn postgres_index_sql(table: &str) -> Vec<String> {
    vec![
        "CREATE EXTENSION IF NOT EXISTS pg_trgm".to_string(),
        format!(
            "CREATE INDEX \"ix_{table}_search_trgm\" ON \"{table}\" \
             USING gin (search_text gin_trgm_ops)"
        ),
    ]
}

/// SQLite statements that remove what [`sqlite_index_sql`] created.
pub fn sqlite_drop_sql(table: &str) -> Vec<String> {
    vec![
        format!("DROP TRIGGER IF EXISTS \"{table}_fts_insert\""),
        format!("DROP TRIGGER IF EXISTS \"{table}_fts_delete\""),
        format!("DROP TRIGGER IF EXISTS \"{table}_fts_update\""),
        format!("DROP TABLE IF EXISTS \"{table}_fts\""),
    ]
}

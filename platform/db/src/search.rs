//! Indexed free-text search over a folded search column (R-LST-1, R-NFR-3).
//!
//! Every searchable table keeps a folded `search_text` column (see [`crate::fold`]). A plain
//! `LIKE '%…%'` on it reads every row; at 100,000 companies that is a quarter of a second. So
//! the column is indexed by trigrams, which answer substring queries:
//! - SQLite: an external-content FTS5 table `<table>_fts` with the `trigram` tokenizer, kept in
//!   step by triggers;
//! - PostgreSQL: a `pg_trgm` GIN index on the column, which the planner uses for `LIKE '%…%'`
//!   by itself.
//!
//! Both are created by the table's migration with `hih_migrations::search_index`.
//!
//! The index only finds candidates; `LIKE` on the column decides, so results are exactly those
//! of an unindexed search. Trigrams need three characters: shorter words are matched by `LIKE`
//! alone, still correct, only not indexed. Every word must match (AND), as in [`crate::fold`].

use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
use sea_orm::{ColumnTrait, Condition};

use crate::Backend;
use crate::fold::{like_escape, search_fold};

/// Words shorter than this cannot use a trigram index.
const TRIGRAM: usize = 3;

/// A condition matching rows of `table` whose folded `column` contains every word of `query`,
/// case- and accent-insensitive, umlauts typed either way ("mueller", "muller" and "Müller"
/// alike, [`search_fold`]), using the trigram index of the table. `table` must be a
/// trusted identifier (a table name from code, never user input).
pub fn text_matches<C: ColumnTrait>(
    backend: Backend,
    table: &'static str,
    column: C,
    query: &str,
) -> Condition {
    let folded = search_fold(query);
    let mut cond = Condition::all();
    let mut phrases = Vec::new();
    for word in folded.split_whitespace() {
        // The exact test, on every backend: only rows whose text holds the word.
        let pattern = format!("%{}%", like_escape(word));
        cond =
            cond.add(Expr::col(column.as_column_ref()).like(LikeExpr::new(pattern).escape('\\')));
        if backend == Backend::Sqlite {
            for gram in trigrams(word) {
                if !phrases.contains(&gram) {
                    phrases.push(gram);
                }
            }
        }
    }
    if !phrases.is_empty() {
        // The index narrows the rows the exact test has to read: rows holding every trigram of
        // every word (a superset, as the index keeps no positions — `detail='none'` keeps it
        // small and allows no phrase queries).
        cond = cond.add(Expr::cust_with_values(
            format!(
                "\"{table}\".\"id\" IN (SELECT rowid FROM \"{table}_fts\" WHERE \"{table}_fts\" MATCH ?)"
            ),
            [phrases.join(" AND ")],
        ));
    }
    cond
}

/// The trigrams of a word, each as an FTS5 string: quoted, quotes doubled, so that no FTS5
/// operator in user input is ever interpreted. Words shorter than three characters have none.
fn trigrams(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(TRIGRAM)
        .map(|w| {
            let gram: String = w.iter().collect();
            format!("\"{}\"", gram.replace('"', "\"\""))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigrams_are_quoted() {
        assert_eq!(trigrams("mull"), vec!["\"mul\"", "\"ull\""]);
        assert_eq!(trigrams("a\"b"), vec!["\"a\"\"b\""]);
        assert_eq!(trigrams("or*"), vec!["\"or*\""]);
        assert!(trigrams("ab").is_empty());
    }
}

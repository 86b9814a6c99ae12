//! German-aware search folding (R-LST-1, R-TXT-3): lower case, diacritics removed, ß → ss,
//! other scripts transliterated, whitespace collapsed. Stored in a search column on write and
//! applied to the query, so "muller" finds "Müller" and "nguyen" finds "Nguyễn" on both
//! databases.

/// Folds a text for search and sorting.
pub fn fold(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let lower = ascii.to_lowercase();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folds several fields into one search text, separated so that a search cannot match across
/// two fields.
pub fn fold_fields<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    fields
        .into_iter()
        .map(fold)
        .filter(|f| !f.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern.
pub fn like_escape(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A condition matching rows whose folded search column contains every word of `query`
/// (AND), case- and accent-insensitive; `%`/`_` in the query are literal.
pub fn contains_all_words<C: sea_orm::ColumnTrait>(column: C, query: &str) -> sea_orm::Condition {
    use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
    let mut c = sea_orm::Condition::all();
    for word in fold(query).split_whitespace() {
        let pattern = format!("%{}%", like_escape(word));
        c = c.add(Expr::col(column.as_column_ref()).like(LikeExpr::new(pattern).escape('\\')));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_german_and_vietnamese() {
        assert_eq!(fold("Müller"), "muller");
        assert_eq!(fold("MÜLLER"), "muller");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Nguyễn Thị Hương"), "nguyen thi huong");
        assert_eq!(fold("João Conceição"), "joao conceicao");
        assert_eq!(fold("Đặng"), "dang");
        assert_eq!(fold("  a   b "), "a b");
        assert!(!fold("अमित").is_empty());
    }

    #[test]
    fn fields_and_like_escape() {
        assert_eq!(fold_fields(["Ä", "", "b"]), "a | b");
        assert_eq!(like_escape("50%_\\"), "50\\%\\_\\\\");
    }
}

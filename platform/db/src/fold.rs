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

/// Folds a search query (and the second form of a search text, see [`fold_fields`]): [`fold`],
/// then the spelled-out umlauts "ae", "oe", "ue" as "a", "o", "u". German users type
/// "mueller" for "Müller" as often as "muller", so all three fold to "muller"; `ß` is already
/// "ss" ("weiss" = "weiß", "strasse" = "straße").
pub fn search_fold(text: &str) -> String {
    umlauts_folded(&fold(text))
}

/// A [`fold`]ed text with "ae", "oe", "ue" read as "a", "o", "u" (left to right, once).
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

/// Folds several fields into one search text, separated so that a search cannot match across
/// two fields. Every search text is built here (and only here), so callers adding fields to a
/// search text get the same folding. A field holding "ae", "oe" or "ue" is stored in both
/// forms — [`fold`] and [`search_fold`] — so the folded query ("muller" for "Müller",
/// "Mueller" and "muller") finds it, and a fragment such as "el" still finds "Michael".
pub fn fold_fields<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    let mut parts = Vec::new();
    for field in fields {
        let folded = fold(field);
        if folded.is_empty() {
            continue;
        }
        let umlauts = umlauts_folded(&folded);
        parts.push(folded);
        if parts.last() != Some(&umlauts) {
            parts.push(umlauts);
        }
    }
    parts.join(" | ")
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
/// (AND), case- and accent-insensitive, umlauts typed either way ([`search_fold`]); `%`/`_` in
/// the query are literal.
pub fn contains_all_words<C: sea_orm::ColumnTrait>(column: C, query: &str) -> sea_orm::Condition {
    use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
    let mut c = sea_orm::Condition::all();
    for word in search_fold(query).split_whitespace() {
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
    fn umlauts_fold_both_ways() {
        for q in ["mueller", "muller", "Müller", "MUELLER", "Mueller"] {
            assert_eq!(search_fold(q), "muller", "{q}");
        }
        assert_eq!(search_fold("weiß"), search_fold("weiss"));
        assert_eq!(search_fold("Straße"), search_fold("strasse"));
        assert_eq!(search_fold("Köln Gärtner"), "koln gartner");
        assert_eq!(search_fold("Koeln Gaertner"), "koln gartner");
        // Stored texts keep both forms of a field with a spelled-out umlaut.
        assert_eq!(fold_fields(["Müller"]), "muller");
        assert_eq!(
            fold_fields(["Mueller", "Michael"]),
            "mueller | muller | michael | michal"
        );
        let stored = fold_fields(["Michael Mueller"]);
        for q in ["el", "michael", "müller", "muller", "mueller"] {
            assert!(stored.contains(&search_fold(q)), "{q} in {stored}");
        }
    }

    #[test]
    fn fields_and_like_escape() {
        assert_eq!(fold_fields(["Ä", "", "b"]), "a | b");
        assert_eq!(like_escape("50%_\\"), "50\\%\\_\\\\");
    }
}

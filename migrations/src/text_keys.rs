//! Renamed text keys: admins' overrides of a text (R-TXT-1, table `text_override`) follow the
//! text when its key changes, so no customised text is lost. Used by the migrations that move
//! texts between catalogues.

use sea_orm_migration::prelude::*;

/// Renames the overrides of every `(old, new)` key pair: forward (`old` → `new`) on `up`,
/// backward on `down`.
pub(crate) async fn rename(
    m: &SchemaManager<'_>,
    pairs: &[(&str, &str)],
    forward: bool,
) -> Result<(), DbErr> {
    for (old, new) in pairs {
        let (from, to) = if forward { (old, new) } else { (new, old) };
        m.exec_stmt(
            Query::update()
                .table("text_override")
                .value("key", *to)
                .and_where(Expr::col("key").eq(*from))
                .to_owned(),
        )
        .await?;
    }
    Ok(())
}

//! Contact history: the search text of an entry also holds the German and English labels of
//! its contact type and topic (R-CH, R-LST-1), so "persönlich" or "E-Mail" find entries, not
//! only the codes. Existing entries are backfilled here; later writes keep it current
//! (contact-history service). Works on SQLite and PostgreSQL alike (rows are read and written
//! through the query builder).

use std::collections::HashMap;

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The folding of `hih_db::fold::fold` as of this migration, frozen on purpose (see
/// `m20261130_000020_users_sort_columns`).
fn fold(text: &str) -> String {
    let lower = deunicode::deunicode(text).to_lowercase();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `hih_db::fold::fold_fields` as of this migration.
fn fold_fields(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| fold(f))
        .filter(|f| !f.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Recomputes the search text of every entry; `with_labels` false restores the earlier
/// shape (author, codes, text).
async fn backfill(m: &SchemaManager<'_>, with_labels: bool) -> Result<(), DbErr> {
    let db = m.get_connection();
    let backend = m.get_database_backend();
    let items = db
        .query_all_raw(
            backend.build(
                Query::select()
                    .columns(["kind", "code", "label_de", "label_en"])
                    .from("reference_item")
                    .and_where(Expr::col("kind").is_in(["contact_type", "contact_topic"])),
            ),
        )
        .await?;
    let mut labels: HashMap<(String, String), (String, String)> = HashMap::new();
    for row in items {
        let kind: String = row.try_get("", "kind")?;
        let code: String = row.try_get("", "code")?;
        let de: String = row.try_get("", "label_de")?;
        let en: String = row.try_get("", "label_en")?;
        labels.insert((kind, code), (de, en));
    }
    let rows = db
        .query_all_raw(
            backend.build(
                Query::select()
                    .columns(["id", "author_name", "contact_type", "topic", "remarks"])
                    .from("contact_entry"),
            ),
        )
        .await?;
    let none = (String::new(), String::new());
    for row in rows {
        let id: i64 = row.try_get("", "id")?;
        let author: String = row.try_get("", "author_name")?;
        let kind: String = row.try_get("", "contact_type")?;
        let topic: String = row.try_get("", "topic")?;
        let remarks: String = row.try_get("", "remarks")?;
        let text = if with_labels {
            let (kind_de, kind_en) = labels
                .get(&("contact_type".to_string(), kind.clone()))
                .unwrap_or(&none);
            let (topic_de, topic_en) = labels
                .get(&("contact_topic".to_string(), topic.clone()))
                .unwrap_or(&none);
            fold_fields(&[
                &author, &kind, kind_de, kind_en, &topic, topic_de, topic_en, &remarks,
            ])
        } else {
            fold_fields(&[&author, &kind, &topic, &remarks])
        };
        let update = Query::update()
            .table("contact_entry")
            .value("search_text", text)
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        let stmt: Statement = backend.build(&update);
        db.execute_raw(stmt).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        backfill(m, true).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        backfill(m, false).await
    }
}

//! The reference data moved from the companies feature into its own feature, and its text
//! keys from `companies-…` to `reference-…`: admins' overrides of those texts (R-TXT-1) follow
//! the keys, so no customised text is lost. Tables and audit entity names stay as they were.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `(old key, new key)` of every moved text.
const RENAMED: [(&str, &str); 81] = [
    ("companies-nav-reference", "reference-nav"),
    ("companies-reference-title", "reference-title"),
    ("companies-plz-heading", "reference-plz-heading"),
    ("companies-plz-count", "reference-plz-count"),
    ("companies-tile-no-postcodes", "reference-tile-no-postcodes"),
    ("companies-plz-intro", "reference-plz-intro"),
    ("companies-plz-file", "reference-plz-file"),
    ("companies-plz-file-hint", "reference-plz-file-hint"),
    ("companies-plz-dry-run", "reference-plz-dry-run"),
    ("companies-plz-dry-run-hint", "reference-plz-dry-run-hint"),
    ("companies-plz-upload", "reference-plz-upload"),
    ("companies-plz-report-title", "reference-plz-report-title"),
    (
        "companies-plz-report-refused",
        "reference-plz-report-refused",
    ),
    (
        "companies-plz-report-problems",
        "reference-plz-report-problems",
    ),
    ("companies-plz-report-more", "reference-plz-report-more"),
    ("companies-plz-report-dry", "reference-plz-report-dry"),
    ("companies-plz-report-done", "reference-plz-report-done"),
    ("companies-col-line", "reference-col-line"),
    ("companies-col-problem", "reference-col-problem"),
    ("companies-plz-error-header", "reference-plz-error-header"),
    ("companies-plz-error-row", "reference-plz-error-row"),
    ("companies-plz-error-columns", "reference-plz-error-columns"),
    ("companies-plz-error-plz", "reference-plz-error-plz"),
    ("companies-plz-error-empty", "reference-plz-error-empty"),
    (
        "companies-plz-error-empty-file",
        "reference-plz-error-empty-file",
    ),
    ("companies-back-to-reference", "reference-back"),
    ("companies-districts-heading", "reference-districts-heading"),
    ("companies-districts-intro", "reference-districts-intro"),
    ("companies-col-ihk", "reference-col-ihk"),
    ("companies-col-areas", "reference-col-areas"),
    ("companies-col-action", "reference-col-action"),
    ("companies-district-edit", "reference-district-edit"),
    (
        "companies-district-edit-title",
        "reference-district-edit-title",
    ),
    ("companies-district-areas", "reference-district-areas"),
    (
        "companies-district-areas-hint",
        "reference-district-areas-hint",
    ),
    ("companies-district-unknown", "reference-district-unknown"),
    ("companies-district-taken", "reference-district-taken"),
    ("companies-district-saved", "reference-district-saved"),
    ("companies-error-plz-format", "reference-error-plz-format"),
    ("companies-error-plz-unknown", "reference-error-plz-unknown"),
    (
        "companies-error-ort-mismatch",
        "reference-error-ort-mismatch",
    ),
    (
        "companies-error-outside-district",
        "reference-error-outside-district",
    ),
    ("companies-lists-heading", "reference-lists-heading"),
    ("companies-lists-intro", "reference-lists-intro"),
    ("companies-lists-count", "reference-lists-count"),
    (
        "companies-list-kind-industry",
        "reference-list-kind-industry",
    ),
    (
        "companies-list-kind-occupation",
        "reference-list-kind-occupation",
    ),
    (
        "companies-list-kind-outreach",
        "reference-list-kind-outreach",
    ),
    ("companies-list-kind-partner", "reference-list-kind-partner"),
    ("companies-list-kind-country", "reference-list-kind-country"),
    (
        "companies-list-kind-contact-type",
        "reference-list-kind-contact-type",
    ),
    (
        "companies-list-kind-contact-topic",
        "reference-list-kind-contact-topic",
    ),
    ("companies-list-items-title", "reference-list-items-title"),
    ("companies-list-items-intro", "reference-list-items-intro"),
    ("companies-item-new", "reference-item-new"),
    ("companies-item-new-title", "reference-item-new-title"),
    ("companies-item-edit-title", "reference-item-edit-title"),
    ("companies-item-review-intro", "reference-item-review-intro"),
    ("companies-item-edit", "reference-item-edit"),
    ("companies-item-none", "reference-item-none"),
    ("companies-item-code", "reference-item-code"),
    ("companies-item-code-hint", "reference-item-code-hint"),
    (
        "companies-item-code-hint-country",
        "reference-item-code-hint-country",
    ),
    ("companies-item-label-de", "reference-item-label-de"),
    ("companies-item-label-en", "reference-item-label-en"),
    ("companies-item-sort", "reference-item-sort"),
    ("companies-item-sort-hint", "reference-item-sort-hint"),
    ("companies-item-status", "reference-item-status"),
    ("companies-item-active", "reference-item-active"),
    ("companies-item-inactive", "reference-item-inactive"),
    ("companies-item-active-field", "reference-item-active-field"),
    ("companies-item-active-hint", "reference-item-active-hint"),
    ("companies-item-saved", "reference-item-saved"),
    ("companies-item-error-code", "reference-item-error-code"),
    (
        "companies-item-error-country-code",
        "reference-item-error-country-code",
    ),
    (
        "companies-item-error-code-taken",
        "reference-item-error-code-taken",
    ),
    ("companies-item-error-label", "reference-item-error-label"),
    ("companies-item-error-sort", "reference-item-error-sort"),
    ("companies-status-postcodes", "reference-status-postcodes"),
    (
        "companies-status-postcodes-loaded",
        "reference-status-postcodes-loaded",
    ),
    (
        "companies-status-postcodes-missing",
        "reference-status-postcodes-missing",
    ),
];

async fn rename(m: &SchemaManager<'_>, from_old: bool) -> Result<(), DbErr> {
    crate::text_keys::rename(m, &RENAMED, from_old).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        rename(m, true).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        rename(m, false).await
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

    use super::*;
    use sea_orm_migration::sea_orm::{ConnectionTrait, Database, DatabaseConnection};

    async fn keys(db: &DatabaseConnection) -> Vec<String> {
        let select = Query::select()
            .column("key")
            .from("text_override")
            .order_by("key", Order::Asc)
            .to_owned();
        db.query_all_raw(db.get_database_backend().build(&select))
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get::<String>("", "key").unwrap())
            .collect()
    }

    #[tokio::test]
    async fn overrides_of_moved_texts_follow_their_keys_and_back() {
        let db = Database::connect("sqlite::memory:").await.unwrap();
        db.execute_unprepared(
            "CREATE TABLE text_override (locale TEXT, key TEXT, value TEXT);
             INSERT INTO text_override VALUES ('de', 'companies-plz-heading', 'PLZ'),
               ('en', 'companies-nav-reference', 'Lists'), ('de', 'companies-nav', 'Firmen');",
        )
        .await
        .unwrap();
        let m = SchemaManager::new(&db);
        rename(&m, true).await.unwrap();
        assert_eq!(
            keys(&db).await,
            ["companies-nav", "reference-nav", "reference-plz-heading"]
        );
        rename(&m, false).await.unwrap();
        assert_eq!(
            keys(&db).await,
            [
                "companies-nav",
                "companies-nav-reference",
                "companies-plz-heading"
            ]
        );
    }
}

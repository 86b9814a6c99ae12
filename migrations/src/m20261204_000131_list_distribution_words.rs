//! The words of a distribution list (R-EXP-4) moved from the companies' catalogue to the
//! platform's `list-distribution-…` keys, now that every list's distribution list shares one
//! page (`hih_web::list`): admins' overrides follow the keys.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `(old key, new key)` of every moved text.
const RENAMED: [(&str, &str); 4] = [
    ("companies-distribution-link", "list-distribution-link"),
    ("companies-distribution-mail", "list-distribution-mail"),
    (
        "companies-distribution-no-mailto",
        "list-distribution-no-mailto",
    ),
    (
        "companies-distribution-too-many",
        "list-distribution-too-many",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        crate::text_keys::rename(m, &RENAMED, true).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        crate::text_keys::rename(m, &RENAMED, false).await
    }
}

//! Contact history: an index in the list's default order (newest first: contact date, then
//! id), so a page of all entries reads 20 index entries instead of sorting the table
//! (measured at 1,000,000 entries, ops/bench/RESULTS.md).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("ix_contact_entry_date")
                .table("contact_entry")
                .col("contact_date")
                .col("id")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ix_contact_entry_date")
                .table("contact_entry")
                .to_owned(),
        )
        .await
    }
}

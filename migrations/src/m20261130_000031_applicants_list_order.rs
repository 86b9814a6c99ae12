//! Applicants: an index for the list's default order as admins see it (active, then by ID:
//! country and running number). Without it SQLite sorted all 300,000 rows for the first page
//! (357 ms per request in the statement log); with it the page is read in index order.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("ix_applicant_id_order")
                .table("applicant")
                .col("active")
                .col("country")
                .col("id_number")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ix_applicant_id_order")
                .table("applicant")
                .to_owned(),
        )
        .await
    }
}

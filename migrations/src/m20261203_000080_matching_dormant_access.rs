//! Matching: an IHK district's access to an applicant can be dormant. While every company of
//! the district that carries the access (through a match) is deactivated, the row stays —
//! statistics count applicants per district until the records are purged (R-RET-3) — but IHK
//! staff no longer read the applicant through it (R-COM-3). Reactivating a company wakes it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::boolean;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("applicant_access")
                .add_column(boolean("active").default(true))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("applicant_access")
                .drop_column("active")
                .to_owned(),
        )
        .await
    }
}

//! Counselling (R-CNS, languages): the guest's language, chosen on the guest pages (the
//! browser's language or the switch), so the "new message" notice comes in it. Empty for
//! guests from before: their notices stay German and English.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("counselling_guest")
                .add_column(string_null("locale"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("counselling_guest")
                .drop_column("locale")
                .to_owned(),
        )
        .await
    }
}

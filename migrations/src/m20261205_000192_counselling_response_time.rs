//! Anonymous first-response times of the counselling channel (R-CNS-3): one row per
//! conversation's first staff answer, with only country, topic and the seconds it took — no
//! reference to the conversation, so the statistics stay unchanged when conversations go.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("counselling_response_time")
                .col(big_pk_auto("id"))
                .col(string("country"))
                .col(string("topic"))
                .col(big_integer("seconds"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_counselling_response_time")
                .table("counselling_response_time")
                .col("country")
                .col("topic")
                .col("seconds")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("counselling_response_time").to_owned())
            .await
    }
}

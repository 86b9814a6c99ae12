//! Counselling (the inbox's views "unassigned" and "mine"): a country's open conversations of
//! one assignee or of none, by last activity, counted and paged from one index instead of
//! visiting every open conversation of the country (ops/bench/RESULTS.md, 100,000
//! conversations). The assignee leads, so the views without one (all open, closed) keep the
//! inbox index `(country, status, last_activity_at)`, which gives their order.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "counselling_conversation";
const INDEX: &str = "ix_counselling_conversation_assignee";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name(INDEX)
                .table(TABLE)
                .col("assignee_id")
                .col("country")
                .col("status")
                .col("last_activity_at")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name(INDEX).table(TABLE).to_owned())
            .await
    }
}

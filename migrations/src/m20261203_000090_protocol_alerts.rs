//! Protocol: misuse alerts (R-SEC-1). One row per episode of a rule and subject (a user
//! `user:<id>`, a client address, or `*` for several addresses): first and last event, the
//! rule's measure (events, or exported rows), the evidence as JSON (counts, samples, links
//! into the log viewer, the log cursors the episode has consumed) and the acknowledgement.
//! The index on `(rule, subject, id)` finds a subject's latest episode for every scan; the one
//! on `acknowledged_at` serves the start-page tile's count of open alerts.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("misuse_alert")
                .col(big_pk_auto("id"))
                .col(string("rule"))
                .col(string("subject"))
                .col(timestamp_with_time_zone("first_seen"))
                .col(timestamp_with_time_zone("last_seen"))
                .col(big_integer("count"))
                .col(text("evidence"))
                .col(timestamp_with_time_zone_null("acknowledged_at"))
                .col(big_integer_null("acknowledged_by"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_misuse_alert_subject")
                .table("misuse_alert")
                .col("rule")
                .col("subject")
                .col("id")
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_misuse_alert_acknowledged")
                .table("misuse_alert")
                .col("acknowledged_at")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("misuse_alert").to_owned())
            .await
    }
}

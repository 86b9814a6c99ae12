//! Video appointments of the counselling channel (R-CNS-2): a time staff propose in a
//! conversation, the guest's answer and the random name of the room on the configured Jitsi
//! server. Deleted with their conversation.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("counselling_appointment")
                .col(big_pk_auto("id"))
                .col(big_integer("conversation_id"))
                .col(timestamp_with_time_zone("starts_at"))
                .col(string("status"))
                .col(string("room"))
                .col(big_integer_null("proposed_by"))
                .col(string("proposed_by_name"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("answered_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_counselling_appointment_conversation")
                        .from("counselling_appointment", "conversation_id")
                        .to("counselling_conversation", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_counselling_appointment_conversation")
                .table("counselling_appointment")
                .col("conversation_id")
                .col("starts_at")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("counselling_appointment").to_owned())
            .await
    }
}

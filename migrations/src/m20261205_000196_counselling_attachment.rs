//! Counselling (R-CNS, attachments): files and voice messages of a message, encrypted like
//! the bodies (ciphertext, nonce, key id); the type is the one sniffed from the content, the
//! file's own name is not kept.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("counselling_attachment")
                .col(big_pk_auto("id"))
                .col(big_integer("conversation_id"))
                .col(big_integer("message_id"))
                .col(string("mime"))
                .col(string("extension"))
                .col(big_integer("size"))
                .col(blob("content"))
                .col(blob("nonce"))
                .col(string("key_id"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_counselling_attachment_message")
                        .from("counselling_attachment", "message_id")
                        .to("counselling_message", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_counselling_attachment_conversation")
                        .from("counselling_attachment", "conversation_id")
                        .to("counselling_conversation", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_counselling_attachment_message")
                .table("counselling_attachment")
                .col("message_id")
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_counselling_attachment_conversation")
                .table("counselling_attachment")
                .col("conversation_id")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("counselling_attachment").to_owned())
            .await
    }
}

//! Platform: in-app notifications (R-NOT-1). One row per recipient; `text_key` + `args` (JSON
//! object) are rendered in the reader's language when shown. The index on
//! `(user_id, read_at)` serves the bell's unread count on every page; the one on `created_at`
//! the retention job. Rows go with their account (cascade), like the account's other rows.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("notification")
                .col(big_pk_auto("id"))
                .col(big_integer("user_id"))
                .col(string("kind"))
                .col(string("text_key"))
                .col(text("args"))
                .col(string_null("href"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("read_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_notification_user")
                        .from("notification", "user_id")
                        .to("user_account", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_notification_user_read")
                .table("notification")
                .col("user_id")
                .col("read_at")
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_notification_created")
                .table("notification")
                .col("created_at")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("notification").to_owned())
            .await
    }
}

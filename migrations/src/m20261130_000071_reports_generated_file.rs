//! Reports: the generated files — scheduled and on-demand reports (R-STA-4) and partner exports
//! (R-EXP-3) — with their state while a job builds them, the content, and the record of who,
//! when, how many rows and the SHA-256 checksum.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("generated_file")
                .col(big_pk_auto("id"))
                .col(string("kind"))
                .col(string("title"))
                .col(big_integer_null("profile_id"))
                .col(date_null("period_from"))
                .col(date_null("period_to"))
                .col(string("status"))
                .col(text("error"))
                .col(big_integer_null("requested_by"))
                .col(string("requested_by_name"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("finished_at"))
                .col(string("file_name"))
                .col(string("content_type"))
                .col(blob_null("content"))
                .col(big_integer("size_bytes"))
                .col(big_integer("row_count"))
                .col(string("sha256"))
                .col(timestamp_with_time_zone_null("content_purged_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_generated_file_kind_created")
                .table("generated_file")
                .col("kind")
                .col("created_at")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("generated_file").to_owned())
            .await
    }
}

//! Reports: partner export profiles (R-EXP-3) — which partner category, which records and
//! fields, what happens to records without consent, monthly or on demand — and the expiring
//! download links through which a generated file is handed over (only the SHA-256 of a link's
//! token is stored). A unique index keeps the monthly run to one file per profile and month.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("partner_profile")
                .col(big_pk_auto("id"))
                .col(string("name"))
                .col(string("partner_category"))
                .col(string("subject"))
                .col(text("fields"))
                .col(string("filter_country"))
                .col(string("filter_status"))
                .col(big_integer_null("filter_district_id"))
                .col(string("without_consent"))
                .col(string("format"))
                .col(boolean("monthly"))
                .col(string("recipient_email"))
                .col(boolean("active"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("download_link")
                .col(big_pk_auto("id"))
                .col(big_integer("file_id"))
                .col(string_uniq("token_hash"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(big_integer_null("created_by"))
                .col(string("created_by_name"))
                .col(timestamp_with_time_zone("created_at"))
                .col(string("mailed_to"))
                .col(big_integer("download_count"))
                .col(timestamp_with_time_zone_null("last_download_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_download_link_file")
                        .from("download_link", "file_id")
                        .to("generated_file", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_download_link_file")
                .table("download_link")
                .col("file_id")
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_generated_file_profile_period")
                .table("generated_file")
                .col("profile_id")
                .col("period_from")
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ux_generated_file_profile_period")
                .table("generated_file")
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table("download_link").to_owned())
            .await?;
        m.drop_table(Table::drop().table("partner_profile").to_owned())
            .await
    }
}

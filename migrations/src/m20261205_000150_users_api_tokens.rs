//! Users feature: personal API tokens (R-API-1). Only the SHA-256 of a token's secret is
//! stored, with a short non-secret prefix by which its owner recognises it; a token expires
//! (at most a year after its creation), can be read-only, and is revoked rather than deleted,
//! so the list shows when and by whom.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("api_token")
                .col(big_pk_auto("id"))
                .col(big_integer("user_id"))
                .col(string("name"))
                .col(string("prefix"))
                .col(string_uniq("secret_hash"))
                .col(boolean("read_only").default(false))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("last_used_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .col(big_integer_null("revoked_by"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_api_token_user")
                        .from("api_token", "user_id")
                        .to("user_account", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_api_token_user")
                .table("api_token")
                .col("user_id")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("api_token").to_owned())
            .await
    }
}

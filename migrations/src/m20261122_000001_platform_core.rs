//! Platform tables: secrets, sessions, audit trail (hash chained), access log, text
//! overrides, mail outbox.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("app_secret")
                .col(string("name").primary_key())
                .col(string("value"))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("session")
                .col(string("id_hash").primary_key())
                .col(big_integer_null("user_id"))
                .col(string("stage"))
                .col(string("csrf_token"))
                .col(string("lang"))
                .col(text("data"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("last_seen_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_session_user")
                .table("session")
                .col("user_id")
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("audit_log")
                .col(big_integer("seq").primary_key())
                .col(string("at"))
                .col(string("actor"))
                .col(string("actor_name"))
                .col(string("entity"))
                .col(string("entity_id"))
                .col(string("action"))
                .col(text("changes"))
                .col(string("prev_hash"))
                .col(string("hash"))
                .to_owned(),
        )
        .await?;
        for (name, col) in [("ix_audit_entity", "entity"), ("ix_audit_actor", "actor")] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table("audit_log")
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table("audit_head")
                .col(integer("id").primary_key())
                .col(big_integer("seq"))
                .col(string("hash"))
                .col(big_integer("anchor_seq"))
                .col(string("anchor_hash"))
                .col(big_integer("lock_counter"))
                .to_owned(),
        )
        .await?;
        let genesis = "0".repeat(64);
        m.exec_stmt(
            Query::insert()
                .into_table("audit_head")
                .columns([
                    "id",
                    "seq",
                    "hash",
                    "anchor_seq",
                    "anchor_hash",
                    "lock_counter",
                ])
                .values_panic([
                    1.into(),
                    0i64.into(),
                    genesis.clone().into(),
                    0i64.into(),
                    genesis.into(),
                    0i64.into(),
                ])
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("access_log")
                .col(big_pk_auto("id"))
                .col(timestamp_with_time_zone("at"))
                .col(string("actor"))
                .col(string("actor_name"))
                .col(string("action"))
                .col(string("entity"))
                .col(string_null("entity_id"))
                .col(text("detail"))
                .col(big_integer_null("result_count"))
                .col(string("path"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_access_at")
                .table("access_log")
                .col("at")
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("text_override")
                .col(big_pk_auto("id"))
                .col(string("locale"))
                .col(string("key"))
                .col(text("value"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(string("updated_by"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_text_override")
                .table("text_override")
                .col("locale")
                .col("key")
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("mail_outbox")
                .col(big_pk_auto("id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(string("to_addr"))
                .col(string("subject"))
                .col(text("body"))
                .col(string("status"))
                .col(integer("attempts"))
                .col(text_null("last_error"))
                .col(timestamp_with_time_zone_null("sent_at"))
                .to_owned(),
        )
        .await?;

        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "mail_outbox",
            "text_override",
            "access_log",
            "audit_head",
            "audit_log",
            "session",
            "app_secret",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

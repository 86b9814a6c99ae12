//! Operations (R-OPS-1..3): `backup_run` records every backup — when it started and ended,
//! where it went, its size and SHA-256, and whether its verification passed (the status page
//! shows the latest; old files are pruned, their rows stay with `pruned_at`).
//! `audit_verification` records every verification of the audit chain (R-AUD-4): up to which
//! entry it is intact, so the next run continues from there and the status page shows it.
//! `ops_state` keeps small operational facts by key (e.g. the fingerprint of the last degraded
//! state reported, so an operator is told once, not on every refresh).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("backup_run")
                .col(big_pk_auto("id"))
                .col(timestamp_with_time_zone("started_at"))
                .col(timestamp_with_time_zone_null("finished_at"))
                .col(string("trigger"))
                .col(string("backend"))
                .col(text_null("path"))
                .col(big_integer_null("size_bytes"))
                .col(string_null("sha256"))
                .col(string("outcome"))
                .col(text_null("error"))
                .col(timestamp_with_time_zone_null("pruned_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_backup_run_started")
                .table("backup_run")
                .col("started_at")
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("audit_verification")
                .col(big_pk_auto("id"))
                .col(timestamp_with_time_zone("verified_at"))
                .col(big_integer("from_seq"))
                .col(big_integer("up_to_seq"))
                .col(string_null("up_to_hash"))
                .col(big_integer("entries"))
                .col(boolean("intact"))
                .col(text_null("problem"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("ops_state")
                .col(string("key").primary_key())
                .col(text("value"))
                .col(timestamp_with_time_zone("updated_at"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["ops_state", "audit_verification", "backup_run"] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

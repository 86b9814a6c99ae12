//! Counselling (R-CNS-2, sharing for integration): AHK staff may mark a conversation that is
//! linked to an applicant as shared; IHK staff then read it on the applicant's page once a
//! match has opened the applicant to their district. Unshared by default (also for every
//! conversation from before), so nothing becomes visible to an IHK without a decision. The
//! index serves the applicant's tab (conversations of one applicant).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "counselling_conversation";
const INDEX: &str = "ix_counselling_conversation_applicant";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(TABLE)
                .add_column(boolean("shared_for_integration").default(false))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name(INDEX)
                .table(TABLE)
                .col("applicant_id")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name(INDEX).table(TABLE).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(TABLE)
                .drop_column("shared_for_integration")
                .to_owned(),
        )
        .await
    }
}

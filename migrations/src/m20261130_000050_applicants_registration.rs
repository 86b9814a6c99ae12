//! Self-registration (R-REG): invitations with a hashed single-use token and the pending
//! registrations (wizard state while the guest fills the steps, then the submitted entry
//! awaiting the four-eyes review). Pending data is deleted at approval or rejection.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("invitation")
                .col(big_pk_auto("id"))
                .col(string_len("token_hash", 64))
                .col(string_len("country", 2))
                .col(string("name"))
                .col(string("email"))
                .col(string_len("locale", 5))
                .col(big_integer_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("used_at"))
                .col(string("outcome"))
                .col(text("reject_reason"))
                .col(big_integer_null("applicant_id"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_invitation_token")
                .table("invitation")
                .col("token_hash")
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_invitation_country_created")
                .table("invitation")
                .col("country")
                .col("created_at")
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("pending_registration")
                .col(big_pk_auto("id"))
                .col(big_integer("invitation_id"))
                .col(string_len("country", 2))
                .col(text("data"))
                .col(string("consent_version"))
                .col(timestamp_with_time_zone("consent_at"))
                .col(string_len("locale", 5))
                .col(timestamp_with_time_zone_null("submitted_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_pending_invitation")
                        .from("pending_registration", "invitation_id")
                        .to("invitation", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_pending_invitation")
                .table("pending_registration")
                .col("invitation_id")
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_pending_country_submitted")
                .table("pending_registration")
                .col("country")
                .col("submitted_at")
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["pending_registration", "invitation"] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

//! Matching feature (R-MAT): placements (matches) of an applicant with a company. One per
//! company and applicant (unique); removed with the company or the applicant.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("placement")
                .col(big_pk_auto("id"))
                .col(big_integer("company_id"))
                .col(big_integer("applicant_id"))
                .col(date("placed_on"))
                .col(string("position"))
                .col(string("status"))
                .col(text("remarks"))
                .col(big_integer_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(text("search_text"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_placement_company")
                        .from("placement", "company_id")
                        .to("company", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_placement_applicant")
                        .from("placement", "applicant_id")
                        .to("applicant", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_placement_company_applicant")
                .table("placement")
                .col("company_id")
                .col("applicant_id")
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_placement_applicant")
                .table("placement")
                .col("applicant_id")
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("placement").to_owned())
            .await
    }
}

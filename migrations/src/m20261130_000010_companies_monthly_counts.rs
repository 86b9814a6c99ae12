//! Companies feature: monthly counts, category 1A (R-COM-4) — per IHK district and calendar
//! month the number of companies addressed, of which KMU, by outreach format. A month can be
//! closed by an admin (read-only for IHK staff from then on).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("monthly_count")
                .col(big_pk_auto("id"))
                .col(big_integer("district_id"))
                .col(integer("year"))
                .col(integer("month"))
                .col(timestamp_with_time_zone_null("closed_at"))
                .col(big_integer_null("closed_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_monthly_count_district")
                        .from("monthly_count", "district_id")
                        .to("institution", "id")
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_monthly_count_period")
                .table("monthly_count")
                .col("district_id")
                .col("year")
                .col("month")
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("monthly_count_line")
                .col(big_pk_auto("id"))
                .col(big_integer("monthly_count_id"))
                .col(string("outreach"))
                .col(integer("addressed"))
                .col(integer("addressed_kmu"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_monthly_line_count")
                        .from("monthly_count_line", "monthly_count_id")
                        .to("monthly_count", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_monthly_count_line")
                .table("monthly_count_line")
                .col("monthly_count_id")
                .col("outreach")
                .unique()
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["monthly_count_line", "monthly_count"] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

//! Contact history (R-CH): entries about a company, an applicant or both, with the author's
//! name as it was, the folded search text and its trigram index (remarks are searchable).

use crate::backend_sql;
use crate::search_index as search_sql;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("contact_entry")
                .col(big_pk_auto("id"))
                .col(big_integer_null("company_id"))
                .col(big_integer_null("applicant_id"))
                .col(big_integer_null("author_id"))
                .col(string("author_name"))
                .col(date("contact_date"))
                .col(string("contact_type"))
                .col(string("topic"))
                .col(text("remarks"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(text("search_text"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_contact_company")
                        .from("contact_entry", "company_id")
                        .to("company", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_contact_applicant")
                        .from("contact_entry", "applicant_id")
                        .to("applicant", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("ix_contact_entry_company", "company_id"),
            ("ix_contact_entry_applicant", "applicant_id"),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table("contact_entry")
                    .col(col)
                    .col("contact_date")
                    .to_owned(),
            )
            .await?;
        }
        backend_sql::run(
            m,
            search_sql::postgres_index_sql("contact_entry"),
            search_sql::sqlite_index_sql("contact_entry"),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
            for sql in search_sql::sqlite_drop_sql("contact_entry") {
                m.get_connection().execute_unprepared(&sql).await?;
            }
        }
        m.drop_table(Table::drop().table("contact_entry").to_owned())
            .await
    }
}

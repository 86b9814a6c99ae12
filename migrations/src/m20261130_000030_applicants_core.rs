//! Applicants feature (R-APP-1, R-ID): applicants with their status history, the per-country
//! counter of the applicant ID, the (for now empty) access table that matches will fill for
//! IHK staff, the trigram index over the folded search text and the list's indexes.

use crate::backend_sql;
use crate::search_index as search_sql;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// List and lookup indexes: (name, columns, unique). The country variants serve AHK staff.
const INDEXES: &[(&str, &[&str], bool)] = &[
    ("ux_applicant_applicant_id", &["applicant_id"], true),
    (
        "ix_applicant_country_sort",
        &["country", "active", "sort_name"],
        false,
    ),
    ("ix_applicant_sort", &["active", "sort_name"], false),
    (
        "ix_applicant_country_number",
        &["country", "id_number"],
        false,
    ),
    (
        "ix_applicant_country_filter",
        &["country", "active", "status", "target_occupation"],
        false,
    ),
    (
        "ix_applicant_filter",
        &["active", "status", "target_occupation"],
        false,
    ),
    (
        "ix_applicant_duplicate",
        &["country", "birth_date", "sort_name"],
        false,
    ),
    ("ix_applicant_deactivated", &["deactivated_at"], false),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("applicant")
                .col(big_pk_auto("id"))
                .col(string_len_null("applicant_id", 40))
                .col(big_integer_null("id_number"))
                .col(string("status"))
                .col(date("status_since"))
                .col(text("dropout_reason"))
                .col(string("salutation"))
                .col(string("first_names"))
                .col(string("last_name"))
                .col(date("birth_date"))
                .col(string("nationality"))
                .col(string_len("country", 2))
                .col(string("residence"))
                .col(string("email"))
                .col(string("phone"))
                .col(string("target_occupation"))
                .col(text("qualification"))
                .col(integer_null("experience_years"))
                .col(string("german_level"))
                .col(date_null("course_start"))
                .col(date_null("course_end"))
                .col(date_null("course_dropout"))
                .col(string("certificate_level"))
                .col(date_null("certificate_date"))
                .col(string("course_provider"))
                .col(date_null("recognition_applied"))
                .col(date_null("recognition_decided"))
                .col(string("recognition_result"))
                .col(date_null("adaptation_start"))
                .col(date_null("adaptation_end"))
                .col(date_null("visa_applied"))
                .col(date_null("visa_granted"))
                .col(string("visa_result"))
                .col(date_null("entry_date"))
                .col(date_null("work_start"))
                .col(text("integration_measures"))
                .col(string("employed_6m"))
                .col(string("employed_12m"))
                .col(date_null("consent_storage_date"))
                .col(string("consent_storage_version"))
                .col(text("consent_partners"))
                .col(text("remarks"))
                .col(boolean("active"))
                .col(timestamp_with_time_zone_null("deactivated_at"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(text("search_text"))
                .col(string("sort_name"))
                .to_owned(),
        )
        .await?;
        for (name, cols, unique) in INDEXES {
            let mut idx = Index::create().name(*name).table("applicant").to_owned();
            for c in *cols {
                idx.col(*c);
            }
            if *unique {
                idx.unique();
            }
            m.create_index(idx).await?;
        }
        m.create_table(
            Table::create()
                .table("applicant_status_change")
                .col(big_pk_auto("id"))
                .col(big_integer("applicant_id"))
                .col(string("status"))
                .col(text("dropout_reason"))
                .col(date("changed_on"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_status_applicant")
                        .from("applicant_status_change", "applicant_id")
                        .to("applicant", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_applicant_status_change")
                .table("applicant_status_change")
                .col("applicant_id")
                .to_owned(),
        )
        .await?;
        // R-ID: one row per registration country; the last number handed out. Incremented by
        // an upsert inside the creating transaction (the row lock serialises creators).
        m.create_table(
            Table::create()
                .table("applicant_id_counter")
                .col(string_len("country", 2).primary_key())
                .col(big_integer("last_number"))
                .to_owned(),
        )
        .await?;
        // Applicants opened to an IHK district (filled by the matching feature, R-MAT-3).
        m.create_table(
            Table::create()
                .table("applicant_access")
                .col(big_integer("applicant_id"))
                .col(big_integer("district_id"))
                .col(string("reason"))
                .primary_key(Index::create().col("applicant_id").col("district_id"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_access_applicant")
                        .from("applicant_access", "applicant_id")
                        .to("applicant", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_applicant_access_district")
                .table("applicant_access")
                .col("district_id")
                .col("applicant_id")
                .to_owned(),
        )
        .await?;
        backend_sql::run(
            m,
            search_sql::postgres_index_sql("applicant"),
            search_sql::sqlite_index_sql("applicant"),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
            for sql in search_sql::sqlite_drop_sql("applicant") {
                m.get_connection().execute_unprepared(&sql).await?;
            }
        }
        for t in [
            "applicant_access",
            "applicant_id_counter",
            "applicant_status_change",
            "applicant",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

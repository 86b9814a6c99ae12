//! Reports: the anonymous statistics counters (R-RET-3). Before a company or applicant is
//! deleted physically its contribution to the statistics is folded into these tables: only the
//! dimensions the statistics and the cross-tabulation use, no personal data, one row per
//! dimension tuple with a count `n`. Also covering indexes on the live tables for the grouped
//! statistics queries (R-STA-1, performance).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The applicant dimensions, shared by the programme-wide and the per-district table.
fn applicant_columns(t: &mut TableCreateStatement) -> &mut TableCreateStatement {
    t.col(string("country"))
        .col(string("status"))
        .col(string("target_occupation"))
        .col(string("german_level"))
        .col(string("created_month"))
        .col(integer("course_started"))
        .col(integer("course_dropped"))
        .col(integer("work_started"))
        .col(string("employed_6m"))
        .col(string("employed_12m"))
        .col(integer_null("days_certificate"))
        .col(integer_null("days_recognition"))
        .col(integer_null("days_visa"))
        .col(big_integer("n"))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("stat_company_residue")
                .col(big_pk_auto("id"))
                .col(big_integer_null("district_id"))
                .col(string_null("kreis"))
                .col(string("industry"))
                .col(string("size_class"))
                .col(integer("is_kmu"))
                .col(string("status"))
                .col(string("outreach_format"))
                .col(string("created_month"))
                .col(big_integer("n"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            applicant_columns(
                Table::create()
                    .table("stat_applicant_residue")
                    .col(big_pk_auto("id")),
            )
            .to_owned(),
        )
        .await?;
        m.create_table(
            applicant_columns(
                Table::create()
                    .table("stat_applicant_district_residue")
                    .col(big_pk_auto("id"))
                    .col(big_integer("district_id")),
            )
            .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("stat_placement_residue")
                .col(big_pk_auto("id"))
                .col(big_integer_null("district_id"))
                .col(string("country"))
                .col(string("occupation"))
                .col(string("industry"))
                .col(string("status"))
                .col(string("placed_month"))
                .col(big_integer("n"))
                .to_owned(),
        )
        .await?;
        for (name, table, cols) in [
            (
                "ix_stat_company_residue_dims",
                "stat_company_residue",
                &["district_id", "industry", "status", "created_month"][..],
            ),
            (
                "ix_stat_applicant_residue_dims",
                "stat_applicant_residue",
                &["country", "status", "target_occupation", "created_month"][..],
            ),
            (
                "ix_stat_applicant_district_residue_dims",
                "stat_applicant_district_residue",
                &["district_id", "country", "status", "created_month"][..],
            ),
            (
                "ix_stat_placement_residue_dims",
                "stat_placement_residue",
                &["district_id", "country", "status", "placed_month"][..],
            ),
            // Covering indexes: the grouped statistics queries read only these columns, and group
            // by their leading columns, so SQLite streams the groups without sorting.
            (
                "ix_company_stat",
                "company",
                &[
                    "district_id",
                    "industry",
                    "outreach_format",
                    "employees",
                    "status",
                    "created_at",
                ][..],
            ),
            (
                "ix_applicant_stat",
                "applicant",
                &[
                    "country",
                    "status",
                    "employed_6m",
                    "employed_12m",
                    "course_start",
                    "course_dropout",
                    "work_start",
                    "created_at",
                ][..],
            ),
            // Durations: only records with the end date are read (a range on the leading column).
            (
                "ix_applicant_stat_certificate",
                "applicant",
                &["certificate_date", "course_start", "country", "created_at"][..],
            ),
            (
                "ix_applicant_stat_recognition",
                "applicant",
                &[
                    "recognition_decided",
                    "recognition_applied",
                    "country",
                    "created_at",
                ][..],
            ),
            (
                "ix_applicant_stat_visa",
                "applicant",
                &["visa_granted", "visa_applied", "country", "created_at"][..],
            ),
        ] {
            let mut ix = Index::create();
            ix.name(name).table(table);
            for c in cols {
                ix.col(*c);
            }
            m.create_index(ix.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for ix in [
            "ix_company_stat",
            "ix_applicant_stat",
            "ix_applicant_stat_certificate",
            "ix_applicant_stat_recognition",
            "ix_applicant_stat_visa",
        ] {
            m.drop_index(Index::drop().name(ix).to_owned()).await?;
        }
        for t in [
            "stat_company_residue",
            "stat_applicant_residue",
            "stat_applicant_district_residue",
            "stat_placement_residue",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

//! Companies: indexes that keep the list fast at 100,000 rows (R-NFR-3) — a trigram index on
//! the folded search text (SQLite FTS5 / PostgreSQL `pg_trgm`, see `hih_db::search`) and
//! composite indexes for the list's filters.

use crate::backend_sql;
use crate::search_index as search_sql;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Filter indexes: (name, columns). The scoped (district) variant serves IHK staff.
const INDEXES: &[(&str, &[&str])] = &[
    (
        "ix_company_filter",
        &["active", "status", "industry", "employees"],
    ),
    (
        "ix_company_district_filter",
        &["district_id", "active", "status", "industry", "employees"],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        backend_sql::run(
            m,
            search_sql::postgres_index_sql("company"),
            search_sql::sqlite_index_sql("company"),
        )
        .await?;
        for (name, cols) in INDEXES {
            let mut idx = Index::create().name(*name).table("company").to_owned();
            for c in *cols {
                idx.col(*c);
            }
            m.create_index(idx).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, _) in INDEXES {
            m.drop_index(Index::drop().name(*name).table("company").to_owned())
                .await?;
        }
        backend_sql::run(
            m,
            vec!["DROP INDEX IF EXISTS ix_company_search_trgm".to_string()],
            search_sql::sqlite_drop_sql("company"),
        )
        .await
    }
}

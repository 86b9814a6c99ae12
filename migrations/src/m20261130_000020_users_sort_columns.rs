//! Users feature: folded sort keys for the SQL-level user list (German order: "Ärger" between
//! "Anton" and "Zander"). `user_account.sort_name` is "nachname vorname", `institution.sort_name`
//! the institution's name, both folded; existing rows are backfilled here, later writes keep
//! them current (users service, institution form).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The folding of `hih_db::fold::fold` as of this migration (lower case, diacritics removed,
/// ß → ss, whitespace collapsed). Frozen here on purpose: a migration must produce the same
/// data whenever it runs, and this crate sits below `hih-db`.
fn fold(text: &str) -> String {
    let lower = deunicode::deunicode(text).to_lowercase();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Adds `sort_name` to `table` and indexes it.
async fn add_sort_column(m: &SchemaManager<'_>, table: &'static str) -> Result<(), DbErr> {
    m.alter_table(
        Table::alter()
            .table(table)
            .add_column(string("sort_name").default(""))
            .to_owned(),
    )
    .await?;
    m.create_index(
        Index::create()
            .name(format!("ix_{table}_sort_name"))
            .table(table)
            .col("sort_name")
            .to_owned(),
    )
    .await
}

/// Sets `sort_name` of every row of `table` from the folded `columns` (joined by a space).
async fn backfill(
    m: &SchemaManager<'_>,
    table: &'static str,
    columns: &[&'static str],
) -> Result<(), DbErr> {
    let db = m.get_connection();
    let backend = m.get_database_backend();
    let mut select = Query::select();
    select.column("id").from(table);
    for c in columns {
        select.column(*c);
    }
    let rows = db.query_all_raw(backend.build(&select)).await?;
    for row in rows {
        let id: i64 = row.try_get("", "id")?;
        let mut parts = Vec::new();
        for c in columns {
            let value: String = row.try_get("", c)?;
            parts.push(fold(&value));
        }
        let update = Query::update()
            .table(table)
            .value("sort_name", parts.join(" "))
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        let stmt: Statement = backend.build(&update);
        db.execute_raw(stmt).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        add_sort_column(m, "user_account").await?;
        add_sort_column(m, "institution").await?;
        backfill(m, "user_account", &["last_name", "first_name"]).await?;
        backfill(m, "institution", &["name"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["user_account", "institution"] {
            m.drop_index(
                Index::drop()
                    .name(format!("ix_{table}_sort_name"))
                    .table(table)
                    .to_owned(),
            )
            .await?;
            m.alter_table(
                Table::alter()
                    .table(table)
                    .drop_column("sort_name")
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

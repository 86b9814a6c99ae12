//! Raw SQL that differs between the databases (triggers, trigram indexes), run by the
//! migrations that need it: one place for "pick the backend's statements and run them in
//! order" and for dropping triggers by name.

use sea_orm_migration::prelude::*;

/// Whether the migration runs on PostgreSQL (otherwise SQLite).
fn on_postgres(m: &SchemaManager<'_>) -> bool {
    m.get_database_backend() == sea_orm::DatabaseBackend::Postgres
}

/// Runs `postgres` on PostgreSQL or `sqlite` on SQLite, statement by statement, in order.
pub async fn run(
    m: &SchemaManager<'_>,
    postgres: Vec<String>,
    sqlite: Vec<String>,
) -> Result<(), DbErr> {
    let statements = if on_postgres(m) { postgres } else { sqlite };
    for sql in statements {
        m.get_connection().execute_unprepared(&sql).await?;
    }
    Ok(())
}

/// Drops the triggers `names`: on PostgreSQL their functions of the same name (`CASCADE`
/// takes the trigger along), on SQLite the triggers.
pub async fn drop_triggers<I, S>(m: &SchemaManager<'_>, names: I) -> Result<(), DbErr>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let postgres = on_postgres(m);
    for name in names {
        let name = name.as_ref();
        let drop = if postgres {
            format!("DROP FUNCTION IF EXISTS {name}() CASCADE")
        } else {
            format!("DROP TRIGGER IF EXISTS {name}")
        };
        m.get_connection().execute_unprepared(&drop).await?;
    }
    Ok(())
}

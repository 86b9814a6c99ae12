//! The applicant ID (Bewerberkennung, R-ID): `HIH-VN-0001` — prefix (setting `id_prefix`),
//! the registration country's ISO code, a running number per country, four digits
//! zero-padded and growing past 9999 (`HIH-VN-10000`).
//!
//! Numbers come from one counter row per country, advanced by an upsert inside the caller's
//! transaction (`INSERT … ON CONFLICT DO UPDATE … RETURNING`, SQLite ≥ 3.35 and PostgreSQL).
//! The upsert takes the row's write lock until commit, so concurrent creators — in one process
//! or several — wait for each other; a rolled-back creation rolls its number back with it, so
//! numbers are unique and gap-free. (The unit of work serialises writers anyway through the
//! audit chain's head row; the counter does not rely on that.) Never `MAX()+1`.
//!
//! Creation calls [`assign`]; the later self-registration slice calls it at approval.

use hih_db::UnitOfWork;
use hih_kernel::AppError;
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

/// Formats an ID: `format_id("HIH", "VN", 1)` is `HIH-VN-0001`.
pub fn format_id(prefix: &str, country: &str, number: i64) -> String {
    format!("{prefix}-{country}-{number:04}")
}

/// Reserves `count` (≥ 1) consecutive numbers of `country` inside `txn`; returns the first.
pub async fn reserve<C: ConnectionTrait>(
    txn: &C,
    country: &str,
    count: i64,
) -> Result<i64, AppError> {
    let backend = txn.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => {
            "INSERT INTO applicant_id_counter (country, last_number) VALUES ($1, $2) \
             ON CONFLICT (country) DO UPDATE \
             SET last_number = applicant_id_counter.last_number + EXCLUDED.last_number \
             RETURNING last_number"
        }
        _ => {
            "INSERT INTO applicant_id_counter (country, last_number) VALUES (?, ?) \
             ON CONFLICT (country) DO UPDATE \
             SET last_number = applicant_id_counter.last_number + excluded.last_number \
             RETURNING last_number"
        }
    };
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [country.into(), count.into()],
        ))
        .await?
        .ok_or_else(|| AppError::internal("applicant id counter returned no row"))?;
    let last: i64 = row.try_get("", "last_number")?;
    Ok(last - count + 1)
}

/// Hands out the next ID of `country` in the unit of work: `(number, formatted ID)`.
pub async fn assign(uow: &UnitOfWork, country: &str) -> Result<(i64, String), AppError> {
    let number = reserve(uow.txn(), country, 1).await?;
    let prefix = &uow.services().settings.id_prefix;
    Ok((number, format_id(prefix, country, number)))
}

#[cfg(test)]
mod tests {
    use super::format_id;

    #[test]
    fn ids_are_padded_and_grow_past_9999() {
        assert_eq!(format_id("HIH", "VN", 1), "HIH-VN-0001");
        assert_eq!(format_id("HIH", "IN", 42), "HIH-IN-0042");
        assert_eq!(format_id("HIH", "BR", 9999), "HIH-BR-9999");
        assert_eq!(format_id("HIH", "BR", 10000), "HIH-BR-10000");
        assert_eq!(format_id("PILOT", "VN", 123456), "PILOT-VN-123456");
    }
}

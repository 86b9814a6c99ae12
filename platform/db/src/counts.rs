//! Kept counts (issue 16): the number of active records per scope key of an entity, kept in
//! `record_count` by triggers in every writing transaction (migration
//! `platform_record_counts`). A list without filters reads its total here instead of counting
//! its scope; tests of the features compare both after every kind of write.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, DbErr};

/// Active companies per IHK district (`district_id`; `""` for none).
pub const COMPANIES_BY_DISTRICT: &str = "company.active.district";
/// Active applicants per registration country (`country`).
pub const APPLICANTS_BY_COUNTRY: &str = "applicant.active.country";
/// Active applicants opened to each IHK district (active rows of `applicant_access` whose
/// applicant is active, per `district_id`; migration `applicant_open_counts`).
pub const APPLICANTS_BY_DISTRICT: &str = "applicant.open.district";
/// All contact-history entries (one total).
pub const CONTACT_ENTRIES: &str = "contact_entry.all";
/// Contact-history entries visible per IHK district (rows of `contact_visibility` per
/// `district_id`); kept on SQLite only (see the migration), PostgreSQL counts the rows.
pub const CONTACTS_BY_DISTRICT: &str = "contact_visibility.district";

/// The kept count of `counter`: for one scope key, or summed over all keys (`None`).
pub async fn kept<C: ConnectionTrait>(
    db: &C,
    counter: &str,
    key: Option<&str>,
) -> Result<u64, DbErr> {
    let table = Alias::new("record_count");
    let mut q = Query::select();
    q.expr(Expr::cust("CAST(COALESCE(SUM(n), 0) AS BIGINT)"))
        .from(table)
        .and_where(Expr::col(Alias::new("counter")).eq(counter));
    if let Some(k) = key {
        q.and_where(Expr::col(Alias::new("scope_key")).eq(k));
    }
    let row = db
        .query_one_raw(db.get_database_backend().build(&q))
        .await?;
    let n = match row {
        Some(r) => r.try_get_by_index::<i64>(0)?,
        None => 0,
    };
    u64::try_from(n).map_err(|_| DbErr::Custom(format!("negative kept count of {counter}")))
}

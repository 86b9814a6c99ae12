//! The retention status page `/protokoll/aufbewahrung` (R-RET-1, R-GEN-3; admins and the
//! data-protection officer): what is deleted when — deactivated companies and applicants per
//! day of their physical deletion, the next log purge with the number of entries it deletes,
//! the oldest log entries, the audit chain's anchor, the programme's end and the retention of
//! notifications. Counts and dates only, no personal data.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Berlin;
use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_db::audit::{self, Anchor};
use hih_kernel::{AppError, Services};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::handler;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::Serialize;

use super::purge;
use crate::programme_end;

/// Deactivated records of one kind that are deleted on the same day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeletionDay {
    /// Text key of the kind (companies, applicants).
    pub kind_key: &'static str,
    /// The day (Europe/Berlin) from which the daily retention job deletes them.
    pub date: NaiveDate,
    /// How many.
    pub count: u64,
}

/// The next log purge: its date, the cutoff then, and how many entries it deletes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextPurge {
    /// 1 January of next year.
    pub date: NaiveDate,
    /// Entries written before this instant are deleted then.
    pub cutoff: DateTime<Utc>,
    /// The last day (Europe/Berlin) of the entries it deletes.
    pub written_until: NaiveDate,
    /// Audit entries it deletes (overdue ones included).
    pub audit: u64,
    /// Access-log entries it deletes.
    pub access: u64,
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    /// Days a deactivated record is kept (setting `retention_days`).
    pub retention_days: i64,
    /// Deactivated companies.
    pub companies: u64,
    /// Deactivated applicants.
    pub applicants: u64,
    /// Deactivated records per deletion day, by day, companies first.
    pub days: Vec<DeletionDay>,
    /// Whole years log entries are kept after their year (setting `logs.retention_years`).
    pub retention_years: u32,
    /// Entries due today that the daily job has not deleted yet (audit + access log).
    pub overdue: u64,
    /// The next purge on 1 January.
    pub next: NextPurge,
    /// Time of the oldest audit entry (stored text), if any.
    pub oldest_audit: Option<String>,
    /// Time of the oldest access-log entry, if any.
    pub oldest_access: Option<DateTime<Utc>>,
    /// The audit chain's anchor (seq 0: nothing purged yet).
    pub anchor: AnchorView,
    /// The programme's end date (setting), if set.
    pub programme_end: Option<NaiveDate>,
    /// The day a programme-end deletion ran, if one has.
    pub programme_ended: Option<NaiveDate>,
    /// Companies the end deletion would delete now.
    pub end_companies: u64,
    /// Applicants the end deletion would delete now.
    pub end_applicants: u64,
    /// Days a read notification is kept.
    pub notification_days: i64,
    /// Days an unread notification is kept at most.
    pub notification_max_days: i64,
}

/// The anchor as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnchorView {
    /// Seq of the last purged entry (0: none).
    pub seq: i64,
    /// Its hash.
    pub hash: String,
    /// Whether anything was purged yet.
    pub moved: bool,
}

impl From<Anchor> for AnchorView {
    fn from(a: Anchor) -> Self {
        AnchorView {
            moved: a != Anchor::genesis(),
            seq: a.seq,
            hash: a.hash,
        }
    }
}

/// The deactivation times of the deactivated records of an entity.
async fn deactivated<E, C>(
    db: &C,
    active: E::Column,
    deactivated_at: E::Column,
) -> Result<Vec<DateTime<Utc>>, AppError>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let rows: Vec<Option<DateTime<Utc>>> = E::find()
        .select_only()
        .column(deactivated_at)
        .filter(active.eq(false))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().flatten().collect())
}

/// Groups deactivation times into days of deletion (deactivation + `days`, Europe/Berlin).
fn by_deletion_day(kind_key: &'static str, times: &[DateTime<Utc>], days: i64) -> Vec<DeletionDay> {
    let mut per_day: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for t in times {
        let due = (*t + Duration::days(days))
            .with_timezone(&Berlin)
            .date_naive();
        *per_day.entry(due).or_default() += 1;
    }
    per_day
        .into_iter()
        .map(|(date, count)| DeletionDay {
            kind_key,
            date,
            count,
        })
        .collect()
}

/// Collects the status by the services' clock and settings.
pub async fn collect(services: &Services) -> Result<Status, AppError> {
    let db = &services.db;
    let settings = &services.settings;
    let now = services.clock.now();
    let days = settings.retention_days;

    let companies = deactivated::<company::Entity, _>(
        db,
        company::Column::Active,
        company::Column::DeactivatedAt,
    )
    .await?;
    let applicants = deactivated::<applicant::Entity, _>(
        db,
        applicant::Column::Active,
        applicant::Column::DeactivatedAt,
    )
    .await?;
    let mut deletion_days = by_deletion_day("protocol-retention-kind-companies", &companies, days);
    deletion_days.extend(by_deletion_day(
        "protocol-retention-kind-applicants",
        &applicants,
        days,
    ));

    let years = settings.logs.retention_years;
    let today_cutoff = purge::cutoff(now, years)?;
    let overdue = audit::count_before(db, today_cutoff).await?
        + hih_db::access::count_before(db, today_cutoff).await?;
    let (date, cutoff) = purge::next_purge(now, years)?;
    let written_until = (cutoff - Duration::days(1))
        .with_timezone(&Berlin)
        .date_naive();
    let next = NextPurge {
        date,
        cutoff,
        written_until,
        audit: audit::count_before(db, cutoff).await?,
        access: hih_db::access::count_before(db, cutoff).await?,
    };

    let end = programme_end::plan(db).await?;
    Ok(Status {
        retention_days: days,
        companies: companies.len() as u64,
        applicants: applicants.len() as u64,
        days: deletion_days,
        retention_years: years,
        overdue,
        next,
        oldest_audit: audit::oldest(db).await?,
        oldest_access: hih_db::access::oldest(db).await?,
        anchor: audit::anchor(db).await?.into(),
        programme_end: settings.programme_end_date,
        programme_ended: programme_end::ended(db).await?,
        end_companies: end.get(programme_end::Kind::Companies),
        end_applicants: end.get(programme_end::Kind::Applicants),
        notification_days: settings.notification_retention_days,
        notification_max_days: hih_notify::UNREAD_MAX_DAYS,
    })
}

/// `GET /protokoll/aufbewahrung`.
#[handler]
pub async fn page(ctx: Ctx) -> WebResult {
    let status = collect(ctx.services()).await?;
    ctx.render(
        "protocol/retention/status.html",
        context! { s => Serde(status) },
    )
    .await
}

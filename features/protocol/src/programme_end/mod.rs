//! The programme's end (R-GEN-3, R-RET-1, R-RET-3), driven by the setting `programme_end_date`
//! (no default; a date in the past is refused at start):
//! - 30 and 7 days before the date, admins and the data-protection officer get a notification
//!   and a mail, each exactly once: the warning is recorded as an audit event
//!   (`programme_end` / `warning-30`, `warning-7`, record id the end date) that the job looks up
//!   under the audit chain's lock, so repeated runs and several instances send it once
//!   ([`warn`]);
//! - from 30 days before, admins and the officer see a start-page tile with the date
//!   ([`tiles`]);
//! - on and after the date the daily job deletes all companies, applicants and what hangs on
//!   them physically, after folding them into the anonymous statistics counters, in one unit of
//!   work with one `programme-end` audit event holding the counts ([`delete`]); afterwards every
//!   logged-in user sees that the programme has ended;
//! - `hih programme-end --dry-run` lists what would be deleted ([`delete::plan`]).

pub mod delete;
pub mod tiles;
pub mod warn;

use std::sync::Arc;

use chrono::NaiveDate;
use chrono_tz::Europe::Berlin;
use hih_db::entities::audit_log;
use hih_i18n::Locale;
use hih_kernel::{AppError, JobContext, JobError, JobHandler, Registry, Services};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

pub use delete::{Counts, Kind, Outcome, plan, run_deletion};
pub use warn::Warning;

/// Name of the daily job (warnings before, deletion on and after the date).
pub const JOB: &str = "protocol.programme-end";
/// Audit entity of the warnings and the deletion.
pub const AUDIT_ENTITY: &str = "programme_end";
/// Audit action of the deletion.
pub const ACTION_DELETED: &str = "programme-end";

/// Registers the texts, the daily job (03:50 UTC, after the retention purges) and the tiles.
pub fn register(r: &mut Registry) {
    r.texts(
        Locale::De,
        include_str!("../../../../i18n/de/protocol_programme_end.ftl"),
    );
    r.texts(
        Locale::En,
        include_str!("../../../../i18n/en/protocol_programme_end.ftl"),
    );
    r.audit_entity(AUDIT_ENTITY);
    r.job(JOB, "job-protocol-programme-end", Arc::new(ProgrammeEndJob));
    r.cron(JOB, "0 50 3 * * *");
    r.tiles(Arc::new(tiles::ProgrammeEndTiles));
}

/// Today's date in Europe/Berlin by the services' clock (the end date is a German calendar
/// day).
pub fn today(services: &Services) -> NaiveDate {
    services.clock.now().with_timezone(&Berlin).date_naive()
}

/// Days from today until the end date (0 on the date, negative after it); `None` if no end
/// date is set.
pub fn days_left(services: &Services) -> Option<i64> {
    services
        .settings
        .programme_end_date
        .map(|end| (end - today(services)).num_days())
}

/// A date as `TT.MM.JJJJ` (R-GEN-4).
pub fn date_de(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// The end date of the last programme-end deletion, if one has run (read from its audit
/// event, so it stays known when the setting is removed afterwards).
pub async fn ended<C: ConnectionTrait>(db: &C) -> Result<Option<NaiveDate>, AppError> {
    let last = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq(AUDIT_ENTITY))
        .filter(audit_log::Column::Action.eq(ACTION_DELETED))
        .order_by_desc(audit_log::Column::Seq)
        .one(db)
        .await?;
    Ok(last.and_then(|e| NaiveDate::parse_from_str(&e.entity_id, "%Y-%m-%d").ok()))
}

/// Whether the application has recorded anything for the end date `end` — a warning or the
/// deletion — so the date was set while it still lay in the future. `hih programme-end`
/// deletes only then: a date entered after it passed (the tender's 2023-06-30, say) must never
/// trigger the deletion (R-GEN-3), and the start refuses such a date for everything else.
pub async fn announced<C: ConnectionTrait>(db: &C, end: NaiveDate) -> Result<bool, AppError> {
    let n = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq(AUDIT_ENTITY))
        .filter(audit_log::Column::EntityId.eq(end.to_string()))
        .count(db)
        .await?;
    Ok(n > 0)
}

/// What one run of the job did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobRun {
    /// No end date, or not yet within 30 days.
    Nothing,
    /// A warning was due; `true` if it was sent now, `false` if it had been sent before.
    Warning(Warning, bool),
    /// The date is reached: the deletion ran.
    Deleted(Outcome),
}

/// One run of the daily job for `actor`: the due warning or, on and after the date, the
/// deletion. Idempotent.
pub async fn run_once(services: &Services, actor: &hih_kernel::Actor) -> Result<JobRun, AppError> {
    let (Some(end), Some(left)) = (services.settings.programme_end_date, days_left(services))
    else {
        return Ok(JobRun::Nothing);
    };
    if left <= 0 {
        return Ok(JobRun::Deleted(run_deletion(services, actor).await?));
    }
    match Warning::due(left) {
        Some(w) => {
            let sent = warn::send(services, actor, end, w, left).await?;
            Ok(JobRun::Warning(w, sent))
        }
        None => Ok(JobRun::Nothing),
    }
}

/// The daily job: warnings before the end date, the deletion on and after it.
pub struct ProgrammeEndJob;

#[async_trait::async_trait]
impl JobHandler for ProgrammeEndJob {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        match run_once(&ctx.services, &ctx.actor()).await? {
            JobRun::Deleted(outcome) => {
                tracing::info!(
                    total = outcome.counts.total(),
                    "programme end: data deleted"
                );
            }
            JobRun::Warning(w, true) => {
                tracing::info!(warning = w.action(), "programme end: warning sent");
            }
            JobRun::Warning(_, false) | JobRun::Nothing => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_german() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default();
        assert_eq!(date_de(d), "02.12.2026");
    }
}

//! The report jobs (R-STA-4): `reports.monthly` (1st of each month) and `reports.annual`
//! (1 January) request the report of the period just ended, once; `reports.generate` builds a
//! requested report — all statistics of the period, one sheet per topic — stores it and tells
//! whoever asked (or, for scheduled reports, the holders of the reports permission) that it is ready.

use std::sync::Arc;

use hih_db::UnitOfWork;
use hih_i18n::Locale;
use hih_kernel::{AppError, JobContext, JobError, JobHandler, Registry, Services};
use hih_notify::{Notice, Recipient};
use hih_users::recipients::{Filter, active_with_roles};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::period::ReportPeriod;
use crate::entities::generated_file;
use crate::files::workbook::{Sheet, Value};
use crate::files::{self, KIND_REPORT, Status};
use crate::scope::StatScope;
use crate::statistics::{self, Period};

/// Builds one requested report; payload `{"file_id": n}`.
pub const GENERATE_JOB: &str = "reports.generate";
/// Requests the report of the previous month.
pub const MONTHLY_JOB: &str = "reports.monthly";
/// Requests the report of the previous year.
pub const ANNUAL_JOB: &str = "reports.annual";

/// Registers the jobs and their schedules (UTC): 05:00 on the 1st of each month, 05:30 on
/// 1 January — after the night's retention runs, so the counters are folded.
pub fn register(r: &mut Registry) {
    r.job(GENERATE_JOB, "job-reports-generate", Arc::new(Generate));
    r.job(
        MONTHLY_JOB,
        "job-reports-monthly",
        Arc::new(Scheduled::Monthly),
    );
    r.job(
        ANNUAL_JOB,
        "job-reports-annual",
        Arc::new(Scheduled::Annual),
    );
    r.cron(MONTHLY_JOB, "0 0 5 1 * *");
    r.cron(ANNUAL_JOB, "0 30 5 1 1 *");
}

/// Records a requested report of `period` in `uow` and queues its generation after commit.
pub async fn request(
    uow: &mut UnitOfWork,
    period: ReportPeriod,
) -> Result<generated_file::Model, AppError> {
    let file = files::request(
        uow,
        files::Request {
            kind: KIND_REPORT,
            title: period.label(),
            profile_id: None,
            period: Some((period.from, period.to)),
            file_name: period.file_name(),
            content_type: hih_web::export::XLSX,
        },
    )
    .await?;
    uow.after_commit(GENERATE_JOB, serde_json::json!({ "file_id": file.id }));
    Ok(file)
}

/// Which scheduled report.
enum Scheduled {
    Monthly,
    Annual,
}

#[async_trait::async_trait]
impl JobHandler for Scheduled {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        let services = &ctx.services;
        let today = crate::codes::berlin_day(services.clock.now());
        let period = match self {
            Self::Monthly => ReportPeriod::previous_month(today),
            Self::Annual => ReportPeriod::previous_year(today),
        }
        .ok_or_else(|| JobError::Permanent("no previous period".into()))?;
        let mut uow = UnitOfWork::begin(services, &ctx.actor()).await?;
        // Once per period: a second run (another instance, a retry) finds the first request.
        let existing = generated_file::Entity::find()
            .filter(generated_file::Column::Kind.eq(KIND_REPORT))
            .filter(generated_file::Column::PeriodFrom.eq(period.from))
            .filter(generated_file::Column::PeriodTo.eq(period.to))
            .filter(generated_file::Column::RequestedBy.is_null())
            .filter(generated_file::Column::Status.ne(Status::Failed.as_str()))
            .one(uow.txn())
            .await
            .map_err(AppError::from)?;
        if existing.is_some() {
            return Ok(());
        }
        request(&mut uow, period).await?;
        uow.commit().await?;
        Ok(())
    }
}

/// Builds a requested report.
struct Generate;

#[async_trait::async_trait]
impl JobHandler for Generate {
    async fn run(&self, ctx: &JobContext, payload: serde_json::Value) -> Result<(), JobError> {
        let services = &ctx.services;
        let actor = ctx.actor();
        let Some(file) = files::start_requested(ctx, &payload).await? else {
            return Ok(());
        };
        let id = file.id;
        let (Some(from), Some(to)) = (file.period_from, file.period_to) else {
            files::fail(services, &actor, id, "report without period").await?;
            return Err(JobError::Permanent("report without period".into()));
        };
        match build(services, ReportPeriod { from, to }).await {
            Ok((bytes, rows)) => {
                let done = files::finish(services, &actor, id, bytes, rows).await?;
                tell_ready(services, &ctx.actor(), &done).await?;
                Ok(())
            }
            Err(e) => {
                files::fail(services, &actor, id, &e.to_string()).await?;
                Err(JobError::Permanent(e.to_string()))
            }
        }
    }
}

/// The workbook of a period: an overview sheet (period, time of generation, the counting rule
/// and the topics' notes on missing data), then every topic of the period's statistics.
/// Returns the file and its number of data rows.
pub async fn build(services: &Services, period: ReportPeriod) -> Result<(Vec<u8>, u64), AppError> {
    let locale = Locale::De;
    let texts = &services.texts;
    let t = |key: &str| texts.t(locale, key, &[]);
    let of_period = statistics::compute(
        services,
        &StatScope::All,
        Some(Period {
            from: period.from,
            to: period.to,
        }),
        locale,
    )
    .await?;
    let mut sheets = of_period.sheets();
    let mut overview = Sheet {
        name: t("reports-report-sheet-overview"),
        header: vec![t("reports-report-col-item"), t("reports-report-col-value")],
        rows: vec![
            vec![
                Value::Text(t("reports-report-period-from")),
                Value::Text(period.from.format("%d.%m.%Y").to_string()),
            ],
            vec![
                Value::Text(t("reports-report-period-to")),
                Value::Text(period.to.format("%d.%m.%Y").to_string()),
            ],
            vec![
                Value::Text(t("reports-report-generated-at")),
                Value::Text(crate::codes::berlin_time(services.clock.now())),
            ],
            vec![
                Value::Text(t("reports-report-rule")),
                Value::Text(t("reports-report-rule-text")),
            ],
        ],
    };
    // What the figures lack (e.g. missing monthly counts behind the response quota), as the
    // statistics page says it: one row per note, named after its topic.
    for topic in &of_period.topics {
        for note in &topic.notes {
            let label = texts.t(
                locale,
                "reports-report-note",
                &[("topic", hih_i18n::TextArg::Str(topic.title.clone()))],
            );
            overview
                .rows
                .push(vec![Value::Text(label), Value::Text(note.clone())]);
        }
    }
    sheets.insert(0, overview);
    let rows = sheets.iter().map(|s| s.rows.len() as u64).sum();
    Ok((files::workbook::xlsx(&sheets)?, rows))
}

/// Tells the requester (on demand) or the holders of the reports permission (scheduled) that the report is
/// ready: a notification with a link to the report, and an e-mail (R-NOT-3).
async fn tell_ready(
    services: &Services,
    actor: &hih_kernel::Actor,
    file: &generated_file::Model,
) -> Result<(), AppError> {
    let mut uow = UnitOfWork::begin(services, actor).await?;
    let readers: Vec<Recipient> =
        active_with_roles(uow.txn(), crate::permissions::REPORTS.roles, Filter::All).await?;
    let to: Vec<Recipient> = match file.requested_by {
        Some(user) => readers.into_iter().filter(|r| r.user_id == user).collect(),
        None => readers,
    };
    let path = format!("/berichte/{}", file.id);
    let link = services.settings.absolute_url(&path);
    let notice = Notice::new("reports.ready", "reports-report-notice-ready")
        .arg("period", file.title.clone())
        .arg("link", link)
        .href(&path)
        .mail("reports-report-mail-subject", "reports-report-mail-body");
    hih_notify::notify(&mut uow, &to, &notice).await?;
    uow.commit().await
}

//! The reports pages (R-STA-4): the list of stored reports with the on-demand form, a report's
//! status page (while the job builds it; works without JavaScript — the page offers a
//! "refresh" link instead of reloading itself, which would fail WCAG 2.2.1), and the download.

use hih_db::UnitOfWork;
use hih_db::access::AccessAction;
use hih_kernel::AppError;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult, draft};
use poem::handler;
use poem::web::{Form, Path};
use serde::Serialize;

use super::jobs;
use super::period::{PeriodForm, validate};
use crate::entities::generated_file;
use crate::files::{self, KIND_REPORT, Status, Summary};

/// How many reports the list shows (twelve years of monthly and annual reports).
const LIST_LIMIT: u64 = 160;
const DRAFT: &str = "reports:period";

/// One report as the pages show it (without its content).
#[derive(Serialize)]
struct ReportRow {
    id: i64,
    label: String,
    scheduled: bool,
    status: String,
    status_key: &'static str,
    created_at: chrono::DateTime<chrono::Utc>,
    finished_at: Option<chrono::DateTime<chrono::Utc>>,
    requested_by: String,
    rows: i64,
    size_kib: String,
    sha256: String,
    error: String,
    downloadable: bool,
}

impl From<Summary> for ReportRow {
    fn from(f: Summary) -> Self {
        let status = Status::parse(&f.status).unwrap_or(Status::Failed);
        ReportRow {
            id: f.id,
            label: f.title,
            scheduled: f.requested_by.is_none(),
            status: status.as_str().to_string(),
            status_key: status.text_key(),
            created_at: f.created_at,
            finished_at: f.finished_at,
            requested_by: f.requested_by_name,
            rows: f.row_count,
            size_kib: format!("{:.1}", f.size_bytes as f64 / 1024.0).replace('.', ","),
            sha256: f.sha256,
            error: f.error,
            downloadable: status == Status::Done && f.content_purged_at.is_none(),
        }
    }
}

/// The stored reports, newest first, and the form for a report of any period.
#[handler]
pub async fn list(ctx: Ctx) -> WebResult {
    let found = files::summaries(
        ctx.services(),
        KIND_REPORT,
        sea_orm::Condition::all(),
        LIST_LIMIT,
    )
    .await?;
    let rows: Vec<ReportRow> = found.into_iter().map(ReportRow::from).collect();
    let f = draft::load::<PeriodForm>(&ctx, DRAFT).unwrap_or_default();
    let errors = draft::take_errors(&ctx, DRAFT);
    ctx.render_form(
        "reports/periodic/list.html",
        &errors,
        context! { rows => Serde(rows), f => Serde(&f) },
    )
    .await
}

/// Requests a report of the typed period and shows its status page.
#[handler]
pub async fn request(ctx: Ctx, Form(f): Form<PeriodForm>) -> WebResult {
    let today = crate::codes::berlin_day(ctx.services().clock.now());
    match validate(&f, today) {
        Err(errors) => {
            draft::store(&ctx, DRAFT, &f);
            draft::store_errors(&ctx, DRAFT, &errors);
            ctx.redirect("/berichte#bericht-anfordern")
        }
        Ok(period) => {
            draft::discard(&ctx, DRAFT);
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
            let file = jobs::request(&mut uow, period).await?;
            uow.commit().await?;
            ctx.redirect(&format!("/berichte/{}", file.id))
        }
    }
}

async fn report(ctx: &Ctx, id: i64) -> WebResult<generated_file::Model> {
    match files::find(ctx.services(), id).await? {
        Some(f) if f.kind == KIND_REPORT => Ok(f),
        _ => Err(ctx
            .not_found_in_scope("generated_file", &id.to_string())
            .await),
    }
}

/// A report's status: waiting or being built (with a link to look again), failed (with the
/// reason), or ready (with rows, size, checksum and the download).
#[handler]
pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let file = report(&ctx, id).await?;
    let (from, to) = (file.period_from, file.period_to);
    let row = ReportRow::from(Summary::from(file));
    let pending = matches!(row.status.as_str(), "queued" | "running");
    ctx.render(
        "reports/periodic/show.html",
        context! { r => Serde(row), pending, from => Serde(from), to => Serde(to) },
    )
    .await
}

/// The report file (access-logged as an export, R-EXP-5).
#[handler]
pub async fn download(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let file = report(&ctx, id).await?;
    let rows = file.row_count;
    let name = file.file_name.clone();
    let Some(response) = files::download(file) else {
        return Err(AppError::NotFound.into());
    };
    ctx.log_access(
        AccessAction::Export,
        "generated_file",
        Some(id.to_string()),
        serde_json::json!({ "file": name }),
        Some(rows),
    )
    .await;
    Ok(response)
}

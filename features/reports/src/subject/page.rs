//! The overview of what is stored about one person and its downloads: `/auskunft/<kind>/:id`
//! (a "view" in the access log) and `…/auskunft.xlsx`, `…/auskunft.json` (each an "export"
//! with the row count, R-EXP-5).

use hih_db::access::AccessAction;
use hih_web::export::{XLSX, download};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::handler;
use poem::web::Path;
use serde::Serialize;

use super::collect::{self, Report, Section};
use super::export;
use super::person::{self, Kind};
use super::present::Presenter;
use crate::permissions::ERASE;

/// One section as the page shows it: labels and readable values only.
#[derive(Debug, Serialize)]
struct SectionView {
    key: &'static str,
    title_key: String,
    count: usize,
    /// The record: label/value rows instead of a wide table.
    vertical: bool,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn section_view(s: &Section, p: &Presenter) -> SectionView {
    let vertical = s.key == "record";
    let (columns, rows) = if vertical {
        (
            Vec::new(),
            s.rows
                .iter()
                .flat_map(|r| r.iter())
                .map(|(k, v)| vec![p.label(s.key, k), p.value(s.key, k, v)])
                .collect(),
        )
    } else {
        let keys = export::columns(s);
        let rows = s
            .rows
            .iter()
            .map(|r| {
                keys.iter()
                    .map(|c| r.get(c).map(|v| p.value(s.key, c, v)).unwrap_or_default())
                    .collect()
            })
            .collect();
        (keys.iter().map(|k| p.label(s.key, k)).collect(), rows)
    };
    SectionView {
        key: s.key,
        title_key: format!("reports-subject-section-{}", s.key),
        count: s.rows.len(),
        vertical,
        columns,
        rows,
    }
}

/// The report about `kind` `id`, or 404 (logged) when there is no such record.
async fn report(ctx: &Ctx, kind: Kind, id: i64) -> WebResult<Report> {
    let db = &ctx.services().db;
    let Some(p) = person::load(db, kind, id).await? else {
        return Err(ctx.not_found_in_scope(kind.entity(), &id.to_string()).await);
    };
    Ok(collect::report(db, p).await?)
}

async fn overview(ctx: &Ctx, kind: Kind, id: i64) -> WebResult {
    let r = report(ctx, kind, id).await?;
    ctx.log_access(
        AccessAction::View,
        kind.entity(),
        Some(id.to_string()),
        serde_json::json!({ "data_subject": "report" }),
        None,
    )
    .await;
    let p = Presenter::load(ctx.services(), ctx.locale, kind.entity()).await?;
    let sections: Vec<SectionView> = r.sections.iter().map(|s| section_view(s, &p)).collect();
    let recipients = r
        .section("record")
        .and_then(|s| s.rows.first())
        .map(|record| p.recipients(record))
        .unwrap_or_default();
    ctx.render(
        "reports/subject/report.html",
        context! {
            title => r.person.title.clone(),
            kind => kind.entity(),
            href => kind.href(id),
            sections => Serde(sections),
            recipients => recipients,
            may_erase => ERASE.allows(&ctx.actor),
        },
    )
    .await
}

/// Which file a download asks for.
#[derive(Debug, Clone, Copy)]
enum File {
    Xlsx,
    Json,
}

async fn file(ctx: &Ctx, kind: Kind, id: i64, which: File) -> WebResult {
    let r = report(ctx, kind, id).await?;
    let (bytes, ext, content_type) = match which {
        File::Xlsx => {
            let p = Presenter::load(ctx.services(), ctx.locale, kind.entity()).await?;
            (export::xlsx(&r, &p, &|k: &str| ctx.t(k))?, "xlsx", XLSX)
        }
        File::Json => (
            export::json(&r, ctx.services().clock.now(), &|c: &str| {
                ctx.t(&Presenter::label_key(c))
            })?,
            "json",
            "application/json; charset=utf-8",
        ),
    };
    let name = format!("auskunft.{ext}");
    ctx.log_access(
        AccessAction::Export,
        kind.entity(),
        Some(id.to_string()),
        serde_json::json!({ "data_subject": "report", "file": name }),
        Some(export::row_count(&r)),
    )
    .await;
    let file_name = format!("auskunft-{}-{id}.{ext}", kind.segment());
    Ok(download(bytes, &file_name, content_type))
}

/// What is stored about an applicant.
#[handler]
pub async fn applicant(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    overview(&ctx, Kind::Applicant, id).await
}

/// What is stored about a company and its contact person.
#[handler]
pub async fn company(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    overview(&ctx, Kind::Company, id).await
}

/// The applicant's report as XLSX.
#[handler]
pub async fn applicant_xlsx(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    file(&ctx, Kind::Applicant, id, File::Xlsx).await
}

/// The applicant's report as JSON.
#[handler]
pub async fn applicant_json(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    file(&ctx, Kind::Applicant, id, File::Json).await
}

/// The company's report as XLSX.
#[handler]
pub async fn company_xlsx(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    file(&ctx, Kind::Company, id, File::Xlsx).await
}

/// The company's report as JSON.
#[handler]
pub async fn company_json(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    file(&ctx, Kind::Company, id, File::Json).await
}

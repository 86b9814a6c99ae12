//! `/system/backups` (permission `operations.backups`): the record of backups, newest first,
//! with the settings that govern them, and "Sicherung jetzt anlegen" — a confirmation page
//! whose POST enqueues the backup job (audited). Backups are never offered for download.

use hih_db::UnitOfWork;
use hih_i18n::Locale;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebResult, fetch_page, iso};
use poem::handler;
use poem::web::Query;
use sea_orm::{EntityTrait, QueryOrder};
use serde::Serialize;

use super::entity::{self, Column, Entity};
use super::{CONFIRM_PATH, PATH, files, job};

/// Sort keys; the first (the default, newest first) has no header of its own.
const COLUMNS: [&str; 2] = ["newest", "started"];

/// Audit action of a backup requested on the page.
pub const REQUEST_ACTION: &str = "request";

/// A size in bytes as people read it (`12,3 MB`), with the locale's decimal mark.
pub fn size_text(bytes: i64, locale: Locale) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes.max(0) as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let number = if unit == 0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    let number = match locale {
        Locale::De => number.replace('.', ","),
        _ => number,
    };
    format!("{number} {}", UNITS[unit])
}

#[derive(Serialize)]
struct Row {
    id: i64,
    started_at: String,
    finished_at: Option<String>,
    trigger_key: String,
    backend: String,
    file: Option<String>,
    size: Option<String>,
    sha256: Option<String>,
    outcome: String,
    outcome_key: String,
    error: Option<String>,
    pruned_at: Option<String>,
}

fn row(r: entity::Model, locale: Locale) -> Row {
    let file = r.path.as_deref().map(|p| {
        std::path::Path::new(p)
            .file_name()
            .map_or_else(|| p.to_string(), |n| n.to_string_lossy().into_owned())
    });
    Row {
        id: r.id,
        started_at: iso(r.started_at),
        finished_at: r.finished_at.map(iso),
        trigger_key: format!("operations-backup-trigger-{}", r.trigger),
        backend: r.backend,
        file,
        size: r.size_bytes.map(|b| size_text(b, locale)),
        sha256: r.sha256,
        outcome_key: format!("operations-backup-outcome-{}", r.outcome),
        outcome: r.outcome,
        error: r.error,
        pruned_at: r.pruned_at.map(iso),
    }
}

/// `GET /system/backups`: the record and the settings.
#[handler]
pub async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let params = ListParams::parse(&ctx, "backups", &query, &[], &COLUMNS);
    let select = match (params.sort.as_str(), params.desc) {
        ("started", false) => Entity::find().order_by_asc(Column::StartedAt),
        _ => Entity::find().order_by_desc(Column::StartedAt),
    }
    .order_by_desc(Column::Id);
    let (total, found) = fetch_page(select, &params, &ctx.services().db).await?;
    let rows: Vec<Row> = found.into_iter().map(|r| row(r, ctx.locale)).collect();
    let settings = &ctx.services().settings;
    ctx.render(
        "operations/backup/list.html",
        context! {
            rows => Serde(rows),
            list => params.view(total, &COLUMNS),
            dir => files::configured_dir(settings).display().to_string(),
            interval_hours => settings.backup.interval_hours,
            keep => settings.backup.keep.max(1),
            confirm_path => CONFIRM_PATH,
        },
    )
    .await
}

/// `GET /system/backups/anlegen`: the confirmation page.
#[handler]
pub async fn confirm_form(ctx: Ctx) -> WebResult {
    ctx.render(
        "operations/backup/confirm.html",
        context! { list_path => PATH, confirm_path => CONFIRM_PATH },
    )
    .await
}

/// `POST /system/backups/anlegen`: enqueues the backup job (audited) and returns to the list.
#[handler]
pub async fn confirm_submit(ctx: Ctx) -> WebResult {
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    let payload = job::page_payload();
    uow.event(
        <entity::Model as hih_db::Auditable>::ENTITY,
        "*",
        REQUEST_ACTION,
        payload.clone(),
    );
    uow.after_commit(job::JOB, payload);
    uow.commit().await?;
    ctx.session.flash("operations-backup-requested");
    ctx.redirect(PATH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(size_text(512, Locale::De), "512 B");
        assert_eq!(size_text(1536, Locale::De), "1,5 KB");
        assert_eq!(size_text(1536, Locale::En), "1.5 KB");
        assert_eq!(size_text(5 * 1024 * 1024 * 1024, Locale::De), "5,0 GB");
    }
}

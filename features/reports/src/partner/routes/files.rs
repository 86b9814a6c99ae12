//! Partner files under `/partnerexporte/dateien`: all files, the status page of one file
//! (refreshed by a link, no meta refresh), the direct download (access-logged as an export,
//! R-EXP-5) and the creation of an expiring download link, shown once.

use hih_db::UnitOfWork;
use hih_db::access::AccessAction;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult, draft};
use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Path};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::file_rows;
use crate::entities::{download_link, generated_file, partner_profile};
use crate::files::{self, KIND_PARTNER, Status};
use crate::partner::service::{self, LINK_DAYS};

/// Most files the list shows.
const LIST_MAX: u64 = 500;
const LINK_STASH: &str = "partner:link";

/// All partner files, newest first.
#[handler]
pub async fn list(ctx: Ctx) -> WebResult {
    let files = file_rows(&ctx, None, LIST_MAX).await?;
    ctx.render(
        "reports/partner/files.html",
        context! { files => Serde(files) },
    )
    .await
}

/// The partner file `id`, else 404.
async fn load(ctx: &Ctx, id: i64) -> WebResult<generated_file::Model> {
    match files::find(ctx.services(), id).await? {
        Some(f) if f.kind == KIND_PARTNER => Ok(f),
        _ => Err(ctx
            .not_found_in_scope("generated_file", &id.to_string())
            .await),
    }
}

/// The status page of a file.
#[handler]
pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let file = load(&ctx, id).await?;
    let profile = match file.profile_id {
        Some(p) => {
            partner_profile::Entity::find_by_id(p)
                .one(&ctx.services().db)
                .await?
        }
        None => None,
    };
    let links = download_link::Entity::find()
        .filter(download_link::Column::FileId.eq(id))
        .order_by_desc(download_link::Column::CreatedAt)
        .all(&ctx.services().db)
        .await?;
    let status = Status::parse(&file.status);
    let available = status == Some(Status::Done) && file.content.is_some();
    ctx.render(
        "reports/partner/file.html",
        context! {
            file => Serde(&file),
            status_key => status.map_or("", Status::text_key),
            pending => matches!(status, Some(Status::Queued | Status::Running)),
            done => status == Some(Status::Done),
            failed => status == Some(Status::Failed),
            available => available,
            purged => file.content_purged_at.is_some(),
            profile => profile.as_ref().map(|p| Serde(p.clone())),
            recipient => profile.as_ref().map(|p| p.recipient_email.clone()).unwrap_or_default(),
            links => Serde(links),
            now => Serde(ctx.services().clock.now()),
            days => LINK_DAYS,
        },
    )
    .await
}

/// The neutral page for content that is gone (purged, or never built).
pub async fn gone(ctx: &Ctx, public: bool) -> WebResult {
    ctx.render_status(
        StatusCode::GONE,
        "reports/partner/gone.html",
        context! { public_page => public },
    )
    .await
}

/// Direct download for admins, written to the access log as an export.
#[handler]
pub async fn download(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let file = load(&ctx, id).await?;
    let (rows, profile) = (file.row_count, file.profile_id);
    let Some(response) = files::download(file) else {
        return gone(&ctx, false).await;
    };
    ctx.log_access(
        AccessAction::Export,
        "generated_file",
        Some(id.to_string()),
        serde_json::json!({ "profile": profile, "via": "admin" }),
        Some(rows),
    )
    .await;
    Ok(response)
}

/// `GET` of the link action: back to the file (only `POST` creates a link).
#[handler]
pub async fn link_get(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    load(&ctx, id).await?;
    ctx.redirect(&format!("/partnerexporte/dateien/{id}"))
}

/// Creates a download link (mailed to the profile's recipient when `mail=on`) and shows it
/// once on the next page.
#[handler]
pub async fn link_submit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let file = load(&ctx, id).await?;
    let back = format!("/partnerexporte/dateien/{id}");
    if Status::parse(&file.status) != Some(Status::Done) || file.content.is_none() {
        return ctx.redirect(&back);
    }
    let recipient = match file.profile_id {
        Some(p) => partner_profile::Entity::find_by_id(p)
            .one(&ctx.services().db)
            .await?
            .map(|p| p.recipient_email)
            .unwrap_or_default(),
        None => String::new(),
    };
    let wants_mail = pairs.iter().any(|(k, v)| k == "mail" && v == "on");
    let mail_to = (wants_mail && !recipient.is_empty()).then_some(recipient.as_str());
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    let (link, token) = service::create_link(&mut uow, &file, mail_to).await?;
    uow.commit().await?;
    let url = service::link_url(ctx.services(), &token);
    draft::stash(
        &ctx,
        LINK_STASH,
        &(id, url, link.mailed_to, link.expires_at),
    );
    ctx.redirect(&format!("{back}/link/erstellt"))
}

/// The new link, shown exactly once (a reload goes back to the file).
#[handler]
pub async fn link_created(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    load(&ctx, id).await?;
    type Stashed = (i64, String, String, chrono::DateTime<chrono::Utc>);
    match draft::take::<Stashed>(&ctx, LINK_STASH) {
        Some((file_id, url, mailed_to, expires_at)) if file_id == id => {
            ctx.render(
                "reports/partner/link.html",
                context! {
                    id => id,
                    url => url,
                    mailed_to => mailed_to,
                    expires_at => Serde(expires_at),
                },
            )
            .await
        }
        _ => ctx.redirect(&format!("/partnerexporte/dateien/{id}")),
    }
}

//! The public download `/download/:token` (R-EXP-3): a valid link serves its file without
//! login and is written to the access log with the link id (anonymous actor); an unknown,
//! expired or purged link answers the neutral 410 page. The token never reaches a log: the
//! request tracing masks `/download/<token>`, and only its SHA-256 is stored.

use hih_db::UnitOfWork;
use hih_db::access::AccessAction;
use hih_kernel::AppError;
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use poem::web::Path;

use super::files::gone;
use crate::files;
use crate::partner::service;

/// Serves the file of a valid link. Attempts per address are rate-limited, so tokens cannot
/// be probed.
#[handler]
pub async fn download(ctx: Ctx, Path(token): Path<String>) -> WebResult {
    if let Some(ip) = ctx.remote
        && !ctx.state.limiter.check("partner-download", ip)
    {
        return Err(WebError(AppError::RateLimited));
    }
    let Some((link, file)) = service::find_link(ctx.services(), &token).await? else {
        ctx.log_access(
            AccessAction::Denied,
            "download_link",
            None,
            serde_json::Value::Null,
            None,
        )
        .await;
        return gone(&ctx, true).await;
    };
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    service::count_download(&mut uow, &link).await?;
    uow.commit().await?;
    let (file_id, rows, profile) = (file.id, file.row_count, file.profile_id);
    let Some(response) = files::download(file) else {
        return gone(&ctx, true).await;
    };
    ctx.log_access(
        AccessAction::Export,
        "generated_file",
        Some(file_id.to_string()),
        serde_json::json!({ "link": link.id, "profile": profile }),
        Some(rows),
    )
    .await;
    Ok(response)
}

//! The generated-file store shared by reports (R-STA-4) and partner exports (R-EXP-3): a file
//! is requested (`queued`), a job builds it (`running`), and it ends `done` with its content,
//! row count and SHA-256 — or `failed` with the reason. Every state change goes through the
//! audited unit of work; the content itself never enters the audit log.

pub mod sweep;
pub mod workbook;

use chrono::NaiveDate;
use hih_db::UnitOfWork;
use hih_kernel::{Actor, AppError, Services};
use poem::Response;
use sea_orm::{ActiveValue::NotSet, EntityTrait, IntoActiveModel, Set};
use sha2::{Digest, Sha256};

use crate::entities::generated_file;

/// Registers the generated-file store shared by the rooms: its audit entity and the sweep job
/// (content dropped when expired, lost builds requeued).
pub fn register(r: &mut hih_kernel::Registry) {
    r.audit_entity("generated_file");
    sweep::register(r);
}

/// Kind of a monthly, annual or on-demand report.
pub const KIND_REPORT: &str = "report";
/// Kind of a partner export.
pub const KIND_PARTNER: &str = "partner";

/// Where a generated file stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Requested, waiting for the job.
    Queued,
    /// The job is building it.
    Running,
    /// Ready for download.
    Done,
    /// The job gave up; see `error`.
    Failed,
}

impl Status {
    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Done => "done",
            Self::Failed => "failed",
        }
    }

    /// Parses a stored value.
    pub fn parse(value: &str) -> Option<Self> {
        [Self::Queued, Self::Running, Self::Done, Self::Failed]
            .into_iter()
            .find(|s| s.as_str() == value)
    }

    /// Text key of the status label (`reports-file-status-<value>`).
    pub fn text_key(self) -> &'static str {
        match self {
            Self::Queued => "reports-file-status-queued",
            Self::Running => "reports-file-status-running",
            Self::Done => "reports-file-status-done",
            Self::Failed => "reports-file-status-failed",
        }
    }
}

/// What is known when a file is requested.
#[derive(Debug, Clone)]
pub struct Request {
    /// [`KIND_REPORT`] or [`KIND_PARTNER`].
    pub kind: &'static str,
    /// Title for lists.
    pub title: String,
    /// Partner export profile.
    pub profile_id: Option<i64>,
    /// Period (reports).
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// Download file name.
    pub file_name: String,
    /// MIME type.
    pub content_type: &'static str,
}

/// Records a requested file (`queued`) in the caller's unit of work; the caller enqueues the
/// job that builds it (`uow.after_commit`).
pub async fn request(
    uow: &mut UnitOfWork,
    request: Request,
) -> Result<generated_file::Model, AppError> {
    let actor = uow.actor().clone();
    let (requested_by, requested_by_name) = (actor.user_id(), actor.display_name());
    let now = uow.now();
    uow.insert(generated_file::ActiveModel {
        id: NotSet,
        kind: Set(request.kind.to_string()),
        title: Set(request.title),
        profile_id: Set(request.profile_id),
        period_from: Set(request.period.map(|p| p.0)),
        period_to: Set(request.period.map(|p| p.1)),
        status: Set(Status::Queued.as_str().to_string()),
        error: Set(String::new()),
        requested_by: Set(requested_by),
        requested_by_name: Set(requested_by_name),
        created_at: Set(now),
        finished_at: Set(None),
        file_name: Set(request.file_name),
        content_type: Set(request.content_type.to_string()),
        content: Set(None),
        size_bytes: Set(0),
        row_count: Set(0),
        sha256: Set(String::new()),
        content_purged_at: Set(None),
    })
    .await
}

/// A generated file without its content, for lists and status pages.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct Summary {
    /// Id.
    pub id: i64,
    /// Kind.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Partner export profile.
    pub profile_id: Option<i64>,
    /// First day of the period.
    pub period_from: Option<NaiveDate>,
    /// Last day of the period.
    pub period_to: Option<NaiveDate>,
    /// Status value.
    pub status: String,
    /// Failure reason.
    pub error: String,
    /// Requesting user.
    pub requested_by: Option<i64>,
    /// Requester's name or job name.
    pub requested_by_name: String,
    /// Requested.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Finished.
    pub finished_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Download file name.
    pub file_name: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// Data rows.
    pub row_count: i64,
    /// SHA-256, hex.
    pub sha256: String,
    /// When the content was dropped.
    pub content_purged_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl From<generated_file::Model> for Summary {
    fn from(f: generated_file::Model) -> Self {
        Summary {
            id: f.id,
            kind: f.kind,
            title: f.title,
            profile_id: f.profile_id,
            period_from: f.period_from,
            period_to: f.period_to,
            status: f.status,
            error: f.error,
            requested_by: f.requested_by,
            requested_by_name: f.requested_by_name,
            created_at: f.created_at,
            finished_at: f.finished_at,
            file_name: f.file_name,
            size_bytes: f.size_bytes,
            row_count: f.row_count,
            sha256: f.sha256,
            content_purged_at: f.content_purged_at,
        }
    }
}

/// The files of `kind` matching `filter`, newest first, at most `limit`, without content.
pub async fn summaries(
    services: &Services,
    kind: &str,
    filter: sea_orm::Condition,
    limit: u64,
) -> Result<Vec<Summary>, AppError> {
    use generated_file::Column as C;
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
    Ok(generated_file::Entity::find()
        .select_only()
        .columns([
            C::Id,
            C::Kind,
            C::Title,
            C::ProfileId,
            C::PeriodFrom,
            C::PeriodTo,
            C::Status,
            C::Error,
            C::RequestedBy,
            C::RequestedByName,
            C::CreatedAt,
            C::FinishedAt,
            C::FileName,
            C::SizeBytes,
            C::RowCount,
            C::Sha256,
            C::ContentPurgedAt,
        ])
        .filter(C::Kind.eq(kind))
        .filter(filter)
        .order_by_desc(C::CreatedAt)
        .order_by_desc(C::Id)
        .limit(limit)
        .into_model::<Summary>()
        .all(&services.db)
        .await?)
}

/// The file `id` with its content.
pub async fn find(services: &Services, id: i64) -> Result<Option<generated_file::Model>, AppError> {
    Ok(generated_file::Entity::find_by_id(id)
        .one(&services.db)
        .await?)
}

/// Marks a queued file as running. Returns the file, or `None` when another run already took
/// or finished it (jobs run at least once, so a second delivery does nothing).
pub async fn start(
    services: &Services,
    actor: &Actor,
    id: i64,
) -> Result<Option<generated_file::Model>, AppError> {
    let mut uow = UnitOfWork::begin(services, actor).await?;
    let Some(file) = generated_file::Entity::find_by_id(id)
        .one(uow.txn())
        .await?
    else {
        return Ok(None);
    };
    if matches!(
        Status::parse(&file.status),
        Some(Status::Done | Status::Failed)
    ) {
        return Ok(None);
    }
    let mut am = file.clone().into_active_model();
    am.status = Set(Status::Running.as_str().to_string());
    let file = uow.update(&file, am).await?;
    uow.commit().await?;
    Ok(Some(file))
}

/// The start of every job that builds a requested file: reads `file_id` from the payload and
/// marks the file running. `None` when another run already took or finished it.
pub async fn start_requested(
    ctx: &hih_kernel::JobContext,
    payload: &serde_json::Value,
) -> Result<Option<generated_file::Model>, hih_kernel::JobError> {
    let id = payload
        .get("file_id")
        .and_then(serde_json::Value::as_i64)
        .ok_or_else(|| hih_kernel::JobError::Permanent("payload without file_id".into()))?;
    Ok(start(&ctx.services, &ctx.actor(), id).await?)
}

/// Stores the finished content with its row count and SHA-256 and marks the file `done`.
pub async fn finish(
    services: &Services,
    actor: &Actor,
    id: i64,
    content: Vec<u8>,
    rows: u64,
) -> Result<generated_file::Model, AppError> {
    let mut uow = UnitOfWork::begin(services, actor).await?;
    let file = generated_file::Entity::find_by_id(id)
        .one(uow.txn())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut am = file.clone().into_active_model();
    am.status = Set(Status::Done.as_str().to_string());
    am.sha256 = Set(sha256_hex(&content));
    am.size_bytes = Set(i64::try_from(content.len()).unwrap_or(i64::MAX));
    am.row_count = Set(i64::try_from(rows).unwrap_or(i64::MAX));
    am.content = Set(Some(content));
    am.finished_at = Set(Some(uow.now()));
    am.error = Set(String::new());
    let file = uow.update(&file, am).await?;
    uow.commit().await?;
    Ok(file)
}

/// Marks the file `failed` with a reason for operators (no personal data in `reason`).
pub async fn fail(
    services: &Services,
    actor: &Actor,
    id: i64,
    reason: &str,
) -> Result<(), AppError> {
    let mut uow = UnitOfWork::begin(services, actor).await?;
    let Some(file) = generated_file::Entity::find_by_id(id)
        .one(uow.txn())
        .await?
    else {
        return Ok(());
    };
    let mut am = file.clone().into_active_model();
    am.status = Set(Status::Failed.as_str().to_string());
    am.error = Set(reason.chars().take(500).collect());
    am.finished_at = Set(Some(uow.now()));
    uow.update(&file, am).await?;
    uow.commit().await
}

/// The download response of a finished file; `None` if it is not done or its content was
/// purged.
pub fn download(file: generated_file::Model) -> Option<Response> {
    if Status::parse(&file.status) != Some(Status::Done) {
        return None;
    }
    let content = file.content?;
    Some(hih_web::export::download(
        content,
        &file.file_name,
        &file.content_type,
    ))
}

/// SHA-256 of `bytes`, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip() {
        for s in [
            Status::Queued,
            Status::Running,
            Status::Done,
            Status::Failed,
        ] {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("other"), None);
    }

    #[test]
    fn checksum_is_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

//! Pages of partner exports: profiles (list, create/edit with a confirmation page,
//! deactivate, generate), files (list, status page, download, link creation) and the public
//! download through an expiring link.

pub mod files;
pub mod profile_form;
pub mod profiles;
pub mod public;

use hih_web::{Ctx, WebResult};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

use crate::entities::{generated_file, partner_profile};
use crate::files::{KIND_PARTNER, Status};

/// A generated file as lists show it (without its content).
#[derive(Debug, Serialize)]
pub struct FileRow {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Profile.
    pub profile_id: Option<i64>,
    /// Text key of the status.
    pub status_key: &'static str,
    /// Data rows.
    pub row_count: i64,
    /// SHA-256.
    pub sha256: String,
    /// Requested by.
    pub requested_by_name: String,
    /// Requested at.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Content dropped.
    pub purged: bool,
}

type FileTuple = (
    i64,
    String,
    Option<i64>,
    String,
    i64,
    String,
    String,
    chrono::DateTime<chrono::Utc>,
    Option<chrono::DateTime<chrono::Utc>>,
);

/// The newest partner files (of one profile, or all), at most `limit`, without content.
pub async fn file_rows(ctx: &Ctx, profile: Option<i64>, limit: u64) -> WebResult<Vec<FileRow>> {
    use generated_file::Column as C;
    let mut q = generated_file::Entity::find()
        .select_only()
        .columns([
            C::Id,
            C::Title,
            C::ProfileId,
            C::Status,
            C::RowCount,
            C::Sha256,
            C::RequestedByName,
            C::CreatedAt,
            C::ContentPurgedAt,
        ])
        .filter(C::Kind.eq(KIND_PARTNER));
    if let Some(p) = profile {
        q = q.filter(C::ProfileId.eq(p));
    }
    let rows: Vec<FileTuple> = q
        .order_by_desc(C::CreatedAt)
        .order_by_desc(C::Id)
        .limit(limit)
        .into_tuple()
        .all(&ctx.services().db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| FileRow {
            id: r.0,
            title: r.1,
            profile_id: r.2,
            status_key: Status::parse(&r.3).map_or("", Status::text_key),
            row_count: r.4,
            sha256: r.5,
            requested_by_name: r.6,
            created_at: r.7,
            purged: r.8.is_some(),
        })
        .collect())
}

/// The profile `id`, else 404.
pub async fn load_profile(ctx: &Ctx, id: i64) -> WebResult<partner_profile::Model> {
    match partner_profile::Entity::find_by_id(id)
        .one(&ctx.services().db)
        .await?
    {
        Some(p) => Ok(p),
        None => Err(ctx
            .not_found_in_scope("partner_profile", &id.to_string())
            .await),
    }
}

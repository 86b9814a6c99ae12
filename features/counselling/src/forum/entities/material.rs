//! A document of the materials library: title, description and the facts of its file; the
//! file itself is stored encrypted apart ([`super::file`]).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// A material.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "counselling_forum_material")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The title.
    pub title: String,
    /// What the document is for.
    pub description: String,
    /// The file's name as downloaded (cleaned; the extension of the sniffed type).
    pub file_name: String,
    /// The MIME type sniffed from the content.
    pub content_type: String,
    /// Size of the plain file in bytes.
    pub size_bytes: i64,
    /// The uploader's account.
    pub author_id: Option<i64>,
    /// The uploader's name when uploading.
    pub author_name: String,
    /// Uploaded.
    pub created_at: DateTimeUtc,
    /// Folded title, description, file name and uploader (free-text search).
    pub search_text: String,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("counselling_forum_material", redacted: ["search_text"]);

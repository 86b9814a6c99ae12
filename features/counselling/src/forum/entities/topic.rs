//! A topic of the staff exchange: a title and its posts ([`super::post`]).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// A topic.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "counselling_forum_topic")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The title.
    pub title: String,
    /// The author's account.
    pub author_id: Option<i64>,
    /// The author's name when opening the topic.
    pub author_name: String,
    /// Opened.
    pub created_at: DateTimeUtc,
    /// The latest post.
    pub last_post_at: DateTimeUtc,
    /// Posts and replies.
    pub post_count: i32,
    /// Folded title, authors and post texts (free-text search).
    pub search_text: String,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("counselling_forum_topic", redacted: ["search_text"]);

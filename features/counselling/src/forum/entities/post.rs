//! A post of a topic, or a reply to a post (`parent_id`).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// A post or reply.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "counselling_forum_post")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The topic.
    pub topic_id: i64,
    /// The post this one replies to (always a post of the topic's first level).
    pub parent_id: Option<i64>,
    /// The author's account.
    pub author_id: Option<i64>,
    /// The author's name when writing.
    pub author_name: String,
    /// Plain text (line breaks kept, markup shown as text).
    pub body: String,
    /// Written.
    pub created_at: DateTimeUtc,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("counselling_forum_post");

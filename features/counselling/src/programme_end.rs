//! What the programme's end deletes of counselling (R-GEN-3; issue 18: "everything deleted at
//! the programme end"): every conversation with its messages, attachments, video appointments,
//! guests and their sessions, and the whole staff exchange (topics, posts, materials with
//! their files). The protocol feature's programme-end deletion counts and deletes these parts
//! in its one unit of work, next to companies and applicants.
//!
//! Kept: the anonymous counters and first-response times ([`crate::statistics`]): country,
//! topic and numbers, nothing that names a person or a conversation, so the counselling
//! statistics stay the same after the deletion (R-RET-3), as the monthly counts do.

use hih_kernel::AppError;
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};

use crate::appointments::entity as appointment;
use crate::entities::{attachment, conversation, guest, guest_session, message};
use crate::forum::entities::{file, material, post, topic};

/// A part of counselling the programme's end deletes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// Conversations.
    Conversations,
    /// Messages and internal notes in them.
    Messages,
    /// Files and voice messages attached to messages.
    Attachments,
    /// Video appointments.
    Appointments,
    /// Guests (the persons' pseudonyms, passphrase hashes, addresses) with their sessions.
    Guests,
    /// Topics of the staff exchange.
    ForumTopics,
    /// Posts and replies of the staff exchange.
    ForumPosts,
    /// Materials of the staff exchange with their files.
    Materials,
}

impl Part {
    /// Every part, in listing order.
    pub const ALL: [Part; 8] = [
        Part::Conversations,
        Part::Messages,
        Part::Attachments,
        Part::Appointments,
        Part::Guests,
        Part::ForumTopics,
        Part::ForumPosts,
        Part::Materials,
    ];

    /// Stable code (the key in the programme end's audit event).
    pub fn code(self) -> &'static str {
        match self {
            Part::Conversations => "counselling_conversations",
            Part::Messages => "counselling_messages",
            Part::Attachments => "counselling_attachments",
            Part::Appointments => "counselling_appointments",
            Part::Guests => "counselling_guests",
            Part::ForumTopics => "forum_topics",
            Part::ForumPosts => "forum_posts",
            Part::Materials => "forum_materials",
        }
    }

    /// Text key of the part's label in the programme end's listing.
    pub fn label_key(self) -> &'static str {
        match self {
            Part::Conversations => "counselling-end-conversations",
            Part::Messages => "counselling-end-messages",
            Part::Attachments => "counselling-end-attachments",
            Part::Appointments => "counselling-end-appointments",
            Part::Guests => "counselling-end-guests",
            Part::ForumTopics => "counselling-end-forum-topics",
            Part::ForumPosts => "counselling-end-forum-posts",
            Part::Materials => "counselling-end-materials",
        }
    }
}

/// How many rows of `part` exist.
pub async fn count<C: ConnectionTrait>(db: &C, part: Part) -> Result<u64, AppError> {
    Ok(match part {
        Part::Conversations => conversation::Entity::find().count(db).await?,
        Part::Messages => message::Entity::find().count(db).await?,
        Part::Attachments => attachment::Entity::find().count(db).await?,
        Part::Appointments => appointment::Entity::find().count(db).await?,
        Part::Guests => guest::Entity::find().count(db).await?,
        Part::ForumTopics => topic::Entity::find().count(db).await?,
        Part::ForumPosts => post::Entity::find().count(db).await?,
        Part::Materials => material::Entity::find().count(db).await?,
    })
}

/// Deletes every part, dependent rows first (in the caller's transaction: the programme
/// end's unit of work, which records the counts).
pub async fn delete_all<C: ConnectionTrait>(db: &C) -> Result<(), AppError> {
    attachment::Entity::delete_many().exec(db).await?;
    appointment::Entity::delete_many().exec(db).await?;
    message::Entity::delete_many().exec(db).await?;
    conversation::Entity::delete_many().exec(db).await?;
    guest_session::Entity::delete_many().exec(db).await?;
    guest::Entity::delete_many().exec(db).await?;
    post::Entity::delete_many().exec(db).await?;
    topic::Entity::delete_many().exec(db).await?;
    file::Entity::delete_many().exec(db).await?;
    material::Entity::delete_many().exec(db).await?;
    Ok(())
}

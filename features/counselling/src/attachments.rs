//! Attachments (R-CNS, files and voice messages): PDF, PNG/JPEG images, office documents
//! (docx, xlsx, odt) and audio (webm, ogg, mp3, m4a, wav — a voice message without
//! JavaScript is an audio-file upload), kept the one way counselling keeps files
//! ([`crate::sealed_file`]: sniffed, sealed, downloaded with strict headers); the name is not
//! kept. Downloads are attachments, audio `inline` for the player.

use std::collections::HashMap;

use hih_db::UnitOfWork;
use hih_kernel::{AppError, FieldErrors, Services};
use hih_web::upload::FileField;
use poem::Response;
use sea_orm::{ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use sea_orm::{QueryOrder, QuerySelect};
use serde::Serialize;

use crate::entities::attachment;
use crate::sealed_file::{self, Accepted};

/// The accepted types: what `infer` reports → (stored media type, extension).
const ALLOWED: &Accepted = &[
    ("application/pdf", "application/pdf", "pdf"),
    ("image/png", "image/png", "png"),
    ("image/jpeg", "image/jpeg", "jpg"),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    (
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.text",
        "odt",
    ),
    // A browser's recording (MediaRecorder) is WebM or Ogg with sound only.
    ("video/webm", "audio/webm", "webm"),
    ("audio/webm", "audio/webm", "webm"),
    ("audio/ogg", "audio/ogg", "ogg"),
    ("audio/mpeg", "audio/mpeg", "mp3"),
    ("audio/m4a", "audio/mp4", "m4a"),
    ("audio/x-wav", "audio/wav", "wav"),
    ("audio/wav", "audio/wav", "wav"),
];

/// The sniffed type of `bytes` as (media type, extension), if it is an accepted one.
pub fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    sealed_file::sniff(bytes, ALLOWED)
}

/// Checks the upload of `field`, if a file was sent: not larger than
/// `counselling.max_attachment_bytes` (nor than the server takes at all), of an accepted
/// type; the messages are German (and the other languages) next to the field.
pub fn check(
    services: &Services,
    field: &str,
    file: &FileField,
) -> Option<Result<(&'static str, &'static str), FieldErrors>> {
    let mut e = FieldErrors::new();
    let max = services.settings.counselling.max_attachment_bytes;
    let bytes = match file {
        FileField::Missing => return None,
        FileField::TooLarge => &[][..],
        FileField::Chosen { bytes, .. } => bytes.as_slice(),
    };
    if bytes.len() > max || *file == FileField::TooLarge {
        e.add_with(
            field,
            "counselling-error-file-large",
            &[("max", format!("{:.1}", max as f64 / 1_048_576.0))],
        );
        return Some(Err(e));
    }
    Some(match sniff(bytes) {
        Some(kind) => Ok(kind),
        None => {
            e.add(field, "counselling-error-file-type");
            Err(e)
        }
    })
}

fn aad(conversation_id: i64) -> String {
    format!("counselling-attachment:{conversation_id}")
}

/// The decrypted content of an attachment.
pub(crate) fn content(services: &Services, a: &attachment::Model) -> Result<Vec<u8>, AppError> {
    sealed_file::open(
        services,
        &aad(a.conversation_id),
        &a.key_id,
        &a.nonce,
        &a.content,
    )
}

/// Stores a checked upload for a message, sealed, in the caller's unit of work.
pub async fn store(
    uow: &mut UnitOfWork,
    conversation_id: i64,
    message_id: i64,
    kind: (&str, &str),
    bytes: &[u8],
) -> Result<attachment::Model, AppError> {
    let sealed = sealed_file::seal(uow.services(), &aad(conversation_id), bytes)?;
    let now = uow.now();
    uow.insert(attachment::ActiveModel {
        id: NotSet,
        conversation_id: Set(conversation_id),
        message_id: Set(message_id),
        mime: Set(kind.0.to_string()),
        extension: Set(kind.1.to_string()),
        size: Set(bytes.len() as i64),
        content: Set(sealed.ciphertext),
        nonce: Set(sealed.nonce),
        key_id: Set(sealed.key_id),
        created_at: Set(now),
    })
    .await
}

/// An attachment as the pages show it (without its content).
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    /// Id.
    pub id: i64,
    /// Media type.
    pub mime: String,
    /// Extension (shown upper-case as the type).
    pub extension: String,
    /// Size in KiB, at least 1.
    pub kib: i64,
    /// Whether the page plays it (`<audio controls>`).
    pub audio: bool,
}

/// The attachments of these messages by message id (as text, for the templates), without
/// their content.
pub async fn of_messages(
    db: &impl ConnectionTrait,
    message_ids: Vec<i64>,
) -> Result<HashMap<String, Vec<Listed>>, AppError> {
    let rows: Vec<(i64, i64, String, String, i64)> = attachment::Entity::find()
        .select_only()
        .columns([
            attachment::Column::Id,
            attachment::Column::MessageId,
            attachment::Column::Mime,
            attachment::Column::Extension,
            attachment::Column::Size,
        ])
        .filter(attachment::Column::MessageId.is_in(message_ids))
        .order_by_asc(attachment::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_message: HashMap<String, Vec<Listed>> = HashMap::new();
    for (id, message_id, mime, extension, size) in rows {
        by_message
            .entry(message_id.to_string())
            .or_default()
            .push(Listed {
                id,
                audio: mime.starts_with("audio/"),
                mime,
                extension,
                kib: (size / 1024).max(1),
            });
    }
    Ok(by_message)
}

/// Deletes a conversation's attachments (before its messages).
pub async fn erase_of(db: &impl ConnectionTrait, conversation_id: i64) -> Result<u64, AppError> {
    Ok(attachment::Entity::delete_many()
        .filter(attachment::Column::ConversationId.eq(conversation_id))
        .exec(db)
        .await?
        .rows_affected)
}

/// The download of attachment `id` of a conversation (`None`: not in it, or, with
/// `notes_visible` false, attached to an internal note).
pub async fn download(
    services: &Services,
    conversation_id: i64,
    id: i64,
    notes_visible: bool,
) -> Result<Option<Response>, AppError> {
    let Some(a) = attachment::Entity::find_by_id(id)
        .filter(attachment::Column::ConversationId.eq(conversation_id))
        .one(&services.db)
        .await?
    else {
        return Ok(None);
    };
    if !notes_visible {
        let note = crate::entities::message::Entity::find_by_id(a.message_id)
            .one(&services.db)
            .await?
            .is_none_or(|m| m.author_kind == crate::entities::message::NOTE);
        if note {
            return Ok(None);
        }
    }
    let plain = content(services, &a)?;
    let disposition = if a.mime.starts_with("audio/") {
        "inline"
    } else {
        "attachment"
    };
    Ok(Some(sealed_file::response(
        &a.mime,
        &format!(
            "{disposition}; filename=\"anhang-{}.{}\"",
            a.id, a.extension
        ),
        plain,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_comes_from_the_content() {
        assert_eq!(
            sniff(b"%PDF-1.7\n1 0 obj"),
            Some(("application/pdf", "pdf"))
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(("image/png", "png"))
        );
        let mut wav = b"RIFF\x24\0\0\0WAVEfmt ".to_vec();
        wav.extend_from_slice(&[0; 16]);
        assert_eq!(sniff(&wav), Some(("audio/wav", "wav")));
        assert_eq!(
            sniff(b"OggS\0\x02\0\0\0\0\0\0\0\0"),
            Some(("audio/ogg", "ogg"))
        );
        assert_eq!(sniff(b"MZ\x90\0\x03\0\0\0"), None, "a program");
        assert_eq!(sniff(b"<html><script>alert(1)</script>"), None, "HTML");
        assert_eq!(sniff(b"Nur Text, auch wenn die Datei .pdf heisst"), None);
    }
}

//! The guest's own copy of their conversation (GDPR Art. 20): one ZIP file holding
//! `beratung.json` — the conversation, its messages without internal notes, its video
//! appointments — and, under `anhaenge/`, every file attached to those messages, decrypted,
//! as it was sent. The JSON names each message's files by their path in the archive.
//! Attachments are read and decrypted one at a time, so only one file's content is held
//! besides the archive being written.

use std::io::{Cursor, Write};

use hih_kernel::{AppError, Services};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use crate::appointments::entity as appointment;
use crate::entities::{attachment, conversation, message};

/// The file name of the copy.
pub const FILE_NAME: &str = "beratung.zip";

/// The copy of conversation `c` as ZIP bytes.
pub async fn of(services: &Services, c: &conversation::Model) -> Result<Vec<u8>, AppError> {
    let ms = message::Entity::find()
        .filter(message::Column::ConversationId.eq(c.id))
        .filter(message::Column::AuthorKind.ne(message::NOTE))
        .order_by_asc(message::Column::Id)
        .all(&services.db)
        .await?;
    let message_ids: Vec<i64> = ms.iter().map(|m| m.id).collect();
    let shown = crate::service::show(services, c.id, ms)?;
    let files: Vec<(i64, i64, String)> = attachment::Entity::find()
        .select_only()
        .columns([
            attachment::Column::Id,
            attachment::Column::MessageId,
            attachment::Column::Extension,
        ])
        .filter(attachment::Column::ConversationId.eq(c.id))
        .filter(attachment::Column::MessageId.is_in(message_ids))
        .order_by_asc(attachment::Column::Id)
        .into_tuple()
        .all(&services.db)
        .await?;
    let path = |id: i64, ext: &str| format!("anhaenge/anhang-{id}.{ext}");
    let appointments = appointment::Entity::find()
        .filter(appointment::Column::ConversationId.eq(c.id))
        .order_by_asc(appointment::Column::StartsAt)
        .all(&services.db)
        .await?;
    let doc = serde_json::json!({
        "pseudonym": c.pseudonym,
        "country": c.country,
        "topic": c.topic,
        "opened": c.created_at,
        "status": c.status,
        "messages": shown.iter().map(|m| serde_json::json!({
            "from": if m.kind == message::GUEST { "guest" } else { "staff" },
            "author": m.author_name,
            "written": m.created_at,
            "text": m.body,
            "files": files.iter()
                .filter(|(_, message_id, _)| *message_id == m.id)
                .map(|(id, _, ext)| path(*id, ext))
                .collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "appointments": appointments.iter().map(|a| serde_json::json!({
            "starts": a.starts_at,
            "status": a.status,
            "proposed_by": a.proposed_by_name,
        })).collect::<Vec<_>>(),
    });
    let json = serde_json::to_vec_pretty(&doc).map_err(AppError::internal)?;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let text = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    // Files are mostly compressed already (PDF, images, audio, office zips): stored as they are.
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    zip.start_file("beratung.json", text)
        .map_err(AppError::internal)?;
    zip.write_all(&json).map_err(AppError::internal)?;
    for (id, _, ext) in &files {
        let Some(a) = attachment::Entity::find_by_id(*id)
            .one(&services.db)
            .await?
        else {
            continue;
        };
        let plain = crate::attachments::content(services, &a)?;
        zip.start_file(path(*id, ext), stored)
            .map_err(AppError::internal)?;
        zip.write_all(&plain).map_err(AppError::internal)?;
    }
    Ok(zip.finish().map_err(AppError::internal)?.into_inner())
}

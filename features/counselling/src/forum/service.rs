//! The staff exchange's writes, each in the caller's unit of work: topics with their first
//! post, posts and replies (the topic's folded search text grows with each), and materials
//! whose files are checked (size, type sniffed from the content) and sealed before they are
//! stored. Reads of a file decrypt it for the download.

use hih_db::UnitOfWork;
use hih_db::fold::fold_fields;
use hih_kernel::{AppError, FieldErrors, Services};
use sea_orm::{ActiveValue::NotSet, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use super::entities::{file, material, post, topic};
use crate::sealed_file::{self, Accepted};

/// Longest title of a topic or material, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest description of a material, in characters.
pub const MAX_DESCRIPTION: usize = 2_000;
/// Longest stored file name, in characters.
const MAX_FILE_NAME: usize = 120;

/// File types the library accepts, sniffed from the content ([`crate::sealed_file`]): PDF,
/// images and office documents (OOXML, OpenDocument, the older binary Office formats).
pub const ALLOWED_TYPES: &Accepted = &[
    ("application/pdf", "application/pdf", "pdf"),
    ("image/png", "image/png", "png"),
    ("image/jpeg", "image/jpeg", "jpg"),
    ("image/gif", "image/gif", "gif"),
    ("image/webp", "image/webp", "webp"),
    (DOCX, DOCX, "docx"),
    (XLSX, XLSX, "xlsx"),
    (PPTX, PPTX, "pptx"),
    (ODT, ODT, "odt"),
    (ODS, ODS, "ods"),
    (ODP, ODP, "odp"),
    ("application/msword", "application/msword", "doc"),
    (
        "application/vnd.ms-excel",
        "application/vnd.ms-excel",
        "xls",
    ),
    (
        "application/vnd.ms-powerpoint",
        "application/vnd.ms-powerpoint",
        "ppt",
    ),
];
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PPTX: &str = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
const ODT: &str = "application/vnd.oasis.opendocument.text";
const ODS: &str = "application/vnd.oasis.opendocument.spreadsheet";
const ODP: &str = "application/vnd.oasis.opendocument.presentation";

/// The record context a material's file is sealed for.
fn file_aad(material_id: i64) -> String {
    format!("counselling-forum-file:{material_id}")
}

/// Checks a title: not empty, not too long, no control characters.
pub fn check_title(e: &mut FieldErrors, field: &str, title: &str) -> String {
    let text = title.trim().to_string();
    if text.is_empty() {
        e.add(field, "counselling-forum-error-title");
    } else if text.chars().count() > MAX_TITLE {
        e.add_with(
            field,
            "counselling-forum-error-title-long",
            &[("max", MAX_TITLE.to_string())],
        );
    } else if text.chars().any(char::is_control) {
        e.add(field, "counselling-error-body-control");
    }
    text
}

/// Opens a topic with its first post.
pub async fn open_topic(
    uow: &mut UnitOfWork,
    title: &str,
    body: &str,
) -> Result<topic::Model, AppError> {
    let now = uow.now();
    let author = uow.actor().display_name();
    let t = uow
        .insert(topic::ActiveModel {
            id: NotSet,
            title: Set(title.to_string()),
            author_id: Set(uow.actor().user_id()),
            author_name: Set(author.clone()),
            created_at: Set(now),
            last_post_at: Set(now),
            post_count: Set(0),
            search_text: Set(fold_fields([title, author.as_str()])),
        })
        .await?;
    add_post(uow, &t, None, body).await?;
    topic::Entity::find_by_id(t.id)
        .one(uow.txn())
        .await?
        .ok_or(AppError::NotFound)
}

/// Adds a post to a topic, or a reply to one of its first-level posts (`parent`): the topic's
/// latest activity, count and search text follow.
pub async fn add_post(
    uow: &mut UnitOfWork,
    t: &topic::Model,
    parent: Option<i64>,
    body: &str,
) -> Result<post::Model, AppError> {
    if let Some(p) = parent {
        let first_level = post::Entity::find_by_id(p)
            .filter(post::Column::TopicId.eq(t.id))
            .filter(post::Column::ParentId.is_null())
            .one(uow.txn())
            .await?;
        if first_level.is_none() {
            return Err(AppError::NotFound);
        }
    }
    let now = uow.now();
    let author = uow.actor().display_name();
    let p = uow
        .insert(post::ActiveModel {
            id: NotSet,
            topic_id: Set(t.id),
            parent_id: Set(parent),
            author_id: Set(uow.actor().user_id()),
            author_name: Set(author.clone()),
            body: Set(body.to_string()),
            created_at: Set(now),
        })
        .await?;
    let mut am = t.clone().into_active_model();
    am.last_post_at = Set(now);
    am.post_count = Set(t.post_count + 1);
    am.search_text = Set(format!(
        "{} | {}",
        t.search_text,
        fold_fields([author.as_str(), body])
    ));
    uow.update(t, am).await?;
    Ok(p)
}

/// A checked upload for the library.
#[derive(Debug, Clone)]
pub struct Upload {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// The file's name as sent (cleaned here).
    pub file_name: String,
    /// The plain content.
    pub bytes: Vec<u8>,
    /// Whether the file was larger than the server takes at all (not received).
    pub too_large: bool,
}

/// The sniffed MIME type and extension of a file the library accepts, or why not.
pub fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    sealed_file::sniff(bytes, ALLOWED_TYPES)
}

/// A file name safe to store and to send: the last path segment, without control characters
/// or quotes, at most [`MAX_FILE_NAME`] characters, ending in the sniffed type's extension.
pub fn clean_file_name(sent: &str, extension: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\'' | ';' | '<' | '>'))
        .collect();
    let stem = match cleaned.rsplit_once('.') {
        Some((stem, _)) => stem.trim().to_string(),
        None => cleaned.trim().to_string(),
    };
    let stem = if stem.is_empty() {
        "datei".to_string()
    } else {
        stem.chars().take(MAX_FILE_NAME).collect()
    };
    format!("{stem}.{extension}")
}

/// Checks an upload's fields and file: title, description, size (`counselling.max_attachment_bytes`)
/// and type (sniffed from the content, never the name). Returns the sniffed type.
pub fn check_upload(services: &Services, u: &Upload) -> Result<&'static str, FieldErrors> {
    let mut e = FieldErrors::new();
    check_title(&mut e, "title", &u.title);
    let description = u.description.trim();
    if description.chars().count() > MAX_DESCRIPTION {
        e.add_with(
            "description",
            "counselling-forum-error-description-long",
            &[("max", MAX_DESCRIPTION.to_string())],
        );
    } else if description
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        e.add("description", "counselling-error-body-control");
    }
    let max = services.settings.counselling.max_attachment_bytes;
    let mut kind = "";
    if u.too_large || u.bytes.len() > max {
        e.add_with(
            "file",
            "counselling-forum-error-file-size",
            &[("max", (max / (1024 * 1024)).max(1).to_string())],
        );
    } else if u.bytes.is_empty() {
        e.add("file", "counselling-forum-error-file");
    } else {
        match sniff(&u.bytes) {
            Some((mime, _)) => kind = mime,
            None => e.add("file", "counselling-forum-error-file-type"),
        }
    }
    if e.is_empty() { Ok(kind) } else { Err(e) }
}

/// Stores a checked upload: the material and its file, sealed.
pub async fn add_material(uow: &mut UnitOfWork, u: Upload) -> Result<material::Model, AppError> {
    let Some((mime, extension)) = sniff(&u.bytes) else {
        return Err(AppError::Refused(
            "counselling-forum-error-file-type".into(),
        ));
    };
    let now = uow.now();
    let author = uow.actor().display_name();
    let title = u.title.trim().to_string();
    let description = u.description.trim().replace("\r\n", "\n");
    let file_name = clean_file_name(&u.file_name, extension);
    let m = uow
        .insert(material::ActiveModel {
            id: NotSet,
            search_text: Set(fold_fields([
                title.as_str(),
                description.as_str(),
                file_name.as_str(),
                author.as_str(),
            ])),
            title: Set(title),
            description: Set(description),
            file_name: Set(file_name),
            content_type: Set(mime.to_string()),
            size_bytes: Set(i64::try_from(u.bytes.len()).unwrap_or(i64::MAX)),
            author_id: Set(uow.actor().user_id()),
            author_name: Set(author),
            created_at: Set(now),
        })
        .await?;
    let sealed = sealed_file::seal(uow.services(), &file_aad(m.id), &u.bytes)?;
    uow.insert(file::ActiveModel {
        id: NotSet,
        material_id: Set(m.id),
        data: Set(sealed.ciphertext),
        nonce: Set(sealed.nonce),
        key_id: Set(sealed.key_id),
    })
    .await?;
    Ok(m)
}

/// The plain content of a material's file.
pub async fn read_file(services: &Services, m: &material::Model) -> Result<Vec<u8>, AppError> {
    let f = file::Entity::find()
        .filter(file::Column::MaterialId.eq(m.id))
        .one(&services.db)
        .await?
        .ok_or(AppError::NotFound)?;
    sealed_file::open(services, &file_aad(m.id), &f.key_id, &f.nonce, &f.data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_paths_and_quotes_and_take_the_sniffed_extension() {
        assert_eq!(clean_file_name("C:\\a\\Bericht.exe", "pdf"), "Bericht.pdf");
        assert_eq!(clean_file_name("../\"x\";.pdf", "pdf"), "x.pdf");
        assert_eq!(clean_file_name("", "png"), "datei.png");
        assert_eq!(
            clean_file_name("Übersicht 2026.PDF", "pdf"),
            "Übersicht 2026.pdf"
        );
    }

    #[test]
    fn types_are_sniffed_from_the_content() {
        assert_eq!(
            sniff(b"%PDF-1.7\n1 0 obj"),
            Some(("application/pdf", "pdf"))
        );
        assert_eq!(sniff(b"MZ\x90\x00\x03\x00\x00\x00"), None, "a program");
        assert_eq!(sniff(b"plain text"), None);
    }
}

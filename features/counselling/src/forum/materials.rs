//! The materials library of the staff exchange: the list `/beratung/austausch/material` as a
//! [`ListSpec`] (folded free text over title, description, file name and uploader; newest
//! first; every column sortable), the upload (multipart, without JavaScript; size and type
//! checked, the type sniffed from the content) and the download (always as an attachment,
//! with `nosniff` and a sandboxing CSP, so a file never runs in the application's origin).

use hih_db::UnitOfWork;
use hih_kernel::{Actor, AppError, FieldErrors};
use hih_web::list::{ListInfo, ListParams, ListSpec, ListView, TextColumn};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::upload::{FileField, UploadForm};
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use poem::web::Path;
use sea_orm::{Condition, EntityTrait, Order, QueryOrder, Select};
use serde::Serialize;

use super::FORUM;
use super::entities::material;
use super::service::{self, Upload};

/// Sort keys; the first (the default) is the upload time, newest first.
const COLUMNS: [&str; 4] = ["uploaded", "title", "file", "size"];

/// The library's list.
pub struct MaterialList;

#[async_trait::async_trait]
impl ListView for MaterialList {
    type Row = material::Model;

    const INFO: ListInfo = ListInfo {
        key: "forum_materials",
        path: "/beratung/austausch/material",
        entity: "counselling_forum_material",
        permission: FORUM,
        filters: &["q"],
        columns: &COLUMNS,
        newest_first: true,
    };

    async fn render(
        &self,
        ctx: &Ctx,
        params: &ListParams,
        total: u64,
        rows: Vec<material::Model>,
    ) -> WebResult {
        let keys = self.sort_keys(&ctx.actor);
        ctx.render(
            "counselling/forum_materials.html",
            context! {
                rows => Serde(rows),
                list => params.view(total, &keys),
                ..params.filter_values(Self::INFO.filters)
            },
        )
        .await
    }
}

#[async_trait::async_trait]
impl ListSpec for MaterialList {
    type Entity = material::Entity;

    fn text_column(&self) -> Option<TextColumn<material::Entity>> {
        Some(TextColumn {
            indexed: Some("counselling_forum_material"),
            column: material::Column::SearchText,
        })
    }

    /// Every member of the staff exchange sees the whole library.
    fn scope(&self, _actor: &Actor) -> Condition {
        Condition::all()
    }

    fn condition(&self, _actor: &Actor, _params: &ListParams) -> Condition {
        Condition::all()
    }

    fn order(
        &self,
        select: Select<material::Entity>,
        key: &str,
        order: Order,
    ) -> Select<material::Entity> {
        let column = match key {
            "title" => material::Column::Title,
            "file" => material::Column::FileName,
            "size" => material::Column::SizeBytes,
            _ => material::Column::CreatedAt,
        };
        select.order_by(column, order)
    }
}

/// What the upload form shows again after a refusal (never the file).
#[derive(Debug, Default, Serialize)]
struct Typed {
    title: String,
    description: String,
}

async fn form_page(ctx: &Ctx, typed: &Typed, errors: &FieldErrors) -> WebResult {
    let max = ctx.services().settings.counselling.max_attachment_bytes;
    ctx.render_form(
        "counselling/forum_material_form.html",
        errors,
        context! {
            f => Serde(typed),
            max_mb => (max / (1024 * 1024)).max(1),
        },
    )
    .await
}

/// The upload form.
#[handler]
pub async fn new_form(ctx: Ctx) -> WebResult {
    form_page(&ctx, &Typed::default(), &FieldErrors::new()).await
}

/// The upload of the form: `title`, `description` and `file`.
fn read_upload(mut form: UploadForm) -> Upload {
    let (file_name, bytes, too_large) = match form.take_file("file") {
        FileField::Chosen { name, bytes } => (name, bytes, false),
        FileField::Missing => (String::new(), Vec::new(), false),
        FileField::TooLarge => (String::new(), Vec::new(), true),
    };
    Upload {
        title: form.text("title").to_string(),
        description: form.text("description").to_string(),
        file_name,
        bytes,
        too_large,
    }
}

/// Stores an upload, or shows the form again with the reasons next to the fields.
#[handler]
pub async fn upload(ctx: Ctx, form: UploadForm) -> WebResult {
    let u = read_upload(form);
    if let Err(e) = service::check_upload(ctx.services(), &u) {
        let typed = Typed {
            title: u.title,
            description: u.description,
        };
        return form_page(&ctx, &typed, &e).await;
    }
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    service::add_material(&mut uow, u).await?;
    uow.commit().await?;
    ctx.session.flash("counselling-forum-material-saved");
    ctx.redirect("/beratung/austausch/material")
}

/// A `Content-Disposition` naming `name`: an ASCII fallback and the UTF-8 name (RFC 6266).
fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// The file of a material, decrypted, as an attachment (access-logged).
#[handler]
pub async fn download(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let m = material::Entity::find_by_id(id)
        .one(&ctx.services().db)
        .await?
        .ok_or(WebError(AppError::NotFound))?;
    let bytes = service::read_file(ctx.services(), &m).await?;
    ctx.log_view("counselling_forum_material", id).await;
    Ok(crate::sealed_file::response(
        &m.content_type,
        &disposition(&m.file_name),
        bytes,
    ))
}

#[cfg(test)]
mod tests {
    use super::disposition;

    #[test]
    fn the_download_name_is_quoted_safely() {
        assert_eq!(
            disposition("Übersicht 1.pdf"),
            "attachment; filename=\"_bersicht 1.pdf\"; filename*=UTF-8''%C3%9Cbersicht%201.pdf"
        );
    }
}

//! The mail outbox: every queued mail with its status; the text of mails not yet delivered.

use hih_db::entities::mail_outbox;
use hih_kernel::AppError;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult, iso};
use poem::handler;
use poem::web::Path;
use sea_orm::{EntityTrait, QueryOrder, QuerySelect};
use serde::Serialize;

#[derive(Serialize)]
struct Row {
    id: i64,
    created_at: String,
    to_addr: String,
    subject: String,
    status: String,
}

/// The newest 200 mails.
#[handler]
pub async fn list(ctx: Ctx) -> WebResult {
    let rows: Vec<Row> = mail_outbox::Entity::find()
        .order_by_desc(mail_outbox::Column::Id)
        .limit(200)
        .all(&ctx.services().db)
        .await?
        .into_iter()
        .map(|m| Row {
            id: m.id,
            created_at: iso(m.created_at),
            to_addr: m.to_addr,
            subject: m.subject,
            status: m.status,
        })
        .collect();
    ctx.render("admin/outbox.html", context! { rows => Serde(rows) })
        .await
}

/// One mail (its body contains links: reading it is logged).
#[handler]
pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let m = mail_outbox::Entity::find_by_id(id)
        .one(&ctx.services().db)
        .await?
        .ok_or(WebError(AppError::NotFound))?;
    ctx.log_view("mail", id).await;
    ctx.render("admin/outbox_mail.html", context! {
        mail => context! { id => m.id, created_at => iso(m.created_at), to_addr => m.to_addr, subject => m.subject, body => m.body, status => m.status },
    })
    .await
}

//! Outgoing mail (R-NOT-3). Every mail is written to `mail_outbox` inside the caller's unit of
//! work (so a mail exists exactly when the change that caused it committed). In `outbox` mode
//! it stays there for admins to read; in `smtp` mode the `mail.deliver` job sends it with
//! retries and then clears the body (links in mails are secrets).

use std::sync::Arc;

use hih_db::UnitOfWork;
use hih_db::entities::mail_outbox;
use hih_kernel::{AppError, JobContext, JobError, JobHandler, MailMode, Registry, Services};
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, NotSet, QueryFilter, Set};
use secrecy::ExposeSecret;

/// Name of the delivery job.
pub const DELIVER_JOB: &str = "mail.deliver";
/// Name of the sweep job that re-enqueues mails whose delivery job was lost.
pub const SWEEP_JOB: &str = "mail.sweep";

/// A mail to send (texts already rendered from the catalogue).
#[derive(Debug, Clone)]
pub struct Mail {
    /// Recipient address.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// Queues a mail in the unit of work; delivery starts after commit.
pub async fn queue(uow: &mut UnitOfWork, mail: Mail) -> Result<i64, AppError> {
    let mode = uow.services().settings.mail.mode;
    let status = match mode {
        MailMode::Outbox => "outbox",
        MailMode::Smtp => "queued",
    };
    let row = uow
        .insert(mail_outbox::ActiveModel {
            id: NotSet,
            created_at: Set(uow.now()),
            to_addr: Set(mail.to),
            subject: Set(mail.subject),
            body: Set(mail.body),
            status: Set(status.to_string()),
            attempts: Set(0),
            last_error: Set(None),
            sent_at: Set(None),
        })
        .await?;
    if mode == MailMode::Smtp {
        uow.after_commit(DELIVER_JOB, serde_json::json!({ "id": row.id }));
    }
    Ok(row.id)
}

/// Registers the delivery and sweep jobs (called by the host before the features).
pub fn register(r: &mut Registry) {
    r.job(DELIVER_JOB, "job-mail-deliver", Arc::new(Deliver));
    r.job(SWEEP_JOB, "job-mail-sweep", Arc::new(Sweep));
    r.cron(SWEEP_JOB, "0 */5 * * * *");
}

async fn send_smtp(services: &Services, row: &mail_outbox::Model) -> Result<(), String> {
    let settings = &services.settings.mail;
    let url = settings
        .smtp_url
        .as_ref()
        .ok_or_else(|| "smtp_url not configured".to_string())?;
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
        .map_err(|e| format!("smtp url: {e}"))?
        .build();
    let from: Mailbox = settings.from.parse().map_err(|e| format!("from: {e}"))?;
    let to: Mailbox = row.to_addr.parse().map_err(|e| format!("to: {e}"))?;
    let message = Message::builder()
        .from(from)
        .to(to)
        .subject(row.subject.clone())
        .body(row.body.clone())
        .map_err(|e| format!("message: {e}"))?;
    transport
        .send(message)
        .await
        .map_err(|e| format!("send: {e}"))?;
    Ok(())
}

struct Deliver;

#[async_trait::async_trait]
impl JobHandler for Deliver {
    async fn run(&self, ctx: &JobContext, payload: serde_json::Value) -> Result<(), JobError> {
        let id = payload
            .get("id")
            .and_then(|v| v.as_i64())
            .ok_or_else(|| JobError::Permanent("payload without id".into()))?;
        let services = &ctx.services;
        let Some(row) = mail_outbox::Entity::find_by_id(id)
            .one(&services.db)
            .await
            .map_err(AppError::from)?
        else {
            return Ok(()); // purged meanwhile
        };
        if row.status != "queued" {
            return Ok(()); // already sent (idempotent)
        }
        let result = send_smtp(services, &row).await;
        let mut uow = UnitOfWork::begin(services, &ctx.actor()).await?;
        let mut am = row.clone().into_active_model();
        am.attempts = Set(row.attempts + 1);
        match &result {
            Ok(()) => {
                am.status = Set("sent".into());
                am.sent_at = Set(Some(uow.now()));
                am.body = Set(String::new());
                am.last_error = Set(None);
            }
            Err(e) => {
                am.last_error = Set(Some(e.clone()));
                if row.attempts + 1 >= 5 {
                    am.status = Set("failed".into());
                }
            }
        }
        uow.update(&row, am).await?;
        uow.commit().await?;
        result.map_err(JobError::Transient)
    }
}

struct Sweep;

#[async_trait::async_trait]
impl JobHandler for Sweep {
    async fn run(&self, ctx: &JobContext, _payload: serde_json::Value) -> Result<(), JobError> {
        if ctx.services.settings.mail.mode != MailMode::Smtp {
            return Ok(());
        }
        let stale = ctx.services.clock.now() - chrono::Duration::minutes(10);
        let rows = mail_outbox::Entity::find()
            .filter(mail_outbox::Column::Status.eq("queued"))
            .filter(mail_outbox::Column::CreatedAt.lte(stale))
            .all(&ctx.services.db)
            .await
            .map_err(AppError::from)?;
        for row in rows {
            ctx.services
                .jobs
                .enqueue(DELIVER_JOB, serde_json::json!({ "id": row.id }))
                .await?;
        }
        Ok(())
    }
}

//! Conversations in the REST API (R-API-1, R-CNS-2), for the staff who work in them (admins
//! and AHK staff, [`COUNSEL`]) with exactly the scope of the pages
//! ([`crate::scope::visible_conversations`]: another country's conversation answers 404 and is
//! logged): the inbox's views ([`crate::inbox`]), one conversation, its messages with internal
//! notes and the attachments' descriptions (reading the newest page marks the guest's messages
//! read, as the page does), an attachment's content, and writing an answer or an internal note
//! through the same checks and unit of work as the page ([`service::check_body`],
//! [`service::post`]: sealed, counted, the guest notified). Every read is access-logged.
//! Files are sent with the page's form (multipart with type sniffing), not through the API.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use hih_db::UnitOfWork;
use hih_kernel::{AppError, FieldErrors};
use hih_web::Ctx;
use hih_web::api::{ApiResult, OrProblem, Paged, page_size, require};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::{Binary, Json};
use poem_openapi::{ApiResponse, Object, OpenApi, Tags};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entities::{attachment, conversation, message};
use crate::permissions::COUNSEL;
use crate::scope::find_visible;
use crate::service;

/// Bereiche der Schnittstelle dieses Moduls.
#[derive(Tags)]
enum Tag {
    /// Beratungsgespräche mit Ratsuchenden in den Partnerländern (AHK).
    Beratung,
}

/// Ein Beratungsgespräch (ohne Inhalte; die Nachrichten unter `…/messages`).
#[derive(Debug, Object)]
struct Conversation {
    /// Kennung.
    id: i64,
    /// Pseudonym der ratsuchenden Person (kein Name wird gespeichert).
    pseudonym: String,
    /// Land der zuständigen AHK (ISO-Code).
    country: String,
    /// Thema: `language`, `recognition`, `visa`, `departure` oder `other`.
    topic: String,
    /// Status: `open` oder `closed`.
    status: String,
    /// Zuständige Mitarbeiterin oder zuständiger Mitarbeiter (Benutzerkennung).
    assignee_id: Option<i64>,
    /// Verknüpfter Datensatz einer Bewerberin oder eines Bewerbers (Kennung).
    applicant_id: Option<i64>,
    /// Für die Integration mit der IHK geteilt.
    shared_for_integration: bool,
    /// Ungelesene Nachrichten der ratsuchenden Person.
    unread: i64,
    /// Eröffnet.
    created_at: DateTime<Utc>,
    /// Letzte Nachricht oder Statusänderung.
    last_activity_at: DateTime<Utc>,
    /// Erste Antwort der AHK.
    first_response_at: Option<DateTime<Utc>>,
    /// Geschlossen.
    closed_at: Option<DateTime<Utc>>,
}

/// Eine Seite des Postfachs.
#[derive(Debug, Object)]
struct ConversationPage {
    /// Seitenangaben.
    #[oai(flatten)]
    paging: Paged,
    /// Die Gespräche dieser Seite, zuletzt aktive zuerst.
    items: Vec<Conversation>,
}

/// Ein Anhang einer Nachricht (Inhalt unter `…/attachments/{file}`).
#[derive(Debug, Object)]
struct Attachment {
    /// Kennung.
    id: i64,
    /// Medientyp, aus dem Inhalt bestimmt.
    mime: String,
    /// Dateiendung.
    extension: String,
    /// Größe in KiB (mindestens 1).
    kib: i64,
}

/// Eine Nachricht.
#[derive(Debug, Object)]
struct Message {
    /// Kennung.
    id: i64,
    /// Art: `guest` (ratsuchende Person), `staff` (Antwort der AHK) oder `note` (interne
    /// Notiz, für die ratsuchende Person unsichtbar).
    kind: String,
    /// Name der Verfasserin oder des Verfassers (leer bei der ratsuchenden Person).
    author_name: String,
    /// Text (Klartext mit Zeilenumbrüchen).
    body: String,
    /// Geschrieben.
    created_at: DateTime<Utc>,
    /// Von der Gegenseite gelesen.
    read_at: Option<DateTime<Utc>>,
    /// Anhänge.
    attachments: Vec<Attachment>,
}

/// Nachrichten eines Gesprächs, älteste zuerst.
#[derive(Debug, Object)]
struct MessagePage {
    /// Die Nachrichten.
    items: Vec<Message>,
    /// Ob es ältere gibt (abzurufen mit `before` = Kennung der ersten).
    older: bool,
}

/// Eine neue Nachricht. Unbekannte Felder werden abgelehnt.
#[derive(Debug, Object)]
#[oai(deny_unknown_fields)]
struct MessageInput {
    /// Text (Pflicht, höchstens 10 000 Zeichen, keine Steuerzeichen außer Zeilenumbrüchen).
    #[oai(default)]
    body: String,
    /// `reply` (Antwort an die ratsuchende Person, Standard) oder `note` (interne Notiz).
    #[oai(default)]
    kind: String,
}

/// Antwort auf das Schreiben.
#[derive(ApiResponse)]
enum Written {
    /// Die Nachricht wurde gespeichert.
    #[oai(status = 201)]
    Created(
        Json<Message>,
        /// Pfad der Nachrichten des Gesprächs.
        #[oai(header = "Location")]
        String,
    ),
}

/// Der Inhalt eines Anhangs.
#[derive(ApiResponse)]
enum File {
    /// Der Anhang, wie gesendet (Medientyp in `X-Content-Type`).
    #[oai(status = 200, content_type = "application/octet-stream")]
    Content(
        Binary<Vec<u8>>,
        /// Dateiname.
        #[oai(header = "Content-Disposition")]
        String,
        /// Der aus dem Inhalt bestimmte Medientyp.
        #[oai(header = "X-Content-Type")]
        String,
    ),
}

/// A conversation in the caller's scope, else 404 (logged).
async fn load(ctx: &Ctx, id: i64) -> ApiResult<conversation::Model> {
    require(ctx, COUNSEL).await?;
    match find_visible(&ctx.services().db, &ctx.actor, id)
        .await
        .or_problem(ctx)?
    {
        Some(c) => Ok(c),
        None => Err(ctx.problem(
            &ctx.not_found_in_scope("counselling_conversation", &id.to_string())
                .await
                .0,
        )),
    }
}

fn shown(c: conversation::Model, unread: i64) -> Conversation {
    Conversation {
        id: c.id,
        pseudonym: c.pseudonym,
        country: c.country,
        topic: c.topic,
        status: c.status,
        assignee_id: c.assignee_id,
        applicant_id: c.applicant_id,
        shared_for_integration: c.shared_for_integration,
        unread,
        created_at: c.created_at,
        last_activity_at: c.last_activity_at,
        first_response_at: c.first_response_at,
        closed_at: c.closed_at,
    }
}

/// Messages as the API shows them, each with its attachments' descriptions.
fn messages(
    shown: Vec<service::Shown>,
    mut files: HashMap<String, Vec<crate::attachments::Listed>>,
) -> Vec<Message> {
    shown
        .into_iter()
        .map(|m| Message {
            attachments: files
                .remove(&m.id.to_string())
                .unwrap_or_default()
                .into_iter()
                .map(|f| Attachment {
                    id: f.id,
                    mime: f.mime,
                    extension: f.extension,
                    kib: f.kib,
                })
                .collect(),
            id: m.id,
            kind: m.kind,
            author_name: m.author_name,
            body: m.body,
            created_at: m.created_at,
            read_at: m.read_at,
        })
        .collect()
}

/// Die Beratungsgespräche in der Schnittstelle.
pub struct CounsellingApi;

#[OpenApi(tag = "Tag::Beratung")]
impl CounsellingApi {
    /// Das Postfach: die Gespräche einer Ansicht wie auf der Seite „Beratung“ (AHK: die des
    /// eigenen Landes; Administratoren: alle), zuletzt aktive zuerst.
    #[oai(
        path = "/conversations",
        method = "get",
        operation_id = "listConversations"
    )]
    async fn list(
        &self,
        ctx: Ctx,
        /// Ansicht (wie auf der Seite): `offen` (nicht zugewiesen, Standard), `meine`, `alle`
        /// (offene) oder `geschlossen`.
        ansicht: Query<Option<String>>,
        /// Seite (ab 1).
        page: Query<Option<u64>>,
        /// Einträge je Seite (Standard 20, höchstens die eingestellte Höchstgröße).
        per_page: Query<Option<u64>>,
    ) -> ApiResult<Json<ConversationPage>> {
        require(&ctx, COUNSEL).await?;
        let view_name = crate::inbox::view_of(ansicht.0.as_deref().unwrap_or_default());
        let per = page_size(&ctx, per_page.0, 20);
        let db = &ctx.services().db;
        let found = crate::inbox::page(&ctx, view_name, page.0.unwrap_or(1), per)
            .await
            .or_problem(&ctx)?;
        let unread = crate::inbox::unread(db, found.rows.iter().map(|c| c.id).collect())
            .await
            .or_problem(&ctx)?;
        Ok(Json(ConversationPage {
            paging: Paged {
                total: found.total,
                page: found.page,
                per_page: per,
                pages: found.pages,
            },
            items: found
                .rows
                .into_iter()
                .map(|c| {
                    let n = unread.get(&c.id).copied().unwrap_or(0);
                    shown(c, n)
                })
                .collect(),
        }))
    }

    /// Ein Gespräch. Außerhalb des eigenen Zuständigkeitsbereichs: 404 (und ein Eintrag im
    /// Zugriffsprotokoll).
    #[oai(
        path = "/conversations/:id",
        method = "get",
        operation_id = "getConversation"
    )]
    async fn get(
        &self,
        ctx: Ctx,
        /// Kennung des Gesprächs.
        id: Path<i64>,
    ) -> ApiResult<Json<Conversation>> {
        let c = load(&ctx, id.0).await?;
        ctx.log_view("counselling_conversation", c.id).await;
        let unread = crate::inbox::unread(&ctx.services().db, vec![c.id])
            .await
            .or_problem(&ctx)?
            .get(&c.id)
            .copied()
            .unwrap_or(0);
        Ok(Json(shown(c, unread)))
    }

    /// Die Nachrichten eines Gesprächs mit internen Notizen, älteste zuerst: die neuesten
    /// oder, mit `before`, die davor. Das Abrufen der neuesten markiert die Nachrichten der
    /// ratsuchenden Person als gelesen (wie die Seite). Im Zugriffsprotokoll.
    #[oai(
        path = "/conversations/:id/messages",
        method = "get",
        operation_id = "listConversationMessages"
    )]
    async fn list_messages(
        &self,
        ctx: Ctx,
        /// Kennung des Gesprächs.
        id: Path<i64>,
        /// Nur Nachrichten vor dieser (Kennung).
        before: Query<Option<i64>>,
        /// Anzahl (Standard 50, höchstens die eingestellte Höchstgröße).
        per_page: Query<Option<u64>>,
    ) -> ApiResult<Json<MessagePage>> {
        let c = load(&ctx, id.0).await?;
        ctx.log_view("counselling_conversation", c.id).await;
        let per = page_size(&ctx, per_page.0, 50);
        let thread = service::thread(ctx.services(), c.id, before.0, per, true)
            .await
            .or_problem(&ctx)?;
        if before.0.is_none() {
            let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor)
                .await
                .or_problem(&ctx)?;
            service::mark_read(&mut uow, c.id, message::GUEST)
                .await
                .or_problem(&ctx)?;
            uow.commit().await.or_problem(&ctx)?;
        }
        Ok(Json(MessagePage {
            older: thread.older.is_some(),
            items: messages(thread.messages, thread.files),
        }))
    }

    /// Eine Antwort an die ratsuchende Person oder eine interne Notiz schreiben: dieselben
    /// Prüfungen wie auf der Seite; eine Antwort benachrichtigt die ratsuchende Person (ohne
    /// Inhalt), wenn sie eine Adresse hinterlegt hat. Geschlossene Gespräche: 422.
    #[oai(
        path = "/conversations/:id/messages",
        method = "post",
        operation_id = "writeConversationMessage"
    )]
    async fn write(
        &self,
        ctx: Ctx,
        /// Kennung des Gesprächs.
        id: Path<i64>,
        input: Json<MessageInput>,
    ) -> ApiResult<Written> {
        let c = load(&ctx, id.0).await?;
        let input = input.0;
        let kind = match input.kind.as_str() {
            "" | "reply" => message::STAFF,
            "note" => message::NOTE,
            _ => {
                let mut e = FieldErrors::new();
                e.add("kind", "counselling-error-kind");
                return Err(ctx.problem(&AppError::Validation(e)));
            }
        };
        let text = service::check_body("body", &input.body)
            .map_err(|e| ctx.problem(&AppError::Validation(e)))?;
        if c.status != conversation::OPEN {
            let mut e = FieldErrors::new();
            e.add("body", "counselling-error-closed");
            return Err(ctx.problem(&AppError::Validation(e)));
        }
        let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor)
            .await
            .or_problem(&ctx)?;
        let m = service::post(&mut uow, &c, kind, &text)
            .await
            .or_problem(&ctx)?;
        uow.commit().await.or_problem(&ctx)?;
        let (shown, files) = service::with_files(ctx.services(), c.id, vec![m])
            .await
            .or_problem(&ctx)?;
        let location = format!("{}/conversations/{}/messages", hih_web::api::PREFIX, c.id);
        match messages(shown, files).into_iter().next() {
            Some(m) => Ok(Written::Created(Json(m), location)),
            None => Err(ctx.problem(&AppError::Internal("message not shown".into()))),
        }
    }

    /// Der Inhalt eines Anhangs (auch von internen Notizen) als Datei. Im Zugriffsprotokoll.
    #[oai(
        path = "/conversations/:id/attachments/:file",
        method = "get",
        operation_id = "getConversationAttachment"
    )]
    async fn attachment(
        &self,
        ctx: Ctx,
        /// Kennung des Gesprächs.
        id: Path<i64>,
        /// Kennung des Anhangs.
        file: Path<i64>,
    ) -> ApiResult<File> {
        let c = load(&ctx, id.0).await?;
        let found = attachment::Entity::find_by_id(file.0)
            .filter(attachment::Column::ConversationId.eq(c.id))
            .one(&ctx.services().db)
            .await
            .or_problem(&ctx)?;
        let Some(a) = found else {
            return Err(ctx.problem(
                &ctx.not_found_in_scope("counselling_attachment", &file.0.to_string())
                    .await
                    .0,
            ));
        };
        let plain = crate::attachments::content(ctx.services(), &a).or_problem(&ctx)?;
        ctx.log_view("counselling_attachment", a.id).await;
        Ok(File::Content(
            Binary(plain),
            format!("attachment; filename=\"anhang-{}.{}\"", a.id, a.extension),
            a.mime,
        ))
    }
}

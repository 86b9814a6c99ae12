//! The staff side (R-CNS-2): the inbox `/beratung` (unassigned, mine, all open, closed),
//! opening a conversation for a person (freely or for an applicant by Bewerberkennung) with
//! the personal link shown once, and a conversation's page (messages newest at the bottom,
//! paging back; reply, internal note, assignment to a colleague of the country, close and
//! reopen). Conversations outside the caller's scope answer 404 and are access-logged; every
//! read of a conversation is access-logged.

use hih_applicants::entities::applicant;
use hih_applicants::scope::visible_applicants;
use hih_db::UnitOfWork;
use hih_kernel::{AppError, FieldErrors, Role};
use hih_users::entities::{institution, user_account};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult, draft};
use poem::web::{Form, Path, Query};
use poem::{IntoResponse, Request, handler};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::entities::{conversation, message};
use crate::routes::{labelled, topic_options};
use crate::scope::{find_visible, own_country};
use crate::service::{self, NewConversation, TOPICS};
use hih_web::upload::UploadForm;

/// Conversations per inbox page.
const PER_PAGE: u64 = 20;
/// Messages per conversation page.
const MESSAGES_PER_PAGE: u64 = 50;
const LINK: &str = "counselling:link";

/// The inbox's query.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InboxQuery {
    /// One of [`crate::inbox::VIEWS`] (default `offen`: unassigned).
    ansicht: String,
    /// Page, from 1.
    seite: Option<u64>,
}

#[derive(Serialize)]
struct InboxRow {
    id: i64,
    pseudonym: String,
    country: String,
    topic_key: String,
    assignee: Option<String>,
    last_activity_at: chrono::DateTime<chrono::Utc>,
    unread: i64,
}

/// A conversation in the caller's scope, else 404 (logged).
pub(crate) async fn load(ctx: &Ctx, id: i64) -> WebResult<conversation::Model> {
    match find_visible(&ctx.services().db, &ctx.actor, id).await? {
        Some(c) => Ok(c),
        None => Err(ctx
            .not_found_in_scope("counselling_conversation", &id.to_string())
            .await),
    }
}

/// Names of accounts by id.
async fn names(ctx: &Ctx, ids: Vec<i64>) -> WebResult<std::collections::HashMap<i64, String>> {
    Ok(user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(ids))
        .all(&ctx.services().db)
        .await?
        .into_iter()
        .map(|u| (u.id, format!("{} {}", u.first_name, u.last_name)))
        .collect())
}

/// The inbox.
#[handler]
pub async fn inbox(ctx: Ctx, Query(q): Query<InboxQuery>) -> WebResult {
    let view = crate::inbox::view_of(&q.ansicht);
    let db = &ctx.services().db;
    let found = crate::inbox::page(&ctx, view, q.seite.unwrap_or(1), PER_PAGE).await?;
    let unread = crate::inbox::unread(db, found.rows.iter().map(|c| c.id).collect()).await?;
    let assignees = names(
        &ctx,
        found.rows.iter().filter_map(|c| c.assignee_id).collect(),
    )
    .await?;
    let rows: Vec<InboxRow> = found
        .rows
        .into_iter()
        .map(|c| InboxRow {
            id: c.id,
            unread: unread.get(&c.id).copied().unwrap_or(0),
            assignee: c.assignee_id.and_then(|a| assignees.get(&a).cloned()),
            pseudonym: c.pseudonym,
            country: c.country,
            topic_key: format!("counselling-topic-{}", c.topic),
            last_activity_at: c.last_activity_at,
        })
        .collect();
    ctx.render(
        "counselling/inbox.html",
        context! {
            view => view,
            views => crate::inbox::VIEWS,
            rows => Serde(rows),
            total => found.total,
            page => found.page,
            pages => found.pages,
        },
    )
    .await
}

/// The form to open a conversation.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct NewForm {
    /// Country code (admins choose; AHK staff have theirs).
    country: String,
    /// Topic code.
    topic: String,
    /// Optional pseudonym.
    pseudonym: String,
    /// Optional Bewerberkennung of the applicant the conversation is about.
    applicant_code: String,
}

async fn new_page(ctx: &Ctx, f: &NewForm, errors: &FieldErrors) -> WebResult {
    let countries = hih_reference::lists::options(ctx.services(), "country", ctx.locale).await?;
    ctx.render_form(
        "counselling/new.html",
        errors,
        context! {
            f => Serde(f),
            choose_country => own_country(&ctx.actor).is_none(),
            countries => Serde(labelled(&countries)),
            topics => Serde(topic_options()),
        },
    )
    .await
}

/// Only AHK staff with a country, and admins, open conversations.
fn may_open(ctx: &Ctx) -> WebResult<()> {
    match (ctx.actor.role(), own_country(&ctx.actor)) {
        (Some(Role::AhkStaff), None) => Err(WebError(AppError::Forbidden)),
        _ => Ok(()),
    }
}

/// Shows the form.
#[handler]
pub async fn new_form(ctx: Ctx) -> WebResult {
    may_open(&ctx)?;
    new_page(&ctx, &NewForm::default(), &FieldErrors::new()).await
}

async fn check_new(ctx: &Ctx, f: &NewForm) -> WebResult<Result<NewConversation, FieldErrors>> {
    let mut e = FieldErrors::new();
    e.check_texts(f, &[]);
    let country = match own_country(&ctx.actor) {
        Some(c) => c,
        None => {
            let known = hih_reference::lists::options(ctx.services(), "country", ctx.locale)
                .await?
                .into_iter()
                .any(|(c, _)| c == f.country);
            if !known {
                e.add("country", "counselling-error-country");
            }
            f.country.clone()
        }
    };
    if !TOPICS.contains(&f.topic.as_str()) {
        e.add("topic", "counselling-error-topic");
    }
    if f.pseudonym.trim().chars().count() > 60 {
        e.add("pseudonym", "counselling-error-pseudonym");
    }
    let mut applicant_id = None;
    let code = f.applicant_code.trim().to_uppercase();
    if !code.is_empty() {
        let found = applicant::Entity::find()
            .filter(applicant::Column::ApplicantId.eq(code))
            .filter(applicant::Column::Country.eq(country.clone()))
            .filter(visible_applicants(&ctx.actor))
            .one(&ctx.services().db)
            .await?;
        match found {
            Some(a) => applicant_id = Some(a.id),
            None => e.add("applicant_code", "counselling-error-applicant"),
        }
    }
    Ok(if e.is_empty() {
        Ok(NewConversation {
            country,
            topic: f.topic.clone(),
            pseudonym: f.pseudonym.clone(),
            applicant_id,
        })
    } else {
        Err(e)
    })
}

/// Opens the conversation and shows its link once.
#[handler]
pub async fn new_submit(ctx: Ctx, Form(f): Form<NewForm>) -> WebResult {
    may_open(&ctx)?;
    let valid = match check_new(&ctx, &f).await? {
        Ok(v) => v,
        Err(e) => return new_page(&ctx, &f, &e).await,
    };
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    let opened = service::open(&mut uow, valid).await?;
    uow.commit().await?;
    let id = opened.conversation.id;
    let url = ctx
        .services()
        .settings
        .absolute_url(&format!("/beratung/gast/{}", opened.token));
    draft::stash(&ctx, LINK, &(id, url));
    ctx.session.flash("counselling-opened");
    ctx.redirect(&format!("/beratung/{id}/link"))
}

/// The personal link of a just-opened conversation, once; later the conversation's page.
#[handler]
pub async fn link(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let c = load(&ctx, id).await?;
    match draft::take::<(i64, String)>(&ctx, LINK) {
        Some((for_id, url)) if for_id == c.id => {
            ctx.render(
                "counselling/link.html",
                context! { c => Serde(&c), url => url },
            )
            .await
        }
        _ => ctx.redirect(&format!("/beratung/{id}")),
    }
}

/// The conversation page's query: `vor` pages back to the messages before that one.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    /// Show the messages before this one.
    pub vor: Option<i64>,
}

/// The staff members of a country a conversation may be assigned to.
async fn colleagues(ctx: &Ctx, country: &str) -> WebResult<Vec<(String, String, String)>> {
    let institutions: Vec<i64> = institution::Entity::find()
        .filter(institution::Column::CountryCode.eq(country))
        .all(&ctx.services().db)
        .await?
        .into_iter()
        .map(|i| i.id)
        .collect();
    Ok(user_account::Entity::find()
        .filter(user_account::Column::InstitutionId.is_in(institutions))
        .filter(user_account::Column::Role.eq(Role::AhkStaff.code()))
        .filter(user_account::Column::Active.eq(true))
        .order_by_asc(user_account::Column::LastName)
        .all(&ctx.services().db)
        .await?
        .into_iter()
        .map(|u| {
            (
                u.id.to_string(),
                String::new(),
                format!("{} {}", u.first_name, u.last_name),
            )
        })
        .collect())
}

async fn conversation_page(
    ctx: &Ctx,
    c: &conversation::Model,
    before: Option<i64>,
    body: &str,
    errors: &FieldErrors,
) -> WebResult {
    let db = &ctx.services().db;
    let thread = service::thread(ctx.services(), c.id, before, MESSAGES_PER_PAGE, true).await?;
    if before.is_none() {
        let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
        service::mark_read(&mut uow, c.id, message::GUEST).await?;
        uow.commit().await?;
    }
    let assignee = match c.assignee_id {
        Some(a) => names(ctx, vec![a]).await?.remove(&a),
        None => None,
    };
    let applicant_code = match c.applicant_id {
        Some(a) => applicant::Entity::find_by_id(a)
            .filter(visible_applicants(&ctx.actor))
            .one(db)
            .await?
            .and_then(|a| a.applicant_id),
        None => None,
    };
    ctx.render_form(
        "counselling/conversation.html",
        errors,
        context! {
            c => Serde(c),
            is_open => c.status == conversation::OPEN,
            topic_key => format!("counselling-topic-{}", c.topic),
            messages => Serde(thread.messages),
            files => Serde(thread.files),
            older => thread.older,
            paged => before.is_some(),
            body => body,
            assignee => assignee,
            colleagues => Serde(colleagues(ctx, &c.country).await?),
            applicant_code => applicant_code,
            templates => crate::answer_templates::options(),
            appointments => Serde(crate::appointments::service::shown(db, ctx.services(), c.id, &ctx.actor.display_name()).await?),
            video => crate::appointments::jitsi::enabled(&ctx.services().settings.counselling),
        },
    )
    .await
    .map(hih_web::upload::allow_recording)
}

/// A conversation (logged as a view).
#[handler]
pub async fn show(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<PageQuery>) -> WebResult {
    let c = load(&ctx, id).await?;
    ctx.log_view("counselling_conversation", id).await;
    conversation_page(&ctx, &c, q.vor, "", &FieldErrors::new()).await
}

/// The live event stream of a conversation page (ids of new messages, notes included;
/// [`crate::live`]). Out of scope: 404, logged, as the page.
#[handler]
pub async fn live(
    ctx: Ctx,
    req: &Request,
    Path(id): Path<i64>,
    Query(q): Query<crate::live::LiveQuery>,
) -> WebResult {
    let c = load(&ctx, id).await?;
    let known = crate::live::known(req, &q);
    Ok(crate::live::stream(ctx.services().clone(), c.id, true, known).into_response())
}

/// Writes a reply to the guest or an internal note (field `kind`: `note`), with a file or an
/// audio file if chosen.
#[handler]
pub async fn reply(ctx: Ctx, Path(id): Path<i64>, mut input: UploadForm) -> WebResult {
    let c = load(&ctx, id).await?;
    let file = input.take_file("file");
    let body = input.text("body");
    let (text, file_kind) = match service::check_message(ctx.services(), body, &file) {
        Ok(b) => b,
        Err(e) => return conversation_page(&ctx, &c, None, body, &e).await,
    };
    if c.status != conversation::OPEN {
        let mut e = FieldErrors::new();
        e.add("body", "counselling-error-closed");
        return conversation_page(&ctx, &c, None, body, &e).await;
    }
    let kind = if input.text("kind") == "note" {
        message::NOTE
    } else {
        message::STAFF
    };
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    let m = service::post(&mut uow, &c, kind, &text).await?;
    if let (Some(file_kind), Some(bytes)) = (file_kind, file.bytes()) {
        crate::attachments::store(&mut uow, c.id, m.id, file_kind, bytes).await?;
    }
    uow.commit().await?;
    ctx.session.flash(if kind == message::NOTE {
        "counselling-note-saved"
    } else {
        "counselling-reply-sent"
    });
    ctx.redirect(&format!("/beratung/{id}#neueste"))
}

/// An attachment of a conversation in scope (logged as a view of the attachment).
#[handler]
pub async fn attachment(ctx: Ctx, Path((id, file)): Path<(i64, i64)>) -> WebResult {
    let c = load(&ctx, id).await?;
    match crate::attachments::download(ctx.services(), c.id, file, true).await? {
        Some(resp) => {
            ctx.log_view("counselling_attachment", file).await;
            Ok(resp)
        }
        None => Err(ctx
            .not_found_in_scope("counselling_attachment", &file.to_string())
            .await),
    }
}

/// The assignment form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AssignForm {
    /// A colleague's account id; empty for nobody.
    assignee: String,
}

/// Assigns the conversation to a colleague of its country (or to nobody).
#[handler]
pub async fn assign(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<AssignForm>) -> WebResult {
    let c = load(&ctx, id).await?;
    let assignee = if f.assignee.is_empty() {
        None
    } else {
        let ok = colleagues(&ctx, &c.country)
            .await?
            .into_iter()
            .any(|(v, _, _)| v == f.assignee);
        match f.assignee.parse::<i64>() {
            Ok(a) if ok => Some(a),
            _ => {
                let mut e = FieldErrors::new();
                e.add("assignee", "counselling-error-assignee");
                return conversation_page(&ctx, &c, None, "", &e).await;
            }
        }
    };
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    service::assign(&mut uow, &c, assignee).await?;
    uow.commit().await?;
    ctx.session.flash("counselling-assigned");
    ctx.redirect(&format!("/beratung/{id}"))
}

/// Close or reopen.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    /// `close` or `reopen`.
    action: String,
}

/// Closes or reopens the conversation.
#[handler]
pub async fn status(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<StatusForm>) -> WebResult {
    let c = load(&ctx, id).await?;
    let open = f.action == "reopen";
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    service::set_open(&mut uow, &c, open).await?;
    uow.commit().await?;
    ctx.session.flash(if open {
        "counselling-reopened"
    } else {
        "counselling-closed"
    });
    ctx.redirect(&format!("/beratung/{id}"))
}

/// Sharing for integration.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ShareForm {
    /// `share` or `unshare`.
    action: String,
}

/// Shares the conversation with the IHK staff its linked applicant is opened to by a match,
/// or withdraws it. Only a conversation linked to an applicant can be shared.
#[handler]
pub async fn share(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<ShareForm>) -> WebResult {
    let c = load(&ctx, id).await?;
    let shared = f.action == "share";
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    match service::set_shared(&mut uow, &c, shared).await {
        Ok(_) => uow.commit().await?,
        Err(AppError::Validation(e)) => {
            drop(uow); // nothing was written
            return conversation_page(&ctx, &c, None, "", &e).await;
        }
        Err(e) => return Err(e.into()),
    }
    ctx.session.flash(if shared {
        "counselling-shared-flash"
    } else {
        "counselling-unshared-flash"
    });
    ctx.redirect(&format!("/beratung/{id}"))
}

/// Adds the chosen answer template ([`crate::answer_templates`]) to the typed reply and shows
/// the page again (nothing is written; a chosen file must be chosen again).
#[handler]
pub async fn insert_template(ctx: Ctx, Path(id): Path<i64>, input: UploadForm) -> WebResult {
    let c = load(&ctx, id).await?;
    let typed = input.text("body").to_string();
    let guest_locale = crate::entities::guest::Entity::find_by_id(c.guest_id)
        .one(&ctx.services().db)
        .await?
        .and_then(|g| g.locale);
    let locale = crate::service::guest_locale(guest_locale.as_deref());
    match crate::answer_templates::insert(
        &ctx.services().texts,
        locale,
        input.text("template"),
        &c.pseudonym,
        &typed,
    ) {
        Some(body) => conversation_page(&ctx, &c, None, &body, &FieldErrors::new()).await,
        None => {
            let mut e = FieldErrors::new();
            e.add("template", "counselling-error-template");
            conversation_page(&ctx, &c, None, &typed, &e).await
        }
    }
}

//! The counselling channel's writes and reads, each in the caller's unit of work: opening a
//! conversation (a guest with a personal link), messages (sealed before they are stored),
//! assignment, closing, the guest's passphrase with lockout, guest sessions, erasure and the
//! anonymous counters. Bodies never reach the audit log (redacted columns) or any log line.

use chrono::{DateTime, Duration, Utc};
use hih_db::{UnitOfWork, hash_token, new_token};
use hih_i18n::Locale;
use hih_kernel::{AppError, FieldErrors, Services};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;

use crate::crypto::Keys;
use crate::entities::{conversation, counter, guest, guest_session, message};

/// Topic codes of a conversation (texts `counselling-topic-<code>`).
pub const TOPICS: [&str; 5] = ["language", "recognition", "visa", "departure", "other"];

/// Longest message body in characters.
pub const MAX_BODY: usize = 10_000;

/// The actor of a guest's writes.
pub fn guest_actor() -> hih_kernel::Actor {
    hih_kernel::Actor::system("counselling_guest")
}

/// The record context a message body is sealed for.
pub(crate) fn message_aad(conversation_id: i64) -> String {
    format!("counselling-message:{conversation_id}")
}

/// What opening a conversation yields: the record and the personal link's token, shown once.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The new conversation.
    pub conversation: conversation::Model,
    /// The clear token of the guest's link (only its hash is stored).
    pub token: String,
}

/// A checked new conversation.
#[derive(Debug, Clone)]
pub struct NewConversation {
    /// Country code.
    pub country: String,
    /// Topic code.
    pub topic: String,
    /// Pseudonym (generated when left empty).
    pub pseudonym: String,
    /// Linked applicant.
    pub applicant_id: Option<i64>,
}

/// Adds one to an anonymous counter, in the transaction.
async fn count(
    db: &impl ConnectionTrait,
    country: &str,
    topic: &str,
    kind: &str,
) -> Result<(), AppError> {
    count_by(db, country, topic, kind, 1).await
}

/// Adds `n` to an anonymous counter, in the transaction (bulk writers such as the demo data).
pub async fn count_by(
    db: &impl ConnectionTrait,
    country: &str,
    topic: &str,
    kind: &str,
    n: i64,
) -> Result<(), AppError> {
    counter::Entity::insert(counter::ActiveModel {
        id: NotSet,
        country: Set(country.to_string()),
        topic: Set(topic.to_string()),
        kind: Set(kind.to_string()),
        count: Set(n),
    })
    .on_conflict(
        OnConflict::columns([
            counter::Column::Country,
            counter::Column::Topic,
            counter::Column::Kind,
        ])
        .value(
            counter::Column::Count,
            Expr::col((counter::Entity, counter::Column::Count)).add(n),
        )
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The anonymous counts as `(country, topic, kind) → count`.
pub async fn counts(
    db: &impl ConnectionTrait,
) -> Result<Vec<(String, String, String, i64)>, AppError> {
    Ok(counter::Entity::find()
        .order_by_asc(counter::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.country, c.topic, c.kind, c.count))
        .collect())
}

/// Opens a conversation with a new guest (R-CNS-1): no name, only the pseudonym.
pub async fn open(uow: &mut UnitOfWork, new: NewConversation) -> Result<Opened, AppError> {
    let now = uow.now();
    let token = new_token();
    let g = uow
        .insert(guest::ActiveModel {
            id: NotSet,
            link_hash: Set(hash_token(&token)),
            passphrase_hash: Set(None),
            failed_attempts: Set(0),
            locked_until: Set(None),
            notice_email: Set(None),
            created_at: Set(now),
            locale: Set(None),
        })
        .await?;
    let pseudonym = if new.pseudonym.trim().is_empty() {
        format!("Gast-{}", g.id)
    } else {
        new.pseudonym.trim().to_string()
    };
    let c = uow
        .insert(conversation::ActiveModel {
            id: NotSet,
            guest_id: Set(g.id),
            country: Set(new.country.clone()),
            topic: Set(new.topic.clone()),
            status: Set(conversation::OPEN.into()),
            assignee_id: Set(None),
            applicant_id: Set(new.applicant_id),
            pseudonym: Set(pseudonym),
            created_by: Set(uow.actor().user_id()),
            created_at: Set(now),
            last_activity_at: Set(now),
            first_response_at: Set(None),
            closed_at: Set(None),
            shared_for_integration: Set(false),
        })
        .await?;
    count(uow.txn(), &c.country, &c.topic, counter::CONVERSATIONS).await?;
    Ok(Opened {
        conversation: c,
        token,
    })
}

/// Checks a message body: not empty, not too long, no control characters (line breaks are
/// kept; the pages escape everything, so no HTML ever renders).
pub fn check_body(field: &str, body: &str) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::new();
    let text = body.replace("\r\n", "\n").trim().to_string();
    if text.is_empty() {
        e.add(field, "counselling-error-body");
    } else if text.chars().count() > MAX_BODY {
        e.add_with(
            field,
            "counselling-error-body-long",
            &[("max", MAX_BODY.to_string())],
        );
    } else if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        e.add(field, "counselling-error-body-control");
    }
    if e.is_empty() { Ok(text) } else { Err(e) }
}

/// A checked message: its text and the sniffed type of its attachment.
pub type Checked = (String, Option<(&'static str, &'static str)>);

/// Checks a message with an optional file (field `file`): the text as [`check_body`] — it may
/// be empty when a file comes with it — and the file as [`crate::attachments::check`].
pub fn check_message(
    services: &Services,
    body: &str,
    file: &hih_web::upload::FileField,
) -> Result<Checked, FieldErrors> {
    let mut e = FieldErrors::new();
    let sent = *file != hih_web::upload::FileField::Missing;
    let text = if sent && body.trim().is_empty() {
        Ok(String::new())
    } else {
        check_body("body", body)
    };
    let kind = crate::attachments::check(services, "file", file);
    let text = text.map_err(|x| e.0.extend(x.0)).ok();
    let kind = match kind {
        Some(Ok(k)) => Some(k),
        Some(Err(x)) => {
            e.0.extend(x.0);
            None
        }
        None => None,
    };
    match text {
        Some(t) if e.is_empty() => Ok((t, kind)),
        _ => Err(e),
    }
}

/// Writes a message (`kind`: guest, staff or note) to an open conversation: sealed, the
/// conversation's activity and first response updated, counted; a staff answer queues a
/// content-free notice to the guest's address, if one is set.
pub async fn post(
    uow: &mut UnitOfWork,
    c: &conversation::Model,
    kind: &str,
    body: &str,
) -> Result<message::Model, AppError> {
    if c.status != conversation::OPEN {
        return Err(AppError::Refused("counselling-error-closed".into()));
    }
    let now = uow.now();
    let sealed = Keys::of(&uow.services().settings).seal(&message_aad(c.id), body.as_bytes())?;
    let (author_id, author_name) = if kind == message::GUEST {
        (None, String::new())
    } else {
        (uow.actor().user_id(), uow.actor().display_name())
    };
    let m = uow
        .insert(message::ActiveModel {
            id: NotSet,
            conversation_id: Set(c.id),
            author_kind: Set(kind.to_string()),
            author_id: Set(author_id),
            author_name: Set(author_name),
            body: Set(sealed.ciphertext),
            nonce: Set(sealed.nonce),
            key_id: Set(sealed.key_id),
            created_at: Set(now),
            read_at: Set(None),
        })
        .await?;
    let mut am = c.clone().into_active_model();
    am.last_activity_at = Set(now);
    if kind == message::STAFF && c.first_response_at.is_none() {
        am.first_response_at = Set(Some(now));
        crate::statistics::response_time::record(uow.txn(), c, now).await?;
    }
    uow.update(c, am).await?;
    if kind != message::NOTE {
        count(uow.txn(), &c.country, &c.topic, counter::MESSAGES).await?;
    }
    if kind == message::STAFF {
        notify_guest(uow, c).await?;
    }
    Ok(m)
}

/// The one language for texts made for a guest outside their pages (answer templates, the
/// installed app's name): the language of their pages, German while none is known.
pub fn guest_locale(stored: Option<&str>) -> Locale {
    stored.and_then(Locale::parse).unwrap_or(Locale::De)
}

/// Queues "you have a new message" to the guest's address, in the guest's language (German
/// and English while none is known): no content, no link (the guest keeps their link).
async fn notify_guest(uow: &mut UnitOfWork, c: &conversation::Model) -> Result<(), AppError> {
    let Some(g) = guest::Entity::find_by_id(c.guest_id).one(uow.txn()).await? else {
        return Ok(());
    };
    let Some(to) = g.notice_email else {
        return Ok(());
    };
    let texts = &uow.services().texts;
    let locales = match g.locale.as_deref().and_then(Locale::parse) {
        Some(l) => vec![l],
        None => vec![Locale::De, Locale::En],
    };
    let join = |key: &str, sep: &str| {
        locales
            .iter()
            .map(|l| texts.t(*l, key, &[]))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let mail = hih_mail::Mail {
        to,
        subject: join("counselling-mail-subject", " / "),
        body: join("counselling-mail-body", "\n\n"),
    };
    hih_mail::queue(uow, mail).await?;
    Ok(())
}

/// One message as the pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    /// Id.
    pub id: i64,
    /// guest, staff or note.
    pub kind: String,
    /// The staff author's name (empty for the guest).
    pub author_name: String,
    /// The decrypted body.
    pub body: String,
    /// Written.
    pub created_at: DateTime<Utc>,
    /// Not yet read by the other side (guest messages by staff, staff answers by the guest).
    pub unread: bool,
    /// When the other side first saw it on their page (the staff's read receipt of an answer).
    pub read_at: Option<DateTime<Utc>>,
}

/// Decrypts messages for display.
pub fn show(services: &Services, c: i64, ms: Vec<message::Model>) -> Result<Vec<Shown>, AppError> {
    let keys = Keys::of(&services.settings);
    ms.into_iter()
        .map(|m| {
            let body = keys.open_text(&message_aad(c), &m.key_id, &m.nonce, &m.body)?;
            Ok(Shown {
                id: m.id,
                kind: m.author_kind,
                author_name: m.author_name,
                body,
                created_at: m.created_at,
                unread: m.read_at.is_none(),
                read_at: m.read_at,
            })
        })
        .collect()
}

/// A page of a conversation's messages, newest at the bottom: the `per` messages before
/// `before` (the latest without it), internal notes only if `notes`. Returns them in
/// chronological order and whether older ones exist.
pub async fn page(
    db: &impl ConnectionTrait,
    conversation_id: i64,
    before: Option<i64>,
    per: u64,
    notes: bool,
) -> Result<(Vec<message::Model>, bool), AppError> {
    let mut q = message::Entity::find()
        .filter(message::Column::ConversationId.eq(conversation_id))
        .order_by_desc(message::Column::Id)
        .limit(per + 1);
    if let Some(b) = before {
        q = q.filter(message::Column::Id.lt(b));
    }
    if !notes {
        q = q.filter(message::Column::AuthorKind.ne(message::NOTE));
    }
    let mut ms = q.all(db).await?;
    let more = ms.len() as u64 > per;
    ms.truncate(per as usize);
    ms.reverse();
    Ok((ms, more))
}

/// One page of a conversation as the pages and the API show it: the messages decrypted,
/// their attachments by message id, and where paging back starts.
#[derive(Debug, Clone)]
pub struct Thread {
    /// The messages, oldest first.
    pub messages: Vec<Shown>,
    /// Their attachments (without content) by message id as text, for the templates.
    pub files: std::collections::HashMap<String, Vec<crate::attachments::Listed>>,
    /// The id to page back from (`?vor=`), when older messages exist.
    pub older: Option<i64>,
}

/// Page [`page`] of a conversation, decrypted with its attachments ([`with_files`]).
pub async fn thread(
    services: &Services,
    conversation_id: i64,
    before: Option<i64>,
    per: u64,
    notes: bool,
) -> Result<Thread, AppError> {
    let (ms, more) = page(&services.db, conversation_id, before, per, notes).await?;
    let oldest = ms.first().map(|m| m.id);
    let (messages, files) = with_files(services, conversation_id, ms).await?;
    Ok(Thread {
        messages,
        files,
        older: more.then_some(oldest).flatten(),
    })
}

/// Messages of a conversation decrypted ([`show`]), with their attachments by message id.
pub async fn with_files(
    services: &Services,
    conversation_id: i64,
    ms: Vec<message::Model>,
) -> Result<
    (
        Vec<Shown>,
        std::collections::HashMap<String, Vec<crate::attachments::Listed>>,
    ),
    AppError,
> {
    let files =
        crate::attachments::of_messages(&services.db, ms.iter().map(|m| m.id).collect()).await?;
    Ok((show(services, conversation_id, ms)?, files))
}

/// Marks the messages `written_by` one side (`GUEST` or `STAFF`) of a conversation read by
/// the other, who sees them on their page now (staff see the guest's as read, and read
/// receipts of their answers).
pub async fn mark_read(
    uow: &mut UnitOfWork,
    conversation_id: i64,
    written_by: &str,
) -> Result<(), AppError> {
    let now = uow.now();
    message::Entity::update_many()
        .col_expr(message::Column::ReadAt, Expr::value(now))
        .filter(message::Column::ConversationId.eq(conversation_id))
        .filter(message::Column::AuthorKind.eq(written_by))
        .filter(message::Column::ReadAt.is_null())
        .exec(uow.txn())
        .await?;
    Ok(())
}

/// Assigns a conversation to a staff member (or nobody).
pub async fn assign(
    uow: &mut UnitOfWork,
    c: &conversation::Model,
    assignee: Option<i64>,
) -> Result<conversation::Model, AppError> {
    let mut am = c.clone().into_active_model();
    am.assignee_id = Set(assignee);
    uow.update(c, am).await
}

/// Shares a conversation linked to an applicant with the IHK districts the applicant is opened
/// to, or withdraws the sharing ([`crate::scope::visible_conversations`]). Sharing an unlinked
/// conversation is refused with the message for the form's field `action`.
pub async fn set_shared(
    uow: &mut UnitOfWork,
    c: &conversation::Model,
    shared: bool,
) -> Result<conversation::Model, AppError> {
    if shared && c.applicant_id.is_none() {
        let mut e = FieldErrors::new();
        e.add("action", "counselling-error-share-unlinked");
        return Err(AppError::Validation(e));
    }
    let mut am = c.clone().into_active_model();
    am.shared_for_integration = Set(shared);
    uow.update(c, am).await
}

/// Closes or reopens a conversation; the retention counts from closing.
pub async fn set_open(
    uow: &mut UnitOfWork,
    c: &conversation::Model,
    open: bool,
) -> Result<conversation::Model, AppError> {
    let now = uow.now();
    let mut am = c.clone().into_active_model();
    am.status = Set(if open {
        conversation::OPEN
    } else {
        conversation::CLOSED
    }
    .into());
    am.closed_at = Set((!open).then_some(now));
    am.last_activity_at = Set(now);
    uow.update(c, am).await
}

/// Deletes a conversation with its messages, its guest and the guest's sessions (the guest's
/// request, GDPR Art. 17, or the retention). The audit log names the records, never their
/// content; the anonymous counters stay.
pub async fn erase(uow: &mut UnitOfWork, c: conversation::Model) -> Result<(), AppError> {
    let files = crate::attachments::erase_of(uow.txn(), c.id).await?;
    deleted_event(uow, &c, "attachments-deleted", files);
    let appointments = crate::appointments::entity::Entity::delete_many()
        .filter(crate::appointments::entity::Column::ConversationId.eq(c.id))
        .exec(uow.txn())
        .await?
        .rows_affected;
    deleted_event(uow, &c, "appointments-deleted", appointments);
    let messages = message::Entity::delete_many()
        .filter(message::Column::ConversationId.eq(c.id))
        .exec(uow.txn())
        .await?
        .rows_affected;
    deleted_event(uow, &c, "messages-deleted", messages);
    guest_session::Entity::delete_many()
        .filter(guest_session::Column::GuestId.eq(c.guest_id))
        .exec(uow.txn())
        .await?;
    let g = guest::Entity::find_by_id(c.guest_id).one(uow.txn()).await?;
    uow.erase::<conversation::ActiveModel>(c).await?;
    if let Some(g) = g {
        uow.erase::<guest::ActiveModel>(g).await?;
    }
    Ok(())
}

/// The audit entry of rows deleted with conversation `c`: their count, never their content.
fn deleted_event(uow: &mut UnitOfWork, c: &conversation::Model, action: &str, count: u64) {
    uow.event(
        "counselling_conversation",
        &c.id.to_string(),
        action,
        serde_json::json!({ "count": count }),
    );
}

// ---- guests -----------------------------------------------------------------------------------

/// The guest and conversation of a personal link, if the link exists.
pub async fn by_link(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<(guest::Model, conversation::Model)>, AppError> {
    let Some(g) = guest::Entity::find()
        .filter(guest::Column::LinkHash.eq(hash_token(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let c = conversation::Entity::find()
        .filter(conversation::Column::GuestId.eq(g.id))
        .one(db)
        .await?;
    Ok(c.map(|c| (g, c)))
}

/// Whether the guest's conversation is locked after wrong passphrases.
pub fn is_locked(g: &guest::Model, now: DateTime<Utc>) -> bool {
    g.locked_until.is_some_and(|t| t > now)
}

/// Checks a new passphrase (the staff password policy, repeated the same) and returns its
/// argon2id hash.
pub fn new_passphrase_hash(
    services: &Services,
    passphrase: &str,
    repeat: &str,
) -> Result<String, AppError> {
    let mut e = hih_users::password::check_policy(
        &services.settings.password,
        "passphrase",
        passphrase,
        "",
        "",
        &[],
    );
    if e.is_empty() && passphrase != repeat {
        e.add("repeat", "counselling-error-repeat");
    }
    e.into_result()?;
    hih_users::password::hash(passphrase)
}

/// Sets the passphrase at the first use of the link, checked by the staff password policy
/// (`hih_users::password`).
pub async fn set_passphrase(
    services: &Services,
    g: &guest::Model,
    passphrase: &str,
    repeat: &str,
    locale: Locale,
) -> Result<(), AppError> {
    let hash = new_passphrase_hash(services, passphrase, repeat)?;
    let mut uow = UnitOfWork::begin(services, &guest_actor()).await?;
    let fresh = guest::Entity::find_by_id(g.id)
        .one(uow.txn())
        .await?
        .ok_or(AppError::NotFound)?;
    if fresh.passphrase_hash.is_some() {
        return Err(AppError::Conflict);
    }
    let mut am = fresh.clone().into_active_model();
    am.passphrase_hash = Set(Some(hash));
    am.locale = Set(Some(locale.code().to_string()));
    uow.update(&fresh, am).await?;
    uow.commit().await
}

/// Checks the passphrase: a success clears the failures, a failure counts and locks the
/// conversation after `counselling.lockout_attempts`. A locked guest never succeeds.
pub async fn check_passphrase(
    services: &Services,
    g: &guest::Model,
    passphrase: &str,
) -> Result<bool, AppError> {
    let now = services.clock.now();
    let ok = match (&g.passphrase_hash, is_locked(g, now)) {
        (Some(h), false) => hih_users::password::verify(passphrase, h),
        _ => {
            hih_users::password::verify_dummy(passphrase);
            false
        }
    };
    if is_locked(g, now) {
        return Ok(false);
    }
    let mut uow = UnitOfWork::begin(services, &guest_actor()).await?;
    let fresh = guest::Entity::find_by_id(g.id)
        .one(uow.txn())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut am = fresh.clone().into_active_model();
    if ok {
        if fresh.failed_attempts == 0 {
            return Ok(true);
        }
        am.failed_attempts = Set(0);
    } else {
        let s = &services.settings.counselling;
        let failures = fresh.failed_attempts + 1;
        let lock = failures >= s.lockout_attempts;
        am.failed_attempts = Set(if lock { 0 } else { failures });
        if lock {
            am.locked_until = Set(Some(now + Duration::minutes(s.lockout_minutes)));
        }
    }
    uow.update(&fresh, am).await?;
    uow.commit().await?;
    Ok(ok)
}

/// Sets or clears the guest's address for notices; the notices come in `locale`, the language
/// of the page the guest saved it on.
pub async fn set_notice_email(
    services: &Services,
    g: &guest::Model,
    email: &str,
    locale: Locale,
) -> Result<(), AppError> {
    let email = email.trim();
    if !email.is_empty() && !hih_users::validate::is_email(email) {
        let mut e = FieldErrors::new();
        e.add("email", "counselling-error-email");
        return Err(AppError::Validation(e));
    }
    let mut uow = UnitOfWork::begin(services, &guest_actor()).await?;
    let mut am = g.clone().into_active_model();
    am.notice_email = Set((!email.is_empty()).then(|| email.to_string()));
    am.locale = Set(Some(locale.code().to_string()));
    uow.update(g, am).await?;
    uow.commit().await
}

/// Starts a guest session; returns the cookie's clear token.
pub async fn start_session(services: &Services, guest_id: i64) -> Result<String, AppError> {
    let token = new_token();
    let minutes = services.settings.counselling.guest_session_minutes;
    guest_session::Entity::insert(guest_session::ActiveModel {
        id: NotSet,
        guest_id: Set(guest_id),
        token_hash: Set(hash_token(&token)),
        expires_at: Set(services.clock.now() + Duration::minutes(minutes)),
    })
    .exec_without_returning(&services.db)
    .await?;
    Ok(token)
}

/// The guest of a live session cookie (the session is extended on use).
pub async fn session_guest(services: &Services, token: &str) -> Result<Option<i64>, AppError> {
    let now = services.clock.now();
    let Some(s) = guest_session::Entity::find()
        .filter(guest_session::Column::TokenHash.eq(hash_token(token)))
        .filter(guest_session::Column::ExpiresAt.gt(now))
        .one(&services.db)
        .await?
    else {
        return Ok(None);
    };
    let minutes = services.settings.counselling.guest_session_minutes;
    let guest_id = s.guest_id;
    let mut am = s.into_active_model();
    am.expires_at = Set(now + Duration::minutes(minutes));
    guest_session::Entity::update(am).exec(&services.db).await?;
    Ok(Some(guest_id))
}

/// Ends a guest session.
pub async fn end_session(services: &Services, token: &str) -> Result<(), AppError> {
    guest_session::Entity::delete_many()
        .filter(guest_session::Column::TokenHash.eq(hash_token(token)))
        .exec(&services.db)
        .await?;
    Ok(())
}

/// Deletes the conversations closed longer than `counselling.retention_days` ago and expired
/// guest sessions; returns how many conversations went.
pub async fn purge(services: &Services) -> Result<u64, AppError> {
    let now = services.clock.now();
    guest_session::Entity::delete_many()
        .filter(guest_session::Column::ExpiresAt.lte(now))
        .exec(&services.db)
        .await?;
    let cutoff = now - Duration::days(services.settings.counselling.retention_days);
    let due = conversation::Entity::find()
        .filter(conversation::Column::Status.eq(conversation::CLOSED))
        .filter(conversation::Column::ClosedAt.lte(cutoff))
        .all(&services.db)
        .await?;
    let n = due.len() as u64;
    for c in due {
        let mut uow = UnitOfWork::begin(
            services,
            &hih_kernel::Actor::system("counselling_retention"),
        )
        .await?;
        erase(&mut uow, c).await?;
        uow.commit().await?;
    }
    Ok(n)
}

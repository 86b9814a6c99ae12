//! Live updates of a conversation page (issue 18, JavaScript on): a server-sent event stream
//! that tells the page the id of the newest message it may show whenever that changes; the
//! page then reloads its message list (`app.js`, `data-live`). Events carry ids only, never
//! content. Without JavaScript the page is reloaded by hand, as before.
//!
//! The stream looks up the conversation's newest visible message (an indexed lookup) every
//! `counselling.live_poll_ms`, so it sees messages written by any instance without a message
//! bus, and ends after `counselling.live_seconds`; the browser's `EventSource` then
//! reconnects by itself and sends the last id it got (`Last-Event-ID`). Asked without a known
//! id (neither `after` nor `Last-Event-ID`), it answers the newest id once and ends. It ends
//! too when the conversation is deleted.

use std::time::Duration;

use hih_kernel::Services;
use poem::Request;
use poem::web::sse::{Event, SSE};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entities::message;

/// The query of a live stream: the newest message id the page shows (anything else counts as
/// unknown).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct LiveQuery {
    after: Option<String>,
}

/// The id the page last knew: the `Last-Event-ID` of a reconnect, else the query's `after`.
pub fn known(req: &Request, q: &LiveQuery) -> Option<i64> {
    let id = |v: &str| v.trim().parse::<i64>().ok().filter(|id| *id >= 0);
    req.headers()
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(id)
        .or_else(|| q.after.as_deref().and_then(id))
}

/// The newest message of the conversation a viewer may see (internal notes only with
/// `notes`); `Some(0)` without messages, `None` when the lookup fails.
async fn newest(services: &Services, conversation_id: i64, notes: bool) -> Option<i64> {
    let mut q = message::Entity::find()
        .select_only()
        .column(message::Column::Id)
        .filter(message::Column::ConversationId.eq(conversation_id))
        .order_by_desc(message::Column::Id)
        .limit(1);
    if !notes {
        q = q.filter(message::Column::AuthorKind.ne(message::NOTE));
    }
    match q.into_tuple::<i64>().one(&services.db).await {
        Ok(found) => Some(found.unwrap_or(0)),
        Err(e) => {
            tracing::warn!(error = %e, "live conversation lookup failed");
            None
        }
    }
}

/// Whether the conversation still exists.
async fn exists(services: &Services, conversation_id: i64) -> bool {
    crate::entities::conversation::Entity::find_by_id(conversation_id)
        .select_only()
        .column(crate::entities::conversation::Column::Id)
        .into_tuple::<i64>()
        .one(&services.db)
        .await
        .is_ok_and(|found| found.is_some())
}

/// An event of the default type `message` (what `EventSource` listens for by default) with
/// the id as its data and its id.
fn event(id: i64) -> Event {
    Event::message(id.to_string()).id(id.to_string())
}

/// The event stream of a conversation for a viewer who last knew message `known`.
pub fn stream(services: Services, conversation_id: i64, notes: bool, known: Option<i64>) -> SSE {
    let settings = &services.settings.counselling;
    let poll = Duration::from_millis(settings.live_poll_ms);
    let until = tokio::time::Instant::now() + Duration::from_secs(settings.live_seconds);
    let events = futures::stream::unfold(
        (services, known, false),
        move |(services, known, done)| async move {
            if done {
                return None;
            }
            let Some(known) = known else {
                // No known state: the newest id once, then the end.
                let id = newest(&services, conversation_id, notes).await?;
                return Some((event(id), (services, None, true)));
            };
            loop {
                if tokio::time::Instant::now() >= until || !exists(&services, conversation_id).await
                {
                    return None;
                }
                match newest(&services, conversation_id, notes).await {
                    Some(id) if id != known => {
                        return Some((event(id), (services, Some(id), false)));
                    }
                    _ => tokio::time::sleep(poll).await,
                }
            }
        },
    );
    SSE::new(events).keep_alive(Duration::from_secs(15))
}

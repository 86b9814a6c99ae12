//! The notification list `/benachrichtigungen` (R-NOT-1): the user's own notifications,
//! newest first, paged, filter unread/all; marking read and opening are POST forms
//! (POST-redirect-GET), so every GET stays free of side effects.
//!
//! Opening: the entry's button posts to `/benachrichtigungen/:id/oeffnen`, which marks it read
//! and answers `303` to its target. A GET there changes nothing (the route has no GET), so
//! link prefetchers, crawlers and the back button cannot mark anything read.

use hih_db::UnitOfWork;
use hih_kernel::{Access, Registry};
use minijinja::context;
use minijinja::value::Serde;
use poem::web::{Form, Path, Query};
use poem::{EndpointExt, get, handler, post};
use serde::{Deserialize, Serialize};

use crate::{Ctx, ListParams, WebResult, fetch_page, iso};

/// The list's own path; targets of "back" must start with it.
const LIST: &str = "/benachrichtigungen";

/// Filter values of the list (the empty value shows all).
const UNREAD: &str = "ungelesen";

/// Registers the list and its POST actions for every logged-in user (called by the host).
pub fn register(r: &mut Registry) {
    let me = Access::Authenticated;
    r.routes(
        me,
        [
            (LIST, get(list).boxed()),
            ("/benachrichtigungen/alle-gelesen", post(mark_all).boxed()),
            ("/benachrichtigungen/:id/gelesen", post(mark_one).boxed()),
            ("/benachrichtigungen/:id/oeffnen", post(open).boxed()),
        ],
    );
}

#[derive(Serialize)]
struct Row {
    id: i64,
    text: String,
    created_at: String,
    href: Option<String>,
    unread: bool,
}

/// The acting user's notifications.
#[handler]
async fn list(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let user_id = ctx.user_id()?;
    let params = ListParams::parse(&ctx, "notifications", &query, &["filter"], &["created"]);
    let unread_only = params.filter("filter") == Some(UNREAD);
    let select = hih_notify::list_of(user_id, unread_only);
    let (total, found) = fetch_page(select, &params, &ctx.services().db).await?;
    let texts = &ctx.services().texts;
    let rows: Vec<Row> = found
        .into_iter()
        .map(|n| Row {
            id: n.id,
            text: hih_notify::render(texts, ctx.locale, &n),
            created_at: iso(n.created_at),
            href: n.href.clone(),
            unread: n.read_at.is_none(),
        })
        .collect();
    let back = format!(
        "{LIST}?{}&per={}&page={}",
        params.filter_query(),
        params.per,
        params.page
    );
    ctx.render(
        "platform/notifications.html",
        context! {
            rows => Serde(rows),
            list => params.view(total, &["created"]),
            filter => params.filter("filter").unwrap_or(""),
            filter_options => Serde(vec![(UNREAD, "notify-filter-unread")]),
            back => back,
        },
    )
    .await
}

/// Where to return after an action: the list with its state, nothing else.
#[derive(Deserialize)]
struct BackForm {
    #[serde(default)]
    back: String,
}

fn back_to(form: &BackForm) -> &str {
    let b = form.back.as_str();
    let rest = b.strip_prefix(LIST).unwrap_or("-");
    if rest.is_empty() || (rest.starts_with('?') && !b.contains('\\')) {
        b
    } else {
        LIST
    }
}

/// Marks one notification read inside a unit of work; another user's id answers 404 (checked
/// before the transaction opens, so the access-log entry never waits for it).
async fn mark(ctx: &Ctx, id: i64) -> WebResult<hih_notify::Notification> {
    let user_id = ctx.user_id()?;
    if hih_notify::find_own(&ctx.services().db, user_id, id)
        .await?
        .is_none()
    {
        return Err(ctx
            .not_found_in_scope("notification", &id.to_string())
            .await);
    }
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    let n = hih_notify::mark_read(&mut uow, user_id, id).await?;
    uow.commit().await?;
    Ok(n)
}

/// "Als gelesen markieren" for one entry.
#[handler]
async fn mark_one(ctx: Ctx, Path(id): Path<i64>, Form(form): Form<BackForm>) -> WebResult {
    mark(&ctx, id).await?;
    ctx.redirect(back_to(&form))
}

/// "Öffnen": marks the entry read and goes to its target (the list if it has none).
#[handler]
async fn open(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let n = mark(&ctx, id).await?;
    ctx.redirect(n.href.as_deref().unwrap_or(LIST))
}

/// "Alle als gelesen markieren".
#[handler]
async fn mark_all(ctx: Ctx, Form(form): Form<BackForm>) -> WebResult {
    let user_id = ctx.user_id()?;
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    let changed = hih_notify::mark_all_read(&mut uow, user_id).await?;
    uow.commit().await?;
    if changed > 0 {
        ctx.session.flash("notify-all-read-done");
    }
    ctx.redirect(back_to(&form))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_only_returns_to_the_list() {
        let b = |s: &str| {
            back_to(&BackForm {
                back: s.to_string(),
            })
            .to_string()
        };
        assert_eq!(b("/benachrichtigungen"), "/benachrichtigungen");
        assert_eq!(
            b("/benachrichtigungen?filter=ungelesen&page=2"),
            "/benachrichtigungen?filter=ungelesen&page=2"
        );
        assert_eq!(b("//evil.example"), "/benachrichtigungen");
        assert_eq!(b("/benachrichtigungenx"), "/benachrichtigungen");
        assert_eq!(b(""), "/benachrichtigungen");
    }
}

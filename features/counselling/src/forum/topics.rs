//! Topics of the staff exchange: the list `/beratung/austausch` as a [`ListSpec`] (folded free
//! text over title, authors and posts; newest activity first; every column sortable; the
//! global search's section) and a topic's page with its posts paged by the list machinery,
//! each post with its replies and a reply form (a `<details>` disclosure, no JavaScript).

use hih_db::UnitOfWork;
use hih_kernel::{Actor, AppError, FieldErrors, SearchHit, Services};
use hih_web::list::{ListInfo, ListParams, ListSpec, ListView, TextColumn};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use poem::web::{Form, Path, Query};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, Order, PaginatorTrait, QueryFilter, QueryOrder, Select,
};
use serde::Serialize;

use super::FORUM;
use super::entities::{post, topic};
use super::service;

/// Sort keys; the first (the default) is the latest activity, newest first.
const COLUMNS: [&str; 4] = ["activity", "title", "author", "posts"];

/// Posts of a topic's page: the list key of their page size.
const POSTS_KEY: &str = "forum_posts";

/// At most this many characters of a post as a search hit's context.
const CONTEXT_CHARS: usize = 120;

/// The topic list.
pub struct TopicList;

#[async_trait::async_trait]
impl ListView for TopicList {
    type Row = topic::Model;

    const INFO: ListInfo = ListInfo {
        key: "forum_topics",
        path: "/beratung/austausch",
        entity: "counselling_forum_topic",
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
        rows: Vec<topic::Model>,
    ) -> WebResult {
        let keys = self.sort_keys(&ctx.actor);
        ctx.render(
            "counselling/forum_topics.html",
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
impl ListSpec for TopicList {
    type Entity = topic::Entity;

    fn text_column(&self) -> Option<TextColumn<topic::Entity>> {
        Some(TextColumn {
            indexed: Some("counselling_forum_topic"),
            column: topic::Column::SearchText,
        })
    }

    /// Every member of the staff exchange sees every topic.
    fn scope(&self, _actor: &Actor) -> Condition {
        Condition::all()
    }

    fn condition(&self, _actor: &Actor, _params: &ListParams) -> Condition {
        Condition::all()
    }

    fn order(
        &self,
        select: Select<topic::Entity>,
        key: &str,
        order: Order,
    ) -> Select<topic::Entity> {
        let column = match key {
            "title" => topic::Column::Title,
            "author" => topic::Column::AuthorName,
            "posts" => topic::Column::PostCount,
            _ => topic::Column::LastPostAt,
        };
        select.order_by(column, order)
    }

    fn search_label(&self) -> Option<&'static str> {
        Some("counselling-forum-search-section")
    }

    async fn hits(
        &self,
        _services: &Services,
        found: Vec<topic::Model>,
    ) -> Result<Vec<SearchHit>, AppError> {
        Ok(found
            .into_iter()
            .map(|t| SearchHit {
                context: t.author_name.chars().take(CONTEXT_CHARS).collect(),
                title: t.title,
                href: format!("/beratung/austausch/{}", t.id),
                badge_key: None,
            })
            .collect())
    }
}

/// A topic (every member of the exchange sees every topic; an unknown id is 404).
pub(crate) async fn load(ctx: &Ctx, id: i64) -> WebResult<topic::Model> {
    topic::Entity::find_by_id(id)
        .one(&ctx.services().db)
        .await?
        .ok_or(WebError(AppError::NotFound))
}

/// A first-level post with its replies.
#[derive(Serialize)]
struct Thread {
    post: post::Model,
    replies: Vec<post::Model>,
}

/// The page parameters of a topic's posts (page size remembered like every list's).
fn post_params(ctx: &Ctx, query: &[(String, String)], id: i64) -> ListParams {
    let mut params = ListParams::parse(ctx, POSTS_KEY, query, &[], &["written"]);
    params.path = format!("/beratung/austausch/{id}");
    params
}

async fn topic_page(
    ctx: &Ctx,
    t: &topic::Model,
    query: &[(String, String)],
    draft: (&str, &str),
    errors: &FieldErrors,
) -> WebResult {
    let db = &ctx.services().db;
    let params = post_params(ctx, query, t.id);
    let first_level = post::Entity::find()
        .filter(post::Column::TopicId.eq(t.id))
        .filter(post::Column::ParentId.is_null());
    let total = first_level.clone().count(db).await?;
    let posts = params
        .paged(first_level.order_by_asc(post::Column::Id), total)
        .all(db)
        .await?;
    let ids: Vec<i64> = posts.iter().map(|p| p.id).collect();
    let mut replies = post::Entity::find()
        .filter(post::Column::ParentId.is_in(ids))
        .order_by_asc(post::Column::Id)
        .all(db)
        .await?;
    let threads: Vec<Thread> = posts
        .into_iter()
        .map(|p| {
            let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut replies)
                .into_iter()
                .partition(|r| r.parent_id == Some(p.id));
            replies = rest;
            Thread {
                post: p,
                replies: mine,
            }
        })
        .collect();
    ctx.render_form(
        "counselling/forum_topic.html",
        errors,
        context! {
            topic => Serde(t),
            threads => Serde(threads),
            list => params.view(total, &["written"]),
            draft_field => draft.0,
            draft_body => draft.1,
        },
    )
    .await
}

/// A topic's page.
#[handler]
pub async fn show(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<Vec<(String, String)>>,
) -> WebResult {
    let t = load(&ctx, id).await?;
    topic_page(&ctx, &t, &query, ("", ""), &FieldErrors::new()).await
}

/// The field of the reply to post `parent` (or of a new post).
fn body_field(parent: Option<i64>) -> String {
    match parent {
        Some(p) => format!("reply-{p}"),
        None => "body".to_string(),
    }
}

/// A new post (`body`) or a reply (`parent` and `reply-<parent>`): saved, then the page that
/// shows it.
#[handler]
pub async fn write(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let t = load(&ctx, id).await?;
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let parent = match value("parent") {
        "" => None,
        p => Some(p.parse::<i64>().map_err(|_| WebError(AppError::NotFound))?),
    };
    let field = body_field(parent);
    let typed = value(&field);
    let body = match crate::service::check_body(&field, typed) {
        Ok(b) => b,
        Err(e) => return topic_page(&ctx, &t, &[], (&field, typed), &e).await,
    };
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    let p = service::add_post(&mut uow, &t, parent, &body).await?;
    uow.commit().await?;
    // The page that shows the new post: where its first-level post stands.
    let anchor_of = parent.unwrap_or(p.id);
    let before = post::Entity::find()
        .filter(post::Column::TopicId.eq(t.id))
        .filter(post::Column::ParentId.is_null())
        .filter(post::Column::Id.lte(anchor_of))
        .count(&ctx.services().db)
        .await?;
    let params = post_params(&ctx, &[], t.id);
    let page = if params.per == 0 {
        1
    } else {
        before.max(1).div_ceil(params.per)
    };
    ctx.session.flash(if parent.is_some() {
        "counselling-forum-reply-saved"
    } else {
        "counselling-forum-post-saved"
    });
    ctx.redirect(&format!(
        "/beratung/austausch/{}?page={page}#beitrag-{}",
        t.id, p.id
    ))
}

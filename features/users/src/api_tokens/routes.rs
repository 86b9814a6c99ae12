//! The token pages: the owner's list on the profile (`/profil/api-tokens`), the creation flow
//! (review before saving), the page that shows a new secret exactly once, revocation with a
//! confirmation page, and the administrators' list of everyone's tokens (`/api-tokens`).

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use hih_db::UnitOfWork;
use hih_kernel::{Access, AppError};
use hih_web::flow::{
    Checked, FlowArgs, FlowSpec, FormFlow, PageState, Saved, checked, read_fields,
};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult, iso};
use poem::handler;
use poem::web::Path;
use sea_orm::{EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use super::service::{self, DEFAULT_DAYS, NewToken, last_day, visible_tokens};
use crate::entities::{api_token, user_account};

/// The owner's list.
pub const OWN_LIST: &str = "/profil/api-tokens";
/// The administrators' list.
pub const ALL_LIST: &str = "/api-tokens";
/// The page that shows a new secret once.
pub const CREATED: &str = "/profil/api-tokens/erstellt";
/// Session slot of a new secret: written by the save, emptied by the first view of
/// [`CREATED`], so the secret is shown exactly once and never travels in a URL or a flash.
const SHOWN_ONCE: &str = "api-token:shown-once";

/// A new token's secret on its way to the one page that shows it.
#[derive(Serialize, Deserialize)]
struct ShownOnce {
    name: String,
    secret: String,
    valid_until: String,
    read_only: bool,
}

/// One row of a token list.
#[derive(Serialize)]
struct Row {
    id: i64,
    name: String,
    prefix: String,
    owner: String,
    created: String,
    valid_until: String,
    last_used: Option<String>,
    read_only: bool,
    /// `active`, `expired` or `revoked`.
    state: &'static str,
}

fn state_of(t: &api_token::Model, now: DateTime<Utc>) -> &'static str {
    if t.revoked_at.is_some() {
        "revoked"
    } else if t.expires_at <= now {
        "expired"
    } else {
        "active"
    }
}

async fn rows(ctx: &Ctx, tokens: Vec<api_token::Model>) -> WebResult<Vec<Row>> {
    let users = user_account::Entity::find().all(&ctx.services().db).await?;
    let now = ctx.services().clock.now();
    Ok(tokens
        .into_iter()
        .map(|t| Row {
            id: t.id,
            owner: users
                .iter()
                .find(|u| u.id == t.user_id)
                .map(|u| u.display_name())
                .unwrap_or_default(),
            state: state_of(&t, now),
            created: iso(t.created_at),
            valid_until: last_day(t.expires_at).to_string(),
            last_used: t.last_used_at.map(iso),
            read_only: t.read_only,
            prefix: t.prefix,
            name: t.name,
        })
        .collect())
}

/// The caller's own tokens.
#[handler]
pub async fn own_list(ctx: Ctx) -> WebResult {
    let me = ctx.user_id()?;
    token_page(&ctx, Some(me)).await
}

/// Everyone's tokens (account managers).
#[handler]
pub async fn all_list(ctx: Ctx) -> WebResult {
    token_page(&ctx, None).await
}

/// The token list: the tokens the caller may see, only `owner`'s if given, newest first.
async fn token_page(ctx: &Ctx, owner: Option<i64>) -> WebResult {
    let mut select = api_token::Entity::find().filter(visible_tokens(&ctx.actor));
    if let Some(me) = owner {
        select = select.filter(sea_orm::ColumnTrait::eq(&api_token::Column::UserId, me));
    }
    let tokens = select
        .order_by_desc(api_token::Column::Id)
        .all(&ctx.services().db)
        .await?;
    let rows = rows(ctx, tokens).await?;
    ctx.render(
        "users/api_tokens.html",
        context! { rows => Serde(rows), everyone => owner.is_none() },
    )
    .await
}

/// Shows a new token's secret once; afterwards (reload, back button) the list.
#[handler]
pub async fn created(ctx: Ctx) -> WebResult {
    let Some(shown) = ctx.session.get::<ShownOnce>(SHOWN_ONCE) else {
        return ctx.redirect(OWN_LIST);
    };
    ctx.session.remove(SHOWN_ONCE);
    ctx.render(
        "users/api_token_created.html",
        context! { token => Serde(shown) },
    )
    .await
}

/// Loads a token the caller may revoke, else 404 and an access-log entry.
async fn load(ctx: &Ctx, id: i64) -> WebResult<api_token::Model> {
    match api_token::Entity::find_by_id(id)
        .filter(visible_tokens(&ctx.actor))
        .one(&ctx.services().db)
        .await?
    {
        Some(t) => Ok(t),
        None => Err(ctx.not_found_in_scope("api_token", &id.to_string()).await),
    }
}

/// Where a revocation returns to: the owner's list for one's own token, else everyone's.
fn back_of(ctx: &Ctx, t: &api_token::Model) -> &'static str {
    if ctx.actor.user_id() == Some(t.user_id) {
        OWN_LIST
    } else {
        ALL_LIST
    }
}

/// "Revoke this token?"
#[handler]
pub async fn revoke_form(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let t = load(&ctx, id).await?;
    if t.revoked_at.is_some() {
        return Err(WebError(AppError::NotFound));
    }
    ctx.render(
        "users/api_token_revoke.html",
        context! { id => t.id, name => t.name.clone(), prefix => t.prefix.clone(), back => back_of(&ctx, &t) },
    )
    .await
}

/// Revokes after confirmation (audited).
#[handler]
pub async fn revoke_submit(ctx: Ctx, Path(id): Path<i64>) -> WebResult {
    let t = load(&ctx, id).await?;
    let mut uow = UnitOfWork::begin(ctx.services(), &ctx.actor).await?;
    service::revoke(&mut uow, &t).await?;
    uow.commit().await?;
    ctx.session.flash("users-api-token-revoked");
    ctx.redirect(back_of(&ctx, &t))
}

/// The creation form.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    valid_until: String,
    #[serde(default)]
    read_only: Option<String>,
}

/// Creating a token: name, last day, read-only; review, save, then the secret once.
pub struct TokenFlow;

#[async_trait]
impl FormFlow for TokenFlow {
    type Record = ();
    type Form = TokenForm;
    type Valid = NewToken;

    fn spec(&self) -> FlowSpec {
        FlowSpec {
            name: "api-token-new",
            path: "/profil/api-tokens/neu",
            access: Access::Authenticated,
            templates: ("users/api_token_form.html", "users/api_token_review.html"),
        }
    }

    async fn load(&self, _ctx: &Ctx, _args: &FlowArgs) -> WebResult<()> {
        Ok(())
    }

    async fn initial(&self, ctx: &Ctx, _record: &()) -> WebResult<TokenForm> {
        let today = ctx.services().clock.now().date_naive();
        Ok(TokenForm {
            valid_until: (today + Duration::days(DEFAULT_DAYS)).to_string(),
            ..Default::default()
        })
    }

    fn read(&self, _record: &(), pairs: &[(String, String)]) -> TokenForm {
        read_fields(pairs)
    }

    async fn check(&self, ctx: &Ctx, _record: &(), f: &TokenForm) -> WebResult<Checked<NewToken>> {
        let today = ctx.services().clock.now().date_naive();
        checked(
            service::check(&f.name, &f.valid_until, f.read_only.is_some(), today)
                .map_err(AppError::Validation),
        )
    }

    async fn save(
        &self,
        ctx: &Ctx,
        uow: &mut UnitOfWork,
        _record: &(),
        valid: NewToken,
    ) -> WebResult<Saved> {
        let owner = ctx.user_id()?;
        let new = service::create(uow, owner, valid).await?;
        ctx.session.set(
            SHOWN_ONCE,
            &ShownOnce {
                name: new.token.name.clone(),
                secret: new.secret,
                valid_until: last_day(new.token.expires_at).to_string(),
                read_only: new.token.read_only,
            },
        );
        Ok(Saved {
            to: CREATED.into(),
            flash: "users-api-token-created",
        })
    }

    fn cancel_target(&self, _args: &FlowArgs, _record: &()) -> String {
        OWN_LIST.into()
    }

    async fn page(&self, _ctx: &Ctx, _state: PageState<'_, Self>) -> WebResult<Value> {
        Ok(context! { max_days => service::MAX_DAYS })
    }
}

//! The public start (R-CNS-1): at `/beratung/start` a person chooses the AHK of their country
//! (India, Vietnam, Brazil) and a topic, stays anonymous (an optional pseudonym, never a
//! name) and sets a passphrase. The answer shows their personal link once and signs them in;
//! from then on it is the same guest flow as an invited guest's. Rate-limited per address;
//! in the guest's language like every guest page.

use hih_db::UnitOfWork;
use hih_kernel::{AppError, FieldErrors};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use poem::http::StatusCode;
use poem::web::Form;
use poem::{Request, Response};
use sea_orm::{EntityTrait, IntoActiveModel, Set};
use serde::{Deserialize, Serialize};

use crate::entities::guest;
use crate::routes::guest::{in_guest_language, no_nav, set_cookie};
use crate::routes::topic_options;
use crate::service::{self, NewConversation, TOPICS};

/// The countries whose AHK a person can start a conversation with.
pub const COUNTRIES: [&str; 3] = ["IN", "VN", "BR"];

/// The start form.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct StartForm {
    country: String,
    topic: String,
    pseudonym: String,
    #[serde(skip_serializing)]
    passphrase: String,
    #[serde(skip_serializing)]
    repeat: String,
}

async fn page(ctx: &Ctx, f: &StartForm, errors: &FieldErrors) -> WebResult {
    let countries: Vec<(String, String)> = COUNTRIES
        .iter()
        .map(|c| (c.to_string(), format!("counselling-country-{c}")))
        .collect();
    let min = ctx.services().settings.password.min_length.max(8);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    ctx.render_status(
        status,
        "counselling/start.html",
        context! {
            user => (),
            nav => no_nav(),
            public_page => true,
            f => Serde(f),
            countries => Serde(countries),
            topics => Serde(topic_options()),
            min => min,
            errors => ctx.errors(errors),
        },
    )
    .await
}

/// The start form.
#[handler]
pub async fn form(ctx: Ctx, req: &Request) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    page(&ctx, &StartForm::default(), &FieldErrors::new()).await
}

fn check(f: &StartForm) -> FieldErrors {
    let mut e = FieldErrors::new();
    if !COUNTRIES.contains(&f.country.as_str()) {
        e.add("country", "counselling-error-country");
    }
    if !TOPICS.contains(&f.topic.as_str()) {
        e.add("topic", "counselling-error-topic");
    }
    let pseudonym = f.pseudonym.trim();
    if pseudonym.chars().count() > 60 {
        e.add("pseudonym", "counselling-error-pseudonym");
    } else if pseudonym.chars().any(char::is_control) {
        e.add("pseudonym", "counselling-error-body-control");
    }
    e
}

/// Opens the conversation, shows the personal link once and signs the person in.
#[handler]
pub async fn submit(ctx: Ctx, req: &Request, Form(f): Form<StartForm>) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    if let Some(ip) = ctx.remote
        && !ctx.state.limiter.check("counselling_start", ip)
    {
        return Err(WebError(AppError::RateLimited));
    }
    let mut e = check(&f);
    let hash = match service::new_passphrase_hash(ctx.services(), &f.passphrase, &f.repeat) {
        Ok(h) => Some(h),
        Err(AppError::Validation(x)) => {
            e.0.extend(x.0);
            None
        }
        Err(other) => return Err(other.into()),
    };
    let Some(hash) = hash.filter(|_| e.is_empty()) else {
        return page(&ctx, &f, &e).await;
    };
    let mut uow = UnitOfWork::begin(ctx.services(), &service::guest_actor()).await?;
    let opened = service::open(
        &mut uow,
        NewConversation {
            country: f.country.clone(),
            topic: f.topic.clone(),
            pseudonym: f.pseudonym.clone(),
            applicant_id: None,
        },
    )
    .await?;
    let g = guest::Entity::find_by_id(opened.conversation.guest_id)
        .one(uow.txn())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut am = g.clone().into_active_model();
    am.passphrase_hash = Set(Some(hash));
    am.locale = Set(Some(ctx.locale.code().to_string()));
    uow.update(&g, am).await?;
    uow.commit().await?;
    let cookie = service::start_session(ctx.services(), g.id).await?;
    let path = format!("/beratung/gast/{}", opened.token);
    let url = ctx.services().settings.absolute_url(&path);
    let mut resp: Response = ctx
        .render(
            "counselling/start_done.html",
            context! {
                user => (),
                nav => no_nav(),
                public_page => true,
                url => url,
                link_path => path,
            },
        )
        .await?;
    set_cookie(&ctx, &mut resp, Some(&cookie));
    Ok(resp)
}

//! The guest side (R-CNS-1), public under `/beratung/gast/<token>`: the personal link alone
//! never opens the conversation. At the first use the guest sets a passphrase (the staff
//! password policy, argon2id); later uses ask for it (rate-limited per address, locked after
//! `counselling.lockout_attempts` failures). A correct passphrase starts a guest session with
//! its own cookie, apart from staff sessions. Signed in, the guest reads and writes plain-text
//! messages (never the internal notes), sets an address for content-free notices, downloads
//! the conversation (Art. 20) and deletes it (Art. 17). Pages carry a neutral header (no
//! staff navigation or name) and come in the guest's language ([`in_guest_language`]: the
//! browser's, then the switch's; de, en, pt, vi). An unknown link shows one neutral page (410), logged without
//! the token.

use hih_db::access::AccessAction;
use hih_i18n::Locale;
use hih_kernel::{AppError, FieldErrors};
use hih_web::minijinja::value::Serde;
use hih_web::minijinja::{Value, context};
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use poem::http::{HeaderValue, StatusCode, header};
use poem::web::{Form, Path, Query};
use poem::{IntoResponse, Request, Response};
use serde::Deserialize;

use crate::entities::{conversation, guest, message};
use crate::service;
use hih_web::upload::UploadForm;

/// Messages per guest page.
const MESSAGES_PER_PAGE: u64 = 50;

fn cookie_name(ctx: &Ctx) -> &'static str {
    if ctx.services().settings.security.tls {
        "__Host-hih_counselling"
    } else {
        "hih_counselling"
    }
}

fn read_cookie(ctx: &Ctx, req: &Request) -> Option<String> {
    let name = cookie_name(ctx);
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

pub(crate) fn set_cookie(ctx: &Ctx, resp: &mut Response, value: Option<&str>) {
    let secure = if ctx.services().settings.security.tls {
        "; Secure"
    } else {
        ""
    };
    let name = cookie_name(ctx);
    let cookie = match value {
        Some(v) => format!("{name}={v}; Path=/; HttpOnly; SameSite=Strict{secure}"),
        None => format!("{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict{secure}"),
    };
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// The guest pages' context in the guest's language: at the first guest page of a browser
/// session the browser's language (`Accept-Language`, any guest language), afterwards what
/// the session holds, which the visible switch (`POST /sprache`) changes.
pub(crate) fn in_guest_language(mut ctx: Ctx, req: &Request) -> Ctx {
    const SEEN: &str = "counselling:lang";
    if ctx.session.get::<bool>(SEEN).is_none() {
        let browser = req
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Locale::from_accept_language);
        if let Some(locale) = browser {
            ctx.session.set_locale(locale);
        }
        ctx.session.set(SEEN, &true);
    }
    ctx.locale = ctx.session.locale();
    ctx
}

fn base(token: &str) -> String {
    format!("/beratung/gast/{token}")
}

/// No navigation on guest pages, even in a browser where staff are signed in.
pub(crate) fn no_nav() -> Value {
    context! { start => (), groups => (), account => () }
}

/// A guest page: the neutral header (no staff name or navigation, even in a browser where
/// staff are signed in) and the link's base.
async fn render(
    ctx: &Ctx,
    status: StatusCode,
    template: &str,
    token: &str,
    errors: &FieldErrors,
    page: Value,
) -> WebResult {
    let page = context! {
        user => (),
        nav => no_nav(),
        public_page => true,
        base => base(token),
        manifest_url => format!("{}/app.webmanifest", base(token)),
        errors => ctx.errors(errors),
        ..page
    };
    let status = if errors.is_empty() {
        status
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    ctx.render_status(status, template, page).await
}

/// Where the guest's installed app lives: every guest link is under it, no staff page is.
pub const APP_SCOPE: &str = "/beratung/gast/";

/// The guest's web app manifest (installable, R-CNS PWA): it opens at the guest's own link,
/// its scope is the guest side only, its texts are in the guest's language. Browsers fetch a
/// manifest without cookies, so it answers by the link alone and says nothing the link does
/// not already say; like every answer but the static assets it is `no-store`. An unknown
/// link: 404.
#[handler]
pub async fn manifest(ctx: Ctx, Path(token): Path<String>) -> WebResult {
    let Some((g, _)) = service::by_link(&ctx.services().db, &token).await? else {
        return Err(WebError(AppError::NotFound));
    };
    let locale = crate::service::guest_locale(g.locale.as_deref());
    let texts = &ctx.services().texts;
    Ok(hih_web::pwa::AppManifest {
        name: texts.t(locale, "counselling-app-name", &[]),
        short_name: texts.t(locale, "counselling-app-short-name", &[]),
        description: texts.t(locale, "counselling-app-description", &[]),
        locale,
        start_url: base(&token),
        scope: APP_SCOPE.into(),
    }
    .response())
}

/// The neutral page of an unknown (or deleted) link, logged without the token.
async fn gone(ctx: &Ctx) -> WebResult {
    ctx.log_access(
        AccessAction::Denied,
        "counselling_link",
        None,
        serde_json::Value::Null,
        None,
    )
    .await;
    ctx.render_status(
        StatusCode::GONE,
        "counselling/guest_gone.html",
        context! { user => (), nav => no_nav(), public_page => true },
    )
    .await
}

fn rate_limited(ctx: &Ctx) -> WebResult<()> {
    match ctx.remote {
        Some(ip) if !ctx.state.limiter.check("counselling", ip) => {
            Err(WebError(AppError::RateLimited))
        }
        _ => Ok(()),
    }
}

/// The link's guest and conversation, and whether this browser's guest session belongs to it.
async fn open_link(
    ctx: &Ctx,
    req: &Request,
    token: &str,
) -> WebResult<Option<(guest::Model, conversation::Model, bool)>> {
    let Some((g, c)) = service::by_link(&ctx.services().db, token).await? else {
        return Ok(None);
    };
    let signed_in = match read_cookie(ctx, req) {
        Some(t) => service::session_guest(ctx.services(), &t).await? == Some(g.id),
        None => false,
    };
    Ok(Some((g, c, signed_in)))
}

/// Paging back in the guest's view.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    vor: Option<i64>,
}

/// The link: passphrase setup (first use), passphrase entry, or the conversation.
#[handler]
pub async fn show(
    ctx: Ctx,
    req: &Request,
    Path(token): Path<String>,
    Query(q): Query<PageQuery>,
) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    let Some((g, c, signed_in)) = open_link(&ctx, req, &token).await? else {
        return gone(&ctx).await;
    };
    if g.passphrase_hash.is_none() {
        return setup_page(&ctx, &token, &FieldErrors::new()).await;
    }
    if !signed_in {
        return login_page(&ctx, &token, &g, false).await;
    }
    conversation_page(&ctx, &token, &g, &c, q.vor, "", &FieldErrors::new()).await
}

async fn setup_page(ctx: &Ctx, token: &str, errors: &FieldErrors) -> WebResult {
    let min = ctx.services().settings.password.min_length.max(8);
    render(
        ctx,
        StatusCode::OK,
        "counselling/guest_setup.html",
        token,
        errors,
        context! { min => min },
    )
    .await
}

async fn login_page(ctx: &Ctx, token: &str, g: &guest::Model, failed: bool) -> WebResult {
    let locked = service::is_locked(g, ctx.services().clock.now());
    let status = if failed || locked {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render(
        ctx,
        status,
        "counselling/guest_login.html",
        token,
        &FieldErrors::new(),
        context! {
            failed => failed,
            locked => locked,
            minutes => ctx.services().settings.counselling.lockout_minutes,
        },
    )
    .await
}

async fn conversation_page(
    ctx: &Ctx,
    token: &str,
    g: &guest::Model,
    c: &conversation::Model,
    before: Option<i64>,
    body: &str,
    errors: &FieldErrors,
) -> WebResult {
    let thread = service::thread(ctx.services(), c.id, before, MESSAGES_PER_PAGE, false).await?;
    // Read receipts: the staff answers shown now are read (one write only when some are new).
    if thread
        .messages
        .iter()
        .any(|m| m.kind == message::STAFF && m.unread)
    {
        let mut uow = hih_db::UnitOfWork::begin(ctx.services(), &service::guest_actor()).await?;
        service::mark_read(&mut uow, c.id, message::STAFF).await?;
        uow.commit().await?;
    }
    render(
        ctx,
        StatusCode::OK,
        "counselling/guest_conversation.html",
        token,
        errors,
        context! {
            c => Serde(c),
            is_open => c.status == conversation::OPEN,
            topic_key => format!("counselling-topic-{}", c.topic),
            office_hours_key => format!("counselling-office-hours-{}", c.country.to_lowercase()),
            messages => Serde(thread.messages),
            files => Serde(thread.files),
            older => thread.older,
            paged => before.is_some(),
            body => body,
            email => g.notice_email.clone().unwrap_or_default(),
            appointments => Serde(crate::appointments::service::shown(&ctx.services().db, ctx.services(), c.id, &c.pseudonym).await?),
        },
    )
    .await
    .map(hih_web::upload::allow_recording)
}

/// The live event stream of the guest's conversation page (ids of new messages, never of
/// internal notes; [`crate::live`]). Without the guest's session: the passphrase page, as
/// every guest route.
#[handler]
pub async fn live(
    ctx: Ctx,
    req: &Request,
    Path(token): Path<String>,
    Query(q): Query<crate::live::LiveQuery>,
) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    let (_, c) = match signed_in(&ctx, req, &token).await? {
        Ok(x) => x,
        Err(resp) => return Ok(resp),
    };
    let known = crate::live::known(req, &q);
    Ok(crate::live::stream(ctx.services().clone(), c.id, false, known).into_response())
}

/// The passphrase form at first use.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SetupForm {
    passphrase: String,
    repeat: String,
}

/// Sets the passphrase and signs the guest in.
#[handler]
pub async fn setup(
    ctx: Ctx,
    req: &Request,
    Path(token): Path<String>,
    Form(f): Form<SetupForm>,
) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    rate_limited(&ctx)?;
    let Some((g, _, _)) = open_link(&ctx, req, &token).await? else {
        return gone(&ctx).await;
    };
    if g.passphrase_hash.is_some() {
        return ctx.redirect(&base(&token));
    }
    match service::set_passphrase(ctx.services(), &g, &f.passphrase, &f.repeat, ctx.locale).await {
        Ok(()) => {}
        Err(AppError::Validation(e)) => return setup_page(&ctx, &token, &e).await,
        Err(AppError::Conflict) => return ctx.redirect(&base(&token)),
        Err(other) => return Err(other.into()),
    }
    sign_in(&ctx, &token, g.id).await
}

async fn sign_in(ctx: &Ctx, token: &str, guest_id: i64) -> WebResult {
    let cookie = service::start_session(ctx.services(), guest_id).await?;
    let mut resp = ctx.redirect(&base(token))?;
    set_cookie(ctx, &mut resp, Some(&cookie));
    Ok(resp)
}

/// The passphrase entry.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    passphrase: String,
}

/// Checks the passphrase (rate-limited, lockout) and signs the guest in.
#[handler]
pub async fn login(
    ctx: Ctx,
    req: &Request,
    Path(token): Path<String>,
    Form(f): Form<LoginForm>,
) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    rate_limited(&ctx)?;
    let Some((g, _, _)) = open_link(&ctx, req, &token).await? else {
        return gone(&ctx).await;
    };
    if g.passphrase_hash.is_none() {
        return ctx.redirect(&base(&token));
    }
    if service::check_passphrase(ctx.services(), &g, &f.passphrase).await? {
        return sign_in(&ctx, &token, g.id).await;
    }
    ctx.log_access(
        AccessAction::Denied,
        "counselling_link",
        None,
        serde_json::json!({ "step": "passphrase" }),
        None,
    )
    .await;
    let fresh = guest::Entity::find_by_id(g.id)
        .one(&ctx.services().db)
        .await?
        .unwrap_or(g);
    login_page(&ctx, &token, &fresh, true).await
}

/// The signed-in guest of the link, else the link's page (which asks for the passphrase).
pub(crate) async fn signed_in(
    ctx: &Ctx,
    req: &Request,
    token: &str,
) -> WebResult<Result<(guest::Model, conversation::Model), Response>> {
    match open_link(ctx, req, token).await? {
        None => Ok(Err(gone(ctx).await?)),
        Some((g, c, true)) => Ok(Ok((g, c))),
        Some(_) => Ok(Err(ctx.redirect(&base(token))?)),
    }
}

use sea_orm::EntityTrait;

/// Writes the guest's message, with a file or a voice message (an audio file) if chosen.
#[handler]
pub async fn write(
    ctx: Ctx,
    req: &Request,
    Path(token): Path<String>,
    mut input: UploadForm,
) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    let file = input.take_file("file");
    let (g, c) = match signed_in(&ctx, req, &token).await? {
        Ok(x) => x,
        Err(resp) => return Ok(resp),
    };
    let body = input.text("body");
    let checked = service::check_message(ctx.services(), body, &file).and_then(|b| {
        if c.status == conversation::OPEN {
            Ok(b)
        } else {
            let mut e = FieldErrors::new();
            e.add("body", "counselling-error-closed");
            Err(e)
        }
    });
    let (text, kind) = match checked {
        Ok(b) => b,
        Err(e) => return conversation_page(&ctx, &token, &g, &c, None, body, &e).await,
    };
    let mut uow = hih_db::UnitOfWork::begin(ctx.services(), &service::guest_actor()).await?;
    let m = service::post(&mut uow, &c, message::GUEST, &text).await?;
    if let (Some(kind), Some(bytes)) = (kind, file.bytes()) {
        crate::attachments::store(&mut uow, c.id, m.id, kind, bytes).await?;
    }
    uow.commit().await?;
    ctx.session.flash("counselling-guest-sent");
    ctx.redirect(&format!("{}#neueste", base(&token)))
}

/// One attachment of the guest's conversation (not of an internal note).
#[handler]
pub async fn attachment(
    ctx: Ctx,
    req: &Request,
    Path((token, id)): Path<(String, i64)>,
) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    let (_, c) = match signed_in(&ctx, req, &token).await? {
        Ok(x) => x,
        Err(resp) => return Ok(resp),
    };
    match crate::attachments::download(ctx.services(), c.id, id, false).await? {
        Some(resp) => Ok(resp),
        None => Err(WebError(AppError::NotFound)),
    }
}

/// The notice address.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmailForm {
    email: String,
}

/// Sets or clears the address for "new message" notices.
#[handler]
pub async fn email(
    ctx: Ctx,
    req: &Request,
    Path(token): Path<String>,
    Form(f): Form<EmailForm>,
) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    let (g, c) = match signed_in(&ctx, req, &token).await? {
        Ok(x) => x,
        Err(resp) => return Ok(resp),
    };
    match service::set_notice_email(ctx.services(), &g, &f.email, ctx.locale).await {
        Ok(()) => {}
        Err(AppError::Validation(e)) => {
            return conversation_page(&ctx, &token, &g, &c, None, "", &e).await;
        }
        Err(other) => return Err(other.into()),
    }
    ctx.session.flash(if f.email.trim().is_empty() {
        "counselling-guest-email-removed"
    } else {
        "counselling-guest-email-saved"
    });
    ctx.redirect(&base(&token))
}

/// The guest's copy of the conversation (Art. 20): a ZIP file with the messages as JSON and
/// their attachments ([`crate::guest_copy`]).
#[handler]
pub async fn export(ctx: Ctx, req: &Request, Path(token): Path<String>) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    let (_, c) = match signed_in(&ctx, req, &token).await? {
        Ok(x) => x,
        Err(resp) => return Ok(resp),
    };
    let zip = crate::guest_copy::of(ctx.services(), &c).await?;
    Ok(Response::builder()
        .status(StatusCode::OK)
        .content_type("application/zip")
        .header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", crate::guest_copy::FILE_NAME),
        )
        .header("x-content-type-options", "nosniff")
        .body(zip))
}

/// The confirmation before deleting.
#[handler]
pub async fn delete_form(ctx: Ctx, req: &Request, Path(token): Path<String>) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    match signed_in(&ctx, req, &token).await? {
        Ok(_) => {
            render(
                &ctx,
                StatusCode::OK,
                "counselling/guest_delete.html",
                &token,
                &FieldErrors::new(),
                context! {},
            )
            .await
        }
        Err(resp) => Ok(resp),
    }
}

/// Deletes the conversation and everything about the guest at once (Art. 17).
#[handler]
pub async fn delete_submit(ctx: Ctx, req: &Request, Path(token): Path<String>) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    let (_, c) = match signed_in(&ctx, req, &token).await? {
        Ok(x) => x,
        Err(resp) => return Ok(resp),
    };
    let mut uow = hih_db::UnitOfWork::begin(ctx.services(), &service::guest_actor()).await?;
    service::erase(&mut uow, c).await?;
    uow.commit().await?;
    let mut resp = ctx
        .render(
            "counselling/guest_deleted.html",
            context! { user => (), nav => no_nav(), public_page => true },
        )
        .await?;
    set_cookie(&ctx, &mut resp, None);
    Ok(resp)
}

/// Signs the guest out.
#[handler]
pub async fn logout(ctx: Ctx, req: &Request, Path(token): Path<String>) -> WebResult {
    let ctx = in_guest_language(ctx, req);
    if let Some(t) = read_cookie(&ctx, req) {
        service::end_session(ctx.services(), &t).await?;
    }
    let mut resp = ctx.redirect(&base(&token))?;
    set_cookie(&ctx, &mut resp, None);
    Ok(resp)
}

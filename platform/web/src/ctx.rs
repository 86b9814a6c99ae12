//! The request context handlers receive, rendering, redirects and typed web errors.

use std::collections::BTreeMap;

use hih_db::access::{AccessAction, AccessEvent};
use hih_i18n::{Locale, TextArg};
use hih_kernel::{Actor, AppError, FieldErrors, NavEntry, NavGroup, Services};
use minijinja::value::Serde;
use minijinja::{Value, context};
use poem::http::{StatusCode, header};
use poem::{FromRequest, Request, RequestBody, Response};
use serde::Serialize;

use crate::middleware::RequestMeta;
use crate::{AppState, Session};

/// An [`AppError`] travelling through poem; the core middleware renders it as a German page.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WebError(pub AppError);

impl poem::error::ResponseError for WebError {
    fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        WebError(e)
    }
}

impl From<sea_orm::DbErr> for WebError {
    fn from(e: sea_orm::DbErr) -> Self {
        WebError(AppError::from(e))
    }
}

/// Result type of handlers.
pub type WebResult<T = Response> = Result<T, WebError>;

/// What every handler gets: state, session, actor, locale, request path.
#[derive(Clone)]
pub struct Ctx {
    /// Shared state.
    pub state: AppState,
    /// The session.
    pub session: Session,
    /// Who is acting.
    pub actor: Actor,
    /// UI language.
    pub locale: Locale,
    /// Request path (for navigation and the access log).
    pub path: String,
    /// Client address (rate limits).
    pub remote: Option<std::net::IpAddr>,
}

impl<'a> FromRequest<'a> for Ctx {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        let state = req
            .extensions()
            .get::<AppState>()
            .cloned()
            .ok_or_else(|| WebError(AppError::Internal("state missing".into())))?;
        let session = req
            .extensions()
            .get::<Session>()
            .cloned()
            .ok_or_else(|| WebError(AppError::Internal("session missing".into())))?;
        let actor = req
            .extensions()
            .get::<Actor>()
            .cloned()
            .unwrap_or_else(Actor::anonymous);
        let meta = req.extensions().get::<RequestMeta>().cloned();
        // Staff pages exist in German and English: a guest language chosen before logging
        // in shows staff pages in English.
        let locale = if actor.as_user().is_some() {
            session.locale().for_staff()
        } else {
            session.locale()
        };
        Ok(Ctx {
            locale,
            state,
            session,
            actor,
            // The full path also inside a nested endpoint (the REST API under `/api/v1`).
            path: meta
                .as_ref()
                .map(|m| m.path.clone())
                .unwrap_or_else(|| req.uri().path().to_string()),
            remote: meta.and_then(|m| m.remote),
        })
    }
}

/// One translated validation message for the error summary.
#[derive(Debug, Serialize)]
struct SummaryItem {
    field: String,
    message: String,
}

/// Translates field errors into `{by_field: {field: [msg]}, summary: [{field, message}]}` for
/// the form macros.
pub fn form_errors(services: &Services, locale: Locale, errors: &FieldErrors) -> Value {
    let mut by_field: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut summary = Vec::new();
    for e in &errors.0 {
        let args: Vec<(&str, TextArg)> = e
            .args
            .iter()
            .map(|(k, v)| (k.as_str(), TextArg::Str(v.clone())))
            .collect();
        let message = services.texts.t(locale, &e.key, &args);
        by_field
            .entry(e.field.clone())
            .or_default()
            .push(message.clone());
        summary.push(SummaryItem {
            field: e.field.clone(),
            message,
        });
    }
    context! { by_field => Serde(by_field), summary => Serde(summary), any => !errors.is_empty() }
}

impl Ctx {
    /// The shared services.
    pub fn services(&self) -> &Services {
        &self.state.services
    }

    /// A text in the request's language.
    pub fn t(&self, key: &str) -> String {
        self.state.services.texts.t(self.locale, key, &[])
    }

    /// The logged-in user's id or an error (routes behind the guard always have one).
    pub fn user_id(&self) -> WebResult<i64> {
        self.actor
            .user_id()
            .ok_or(WebError(AppError::Unauthenticated))
    }

    /// Translated field errors for a form.
    pub fn errors(&self, errors: &FieldErrors) -> Value {
        form_errors(self.services(), self.locale, errors)
    }

    /// Renders a page template inside the layout with the common context (language, user,
    /// navigation, CSRF token, flash messages).
    pub async fn render(&self, template: &str, page: Value) -> WebResult {
        self.render_status(StatusCode::OK, template, page).await
    }

    /// Like [`Ctx::render`] with a status (e.g. 422 for a form with errors).
    pub async fn render_status(
        &self,
        status: StatusCode,
        template: &str,
        page: Value,
    ) -> WebResult {
        if let Err(error) = self.state.refresh_texts(false).await {
            tracing::warn!(%error, "text overrides not refreshed");
        }
        let unread = self.unread().await;
        let base = base_context(
            &self.state,
            &self.session,
            &self.actor,
            self.locale,
            &self.path,
            unread,
        );
        let ctx = context! { ..page, ..base };
        let html = self.state.templates.render(template, ctx).map_err(|e| {
            tracing::error!(template, error = %e, detail = ?e, "template failed");
            WebError(AppError::Internal(format!("template {template}: {e}")))
        })?;
        Ok(Response::builder()
            .status(status)
            .content_type("text/html; charset=utf-8")
            .body(html))
    }

    /// The logged-in user's unread notifications for the bell (one indexed `COUNT`); `None`
    /// for anonymous visitors or when the count fails (the page still renders).
    async fn unread(&self) -> Option<u64> {
        let id = self.actor.user_id()?;
        match hih_notify::unread_count(&self.services().db, id).await {
            Ok(n) => Some(n),
            Err(error) => {
                tracing::warn!(%error, "unread count failed");
                None
            }
        }
    }

    /// Renders a form page: adds the translated `errors` to the context and answers 422 when
    /// there are any, 200 otherwise.
    pub async fn render_form(
        &self,
        template: &str,
        errors: &FieldErrors,
        page: Value,
    ) -> WebResult {
        let status = if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        let page = context! { errors => self.errors(errors), ..page };
        self.render_status(status, template, page).await
    }

    /// `303 See Other` to a local path (POST-redirect-GET).
    pub fn redirect(&self, to: &str) -> WebResult {
        Ok(redirect(to))
    }

    /// Writes an access-log entry (view, search, export, denied); failures are logged, never
    /// shown, and never block the request. Entries of anonymous callers (invalid links,
    /// failed logins, public downloads) carry the client address as `addr` in the detail, so
    /// the misuse detection (R-SEC-1) can tell addresses apart.
    pub async fn log_access(
        &self,
        action: AccessAction,
        entity: &str,
        entity_id: Option<String>,
        detail: serde_json::Value,
        count: Option<i64>,
    ) {
        let mut detail = detail;
        if self.actor.as_user().is_none()
            && let Some(addr) = self.remote
        {
            match &mut detail {
                serde_json::Value::Object(map) => {
                    map.insert("addr".into(), addr.to_string().into());
                }
                serde_json::Value::Null => {
                    detail = serde_json::json!({ "addr": addr.to_string() });
                }
                _ => {}
            }
        }
        let path = crate::mask_path(&self.path);
        let event = AccessEvent {
            action,
            entity,
            entity_id,
            detail,
            result_count: count,
            path: &path,
        };
        if let Err(error) = self.state.record_access(&self.actor, event).await {
            tracing::error!(%error, "access log write failed");
        }
    }

    /// Logs that the caller viewed one record (R-AUD-2): the detail pages and API reads.
    pub async fn log_view(&self, entity: &str, id: impl ToString) {
        self.log_access(
            AccessAction::View,
            entity,
            Some(id.to_string()),
            serde_json::Value::Null,
            None,
        )
        .await;
    }

    /// Logs a denied attempt and answers 404 (R-ACT-2: existence does not leak).
    pub async fn not_found_in_scope(&self, entity: &str, id: &str) -> WebError {
        self.log_access(
            AccessAction::Denied,
            entity,
            Some(id.to_string()),
            serde_json::Value::Null,
            None,
        )
        .await;
        WebError(AppError::NotFound)
    }
}

/// `303 See Other` to a local path. Anything that is not a plain local path goes to `/`.
pub fn redirect(to: &str) -> Response {
    let safe = if hih_kernel::is_local_path(to) {
        to
    } else {
        "/"
    };
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, safe)
        .finish()
}

#[derive(Serialize)]
struct NavItem {
    label_key: &'static str,
    href: &'static str,
    current: bool,
}

/// One language of the guest pages' switch.
#[derive(Serialize)]
struct LangChoice {
    code: &'static str,
    name: &'static str,
    current: bool,
}

/// One task group of the navigation with the entries the actor may use.
#[derive(Serialize)]
struct NavGroupItems {
    group: NavGroup,
    label_key: &'static str,
    /// Holds the current page.
    current: bool,
    items: Vec<NavItem>,
}

/// The navigation the layout shows: the start link, the task groups (registry order, each
/// group's entries by their order) and the user menu's own pages.
#[derive(Serialize, Default)]
struct Nav {
    start: Vec<NavItem>,
    groups: Vec<NavGroupItems>,
    account: Vec<NavItem>,
}

/// Whether `href` is the current page or a page below it.
fn is_current(href: &str, path: &str) -> bool {
    if href == "/" {
        path == "/"
    } else {
        path == href || path.starts_with(&format!("{href}/"))
    }
}

/// Groups the navigation entries `actor` may use by task; the current entry is the longest
/// matching target, so `/bewerber/registrierungen` does not also mark `/bewerber`.
fn nav_for(entries: &[NavEntry], actor: &Actor, path: &str) -> Nav {
    let visible: Vec<&NavEntry> = entries
        .iter()
        .filter(|n| n.permission.is_none_or(|p| p.allows(actor)))
        .collect();
    let current_href = visible
        .iter()
        .filter(|n| is_current(n.href, path))
        .map(|n| n.href)
        .max_by_key(|h| h.len());
    let item = |n: &NavEntry| NavItem {
        label_key: n.label_key,
        href: n.href,
        current: current_href == Some(n.href),
    };
    let mut nav = Nav::default();
    let mut sorted = visible;
    sorted.sort_by_key(|n| (n.group, n.order));
    for n in sorted {
        match n.group {
            NavGroup::Start => nav.start.push(item(n)),
            NavGroup::Account => nav.account.push(item(n)),
            group => {
                let entry = item(n);
                match nav.groups.last_mut() {
                    Some(last) if last.group == group => {
                        last.current |= entry.current;
                        last.items.push(entry);
                    }
                    _ => nav.groups.push(NavGroupItems {
                        group,
                        label_key: group.label_key(),
                        current: entry.current,
                        items: vec![entry],
                    }),
                }
            }
        }
    }
    nav
}

/// The context every page shares; `unread` is the bell's count (`None`: no bell).
pub(crate) fn base_context(
    state: &AppState,
    session: &Session,
    actor: &Actor,
    locale: Locale,
    path: &str,
    unread: Option<u64>,
) -> Value {
    let user = actor.as_user().map(|u| {
        context! {
            display_name => u.display_name.clone(),
            username => u.username.clone(),
            role_key => u.role.label_key(),
        }
    });
    let nav = if user.is_some() {
        nav_for(&state.nav, actor, path)
    } else {
        Nav::default()
    };
    let other_lang = match locale.for_staff() {
        Locale::De => Locale::En,
        _ => Locale::De,
    }
    .code();
    // The guest pages' language switch offers every guest language in its own name.
    let guest_langs: Vec<LangChoice> = Locale::GUEST
        .iter()
        .map(|l| LangChoice {
            code: l.code(),
            name: l.native_name(),
            current: *l == locale,
        })
        .collect();
    let user_signed_in = user.is_some();
    let brand_name = state.product_name(locale);
    context! {
        brand_name => brand_name,
        brand_logo_url => state.branding.logo_url(),
        brand_css_url => state.branding.css_url(),
        lang => locale.code(),
        other_lang => other_lang,
        guest_langs => Serde(guest_langs),
        // An anonymous visitor in a guest language gets the guest switch on every page.
        guest_switch => !user_signed_in && !locale.is_staff(),
        user => user,
        nav => Serde(nav),
        csrf_token => session.csrf_token(),
        flash => Serde(session.take_flash()),
        path => path,
        // The bell (R-NOT-1): the unread count of a logged-in user, `None` hides it.
        unread => unread,
        // When the session ends without activity (WCAG 2.2.1), for logged-in users.
        session_ends => user_signed_in.then(|| session.ends_at().map(crate::iso)).flatten(),
    }
}

//! The request pipeline (one place, in order): request id + span, session, actor, CSRF,
//! handler, German error pages, session persist + cookie, security headers.

use std::sync::Arc;

use hih_kernel::{Access, Actor, AppError};
use poem::endpoint::BoxEndpoint;
use poem::http::{HeaderValue, Method, StatusCode, header};
use poem::{Endpoint, EndpointExt, IntoResponse, Request, Response};
use tracing::Instrument;

use crate::ctx::{WebError, base_context, redirect};
use crate::session::SessionStage;
use crate::{AppState, Session};

/// Facts about the request the handlers may need.
#[derive(Clone, Debug)]
pub struct RequestMeta {
    /// Request id (also in the logs and the `X-Request-Id` header).
    pub request_id: String,
    /// Client address.
    pub remote: Option<std::net::IpAddr>,
    /// The request's full path, also inside a nested endpoint (the REST API under `/api/v1`
    /// sees only its own part of the URI).
    pub path: String,
}

use crate::upload::{MAX_BODY, Truncated, read_capped};

fn cookie_name(state: &AppState) -> &'static str {
    if state.services.settings.security.tls {
        "__Host-hih_session"
    } else {
        "hih_session"
    }
}

fn read_cookie(req: &Request, name: &str) -> Option<String> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn set_cookie(resp: &mut Response, state: &AppState, value: Option<&str>) {
    let secure = if state.services.settings.security.tls {
        "; Secure"
    } else {
        ""
    };
    let name = cookie_name(state);
    let cookie = match value {
        Some(v) => format!("{name}={v}; Path=/; HttpOnly; SameSite=Lax{secure}"),
        None => format!("{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}"),
    };
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// The content security policy of every page that sets none of its own.
pub(crate) const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// The features no page may use unless it says so: no camera, microphone, location, payment.
pub(crate) const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), payment=()";

/// Security headers on every response (R-NFR-6).
fn security_headers(resp: &mut Response, state: &AppState, is_static: bool) {
    let h = resp.headers_mut();
    let set = |h: &mut poem::http::HeaderMap, k: &'static str, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    // A page that brings its own policy (Swagger UI: hashes of its inline script; a form that
    // records audio, crate::upload::allow_recording) keeps it.
    if !h.contains_key("content-security-policy") {
        set(h, "content-security-policy", CSP);
    }
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "DENY");
    set(h, "referrer-policy", "same-origin");
    set(h, "cross-origin-opener-policy", "same-origin");
    if !h.contains_key("permissions-policy") {
        set(h, "permissions-policy", PERMISSIONS);
    }
    if state.services.settings.security.tls {
        set(
            h,
            "strict-transport-security",
            "max-age=31536000; includeSubDomains",
        );
    }
    if !is_static {
        set(h, "cache-control", "no-store");
        set(h, "pragma", "no-cache");
    }
}

/// Finds `csrf_token` in a urlencoded or multipart body.
fn csrf_from_body(content_type: &str, body: &[u8]) -> Option<String> {
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).ok()?;
        return pairs
            .into_iter()
            .find(|(k, _)| k == "csrf_token")
            .map(|(_, v)| v);
    }
    if content_type.starts_with("multipart/form-data") {
        let marker = b"name=\"csrf_token\"";
        let pos = body.windows(marker.len()).position(|w| w == marker)?;
        let rest = &body[pos..];
        let start = rest.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
        let value = &rest[start..];
        let end = value.windows(2).position(|w| w == b"\r\n")?;
        return String::from_utf8(value[..end].to_vec()).ok();
    }
    None
}

/// Checks the CSRF token of an unsafe request (header `X-CSRF-Token`, or the form field).
/// A multipart body larger than [`MAX_BODY`] keeps its beginning (where the token is) and is
/// marked [`Truncated`], so that its form reports the file as too large next to its field.
pub(crate) async fn check_csrf(req: &mut Request, session: &Session) -> Result<(), AppError> {
    if let Some(h) = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
    {
        return if session.csrf_matches(h) {
            Ok(())
        } else {
            Err(AppError::Csrf)
        };
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let capped = read_capped(req.take_body(), MAX_BODY)
        .await
        .map_err(|_| AppError::Refused("error-upload-too-large".into()))?;
    if capped.cut {
        if !content_type.starts_with("multipart/form-data") {
            return Err(AppError::Refused("error-upload-too-large".into()));
        }
        req.extensions_mut().insert(Truncated);
    }
    let token = csrf_from_body(&content_type, &capped.bytes);
    req.set_body(capped.bytes);
    match token {
        Some(t) if session.csrf_matches(&t) => Ok(()),
        _ => Err(AppError::Csrf),
    }
}

/// Whether urlencoded text (a query string or a form body) carries a NUL character, raw or
/// percent-encoded.
pub(crate) fn has_nul(urlencoded: &[u8]) -> bool {
    urlencoded.contains(&0)
        || urlencoded
            .windows(3)
            .any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0')
}

/// Refuses a request whose query or urlencoded form body carries a NUL character (R-NFR-6):
/// no text field may hold one (PostgreSQL refuses NUL in text), and no search may send one to
/// the database. Other control characters and lengths are checked per field by each form.
async fn refuse_nul(req: &mut Request) -> Result<(), AppError> {
    let refused = || AppError::Refused("error-bad-input".into());
    if req.uri().query().is_some_and(|q| has_nul(q.as_bytes())) {
        return Err(refused());
    }
    let urlencoded = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !urlencoded {
        return Ok(());
    }
    let body = req
        .take_body()
        .into_bytes_limit(MAX_BODY)
        .await
        .map_err(|_| AppError::Refused("error-bad-request".into()))?;
    let nul = has_nul(&body);
    req.set_body(body);
    if nul { Err(refused()) } else { Ok(()) }
}

async fn resolve_actor(state: &AppState, session: &Session) -> Result<Actor, AppError> {
    if session.stage() != SessionStage::Authenticated {
        return Ok(Actor::anonymous());
    }
    let (Some(uid), Some(resolver)) = (session.user_id(), state.actor_resolver.as_ref()) else {
        return Ok(Actor::anonymous());
    };
    match resolver.resolve(&state.services, uid).await? {
        Some(actor) => Ok(actor),
        None => {
            // Account deleted or deactivated meanwhile: end the session.
            session.destroy();
            Ok(Actor::anonymous())
        }
    }
}

/// Renders an error as a German page (details are logged, never shown).
pub(crate) fn error_page(
    state: &AppState,
    session: &Session,
    actor: &Actor,
    path: &str,
    error: &AppError,
) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if status.is_server_error() {
        tracing::error!(%error, "request failed");
    }
    let locale = session.locale();
    // Error pages show no bell: no extra query while something already failed.
    let base = base_context(state, session, actor, locale, path, None);
    let ctx = minijinja::context! { ..minijinja::context! {
        status => status.as_u16(),
        message_key => error.text_key(),
    }, ..base };
    let body = state
        .templates
        .render("platform/error.html", ctx)
        .unwrap_or_else(|e| {
            tracing::error!(error = %e, "error template failed");
            status.to_string()
        });
    Response::builder()
        .status(status)
        .content_type("text/html; charset=utf-8")
        .body(body)
}

fn to_app_error(e: &poem::Error) -> AppError {
    if let Some(w) = e.downcast_ref::<WebError>() {
        return match &w.0 {
            AppError::Validation(f) => AppError::Validation(f.clone()),
            AppError::Refused(k) => AppError::Refused(k.clone()),
            AppError::Database(d) => AppError::Database(d.clone()),
            AppError::Storage(d) => AppError::Storage(d.clone()),
            AppError::Internal(d) => AppError::Internal(d.clone()),
            AppError::NotFound => AppError::NotFound,
            AppError::Forbidden => AppError::Forbidden,
            AppError::Unauthenticated => AppError::Unauthenticated,
            AppError::Csrf => AppError::Csrf,
            AppError::RateLimited => AppError::RateLimited,
            AppError::Conflict => AppError::Conflict,
        };
    }
    // A path that does not parse (`/bewerber/abc` where an id belongs) names no record.
    if e.is::<poem::error::ParsePathError>() {
        return AppError::NotFound;
    }
    match e.status() {
        StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED => AppError::NotFound,
        StatusCode::BAD_REQUEST
        | StatusCode::UNPROCESSABLE_ENTITY
        | StatusCode::PAYLOAD_TOO_LARGE => AppError::Refused("error-bad-request".into()),
        _ => AppError::Internal(e.to_string()),
    }
}

/// Paths whose next segment is the secret token of a link (single-use links and the
/// expiring partner-file downloads).
const TOKEN_PREFIXES: [&str; 5] = [
    "/registrierung/",
    "/beratung/gast/",
    "/konto/einrichten/",
    "/passwort/zuruecksetzen/",
    "/download/",
];

/// The request path as it may appear in logs, traces and the access log: the token segment of
/// links (self-registration, account setup, password reset, partner downloads, counselling guests) is replaced by `***`,
/// so a link never leaks through the logs.
pub fn mask_path(path: &str) -> String {
    for prefix in TOKEN_PREFIXES {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.find('/').map(|i| &rest[i..]).unwrap_or("");
            return format!("{prefix}***{tail}");
        }
    }
    path.to_string()
}

/// Writes a request that ended in a server error (5xx) to the access log as action `error`
/// with its request id, method and status, so the error view lists it (R-AUD-1); the details
/// are in the trace under the same request id. A failed write is only traced.
async fn log_server_error(
    state: &AppState,
    actor: &Actor,
    request_id: &str,
    method: &Method,
    path: &str,
    status: StatusCode,
) {
    let detail = serde_json::json!({
        "request_id": request_id,
        "method": method.as_str(),
        "status": status.as_u16(),
    });
    let masked = mask_path(path);
    let event = hih_db::access::AccessEvent {
        action: hih_db::access::AccessAction::Error,
        entity: "request",
        entity_id: None,
        detail,
        result_count: None,
        path: &masked,
    };
    if let Err(error) = state.record_access(actor, event).await {
        tracing::error!(%error, "access log write failed");
    }
}

/// The local path (with query) of the page a request came from, if the `Referer` names this
/// application's own origin-relative page.
fn referer_path(req: &Request) -> Option<String> {
    let referer = req.headers().get(header::REFERER)?.to_str().ok()?;
    let uri: poem::http::Uri = referer.parse().ok()?;
    let host = req.headers().get(header::HOST)?.to_str().ok()?;
    if uri.authority().map(|a| a.as_str()) != Some(host) {
        return None;
    }
    let path = uri.path_and_query()?.as_str().to_string();
    (hih_kernel::is_local_path(&path) && !path.starts_with("/login")).then_some(path)
}

fn is_public_infra(path: &str) -> bool {
    path.starts_with("/static/")
        || path == "/healthz"
        || path == "/readyz"
        || path == crate::pwa::MANIFEST
        || path == crate::pwa::WORKER
}

async fn pipeline(
    ep: Arc<BoxEndpoint<'static>>,
    mut req: Request,
    state: AppState,
) -> poem::Result<Response> {
    let request_id = uuid::Uuid::new_v4().simple().to_string();
    let path = req.uri().path().to_string();
    let method = req.method().clone();
    let span = tracing::info_span!(
        "request",
        id = %request_id,
        method = %req.method(),
        path = %mask_path(&path)
    );
    async move {
        let forwarded: Vec<&str> = req
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        let remote = hih_kernel::client_addr(
            req.remote_addr().as_socket_addr().map(|a| a.ip()),
            &forwarded,
            &state.services.settings.security.trusted_proxies,
        );
        req.extensions_mut().insert(RequestMeta {
            request_id: request_id.clone(),
            remote,
            path: path.clone(),
        });
        req.extensions_mut().insert(state.clone());
        let is_static = is_public_infra(&path);
        let mut resp = if is_static {
            ep.call(req).await.unwrap_or_else(|e| e.into_response())
        } else {
            let now = state.services.clock.now();
            let token = read_cookie(&req, cookie_name(&state));
            let session = match Session::load(
                &state.services.db,
                token.as_deref(),
                now,
                &state.services.settings,
            )
            .await
            {
                Ok(s) => s,
                Err(e) => {
                    // The database cannot even be read (e.g. storage failure): the German
                    // error page without the session, which needs no database.
                    tracing::error!(error = %e, "session load failed");
                    let none = Session::detached(now, &state.services.settings);
                    return Ok(error_page(&state, &none, &Actor::anonymous(), &path, &e));
                }
            };
            let actor = match resolve_actor(&state, &session).await {
                Ok(a) => a,
                Err(e) => {
                    let empty = Actor::anonymous();
                    return Ok(error_page(&state, &session, &empty, &path, &e));
                }
            };
            if crate::api::gate::is_api(&path) {
                return Ok(finish_api(
                    &ep,
                    req,
                    &state,
                    &session,
                    actor,
                    (&request_id, &method, &path),
                )
                .await);
            }
            req.extensions_mut().insert(session.clone());
            req.extensions_mut().insert(actor.clone());
            let unsafe_method =
                !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
            if unsafe_method && session.expired() {
                // A form sent after the session timed out: to the login page with the notice,
                // and back to the page the form was on afterwards (its drafts are kept).
                if let Some(back) = referer_path(&req) {
                    session.set("_next", &back);
                }
                let mut resp = redirect("/login");
                if let Ok(Some(cookie)) = session.persist(&state.services.db).await {
                    set_cookie(&mut resp, &state, cookie.as_deref());
                }
                security_headers(&mut resp, &state, false);
                return Ok(resp);
            }
            let csrf = if unsafe_method {
                check_csrf(&mut req, &session).await
            } else {
                Ok(())
            };
            let csrf = match csrf {
                Ok(()) => refuse_nul(&mut req).await,
                refused => refused,
            };
            let mut resp = match csrf {
                Err(e) => {
                    tracing::warn!("csrf check failed");
                    error_page(&state, &session, &actor, &path, &e)
                }
                Ok(()) => match ep.call(req).await {
                    Ok(r) => r,
                    Err(e) => error_page(&state, &session, &actor, &path, &to_app_error(&e)),
                },
            };
            match session.persist(&state.services.db).await {
                Ok(Some(cookie)) => set_cookie(&mut resp, &state, cookie.as_deref()),
                Ok(None) => {}
                Err(e) => {
                    tracing::error!(error = %e, "session persist failed");
                    resp = error_page(&state, &session, &actor, &path, &e);
                }
            }
            if resp.status().is_server_error() {
                log_server_error(&state, &actor, &request_id, &method, &path, resp.status()).await;
            }
            resp
        };
        security_headers(&mut resp, &state, path.starts_with("/static/"));
        if let Ok(v) = HeaderValue::from_str(&request_id) {
            resp.headers_mut().insert("x-request-id", v);
        }
        tracing::debug!(status = resp.status().as_u16(), "done");
        Ok(resp)
    }
    .instrument(span)
    .await
}

/// An API request (`/api/…`) through the API's part of the pipeline; the session is kept
/// only when it carried the request (a token's request has none), server errors are logged
/// like the pages', and the common headers are added.
async fn finish_api(
    ep: &BoxEndpoint<'static>,
    req: Request,
    state: &AppState,
    session: &Session,
    actor: Actor,
    (request_id, method, path): (&str, &Method, &str),
) -> Response {
    let served = crate::api::gate::serve(ep, req, state, session, actor).await;
    let mut resp = served.response;
    if served.caller.by_session {
        match session.persist(&state.services.db).await {
            Ok(Some(cookie)) => set_cookie(&mut resp, state, cookie.as_deref()),
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e, "session persist failed");
                resp = crate::api::ApiError::from_app(&state.services, session.locale(), &e)
                    .into_response();
            }
        }
    }
    if resp.status().is_server_error() {
        log_server_error(
            state,
            &served.caller.actor,
            request_id,
            method,
            path,
            resp.status(),
        )
        .await;
    }
    security_headers(&mut resp, state, false);
    if let Ok(v) = HeaderValue::from_str(request_id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    resp
}

/// Request counts and latencies by route pattern (`/unternehmen/:id`, never the raw path) for
/// `/metrics` (R-OPS-1): `hih_http_requests_total{method,route,status}` and
/// `hih_http_request_duration_seconds{method,route}`. One per application; the pipeline puts
/// it into every request's extensions, where the metrics endpoint finds it.
#[derive(Clone)]
pub struct RequestMetrics {
    registry: prometheus::Registry,
    requests: prometheus::IntCounterVec,
    duration: prometheus::HistogramVec,
}

/// The route label of a request that matched no route.
pub const UNMATCHED_ROUTE: &str = "(unmatched)";

impl RequestMetrics {
    /// Empty counters and histograms in a registry of their own.
    pub fn new() -> Result<Self, prometheus::Error> {
        let registry = prometheus::Registry::new();
        let requests = prometheus::IntCounterVec::new(
            prometheus::Opts::new(
                "hih_http_requests_total",
                "HTTP requests by method, route pattern and status code.",
            ),
            &["method", "route", "status"],
        )?;
        let duration = prometheus::HistogramVec::new(
            prometheus::HistogramOpts::new(
                "hih_http_request_duration_seconds",
                "Time from receiving a request to its response, by method and route pattern.",
            ),
            &["method", "route"],
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(duration.clone()))?;
        Ok(RequestMetrics {
            registry,
            requests,
            duration,
        })
    }

    /// Counts one request.
    pub fn observe(&self, method: &Method, route: &str, status: StatusCode, seconds: f64) {
        let method = match *method {
            Method::GET => "GET",
            Method::HEAD => "HEAD",
            Method::POST => "POST",
            Method::PUT => "PUT",
            Method::DELETE => "DELETE",
            Method::PATCH => "PATCH",
            Method::OPTIONS => "OPTIONS",
            _ => "OTHER",
        };
        self.requests
            .with_label_values(&[method, route, status.as_str()])
            .inc();
        self.duration
            .with_label_values(&[method, route])
            .observe(seconds);
    }

    /// The current values, for the text encoder.
    pub fn gather(&self) -> Vec<prometheus::proto::MetricFamily> {
        self.registry.gather()
    }
}

/// Where the route layer leaves the pattern the request matched, for the metrics.
#[derive(Clone, Default)]
struct RouteSlot(Arc<std::sync::OnceLock<Arc<str>>>);

/// Notes the route pattern poem matched (its `PathPattern`, on the response or the error).
fn remember_route(ep: BoxEndpoint<'static>) -> BoxEndpoint<'static> {
    ep.around(|ep, req| async move {
        let slot = req.extensions().get::<RouteSlot>().cloned();
        let result = ep.call(req).await;
        let pattern = match &result {
            Ok(resp) => resp.data::<poem::PathPattern>(),
            Err(e) => e.data::<poem::PathPattern>(),
        };
        if let (Some(slot), Some(pattern)) = (slot, pattern) {
            let _ = slot.0.set(pattern.0.clone());
        }
        result
    })
    .boxed()
}

/// Wraps the whole route tree in the pipeline, and counts every request by route pattern.
pub(crate) fn wrap(ep: BoxEndpoint<'static>, state: AppState) -> BoxEndpoint<'static> {
    let ep = Arc::new(remember_route(ep));
    let metrics = match RequestMetrics::new() {
        Ok(m) => Some(m),
        Err(error) => {
            tracing::error!(%error, "request metrics unavailable");
            None
        }
    };
    poem::endpoint::make(move |mut req: Request| {
        let (ep, state, metrics) = (ep.clone(), state.clone(), metrics.clone());
        async move {
            let started = std::time::Instant::now();
            let method = req.method().clone();
            let slot = RouteSlot::default();
            req.extensions_mut().insert(slot.clone());
            if let Some(m) = &metrics {
                req.extensions_mut().insert(m.clone());
            }
            let result = pipeline(ep, req, state).await;
            if let Some(m) = &metrics {
                let status = match &result {
                    Ok(resp) => resp.status(),
                    Err(e) => e.status(),
                };
                let route = slot.0.get().map(|p| &**p).unwrap_or(UNMATCHED_ROUTE);
                m.observe(&method, route, status, started.elapsed().as_secs_f64());
            }
            result
        }
    })
    .boxed()
}

/// Applies a route's [`Access`]: anonymous users are sent to the login page, users without the
/// permission get 403 and an access-log entry.
pub(crate) fn guard(ep: BoxEndpoint<'static>, access: Access) -> BoxEndpoint<'static> {
    match access {
        Access::Public => ep,
        // The `/api/` pipeline has authenticated the caller (token or session) already; this
        // refuses anyone else, should an API route ever be reached another way.
        Access::Api => ep
            .around(|ep, req| async move {
                let known = req
                    .extensions()
                    .get::<Actor>()
                    .is_some_and(|a| a.as_user().is_some());
                if !known {
                    return Err(WebError(AppError::Unauthenticated).into());
                }
                ep.call(req).await.map(IntoResponse::into_response)
            })
            .boxed(),
        Access::Authenticated | Access::Permission(_) => ep
            .around(move |ep, req| async move {
                let actor = req
                    .extensions()
                    .get::<Actor>()
                    .cloned()
                    .unwrap_or_else(Actor::anonymous);
                if actor.as_user().is_none() {
                    let next = req
                        .uri()
                        .path_and_query()
                        .map(|p| p.as_str().to_string())
                        .unwrap_or_default();
                    let target = if *req.method() == Method::GET {
                        format!("/login?next={}", url_escape(&next))
                    } else {
                        "/login".to_string()
                    };
                    return Ok(redirect(&target));
                }
                if let Access::Permission(p) = access
                    && !p.allows(&actor)
                {
                    if let Some(state) = req.extensions().get::<AppState>() {
                        let event = hih_db::access::AccessEvent {
                            action: hih_db::access::AccessAction::Denied,
                            entity: "route",
                            entity_id: None,
                            detail: serde_json::json!({ "permission": p.key }),
                            result_count: None,
                            path: &mask_path(req.uri().path()),
                        };
                        if let Err(error) = state.record_access(&actor, event).await {
                            tracing::error!(%error, "access log write failed");
                        }
                    }
                    return Err(WebError(AppError::Forbidden).into());
                }
                ep.call(req).await.map(IntoResponse::into_response)
            })
            .boxed(),
    }
}

fn url_escape(s: &str) -> String {
    serde_urlencoded::to_string([("x", s)])
        .map(|e| e.trim_start_matches("x=").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_of_single_use_links_are_masked() {
        assert_eq!(
            mask_path("/registrierung/abcDEF123_-x/person"),
            "/registrierung/***/person"
        );
        assert_eq!(mask_path("/registrierung/abc"), "/registrierung/***");
        assert_eq!(mask_path("/download/geheim"), "/download/***");
        assert_eq!(
            mask_path("/konto/einrichten/geheim"),
            "/konto/einrichten/***"
        );
        assert_eq!(
            mask_path("/passwort/zuruecksetzen/geheim"),
            "/passwort/zuruecksetzen/***"
        );
        assert_eq!(mask_path("/bewerber/7"), "/bewerber/7");
    }

    #[test]
    fn nul_is_found_raw_and_encoded() {
        assert!(has_nul(b"q=a%00b"));
        assert!(has_nul(b"q=a\0b"));
        assert!(!has_nul(b"q=a%200b&x=%0A"));
    }

    #[test]
    fn csrf_token_is_found_in_both_body_kinds() {
        assert_eq!(
            csrf_from_body(
                "application/x-www-form-urlencoded",
                b"a=1&csrf_token=abc%2B&b=2"
            )
            .as_deref(),
            Some("abc+")
        );
        let multipart = b"--X\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\ntok123\r\n--X\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.csv\"\r\n\r\ndata\r\n--X--\r\n";
        assert_eq!(
            csrf_from_body("multipart/form-data; boundary=X", multipart).as_deref(),
            Some("tok123")
        );
        assert_eq!(csrf_from_body("application/json", b"{}"), None);
    }
}

//! The pipeline's part for `/api/…` (after the session is loaded): who calls — a personal API
//! token (`Authorization: Bearer …`, no CSRF, no session) or the browser session (CSRF token
//! in `X-CSRF-Token` for unsafe methods) — the read-only rule, the rate limit per token, the
//! body size limit, and every refusal as problem details, never an HTML page and never a 500
//! for input that does not parse.

use hih_db::access::{AccessAction, AccessEvent};
use hih_i18n::Locale;
use hih_kernel::{Actor, AppError};
use poem::endpoint::BoxEndpoint;
use poem::http::{Method, StatusCode, header};
use poem::{Endpoint, IntoResponse, Request, Response};

use super::problem::{ApiError, Kind, PROBLEM_JSON, problem, respond};
use crate::middleware::check_csrf;
use crate::{AppState, Session, WebError};

/// Whether a path belongs to the REST API.
pub(crate) fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

/// How the caller of one API request was authenticated.
pub(crate) struct Caller {
    /// The actor the request runs as.
    pub actor: Actor,
    /// Whether the browser session carried the request (then it is persisted as usual).
    pub by_session: bool,
}

/// The answer of one API request and who made it.
pub(crate) struct Served {
    /// The response.
    pub response: Response,
    /// Who called (anonymous if refused before).
    pub caller: Caller,
}

fn refuse(
    state: &AppState,
    locale: Locale,
    kind: Kind,
    key: &str,
    args: &[(String, String)],
) -> Response {
    respond(problem(&state.services, locale, kind, key, args))
}

fn anonymous(response: Response, by_session: bool) -> Served {
    Served {
        response,
        caller: Caller {
            actor: Actor::anonymous(),
            by_session,
        },
    }
}

/// The secret of an `Authorization` header: `Some(Ok(secret))` for `Bearer <secret>`,
/// `Some(Err(()))` for another scheme, `None` without the header.
fn bearer(req: &Request) -> Option<Result<String, ()>> {
    let value = req.headers().get(header::AUTHORIZATION)?;
    let text = value.to_str().map_err(|_| ());
    Some(text.and_then(|t| {
        let (scheme, secret) = t.trim().split_once(' ').ok_or(())?;
        let secret = secret.trim();
        if scheme.eq_ignore_ascii_case("bearer") && !secret.is_empty() {
            Ok(secret.to_string())
        } else {
            Err(())
        }
    }))
}

/// Writes a refused token to the access log (the misuse detection counts them); never the
/// secret.
async fn log_refused_token(state: &AppState, path: &str) {
    let event = AccessEvent {
        action: AccessAction::Denied,
        entity: "api_token",
        entity_id: None,
        detail: serde_json::json!({ "reason": "invalid-token" }),
        result_count: None,
        path,
    };
    if let Err(error) = state.record_access(&Actor::anonymous(), event).await {
        tracing::error!(%error, "access log write failed");
    }
}

/// Paths whose POST only reads, so read-only tokens may use it: the GraphQL endpoint (its
/// schema has no mutations).
const READ_BY_POST: &[&str] = &["/api/graphql"];

fn only_reads(path: &str) -> bool {
    READ_BY_POST.contains(&path)
}

/// Operations callable without a personal token or a session, because they carry their own
/// single-use credential and the operation limits its callers itself: the self-registration
/// intake (R-REG-4, an invitation token in the body) and its consent text. No CSRF check
/// applies (no cookie authenticates them); they run as an anonymous caller.
pub const PUBLIC: [(Method, &str); 2] = [
    (Method::POST, "/api/v1/registrations"),
    (Method::GET, "/api/v1/registrations/consent"),
];

fn is_public(req: &Request) -> bool {
    PUBLIC
        .iter()
        .any(|(m, p)| req.method() == m && req.uri().path() == *p)
}

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Reads the body within the size limit (413 beyond), so an operation never reads more.
async fn limited_body(req: &mut Request, max: usize) -> Result<Vec<u8>, ()> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > max) {
        return Err(());
    }
    let body = req
        .take_body()
        .into_bytes_limit(max)
        .await
        .map_err(|_| ())?;
    let copy = body.to_vec();
    req.set_body(body);
    Ok(copy)
}

/// Serves one API request: authenticates, applies the limits, runs the operation and turns
/// every error into problem details.
pub(crate) async fn serve(
    ep: &BoxEndpoint<'static>,
    mut req: Request,
    state: &AppState,
    session: &Session,
    session_actor: Actor,
) -> Served {
    let locale = session.locale();
    let unsafe_method = is_unsafe(req.method());
    let max = state.services.settings.api.max_body_bytes;
    let Ok(body) = limited_body(&mut req, max).await else {
        let args = [("max".to_string(), max.to_string())];
        return anonymous(
            refuse(state, locale, Kind::TooLarge, "api-detail-too-large", &args),
            false,
        );
    };
    // No parameter may carry a NUL character (PostgreSQL refuses it in text), as on the pages.
    if req
        .uri()
        .query()
        .is_some_and(|q| crate::middleware::has_nul(q.as_bytes()))
    {
        let args = [("name".to_string(), "query".to_string())];
        let r = refuse(
            state,
            locale,
            Kind::InvalidParameter,
            "api-detail-invalid-parameter",
            &args,
        );
        return anonymous(r, false);
    }
    let path = crate::mask_path(req.uri().path());
    let caller = match bearer(&req) {
        Some(token) => {
            // A malformed header is refused like an unknown token.
            let resolved = match (token, &state.actor_resolver) {
                (Ok(secret), Some(resolver)) => {
                    resolver.resolve_api_token(&state.services, &secret).await
                }
                _ => Ok(None),
            };
            let credential = match resolved {
                Ok(Some(c)) => c,
                Ok(None) => {
                    log_refused_token(state, &path).await;
                    let r = refuse(
                        state,
                        locale,
                        Kind::Unauthorized,
                        "api-detail-unauthorized",
                        &[],
                    );
                    return anonymous(r, false);
                }
                Err(e) => return anonymous(respond_app(state, locale, &e), false),
            };
            if credential.read_only && unsafe_method && !only_reads(req.uri().path()) {
                let r = refuse(
                    state,
                    locale,
                    Kind::ReadOnlyToken,
                    "api-detail-read-only",
                    &[],
                );
                return anonymous(r, false);
            }
            if !state
                .api_limiter
                .check_key(&format!("token:{}", credential.token_id))
            {
                let r = refuse(state, locale, Kind::RateLimited, "error-rate-limited", &[]);
                return anonymous(r, false);
            }
            let now = state.services.clock.now();
            req.extensions_mut()
                .insert(Session::detached(now, &state.services.settings));
            Caller {
                actor: credential.actor,
                by_session: false,
            }
        }
        None if is_public(&req) => {
            let now = state.services.clock.now();
            req.extensions_mut()
                .insert(Session::detached(now, &state.services.settings));
            Caller {
                actor: Actor::anonymous(),
                by_session: false,
            }
        }
        None => {
            if unsafe_method && check_csrf(&mut req, session).await.is_err() {
                tracing::warn!("csrf check failed");
                return anonymous(refuse(state, locale, Kind::Csrf, "error-csrf", &[]), true);
            }
            let Some(user) = session_actor.user_id() else {
                return anonymous(login_needed(state, locale, &req), true);
            };
            if !state.api_limiter.check_key(&format!("user:{user}")) {
                let r = refuse(state, locale, Kind::RateLimited, "error-rate-limited", &[]);
                return anonymous(r, true);
            }
            req.extensions_mut().insert(session.clone());
            Caller {
                actor: session_actor,
                by_session: true,
            }
        }
    };
    req.extensions_mut().insert(caller.actor.clone());
    let result = ep.call(req).await;
    let response = finish(state, locale, result, &body);
    Served { response, caller }
}

/// Anonymous: a browser asking for a page (Swagger UI) goes to the login page, everything
/// else gets 401.
fn login_needed(state: &AppState, locale: Locale, req: &Request) -> Response {
    let wants_html = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if wants_html && *req.method() == Method::GET {
        let next = req.uri().path();
        return crate::redirect(&format!("/login?next={}", next.replace('&', "%26")));
    }
    refuse(
        state,
        locale,
        Kind::Unauthorized,
        "api-detail-unauthorized",
        &[],
    )
}

fn respond_app(state: &AppState, locale: Locale, error: &AppError) -> Response {
    ApiError::from_app(&state.services, locale, error).into_response()
}

/// The problem for an error the operation did not answer itself: input that did not parse
/// (400 for a body that is not JSON or a bad parameter, 422 for JSON that does not fit,
/// 415 for another media type), a path or method that does not exist, a refusal of the
/// shared services.
fn finish(
    state: &AppState,
    locale: Locale,
    result: poem::Result<Response>,
    body: &[u8],
) -> Response {
    let error = match result {
        Ok(resp) => return problem_for_plain(state, locale, resp),
        Err(e) => e,
    };
    if let Some(w) = error.downcast_ref::<WebError>() {
        return respond_app(state, locale, &w.0);
    }
    if error.is::<poem_openapi::error::ParseRequestPayloadError>() {
        let is_json = serde_json::from_slice::<serde_json::Value>(body).is_ok();
        return if is_json {
            refuse(
                state,
                locale,
                Kind::InvalidBody,
                "api-detail-invalid-body",
                &[],
            )
        } else {
            refuse(
                state,
                locale,
                Kind::MalformedJson,
                "api-detail-malformed-json",
                &[],
            )
        };
    }
    if let Some(p) = error.downcast_ref::<poem_openapi::error::ParseParamError>() {
        let args = [("name".to_string(), p.name.to_string())];
        return refuse(
            state,
            locale,
            Kind::InvalidParameter,
            "api-detail-invalid-parameter",
            &args,
        );
    }
    if error.is::<poem_openapi::error::ParsePathError>() {
        // A path that does not parse (`/companies/abc`) names no record, as on the pages.
        return refuse(state, locale, Kind::NotFound, "error-not-found", &[]);
    }
    if error.is::<poem_openapi::error::ContentTypeError>() {
        return refuse(
            state,
            locale,
            Kind::UnsupportedMediaType,
            "api-detail-media-type",
            &[],
        );
    }
    problem_for_plain(state, locale, error.into_response())
}

/// GraphQL's answers (`/api/graphql`) carry their errors in their own body.
const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

/// A response that is not problem details yet (poem's own 404/405, an operation's error
/// response) becomes one by its status; successes and problems pass unchanged.
fn problem_for_plain(state: &AppState, locale: Locale, resp: Response) -> Response {
    let status = resp.status();
    let is_problem = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON) || v.starts_with(GRAPHQL_RESPONSE));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return resp;
    }
    let (kind, key) = match status {
        StatusCode::BAD_REQUEST => (Kind::InvalidParameter, "api-detail-bad-request"),
        StatusCode::UNAUTHORIZED => (Kind::Unauthorized, "api-detail-unauthorized"),
        StatusCode::FORBIDDEN => (Kind::Forbidden, "error-forbidden"),
        StatusCode::NOT_FOUND => (Kind::NotFound, "error-not-found"),
        StatusCode::METHOD_NOT_ALLOWED => (Kind::MethodNotAllowed, "api-detail-method"),
        StatusCode::PAYLOAD_TOO_LARGE => (Kind::TooLarge, "api-detail-too-large"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => (Kind::UnsupportedMediaType, "api-detail-media-type"),
        StatusCode::UNPROCESSABLE_ENTITY => (Kind::InvalidBody, "api-detail-invalid-body"),
        StatusCode::TOO_MANY_REQUESTS => (Kind::RateLimited, "error-rate-limited"),
        StatusCode::SERVICE_UNAVAILABLE => (Kind::Unavailable, "error-storage"),
        s if s.is_client_error() => (Kind::InvalidParameter, "api-detail-bad-request"),
        _ => (Kind::Internal, "error-internal"),
    };
    let args = [(
        "max".to_string(),
        state.services.settings.api.max_body_bytes.to_string(),
    )];
    refuse(state, locale, kind, key, &args)
}

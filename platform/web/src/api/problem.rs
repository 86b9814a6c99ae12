//! Errors of the REST API as problem details (RFC 9457, `application/problem+json`): a type
//! URI, a German title and detail from the same text keys the pages use, the status, and for
//! refused input one German message per field, exactly as the forms show them.

use hih_i18n::{Locale, TextArg};
use hih_kernel::{AppError, FieldErrors, Services};
use poem::Response;
use poem::http::StatusCode;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object};

/// The media type of every error answer.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Ein Fehler nach RFC 9457 (Problem Details for HTTP APIs).
#[derive(Debug, Clone, Object)]
pub struct Problem {
    /// URI des Fehlertyps, z. B. `urn:hih:problem:validation` (Liste in ops/api.md).
    #[oai(rename = "type")]
    pub kind: String,
    /// Kurze, gleichbleibende Beschreibung des Fehlertyps.
    pub title: String,
    /// HTTP-Statuscode.
    pub status: u16,
    /// Was an dieser Anfrage falsch war und was zu tun ist.
    pub detail: String,
    /// Bei abgelehnten Eingaben: eine Meldung je Feld, wie sie das Formular zeigt.
    #[oai(skip_serializing_if_is_none)]
    pub errors: Option<Vec<FieldProblem>>,
}

/// Eine abgelehnte Eingabe in einem Feld.
#[derive(Debug, Clone, Object)]
pub struct FieldProblem {
    /// Name des Feldes (wie im Formular und im JSON-Inhalt).
    pub field: String,
    /// Die Meldung in der Sprache der Anfrage (Standard: Deutsch).
    pub message: String,
    /// Der Textschlüssel der Meldung (gleich für alle Sprachen).
    pub key: String,
}

/// Jede Fehlerantwort der Schnittstelle, als Problem Details.
#[derive(Debug, ApiResponse)]
pub enum ApiError {
    /// Die Anfrage ist fehlerhaft (kein gültiges JSON, ungültiger Parameter).
    #[oai(status = 400, content_type = "application/problem+json")]
    BadRequest(Json<Problem>),
    /// Nicht angemeldet: kein, ein unbekanntes, abgelaufenes oder widerrufenes API-Token.
    #[oai(status = 401, content_type = "application/problem+json")]
    Unauthorized(Json<Problem>),
    /// Die Rolle darf diese Funktion nicht nutzen, ein Nur-Lese-Token wollte schreiben, oder
    /// das CSRF-Token einer Sitzung fehlt.
    #[oai(status = 403, content_type = "application/problem+json")]
    Forbidden(Json<Problem>),
    /// Den Datensatz gibt es nicht, oder er liegt außerhalb des eigenen Zuständigkeitsbereichs.
    #[oai(status = 404, content_type = "application/problem+json")]
    NotFound(Json<Problem>),
    /// Die Methode ist für diesen Pfad nicht vorgesehen.
    #[oai(status = 405, content_type = "application/problem+json")]
    MethodNotAllowed(Json<Problem>),
    /// Eine fachliche Regel lehnt die Änderung ab, oder der Datensatz wurde gleichzeitig geändert.
    #[oai(status = 409, content_type = "application/problem+json")]
    Conflict(Json<Problem>),
    /// Der Einladungslink ist unbekannt, abgelaufen oder schon benutzt.
    #[oai(status = 410, content_type = "application/problem+json")]
    Gone(Json<Problem>),
    /// Der Inhalt der Anfrage ist zu groß.
    #[oai(status = 413, content_type = "application/problem+json")]
    PayloadTooLarge(Json<Problem>),
    /// Der Inhaltstyp wird nicht unterstützt (erwartet: `application/json`).
    #[oai(status = 415, content_type = "application/problem+json")]
    UnsupportedMediaType(Json<Problem>),
    /// Der Inhalt passt nicht (unbekanntes Feld, falscher Typ) oder Eingaben wurden abgelehnt
    /// (Meldungen je Feld in `errors`).
    #[oai(status = 422, content_type = "application/problem+json")]
    Unprocessable(Json<Problem>),
    /// Zu viele Anfragen mit diesem Token in der letzten Minute.
    #[oai(status = 429, content_type = "application/problem+json")]
    TooManyRequests(Json<Problem>),
    /// Interner Fehler (Einzelheiten stehen im Protokoll unter der Request-ID).
    #[oai(status = 500, content_type = "application/problem+json")]
    Internal(Json<Problem>),
    /// Die Datenbank konnte nichts speichern; es wurde nichts geändert.
    #[oai(status = 503, content_type = "application/problem+json")]
    Unavailable(Json<Problem>),
}

/// A kind of problem: its type slug, status and the text key of its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 400, the body is not JSON at all.
    MalformedJson,
    /// 400, a query or path parameter does not parse.
    InvalidParameter,
    /// 401.
    Unauthorized,
    /// 403, the role may not.
    Forbidden,
    /// 403, a read-only token tried to write.
    ReadOnlyToken,
    /// 403, a session's unsafe request without its CSRF token.
    Csrf,
    /// 404.
    NotFound,
    /// 405.
    MethodNotAllowed,
    /// 409.
    Conflict,
    /// 410, a single-use credential (an invitation) that accepts nothing any more.
    Gone,
    /// 413.
    TooLarge,
    /// 415.
    UnsupportedMediaType,
    /// 422, JSON that does not fit the schema (unknown field, wrong type).
    InvalidBody,
    /// 422, input the checks refused (messages per field).
    Validation,
    /// 429.
    RateLimited,
    /// 500.
    Internal,
    /// 503.
    Unavailable,
}

impl Kind {
    /// The type slug (`urn:hih:problem:<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            Kind::MalformedJson => "malformed-json",
            Kind::InvalidParameter => "invalid-parameter",
            Kind::Unauthorized => "unauthorized",
            Kind::Forbidden => "forbidden",
            Kind::ReadOnlyToken => "read-only-token",
            Kind::Csrf => "csrf",
            Kind::NotFound => "not-found",
            Kind::MethodNotAllowed => "method-not-allowed",
            Kind::Conflict => "conflict",
            Kind::Gone => "gone",
            Kind::TooLarge => "payload-too-large",
            Kind::UnsupportedMediaType => "unsupported-media-type",
            Kind::InvalidBody => "invalid-body",
            Kind::Validation => "validation",
            Kind::RateLimited => "rate-limited",
            Kind::Internal => "internal",
            Kind::Unavailable => "unavailable",
        }
    }

    /// The HTTP status.
    pub fn status(self) -> u16 {
        match self {
            Kind::MalformedJson | Kind::InvalidParameter => 400,
            Kind::Unauthorized => 401,
            Kind::Forbidden | Kind::ReadOnlyToken | Kind::Csrf => 403,
            Kind::NotFound => 404,
            Kind::MethodNotAllowed => 405,
            Kind::Conflict => 409,
            Kind::Gone => 410,
            Kind::TooLarge => 413,
            Kind::UnsupportedMediaType => 415,
            Kind::InvalidBody | Kind::Validation => 422,
            Kind::RateLimited => 429,
            Kind::Internal => 500,
            Kind::Unavailable => 503,
        }
    }

    /// Text key of the title.
    fn title_key(self) -> String {
        format!("api-problem-{}", self.slug())
    }
}

/// Translates `key` with string arguments.
fn text(services: &Services, locale: Locale, key: &str, args: &[(String, String)]) -> String {
    let args: Vec<(&str, TextArg)> = args
        .iter()
        .map(|(k, v)| (k.as_str(), TextArg::Str(v.clone())))
        .collect();
    services.texts.t(locale, key, &args)
}

/// One problem: its kind, the text key of the detail and the detail's arguments.
pub fn problem(
    services: &Services,
    locale: Locale,
    kind: Kind,
    detail_key: &str,
    args: &[(String, String)],
) -> Problem {
    Problem {
        kind: format!("urn:hih:problem:{}", kind.slug()),
        title: text(services, locale, &kind.title_key(), &[]),
        status: kind.status(),
        detail: text(services, locale, detail_key, args),
        errors: None,
    }
}

/// The field messages of refused input, translated like the forms' messages.
pub fn field_problems(
    services: &Services,
    locale: Locale,
    errors: &FieldErrors,
) -> Vec<FieldProblem> {
    errors
        .0
        .iter()
        .map(|e| FieldProblem {
            field: e.field.clone(),
            message: text(services, locale, &e.key, &e.args),
            key: e.key.clone(),
        })
        .collect()
}

impl ApiError {
    /// The answer of a problem, by its status.
    pub fn of(problem: Problem) -> Self {
        let json = Json(problem);
        match json.0.status {
            400 => ApiError::BadRequest(json),
            401 => ApiError::Unauthorized(json),
            403 => ApiError::Forbidden(json),
            404 => ApiError::NotFound(json),
            405 => ApiError::MethodNotAllowed(json),
            409 => ApiError::Conflict(json),
            410 => ApiError::Gone(json),
            413 => ApiError::PayloadTooLarge(json),
            415 => ApiError::UnsupportedMediaType(json),
            422 => ApiError::Unprocessable(json),
            429 => ApiError::TooManyRequests(json),
            503 => ApiError::Unavailable(json),
            _ => ApiError::Internal(json),
        }
    }

    /// A problem of `kind` with the detail `detail_key`.
    pub fn new(services: &Services, locale: Locale, kind: Kind, detail_key: &str) -> Self {
        Self::of(problem(services, locale, kind, detail_key, &[]))
    }

    /// The answer to an error of the shared services, as the pages would answer it: the same
    /// status and the same German message (server errors are logged, their details never shown).
    pub fn from_app(services: &Services, locale: Locale, error: &AppError) -> Self {
        let kind = match error {
            AppError::NotFound => Kind::NotFound,
            AppError::Forbidden => Kind::Forbidden,
            AppError::Unauthenticated => Kind::Unauthorized,
            AppError::Csrf => Kind::Csrf,
            AppError::RateLimited => Kind::RateLimited,
            AppError::Validation(_) => Kind::Validation,
            AppError::Refused(_) | AppError::Conflict => Kind::Conflict,
            AppError::Storage(_) => Kind::Unavailable,
            AppError::Database(_) | AppError::Internal(_) => Kind::Internal,
        };
        if kind.status() >= 500 {
            tracing::error!(%error, "api request failed");
        }
        let mut p = problem(services, locale, kind, error.text_key(), &[]);
        if let AppError::Validation(fields) = error {
            p.errors = Some(field_problems(services, locale, fields));
        }
        Self::of(p)
    }
}

/// A problem as a plain response (for answers the pipeline gives before or around an
/// operation: authentication, limits, bodies that do not parse).
pub fn respond(problem: Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = poem_openapi::types::ToJSON::to_json_string(&problem);
    Response::builder()
        .status(status)
        .content_type(PROBLEM_JSON)
        .body(body)
}

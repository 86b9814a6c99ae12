//! The REST API `/api/v1` (R-API-1) with poem-openapi: what every feature's `Api` type uses
//! and how the host mounts them.
//!
//! - Each feature crate exports one `#[OpenApi]` type (`hih_companies::api::CompaniesApi`);
//!   the host app builds the tuple of all of them once (`hih_app`, next to the feature list)
//!   and hands it to [`mount`], which serves the operations under `/api/v1`, the document at
//!   `/api/v1/openapi.json` and Swagger UI at `/api/v1/docs` (administrators).
//! - Operations take the request's [`Ctx`] like pages do: the caller is the token's owner or
//!   the session's user, with exactly that role and scope, so the same scoping functions, list
//!   specs, services and access log apply ([`list`], [`require`], [`OrProblem`]).
//! - Errors are problem details ([`ApiError`], RFC 9457) with the pages' German messages.
//! - Authentication, CSRF for sessions, limits and the problem answers for input that does not
//!   parse happen before the operation, in the pipeline (`gate`).
//!
//! The doc comments of API types are the German descriptions in the OpenAPI document.

mod export;
pub(crate) mod gate;
mod list;
mod mount;
pub mod problem;

use hih_db::access::AccessAction;
use hih_kernel::{AppError, Permission};

pub use export::{ExportFile, export, export_computed};
pub use gate::PUBLIC as PUBLIC_OPERATIONS;
pub use list::{ListQuery, Paged, list, list_computed};
pub use mount::{DOCS, PREFIX, mount};
pub use problem::{ApiError, FieldProblem, Kind, Problem};

use crate::{Ctx, WebError};

/// The result of an operation.
pub type ApiResult<T> = Result<T, ApiError>;

impl Ctx {
    /// The problem answer to an error, in the request's language.
    pub fn problem(&self, error: &AppError) -> ApiError {
        ApiError::from_app(self.services(), self.locale, error)
    }
}

/// Turns the shared services' errors into problem answers: `result.or_problem(&ctx)?`.
pub trait OrProblem<T> {
    /// The value, or the problem answer of the error.
    fn or_problem(self, ctx: &Ctx) -> ApiResult<T>;
}

impl<T> OrProblem<T> for Result<T, WebError> {
    fn or_problem(self, ctx: &Ctx) -> ApiResult<T> {
        self.map_err(|e| ctx.problem(&e.0))
    }
}

impl<T> OrProblem<T> for Result<T, AppError> {
    fn or_problem(self, ctx: &Ctx) -> ApiResult<T> {
        self.map_err(|e| ctx.problem(&e))
    }
}

impl<T> OrProblem<T> for Result<T, sea_orm::DbErr> {
    fn or_problem(self, ctx: &Ctx) -> ApiResult<T> {
        self.map_err(|e| ctx.problem(&AppError::from(e)))
    }
}

/// The page size an operation answers with: the asked one, else `default`, at least 1 and at
/// most the setting `api.max_page_size`.
pub fn page_size(ctx: &Ctx, asked: Option<u64>, default: u64) -> u64 {
    let max = ctx.services().settings.api.max_page_size.max(1);
    asked.unwrap_or(default).clamp(1, max)
}

/// The operation's permission, as the route guard checks a page's: refused → 403 and an
/// access-log entry `denied`.
pub async fn require(ctx: &Ctx, permission: Permission) -> ApiResult<()> {
    if permission.allows(&ctx.actor) {
        return Ok(());
    }
    ctx.log_access(
        AccessAction::Denied,
        "route",
        None,
        serde_json::json!({ "permission": permission.key }),
        None,
    )
    .await;
    Err(ctx.problem(&AppError::Forbidden))
}

use serde::{Deserialize, Serialize};

/// One validation message attached to a form field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The form field name (`email`), also the id of the input.
    pub field: String,
    /// The text key of the message (`users-error-email-invalid`).
    pub key: String,
    /// Arguments for the message, e.g. a minimum length.
    pub args: Vec<(String, String)>,
}

/// The validation messages of one form submission.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    /// No errors yet.
    pub fn new() -> Self {
        FieldErrors(Vec::new())
    }

    /// Adds a message for a field.
    pub fn add(&mut self, field: &str, key: &str) {
        self.0.push(FieldError {
            field: field.to_string(),
            key: key.to_string(),
            args: Vec::new(),
        });
    }

    /// Adds a message with arguments.
    pub fn add_with(&mut self, field: &str, key: &str, args: &[(&str, String)]) {
        self.0.push(FieldError {
            field: field.to_string(),
            key: key.to_string(),
            args: args
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        });
    }

    /// Whether nothing was found wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether a field has a message.
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    /// The messages in the order of their fields on the form (`fields`: the form's field names
    /// in document order, e.g. the submitted pairs' names), so the error summary reads like
    /// the form; the messages of one field keep their order, fields not named come last.
    pub fn in_field_order<'a>(mut self, fields: impl IntoIterator<Item = &'a str>) -> Self {
        let mut order: Vec<&str> = Vec::new();
        for name in fields {
            if !order.contains(&name) {
                order.push(name);
            }
        }
        self.0.sort_by_key(|e| {
            order
                .iter()
                .position(|n| *n == e.field)
                .unwrap_or(order.len())
        });
        self
    }

    /// `Ok(())` if empty, else `Err(AppError::Validation)`.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self))
        }
    }
}

/// Errors every layer can return. Each maps to an HTTP status and a German text key; internal
/// details are logged, never shown.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The record does not exist **or is outside the caller's scope** (R-ACT-2: 404, not 403).
    #[error("not found")]
    NotFound,
    /// The caller's role may not use this function at all.
    #[error("forbidden")]
    Forbidden,
    /// Login required.
    #[error("unauthenticated")]
    Unauthenticated,
    /// The CSRF token is missing or wrong.
    #[error("csrf token invalid")]
    Csrf,
    /// Too many attempts.
    #[error("rate limited")]
    RateLimited,
    /// Bad form input; the form is shown again with these messages.
    #[error("validation failed")]
    Validation(FieldErrors),
    /// A rule of the domain refuses the action (text key of the message).
    #[error("refused: {0}")]
    Refused(String),
    /// The record was changed or removed concurrently.
    #[error("conflict")]
    Conflict,
    /// Database failure (details logged).
    #[error("database error: {0}")]
    Database(String),
    /// The database could not store the change (disk full, I/O error): nothing was saved, the
    /// transaction was rolled back; writes work again once the storage does (R-NFR-4).
    #[error("storage failure: {0}")]
    Storage(String),
    /// Any other internal failure (details logged).
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Forbidden => 403,
            AppError::Unauthenticated => 401,
            AppError::Csrf => 403,
            AppError::RateLimited => 429,
            AppError::Validation(_) => 422,
            AppError::Refused(_) => 409,
            AppError::Conflict => 409,
            AppError::Database(_) | AppError::Internal(_) => 500,
            AppError::Storage(_) => 503,
        }
    }

    /// The text key of the German message shown to the user.
    pub fn text_key(&self) -> &str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Forbidden => "error-forbidden",
            AppError::Unauthenticated => "error-unauthenticated",
            AppError::Csrf => "error-csrf",
            AppError::RateLimited => "error-rate-limited",
            AppError::Validation(_) => "error-validation",
            AppError::Refused(key) => key,
            AppError::Conflict => "error-conflict",
            AppError::Database(_) | AppError::Internal(_) => "error-internal",
            AppError::Storage(_) => "error-storage",
        }
    }

    /// Wraps any displayable error as internal.
    pub fn internal(e: impl std::fmt::Display) -> Self {
        AppError::Internal(e.to_string())
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        if is_storage_failure(&e) {
            AppError::Storage(e.to_string())
        } else {
            AppError::Database(e.to_string())
        }
    }
}

/// SQLite's primary result codes for a failed write to storage (`SQLITE_IOERR`,
/// `SQLITE_FULL`); extended codes carry them in the low byte.
const SQLITE_STORAGE_CODES: [i64; 2] = [10, 13];
/// PostgreSQL's SQLSTATEs for a failed write to storage (`disk_full`, `io_error`).
const PG_STORAGE_STATES: [&str; 2] = ["53100", "58030"];

/// Whether a database error says the storage refused the write (disk full, I/O error) rather
/// than the statement being wrong: the user is told that nothing was saved and why.
pub fn is_storage_failure(e: &sea_orm::DbErr) -> bool {
    use sea_orm::{DbErr, RuntimeErr};
    let (DbErr::Exec(RuntimeErr::SqlxError(err))
    | DbErr::Query(RuntimeErr::SqlxError(err))
    | DbErr::Conn(RuntimeErr::SqlxError(err))) = e
    else {
        return false;
    };
    let Some(db) = err.as_database_error() else {
        return matches!(**err, sea_orm::sqlx::Error::Io(_));
    };
    let Some(code) = db.code() else {
        return false;
    };
    if PG_STORAGE_STATES.contains(&code.as_ref()) {
        return true;
    }
    code.parse::<i64>()
        .is_ok_and(|c| SQLITE_STORAGE_CODES.contains(&(c & 0xff)))
}

impl From<sea_orm::TransactionError<AppError>> for AppError {
    fn from(e: sea_orm::TransactionError<AppError>) -> Self {
        match e {
            sea_orm::TransactionError::Connection(db) => AppError::Database(db.to_string()),
            sea_orm::TransactionError::Transaction(app) => app,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_map_to_status_and_keys() {
        assert_eq!(AppError::NotFound.status(), 404);
        assert_eq!(AppError::Csrf.status(), 403);
        assert_eq!(AppError::Refused("x-key".into()).text_key(), "x-key");
        let mut f = FieldErrors::new();
        assert!(f.clone().into_result().is_ok());
        f.add("email", "k");
        assert!(f.has("email"));
        assert!(matches!(f.into_result(), Err(AppError::Validation(_))));
    }

    #[test]
    fn errors_follow_the_forms_field_order() {
        let mut f = FieldErrors::new();
        f.add("plz", "plz-1");
        f.add("consent", "consent");
        f.add("name", "name");
        f.add("plz", "plz-2");
        let sorted = f.in_field_order(["csrf_token", "name", "city", "plz", "name"]);
        let keys: Vec<&str> = sorted.0.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["name", "plz-1", "plz-2", "consent"]);
    }
}

//! One GraphQL request: reading it (POST JSON body or GET parameters), the introspection
//! rule, running it with the caller's data, the answer's status and German messages, and the
//! access log.

use std::collections::BTreeMap;
use std::sync::Arc;

use async_graphql::dynamic::Schema;
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ServerError, Variables};
use hih_db::access::AccessAction;
use hih_i18n::TextArg;
use hih_web::Ctx;
use poem::http::{Method, StatusCode};
use poem::{Request, Response};
use serde::Deserialize;

use super::INTROSPECTION;
use super::hooks::{Messages, Reads};
use super::schema::{MAX_COMPLEXITY, MAX_DEPTH, with_own_loaders};

/// The media type of every answer (GraphQL over HTTP).
pub const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

/// The parameters of a GET request (`?query=…&variables=…&operationName=…`).
#[derive(Deserialize)]
struct GetParams {
    query: Option<String>,
    variables: Option<String>,
    #[serde(rename = "operationName")]
    operation_name: Option<String>,
}

fn text(ctx: &Ctx, key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, TextArg)> = args
        .iter()
        .map(|(k, v)| (*k, TextArg::Str(v.clone())))
        .collect();
    ctx.services().texts.t(ctx.locale, key, &args)
}

/// An answer with only errors.
fn refusal(status: StatusCode, messages: &[String]) -> Response {
    let errors: Vec<serde_json::Value> = messages
        .iter()
        .map(|m| serde_json::json!({ "message": m }))
        .collect();
    answer(status, &serde_json::json!({ "errors": errors }))
}

fn answer(status: StatusCode, body: &serde_json::Value) -> Response {
    Response::builder()
        .status(status)
        .content_type(GRAPHQL_RESPONSE)
        .body(body.to_string())
}

/// The answer when the schema cannot be built (a defect, logged).
pub fn internal(ctx: &Ctx) -> Response {
    refusal(
        StatusCode::SERVICE_UNAVAILABLE,
        &[text(ctx, "graphql-error-internal", &[])],
    )
}

/// The GraphQL request of an HTTP request, or the message why there is none.
fn read(ctx: &Ctx, req: &Request, body: &[u8]) -> Result<async_graphql::Request, String> {
    let invalid = || text(ctx, "graphql-error-request", &[]);
    if *req.method() == Method::POST {
        return serde_json::from_slice::<async_graphql::Request>(body).map_err(|_| invalid());
    }
    let params: GetParams = get_params(req).ok_or_else(invalid)?;
    let query = params.query.ok_or_else(invalid)?;
    let mut request = async_graphql::Request::new(query);
    if let Some(v) = params.variables.filter(|v| !v.is_empty()) {
        let json: serde_json::Value = serde_json::from_str(&v).map_err(|_| invalid())?;
        request = request.variables(Variables::from_json(json));
    }
    if let Some(name) = params.operation_name {
        request = request.operation_name(name);
    }
    Ok(request)
}

fn get_params(req: &Request) -> Option<GetParams> {
    req.params::<GetParams>().ok()
}

/// Whether a selection set asks for the schema at its top (fragments followed).
fn asks_schema(set: &SelectionSet, doc: &ExecutableDocument, depth: usize) -> bool {
    if depth > 8 {
        return true;
    }
    set.items.iter().any(|item| match &item.node {
        Selection::Field(f) => matches!(f.node.name.node.as_str(), "__schema" | "__type"),
        Selection::InlineFragment(f) => asks_schema(&f.node.selection_set.node, doc, depth + 1),
        Selection::FragmentSpread(s) => doc
            .fragments
            .get(&s.node.fragment_name.node)
            .is_some_and(|f| asks_schema(&f.node.selection_set.node, doc, depth + 1)),
    })
}

/// Whether the query asks for introspection (a query that does not parse does not; it is
/// refused by the schema anyway).
fn is_introspection(query: &str) -> bool {
    let Ok(doc) = async_graphql::parser::parse_query(query) else {
        return false;
    };
    doc.operations
        .iter()
        .any(|(_, op)| asks_schema(&op.node.selection_set.node, &doc, 0))
}

/// The German (or English) message of an error: the hooks' messages as they are, the
/// library's messages about the query replaced by ours (the original in
/// `extensions.detail`), anything else generic (logged, never shown: it may name tables).
fn localise(ctx: &Ctx, error: &mut ServerError, ours: &Messages, max_page: u64, ran: bool) {
    let original = error.message.clone();
    if [&ours.forbidden, &ours.hidden, &ours.having].contains(&&original) {
        return;
    }
    let key_args: (&str, Vec<(&str, String)>) = if original.contains("nested too deep") {
        ("graphql-error-depth", vec![("max", MAX_DEPTH.to_string())])
    } else if original.contains("too complex") {
        (
            "graphql-error-complexity",
            vec![("max", MAX_COMPLEXITY.to_string())],
        )
    } else if original.contains("pagination limit") {
        (
            "graphql-error-page-size",
            vec![("max", max_page.to_string())],
        )
    } else if !ran {
        ("graphql-error-invalid", vec![])
    } else {
        tracing::warn!(error = %original, "GraphQL field error");
        ("graphql-error-field", vec![])
    };
    error.message = text(ctx, key_args.0, &key_args.1);
    if !ran || key_args.0 == "graphql-error-page-size" {
        let mut ext = error.extensions.take().unwrap_or_default();
        ext.set("detail", original);
        error.extensions = Some(ext);
    }
}

/// Runs one request and answers it.
pub async fn serve(schema: &Schema, ctx: &Ctx, req: &Request, body: &[u8]) -> Response {
    let request = match read(ctx, req, body) {
        Ok(r) => r,
        Err(message) => return refusal(StatusCode::BAD_REQUEST, &[message]),
    };
    let may_introspect = INTROSPECTION.allows(&ctx.actor);
    if !may_introspect && is_introspection(&request.query) {
        ctx.log_access(
            AccessAction::Denied,
            "route",
            None,
            serde_json::json!({ "permission": INTROSPECTION.key }),
            None,
        )
        .await;
        return refusal(
            StatusCode::FORBIDDEN,
            &[text(ctx, "graphql-error-introspection", &[])],
        );
    }
    let messages = Messages {
        forbidden: text(ctx, "graphql-error-forbidden", &[]),
        hidden: text(ctx, "graphql-error-hidden", &[]),
        having: text(ctx, "graphql-error-having", &[]),
    };
    let reads = Arc::new(Reads::default());
    let mut request = with_own_loaders(request, &ctx.services().db)
        .data(ctx.actor.clone())
        .data(messages.clone())
        .data(reads.clone());
    if !may_introspect {
        request = request.disable_introspection();
    }
    let mut response = schema.execute(request).await;
    let max_page = ctx.services().settings.api.max_page_size;
    // No resolver ran: the query did not parse or validate (async-graphql's dynamic schema
    // gives field errors no path, so the hooks tell).
    let ran = reads.ran();
    let not_run = !ran && !response.errors.is_empty();
    for error in &mut response.errors {
        localise(ctx, error, &messages, max_page, ran);
    }
    log(ctx, &reads).await;
    let status = if not_run {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    match serde_json::to_value(&response) {
        Ok(v) => answer(status, &v),
        Err(_) => internal(ctx),
    }
}

/// One `search` entry per logged entity read (its ids and count), one `denied` entry per
/// refused root field's permission.
async fn log(ctx: &Ctx, reads: &Reads) {
    let seen: BTreeMap<_, _> = reads.seen();
    for (entity, ids) in seen {
        let ids: Vec<i64> = ids.into_iter().collect();
        let count = ids.len() as i64;
        ctx.log_access(
            AccessAction::Search,
            entity,
            None,
            serde_json::json!({ "graphql": true, "ids": ids }),
            Some(count),
        )
        .await;
    }
    for permission in reads.denied() {
        ctx.log_access(
            AccessAction::Denied,
            "route",
            None,
            serde_json::json!({ "permission": permission }),
            None,
        )
        .await;
    }
}

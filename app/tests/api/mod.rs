//! The REST API `/api/v1` (R-API-1): personal API tokens, authentication and CSRF, the
//! companies' list and detail against the pages in every role's scope, problem details for
//! input that does not parse, and the role matrix of every operation of the served document.

mod applicants;
mod companies;
mod contacts;
mod conversations;
mod document;
mod errors;
mod exports;
pub mod graphql;
mod lists;
mod matches;
pub mod matrix;
mod registrations;
mod statistics;
mod tokens;

use hih_testkit::{Agent, Page};
use poem::http::Method;

/// A request with a bearer token (`None`: with the agent's session only).
pub async fn call(
    agent: &Agent,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Page {
    let auth = token.map(|t| format!("Bearer {t}"));
    let mut headers: Vec<(&str, &str)> = Vec::new();
    if let Some(a) = &auth {
        headers.push(("authorization", a));
    }
    if body.is_some() {
        headers.push(("content-type", "application/json"));
    }
    let bytes = body.map(|b| b.as_bytes().to_vec()).unwrap_or_default();
    agent.request(method, path, &headers, bytes).await
}

/// GET with a bearer token.
pub async fn get(agent: &Agent, path: &str, token: &str) -> Page {
    call(agent, Method::GET, path, Some(token), None).await
}

/// The body as JSON.
pub fn json(p: &Page) -> serde_json::Value {
    serde_json::from_str(&p.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", p.body))
}

/// Asserts a problem-details answer of `status` and type `urn:hih:problem:<slug>`; returns it.
pub fn problem(p: &Page, status: u16, slug: &str) -> serde_json::Value {
    assert_eq!(p.status.as_u16(), status, "{}", p.body);
    assert_eq!(
        p.header("content-type"),
        Some("application/problem+json"),
        "{}",
        p.body
    );
    let v = json(p);
    assert_eq!(v["type"], format!("urn:hih:problem:{slug}"), "{v}");
    assert_eq!(v["status"], status, "{v}");
    assert!(v["title"].as_str().is_some_and(|t| !t.is_empty()), "{v}");
    assert!(v["detail"].as_str().is_some_and(|t| !t.is_empty()), "{v}");
    v
}

/// The record ids a page links to below `prefix`, in its order.
pub fn linked_ids(p: &Page, prefix: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    for part in p.body.split(&format!("href=\"{prefix}")).skip(1) {
        let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
        let closes = part[digits.len()..].starts_with('"');
        if let (Ok(id), true) = (digits.parse::<i64>(), closes)
            && !ids.contains(&id)
        {
            ids.push(id);
        }
    }
    ids
}

/// The ids of an API page's items, in order.
pub fn api_ids(v: &serde_json::Value) -> Vec<i64> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect()
}

/// The JSON schema of a request body's or response's `content` (whatever its JSON media type
/// is called, `application/json; charset=utf-8`), if it has one.
pub fn json_schema(content: &serde_json::Value) -> Option<&serde_json::Value> {
    content
        .as_object()?
        .iter()
        .find(|(media, _)| media.starts_with("application/json"))
        .map(|(_, c)| &c["schema"])
}

/// The property names of `schema` in the document `doc`: references resolved, the parts of an
/// `allOf` (flattened objects) joined.
pub fn schema_properties(doc: &serde_json::Value, schema: &serde_json::Value) -> Vec<String> {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap_or_default();
        return schema_properties(doc, &doc["components"]["schemas"][name]);
    }
    let mut props: Vec<String> = schema["properties"]
        .as_object()
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    for part in schema["allOf"].as_array().into_iter().flatten() {
        props.extend(schema_properties(doc, part));
    }
    props
}

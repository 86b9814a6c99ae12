//! Mounting the assembled API: the operations under [`PREFIX`], the OpenAPI document and
//! Swagger UI for administrators.

use base64::Engine;
use hih_kernel::{Access, Permission, Registry, Role};
use poem::endpoint::make_sync;
use poem::http::HeaderValue;
use std::sync::Arc;

use poem::endpoint::BoxEndpoint;
use poem::{Endpoint, EndpointExt, IntoEndpoint, Response, Route};
use poem_openapi::{OpenApi, OpenApiService};
use sha2::{Digest, Sha256};

/// Where the API lives; a new major version would get its own prefix (`/api/v2`).
pub const PREFIX: &str = "/api/v1";

/// Who may open Swagger UI (`/api/v1/docs`): administrators.
pub const DOCS: Permission = Permission {
    key: "api.docs",
    roles: &[Role::Admin, Role::SuperAdmin],
};

/// What the document says about the API as a whole (German, like every description).
const DESCRIPTION: &str = "Schnittstelle der HiH-Projektdatenbank. Anmeldung mit einem \
persönlichen API-Token (`Authorization: Bearer <Token>`, im Profil unter „API-Tokens“ erstellt) \
oder mit der angemeldeten Browsersitzung (dann bei ändernden Anfragen mit `X-CSRF-Token`). \
Jede Anfrage sieht genau die Datensätze, die die Rolle und der Zuständigkeitsbereich des \
Inhabers in der Oberfläche zeigen; Datensätze außerhalb antworten 404. Fehler sind Problem \
Details nach RFC 9457 (`application/problem+json`). Listen: `page` ab 1, `per_page` bis zur \
eingestellten Höchstgröße (Standard 100).";

/// The document with the bearer scheme declared for every operation (poem-openapi would
/// enforce a declared scheme itself, but the session is a second way in; the pipeline checks
/// both).
fn with_security(spec: &str) -> String {
    let Ok(mut doc) = serde_json::from_str::<serde_json::Value>(spec) else {
        return spec.to_string();
    };
    if let Some(root) = doc.as_object_mut() {
        let components = root
            .entry("components")
            .or_insert_with(|| serde_json::json!({}));
        if let Some(c) = components.as_object_mut() {
            c.insert(
                "securitySchemes".into(),
                serde_json::json!({
                    "token": {
                        "type": "http",
                        "scheme": "bearer",
                        "description": "Persönliches API-Token (im Profil erstellt, nur einmal angezeigt)."
                    }
                }),
            );
        }
        root.insert("security".into(), serde_json::json!([{ "token": [] }]));
    }
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| spec.to_string())
}

/// `'sha256-…'` of every inline `<tag>` block of `html` (Swagger UI inlines its script and
/// style), so its page gets a CSP that allows exactly these and nothing else inline.
fn inline_hashes(html: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(body_start) = after.find('>') else {
            break;
        };
        let body = &after[body_start + 1..];
        let Some(end) = body.find(&close) else {
            break;
        };
        let digest = Sha256::digest(&body.as_bytes()[..end]);
        out.push(format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        ));
        rest = &body[end..];
    }
    out
}

/// Mounts the API `api` (the tuple of every feature's `Api`): operations under [`PREFIX`]
/// for callers with a token or a session, `openapi.json` for the same, Swagger UI for
/// administrators.
pub fn mount<T: OpenApi + 'static>(r: &mut Registry, api: T) {
    let service = OpenApiService::new(api, "HiH-Projektdatenbank", "1")
        .description(DESCRIPTION)
        .server(PREFIX);
    let spec = with_security(&service.spec());
    // Swagger UI's own page names no language; its texts are English.
    let html =
        service
            .swagger_ui_html()
            .replacen("<html charset=\"UTF-8\">", "<html lang=\"en\">", 1);
    let mut csp = String::from("default-src 'none'; img-src 'self' data:; connect-src 'self'; ");
    csp.push_str(&format!(
        "script-src {}; ",
        inline_hashes(&html, "script").join(" ")
    ));
    csp.push_str(&format!(
        "style-src {}; ",
        inline_hashes(&html, "style").join(" ")
    ));
    csp.push_str("frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    r.permission(DOCS);
    let document = spec.clone();
    r.route(
        &format!("{PREFIX}/openapi.json"),
        Access::Api,
        make_sync(move |_| {
            Response::builder()
                .content_type("application/json")
                .body(document.clone())
        })
        .boxed(),
    );
    r.route(
        &format!("{PREFIX}/docs"),
        Access::Permission(DOCS),
        make_sync(move |_| {
            let mut resp = Response::builder()
                .content_type("text/html; charset=utf-8")
                .body(html.clone());
            if let Ok(v) = HeaderValue::from_str(&csp) {
                resp.headers_mut().insert("content-security-policy", v);
            }
            resp
        })
        .boxed(),
    );
    let operations: Arc<BoxEndpoint<'static>> =
        Arc::new(Route::new().nest(PREFIX, service.into_endpoint()).boxed());
    let serve = |ops: &Arc<BoxEndpoint<'static>>| {
        let ops = ops.clone();
        poem::endpoint::make(move |req| {
            let ops = ops.clone();
            async move { ops.call(req).await }
        })
        .boxed()
    };
    r.route(
        &format!("{PREFIX}/*operation"),
        Access::Api,
        serve(&operations),
    );
    // The operations that carry their own credential (the gate lets them through without a
    // token or session, `gate::PUBLIC`) are public routes of the same operations.
    let mut public: Vec<&str> = super::gate::PUBLIC.iter().map(|(_, p)| *p).collect();
    public.dedup();
    for path in public {
        r.route(path, Access::Public, serve(&operations));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_blocks_are_hashed() {
        let html = "<p><script charset=\"x\">a()</script><script>b()</script><style>p{}</style>";
        let scripts = inline_hashes(html, "script");
        assert_eq!(scripts.len(), 2);
        assert!(scripts[0].starts_with("'sha256-"));
        assert_eq!(inline_hashes(html, "style").len(), 1);
    }
}

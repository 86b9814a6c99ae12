//! The installable web app (R-OPR-6): the web app manifest, a service worker and the offline
//! page. The service worker stores only the built-in static assets and the offline page —
//! never a page, export or answer with personal data: pages always come from the network, and
//! a page the device cannot fetch because it is offline is answered with the offline page.

use hih_i18n::Locale;
use minijinja::context;
use poem::http::{StatusCode, header};
use poem::{Request, Response, handler};
use serde_json::json;
use sha2::Digest;

use crate::{AppState, Ctx, WebError, WebResult, asset_url};

/// The manifest's address (public, no session).
pub const MANIFEST: &str = "/manifest.webmanifest";
/// The service worker's address (public, no session; at the root so its scope is the app).
pub const WORKER: &str = "/sw.js";
/// The offline page's address (public; the service worker stores it at installation).
pub const OFFLINE: &str = "/offline";

/// The colour of the browser's title bar and the installed app's splash screen.
const THEME_COLOUR: &str = "#0b3d91";

/// The web app manifest, in German (the product's first language).
#[handler]
pub fn manifest(req: &Request) -> Response {
    let Some(state) = req.extensions().get::<AppState>() else {
        return Response::builder()
            .status(StatusCode::SERVICE_UNAVAILABLE)
            .finish();
    };
    let locale = Locale::De;
    let name = state.product_name(locale);
    let body = json!({
        "name": name,
        "short_name": name,
        "description": state.services.texts.t(locale, "pwa-description", &[]),
        "lang": locale.code(),
        "dir": "ltr",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [{
            "src": asset_url("favicon.svg"),
            "sizes": "any",
            "type": "image/svg+xml",
            "purpose": "any"
        }]
    });
    Response::builder()
        .header(header::CONTENT_TYPE, "application/manifest+json")
        .body(body.to_string())
}

/// The service worker: the list of what it may store (the built-in assets at their current
/// addresses, and the offline page) ahead of its fixed logic (`assets/static/sw.js`). A new
/// build changes the list and so installs a new worker that drops the old cache.
#[handler]
pub fn worker() -> Response {
    let assets = crate::assets::asset_urls();
    let version = hex::encode(&sha2::Sha256::digest(assets.join("\n").as_bytes())[..6]);
    let script = format!(
        "const VERSION = {};\nconst PRECACHE = {};\nconst OFFLINE = {};\n{}",
        json!(version),
        json!(assets),
        json!(OFFLINE),
        include_str!("../assets/static/sw.js")
    );
    Response::builder()
        .header(header::CONTENT_TYPE, "text/javascript; charset=utf-8")
        .header(header::CACHE_CONTROL, "no-cache")
        .body(script)
}

/// The offline page: a page of its own without the layout, so that it holds nothing about the
/// user who happened to install the worker (no name, no navigation, no form token).
#[handler]
pub async fn offline(ctx: Ctx) -> WebResult {
    let state = &ctx.state;
    let page = context! {
        lang => ctx.locale.code(),
        brand_name => state.product_name(ctx.locale),
    };
    let html = state
        .templates
        .render("platform/offline.html", page)
        .map_err(|e| WebError(hih_kernel::AppError::Internal(format!("offline page: {e}"))))?;
    Ok(Response::builder()
        .content_type("text/html; charset=utf-8")
        .body(html))
}

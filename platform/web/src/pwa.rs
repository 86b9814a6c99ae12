//! The installable web app (R-OPR-6): the web app manifest, a service worker and the offline
//! page. The service worker stores only the built-in static assets and the offline page —
//! never a page, export or answer with personal data: pages always come from the network, and
//! a page the device cannot fetch because it is offline is answered with the offline page.
//! Features with an app of their own (the guest side of counselling) answer their own
//! [`AppManifest`] and name it in the page's `manifest_url`; the one worker serves them too.

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

/// What an installable app says about itself in its manifest: the staff app at `/` and, with
/// their own scope and start address, the guest side of features (counselling).
#[derive(Debug, Clone)]
pub struct AppManifest {
    /// Full name.
    pub name: String,
    /// Name under the icon.
    pub short_name: String,
    /// One sentence about the app.
    pub description: String,
    /// Language of the texts.
    pub locale: Locale,
    /// The app's identity and the address it opens at.
    pub start_url: String,
    /// The addresses that belong to the app (a path prefix).
    pub scope: String,
}

impl AppManifest {
    /// The manifest as an answer (`application/manifest+json`).
    pub fn response(&self) -> Response {
        let body = json!({
            "name": self.name,
            "short_name": self.short_name,
            "description": self.description,
            "lang": self.locale.code(),
            "dir": "ltr",
            "id": self.start_url,
            "start_url": self.start_url,
            "scope": self.scope,
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
}

/// The staff app's manifest, in German (the product's first language).
#[handler]
pub fn manifest(req: &Request) -> Response {
    let Some(state) = req.extensions().get::<AppState>() else {
        return Response::builder()
            .status(StatusCode::SERVICE_UNAVAILABLE)
            .finish();
    };
    let locale = Locale::De;
    let name = state.product_name(locale);
    AppManifest {
        short_name: name.clone(),
        name,
        description: state.services.texts.t(locale, "pwa-description", &[]),
        locale,
        start_url: "/".into(),
        scope: "/".into(),
    }
    .response()
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

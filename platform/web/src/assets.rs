//! Static assets built into the binary, served under `/static/<hash>/<name>` with a long
//! cache lifetime (the hash busts caches on change). The instance's brand assets (logo, colour
//! style sheet; [`crate::Branding`]) are served the same way.

use std::collections::HashMap;
use std::sync::LazyLock;

use poem::http::{StatusCode, header};
use poem::web::Path;
use poem::{Request, Response, handler};
use sha2::{Digest, Sha256};

struct Asset {
    hash: String,
    mime: &'static str,
    bytes: &'static [u8],
}

static KERN_CSS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kern.min.css"));

static ASSETS: LazyLock<HashMap<&'static str, Asset>> = LazyLock::new(|| {
    let list: [(&'static str, &'static str, &'static [u8]); 4] = [
        ("kern.min.css", "text/css; charset=utf-8", KERN_CSS),
        (
            "app.css",
            "text/css; charset=utf-8",
            include_bytes!("../assets/static/app.css"),
        ),
        (
            "favicon.svg",
            "image/svg+xml",
            include_bytes!("../assets/static/favicon.svg"),
        ),
        (
            "app.js",
            "text/javascript; charset=utf-8",
            include_bytes!("../assets/static/app.js"),
        ),
    ];
    list.into_iter()
        .map(|(name, mime, bytes)| {
            let hash = hex::encode(&Sha256::digest(bytes)[..6]);
            (name, Asset { hash, mime, bytes })
        })
        .collect()
});

/// The cache-busting URL of an asset, e.g. `/static/3fa1c2d4e5f6/app.css`.
pub fn asset_url(name: &str) -> String {
    match ASSETS.get(name) {
        Some(a) => format!("/static/{}/{name}", a.hash),
        None => format!("/static/missing/{name}"),
    }
}

/// Serves an asset (public): a built-in one, else one of the instance's brand assets.
#[handler]
pub fn serve_asset(req: &Request, Path((hash, name)): Path<(String, String)>) -> Response {
    if let Some(a) = ASSETS.get(name.as_str()) {
        return respond(&hash, &name, &a.hash, a.mime, || a.bytes.into());
    }
    let brand = req
        .extensions()
        .get::<crate::AppState>()
        .and_then(|s| s.branding.asset(&name));
    match brand {
        Some(a) => respond(&hash, &name, &a.hash, a.mime, || a.bytes.clone().into()),
        None => Response::builder().status(StatusCode::NOT_FOUND).finish(),
    }
}

/// The asset with a long cache lifetime when `wanted` is its current hash, else a redirect to
/// its current address.
fn respond(
    wanted: &str,
    name: &str,
    hash: &str,
    mime: &str,
    body: impl FnOnce() -> poem::Body,
) -> Response {
    if wanted == hash {
        Response::builder()
            .header(header::CONTENT_TYPE, mime)
            .header(header::CACHE_CONTROL, "public, max-age=31536000, immutable")
            .body(body())
    } else {
        Response::builder()
            .status(StatusCode::FOUND)
            .header(header::LOCATION, format!("/static/{hash}/{name}"))
            .finish()
    }
}

//! Static assets built into the binary, served under `/static/<hash>/<name>` with a long
//! cache lifetime (the hash busts caches on change).

use std::collections::HashMap;
use std::sync::LazyLock;

use poem::http::{StatusCode, header};
use poem::web::Path;
use poem::{Response, handler};
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

/// Serves an asset (public).
#[handler]
pub fn serve_asset(Path((hash, name)): Path<(String, String)>) -> Response {
    match ASSETS.get(name.as_str()) {
        Some(a) if a.hash == hash => Response::builder()
            .header(header::CONTENT_TYPE, a.mime)
            .header(header::CACHE_CONTROL, "public, max-age=31536000, immutable")
            .body(a.bytes),
        Some(a) => Response::builder()
            .status(StatusCode::FOUND)
            .header(header::LOCATION, format!("/static/{}/{name}", a.hash))
            .finish(),
        None => Response::builder().status(StatusCode::NOT_FOUND).finish(),
    }
}

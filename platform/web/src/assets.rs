//! Static assets built into the binary, served under `/static/<hash>/<name>` with a long
//! cache lifetime (the hash busts caches on change). The instance's brand assets (logo, colour
//! style sheet; [`crate::Branding`]) are served the same way. KERN's typeface, Fira Sans, is
//! served from here too (`fonts.css`, written from the faces' own addresses): no page ever
//! asks another server for anything.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use poem::http::{StatusCode, header};
use poem::web::Path;
use poem::{Request, Response, handler};
use sha2::{Digest, Sha256};

struct Asset {
    hash: String,
    mime: &'static str,
    bytes: Cow<'static, [u8]>,
}

impl Asset {
    fn new(mime: &'static str, bytes: Cow<'static, [u8]>) -> Self {
        let hash = hex::encode(&Sha256::digest(&bytes)[..6]);
        Asset { hash, mime, bytes }
    }

    fn body(&self) -> poem::Body {
        match &self.bytes {
            Cow::Borrowed(b) => poem::Body::from(*b),
            Cow::Owned(v) => poem::Body::from(v.clone()),
        }
    }
}

static KERN_CSS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kern.min.css"));

/// The Fira Sans faces (file, weight, style), embedded by `build.rs` (empty without `ops/setup`).
const FONTS: [(&str, u16, &str, &[u8]); 5] = [
    (
        "FiraSans-Regular.woff2",
        400,
        "normal",
        include_bytes!(concat!(env!("OUT_DIR"), "/FiraSans-Regular.woff2")),
    ),
    (
        "FiraSans-Italic.woff2",
        400,
        "italic",
        include_bytes!(concat!(env!("OUT_DIR"), "/FiraSans-Italic.woff2")),
    ),
    (
        "FiraSans-Medium.woff2",
        500,
        "normal",
        include_bytes!(concat!(env!("OUT_DIR"), "/FiraSans-Medium.woff2")),
    ),
    (
        "FiraSans-SemiBold.woff2",
        600,
        "normal",
        include_bytes!(concat!(env!("OUT_DIR"), "/FiraSans-SemiBold.woff2")),
    ),
    (
        "FiraSans-Bold.woff2",
        700,
        "normal",
        include_bytes!(concat!(env!("OUT_DIR"), "/FiraSans-Bold.woff2")),
    ),
];

/// `fonts.css`: one `@font-face` per embedded face, at its cache-busting address.
fn font_faces(fonts: &HashMap<&'static str, Asset>) -> String {
    let mut css = String::new();
    for (name, weight, style, _) in FONTS {
        let Some(font) = fonts.get(name).filter(|f| !f.bytes.is_empty()) else {
            continue;
        };
        css.push_str(&format!(
            "@font-face{{font-family:\"Fira Sans\";font-style:{style};font-weight:{weight};font-display:swap;src:url(\"/static/{}/{name}\") format(\"woff2\")}}\n",
            font.hash
        ));
    }
    css
}

static ASSETS: LazyLock<HashMap<&'static str, Asset>> = LazyLock::new(|| {
    let mut assets: HashMap<&'static str, Asset> = FONTS
        .iter()
        .map(|(name, _, _, bytes)| (*name, Asset::new("font/woff2", Cow::Borrowed(*bytes))))
        .collect();
    let faces = font_faces(&assets);
    assets.insert(
        "fonts.css",
        Asset::new("text/css; charset=utf-8", Cow::Owned(faces.into_bytes())),
    );
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
    for (name, mime, bytes) in list {
        assets.insert(name, Asset::new(mime, Cow::Borrowed(bytes)));
    }
    assets
});

/// The addresses of every built-in asset (the service worker caches exactly these).
pub fn asset_urls() -> Vec<String> {
    let mut urls: Vec<String> = ASSETS
        .iter()
        .filter(|(_, a)| !a.bytes.is_empty())
        .map(|(name, a)| format!("/static/{}/{name}", a.hash))
        .collect();
    urls.sort();
    urls
}

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
        return respond(&hash, &name, &a.hash, a.mime, || a.body());
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

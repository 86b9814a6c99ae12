//! A browser without JavaScript: cookies, CSRF token from the last page, form posts.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use poem::endpoint::BoxEndpoint;
use poem::http::{Method, StatusCode, header};
use poem::{Endpoint, Request};

/// A fetched response.
#[derive(Debug, Clone)]
pub struct Page {
    /// Status code.
    pub status: StatusCode,
    /// Headers (lower-case names; repeated headers joined with `\n`).
    pub headers: BTreeMap<String, String>,
    /// Body as text (lossy UTF-8), without the byte order mark that starts CSV downloads
    /// (still in [`Page::bytes`]), so tests read a CSV's lines as they read a page.
    pub body: String,
    /// Raw body.
    pub bytes: Vec<u8>,
}

impl Page {
    /// A header value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// The redirect target.
    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }

    /// The raw body without a leading byte order mark: a CSV download as a CSV reader takes it.
    pub fn csv(&self) -> &[u8] {
        self.bytes
            .strip_prefix(hih_web::export::BOM)
            .unwrap_or(&self.bytes)
    }

    /// The first worksheet's XML of an XLSX download.
    pub fn xlsx_sheet(&self) -> String {
        let sheet = self
            .zip_entries()
            .remove("xl/worksheets/sheet1.xml")
            .expect("a first sheet");
        String::from_utf8(sheet).expect("the sheet as text")
    }

    /// Every file of a ZIP download (an XLSX file is one too) by its path in the archive.
    pub fn zip_entries(&self) -> BTreeMap<String, Vec<u8>> {
        let mut zip =
            zip::ZipArchive::new(std::io::Cursor::new(self.bytes.as_slice())).expect("a ZIP file");
        let mut out = BTreeMap::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).expect("a readable entry");
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut bytes).expect("the entry's content");
            let name = file.name().expect("a readable name").to_string();
            out.insert(name, bytes);
        }
        out
    }

    /// Whether the body contains `text`.
    pub fn contains(&self, text: &str) -> bool {
        self.body.contains(text)
    }

    /// The text content of the element with this id (first match, tags stripped).
    pub fn element_text(&self, id: &str) -> Option<String> {
        let marker = format!("id=\"{id}\"");
        let start = self.body.find(&marker)?;
        let open_end = self.body[start..].find('>')? + start + 1;
        let rest = &self.body[open_end..];
        let end = rest.find("</")?;
        Some(strip_tags(&rest[..end]).trim().to_string())
    }
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Finds the value of the first `name="csrf_token" value="…"` in a page.
pub fn csrf_in(body: &str) -> Option<String> {
    let marker = "name=\"csrf_token\" value=\"";
    let start = body.find(marker)? + marker.len();
    let end = body[start..].find('"')? + start;
    Some(body[start..end].to_string())
}

/// A client with its own cookie jar.
#[derive(Clone)]
pub struct Agent {
    app: Arc<BoxEndpoint<'static>>,
    cookies: Arc<Mutex<BTreeMap<String, String>>>,
    csrf: Arc<Mutex<Option<String>>>,
    /// The socket peer the requests come from (none: the in-process client has no address).
    peer: Option<std::net::SocketAddr>,
    /// An `X-Forwarded-For` header sent with every request.
    forwarded_for: Option<String>,
}

impl Agent {
    pub(crate) fn new(app: Arc<BoxEndpoint<'static>>) -> Self {
        Agent {
            app,
            cookies: Arc::default(),
            csrf: Arc::default(),
            peer: None,
            forwarded_for: None,
        }
    }

    /// The same client connecting from `peer` (an IP address), optionally sending
    /// `X-Forwarded-For: forwarded_for` — a browser behind (or posing as) a reverse proxy.
    pub fn from_address(mut self, peer: &str, forwarded_for: Option<&str>) -> Self {
        self.peer = format!("{peer}:40000").parse().ok();
        self.forwarded_for = forwarded_for.map(str::to_string);
        self
    }

    /// The session cookie value, if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.cookies
            .lock()
            .ok()?
            .iter()
            .find(|(k, _)| k.contains("hih_session"))
            .map(|(_, v)| v.clone())
    }

    /// Forgets all cookies (a new browser).
    pub fn clear_cookies(&self) {
        if let Ok(mut c) = self.cookies.lock() {
            c.clear();
        }
    }

    /// Sets a cookie by hand (e.g. to replay a stolen cookie).
    pub fn set_cookie(&self, name: &str, value: &str) {
        if let Ok(mut c) = self.cookies.lock() {
            c.insert(name.to_string(), value.to_string());
        }
    }

    /// The CSRF token of the last page seen.
    pub fn csrf(&self) -> Option<String> {
        self.csrf.lock().ok()?.clone()
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Page {
        self.send_with(method, path, content_type, &[], body).await
    }

    /// Sends any request with extra headers (`Authorization`, `X-CSRF-Token`, `Accept`), the
    /// agent's cookies included: what API clients do.
    pub async fn request(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Page {
        let content_type = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| *v);
        let rest: Vec<(&str, &str)> = headers
            .iter()
            .filter(|(k, _)| !k.eq_ignore_ascii_case("content-type"))
            .copied()
            .collect();
        self.send_with(method, path, content_type, &rest, body)
            .await
    }

    async fn send_with(
        &self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        extra: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Page {
        let cookie = self
            .cookies
            .lock()
            .map(|c| {
                c.iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        let mut builder = Request::builder()
            .method(method)
            .uri(path.parse().expect("uri"));
        if !cookie.is_empty() {
            builder = builder.header(header::COOKIE, cookie);
        }
        if let Some(ct) = content_type {
            builder = builder.header(header::CONTENT_TYPE, ct);
        }
        for (name, value) in extra {
            builder = builder.header(*name, *value);
        }
        if let Some(f) = &self.forwarded_for {
            builder = builder.header("x-forwarded-for", f.as_str());
        }
        let mut request = builder.body(body);
        if let Some(peer) = self.peer {
            let (parts, body) = request.into_parts();
            let mut http = poem::http::Request::builder()
                .method(parts.method)
                .uri(parts.uri)
                .body(())
                .expect("request");
            *http.headers_mut() = parts.headers;
            let (http, ()) = http.into_parts();
            let parts = poem::RequestParts::from((
                http,
                poem::web::LocalAddr::default(),
                poem::web::RemoteAddr(poem::Addr::SocketAddr(peer)),
                poem::http::uri::Scheme::HTTP,
            ));
            request = Request::from_parts(parts, body);
        }
        let resp = self.app.get_response(request).await;
        let status = resp.status();
        let mut headers: BTreeMap<String, String> = BTreeMap::new();
        for (k, v) in resp.headers() {
            let v = v.to_str().unwrap_or_default().to_string();
            headers
                .entry(k.as_str().to_string())
                .and_modify(|e| {
                    e.push('\n');
                    e.push_str(&v);
                })
                .or_insert(v);
        }
        for set in resp.headers().get_all(header::SET_COOKIE) {
            let s = set.to_str().unwrap_or_default();
            let pair = s.split(';').next().unwrap_or_default();
            if let Some((k, v)) = pair.split_once('=')
                && let Ok(mut c) = self.cookies.lock()
            {
                if v.is_empty() || s.contains("Max-Age=0") {
                    c.remove(k);
                } else {
                    c.insert(k.to_string(), v.to_string());
                }
            }
        }
        let bytes = resp.into_body().into_vec().await.unwrap_or_default();
        let text = bytes.strip_prefix(hih_web::export::BOM).unwrap_or(&bytes);
        let body = String::from_utf8_lossy(text).to_string();
        if let Some(token) = csrf_in(&body)
            && let Ok(mut c) = self.csrf.lock()
        {
            *c = Some(token);
        }
        Page {
            status,
            headers,
            body,
            bytes,
        }
    }

    /// GET a path.
    pub async fn get(&self, path: &str) -> Page {
        self.send(Method::GET, path, None, Vec::new()).await
    }

    /// POST a form with the CSRF token of the last page added.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf().unwrap_or_default();
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// Opens the form page at `path` as a person would (GET), then sends `fields` to the same
    /// path (POST, with the page's CSRF token): a confirmation page's action in one call.
    pub async fn submit(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        self.get(path).await;
        self.post(path, fields).await
    }

    /// POST a form exactly as given (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body = serde_urlencoded::to_string(fields).unwrap_or_default();
        self.send(
            Method::POST,
            path,
            Some("application/x-www-form-urlencoded"),
            body.into_bytes(),
        )
        .await
    }

    /// POST a multipart form (text fields plus one file) with the CSRF token as a field.
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, &[u8]),
    ) -> Page {
        let boundary = "hih-test-boundary-7d3f";
        let token = self.csrf().unwrap_or_default();
        let mut body: Vec<u8> = Vec::new();
        let text = |name: &str, value: &str, body: &mut Vec<u8>| {
            body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
        };
        text("csrf_token", &token, &mut body);
        for (k, v) in fields {
            text(k, v, &mut body);
        }
        let (name, filename, bytes) = file;
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: text/csv\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let ct = format!("multipart/form-data; boundary={boundary}");
        self.send(Method::POST, path, Some(&ct), body).await
    }

    /// Follows redirects from a page (GET), at most 10.
    pub async fn follow(&self, mut page: Page) -> Page {
        for _ in 0..10 {
            if !page.status.is_redirection() {
                break;
            }
            let Some(loc) = page.location().map(str::to_string) else {
                break;
            };
            page = self.get(&loc).await;
        }
        page
    }
}

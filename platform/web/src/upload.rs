//! Upload forms (`multipart/form-data`, sent by the pages without JavaScript): one extractor,
//! [`UploadForm`], for every form with a file, so that a file larger than the server takes is
//! a message next to its field, like any other bad input, and never an error page.
//!
//! A request body is held in memory up to [`MAX_BODY`]. The CSRF check reads the body first
//! ([`read_capped`]); when a multipart body is larger, it keeps the first [`MAX_BODY`] bytes
//! (the form's token and the text fields before the file arrive first), reads and discards
//! the rest up to [`MAX_DRAINED`] — so the browser, still sending, receives the answer — and
//! marks the request [`Truncated`]. The form then has its text fields and reports every file
//! it did not receive whole as [`FileField::TooLarge`]. A larger body than [`MAX_DRAINED`] is
//! refused.

use std::collections::HashMap;

use hih_kernel::AppError;
use poem::web::{Form, Multipart};
use poem::{Body, FromRequest, Request, RequestBody};
use tokio::io::AsyncReadExt;

use crate::WebError;

/// The largest request body held in memory (the largest upload any form takes).
pub const MAX_BODY: usize = 20 * 1024 * 1024;

/// The largest request body read at all: beyond [`MAX_BODY`] it is only read and discarded,
/// so that the answer about the too-large file reaches the browser.
pub const MAX_DRAINED: usize = 256 * 1024 * 1024;

/// Marks a request whose body was cut at [`MAX_BODY`]: only its beginning is in the body.
#[derive(Debug, Clone, Copy)]
pub struct Truncated;

/// A body read up to a limit.
pub(crate) struct Capped {
    /// The first bytes, at most the limit.
    pub bytes: Vec<u8>,
    /// Whether more arrived than the limit (read and discarded).
    pub cut: bool,
}

/// Reads `body`: the first `limit` bytes are kept, the rest up to [`MAX_DRAINED`] is read
/// and discarded. Errors when the body breaks off or is larger than [`MAX_DRAINED`].
pub(crate) async fn read_capped(body: Body, limit: usize) -> std::io::Result<Capped> {
    let mut reader = body.into_async_read();
    let mut bytes = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut total = 0usize;
    loop {
        let n = reader.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        total += n;
        if total > MAX_DRAINED {
            return Err(std::io::Error::other("request body too large"));
        }
        let room = limit.saturating_sub(bytes.len());
        bytes.extend_from_slice(&buf[..n.min(room)]);
    }
    Ok(Capped {
        cut: total > limit,
        bytes,
    })
}

/// A file field of an upload form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileField {
    /// No file chosen (an empty file input sends none).
    Missing,
    /// A chosen file.
    Chosen {
        /// The name the browser gave (never trusted for the type).
        name: String,
        /// The content.
        bytes: Vec<u8>,
    },
    /// A file larger than the server takes ([`MAX_BODY`]): not received.
    TooLarge,
}

impl FileField {
    /// The content of a chosen file.
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            FileField::Chosen { bytes, .. } => Some(bytes),
            _ => None,
        }
    }
}

/// A submitted upload form: its text fields and its files. Also takes a plain urlencoded
/// form (without files).
#[derive(Debug, Default)]
pub struct UploadForm {
    fields: HashMap<String, String>,
    files: HashMap<String, FileField>,
    truncated: bool,
}

impl UploadForm {
    /// A text field (empty when missing).
    pub fn text(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }

    /// Whether a field (e.g. a checkbox) was sent.
    pub fn has(&self, name: &str) -> bool {
        self.fields.contains_key(name)
    }

    /// Takes the file field `name` out of the form: a body cut at [`MAX_BODY`] reports every
    /// file not received whole as [`FileField::TooLarge`].
    pub fn take_file(&mut self, name: &str) -> FileField {
        match self.files.remove(name) {
            Some(f) => f,
            None if self.truncated => FileField::TooLarge,
            None => FileField::Missing,
        }
    }
}

fn bad_request() -> WebError {
    WebError(AppError::Refused("error-bad-request".into()))
}

impl<'a> FromRequest<'a> for UploadForm {
    async fn from_request(req: &'a Request, body: &mut RequestBody) -> poem::Result<Self> {
        let multipart = req
            .content_type()
            .is_some_and(|c| c.to_ascii_lowercase().starts_with("multipart/form-data"));
        if !multipart {
            let Form(fields) = Form::<HashMap<String, String>>::from_request(req, body)
                .await
                .map_err(|_| bad_request())?;
            return Ok(UploadForm {
                fields,
                ..UploadForm::default()
            });
        }
        let truncated = req.extensions().get::<Truncated>().is_some();
        let mut form = Multipart::from_request(req, body)
            .await
            .map_err(|_| bad_request())?;
        let mut out = UploadForm {
            truncated,
            ..UploadForm::default()
        };
        loop {
            // A cut body ends inside a field: what came whole before it is kept.
            let field = match form.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                Err(_) if truncated => break,
                Err(_) => return Err(bad_request().into()),
            };
            let name = field.name().unwrap_or_default().to_string();
            if let Some(file_name) = field.file_name().map(str::to_string) {
                let bytes = match field.bytes().await {
                    Ok(b) => b,
                    Err(_) if truncated => break,
                    Err(_) => return Err(bad_request().into()),
                };
                if !file_name.is_empty() || !bytes.is_empty() {
                    out.files.insert(
                        name,
                        FileField::Chosen {
                            name: file_name,
                            bytes,
                        },
                    );
                }
            } else {
                match field.text().await {
                    Ok(text) => {
                        out.fields.insert(name, text);
                    }
                    Err(_) if truncated => break,
                    Err(_) => return Err(bad_request().into()),
                }
            }
        }
        Ok(out)
    }
}

/// The policies of a page whose form may record a voice message (a file input marked for
/// recording in `platform/forms.html`): the microphone for this origin only, and recorded
/// audio (`blob:`) playable for the check before sending. Every other page keeps the
/// microphone off.
pub fn allow_recording(mut resp: poem::Response) -> poem::Response {
    let h = resp.headers_mut();
    h.insert(
        "permissions-policy",
        poem::http::HeaderValue::from_static(
            "camera=(), microphone=(self), geolocation=(), payment=()",
        ),
    );
    if let Ok(v) = poem::http::HeaderValue::from_str(&format!(
        "{}; media-src 'self' blob:",
        crate::middleware::CSP
    )) {
        h.insert("content-security-policy", v);
    }
    resp
}

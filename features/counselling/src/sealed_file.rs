//! The one way counselling keeps files (message attachments and voice messages, the staff
//! exchange's materials): the type sniffed from the content against the accepted types of
//! the place (`infer`, never the name or the browser's claim), the content sealed with the
//! current key for the record's context (AES-256-GCM, [`crate::crypto`], key id per row) and
//! stored in the database, and the download answered with the strict headers every file gets
//! (`Content-Disposition`, `X-Content-Type-Options: nosniff`, a sandboxing CSP).

use hih_kernel::{AppError, Services};
use poem::Response;
use poem::http::{StatusCode, header};

use crate::crypto::{Keys, Sealed};

/// Accepted types of a place: what `infer` reports → (stored media type, extension).
pub type Accepted = [(&'static str, &'static str, &'static str)];

/// The strict policy of a downloaded file: no script, no styles, no frames, a sandbox.
pub const DOWNLOAD_CSP: &str = "default-src 'none'; sandbox";

/// The sniffed type of `bytes` as (media type, extension), if `accepted` has it.
pub fn sniff(bytes: &[u8], accepted: &Accepted) -> Option<(&'static str, &'static str)> {
    let found = infer::get(bytes)?.mime_type();
    accepted
        .iter()
        .find(|(sniffed, _, _)| *sniffed == found)
        .map(|(_, mime, ext)| (*mime, *ext))
}

/// Seals `plain` with the current key for the record context `context`.
pub fn seal(services: &Services, context: &str, plain: &[u8]) -> Result<Sealed, AppError> {
    Ok(Keys::of(&services.settings).seal(context, plain)?)
}

/// Opens content sealed for `context` with key `key_id`.
pub fn open(
    services: &Services,
    context: &str,
    key_id: &str,
    nonce: &[u8],
    sealed: &[u8],
) -> Result<Vec<u8>, AppError> {
    Ok(Keys::of(&services.settings).open(context, key_id, nonce, sealed)?)
}

/// A file's download: `mime`, `disposition` (`attachment; filename=…`, or `inline` for the
/// audio player), never sniffed by the browser, never run.
pub fn response(mime: &str, disposition: &str, plain: Vec<u8>) -> Response {
    Response::builder()
        .status(StatusCode::OK)
        .content_type(mime)
        .header(header::CONTENT_DISPOSITION, disposition)
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(header::CONTENT_SECURITY_POLICY, DOWNLOAD_CSP)
        .body(plain)
}

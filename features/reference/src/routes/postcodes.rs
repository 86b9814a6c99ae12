//! Postcode upload (admins, R-REF-1): the file is checked and imported in one step; the
//! validation report is shown on a page of its own (POST-redirect-GET).

use hih_kernel::AppError;
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::upload::{FileField, UploadForm};
use hih_web::{Ctx, WebError, WebResult};
use poem::handler;
use serde::{Deserialize, Serialize};

use crate::postcodes;

#[derive(Serialize, Deserialize, Default)]
struct StoredReport {
    rows: u64,
    imported: u64,
    duplicates: u64,
    dry_run: bool,
    problems: Vec<(u64, String)>,
    more: usize,
}

/// Upload (multipart: `file`, optional `dry_run`); the report is shown on the next page.
#[handler]
pub async fn upload(ctx: Ctx, mut form: UploadForm) -> WebResult {
    let dry_run = form.has("dry_run");
    let bytes = match form.take_file("file") {
        FileField::Chosen { bytes, .. } => bytes,
        FileField::Missing => Vec::new(),
        FileField::TooLarge => {
            return Err(WebError(AppError::Refused("error-upload-too-large".into())));
        }
    };
    let outcome = postcodes::import(ctx.services(), &ctx.actor, &bytes, dry_run, |_, _| {}).await?;
    const SHOWN: usize = 50;
    let stored = StoredReport {
        rows: outcome.rows,
        imported: outcome.imported,
        duplicates: outcome.duplicates,
        dry_run: outcome.dry_run,
        more: outcome.problems.len().saturating_sub(SHOWN),
        problems: outcome
            .problems
            .iter()
            .take(SHOWN)
            .map(|p| (p.line, p.key.to_string()))
            .collect(),
    };
    ctx.session.set("_plz_report", &stored);
    ctx.redirect("/referenzdaten/postleitzahlen/bericht")
}

/// The report of the last upload.
#[handler]
pub async fn report(ctx: Ctx) -> WebResult {
    let Some(r) = ctx.session.get::<StoredReport>("_plz_report") else {
        return ctx.redirect("/referenzdaten");
    };
    let count = postcodes::count(ctx.services()).await?;
    ctx.render(
        "reference/import_report.html",
        context! { r => Serde(r), count => count },
    )
    .await
}

//! Distribution list (Verteiler, R-EXP-4) of a list's search: the e-mail addresses of exactly
//! the records the list finds (in the caller's scope), as a page with copyable addresses and a
//! `mailto:` link (addresses in BCC), and as CSV/XLSX. Records without an address are left out
//! and counted; an address used by several records appears once.

use std::collections::HashSet;

use hih_db::access::AccessAction;
use hih_kernel::AppError;
use minijinja::context;
use minijinja::value::Serde;
use serde::Serialize;

use super::endpoints::download_of;
use super::source::RowSource;
use super::spec::params_of;
use super::{ListParams, ListView};
use crate::export::{Cell, ExportWriter};
use crate::{Ctx, WebError, WebResult};

/// Beyond this many addresses the page offers no `mailto:` link (mail programs truncate
/// long links).
const MAILTO_MAX: usize = 100;
/// Beyond this many addresses the page shows no field to copy them from, only the downloads
/// (the table pages).
const SHOWN_MAX: usize = 2000;

/// The texts and file names of a list's distribution list.
#[derive(Debug, Clone, Copy)]
pub struct Distribution {
    /// Text key of the page title.
    pub title_key: &'static str,
    /// Text key of the introduction (argument `count`: addresses).
    pub intro_key: &'static str,
    /// Text key of "N records have no address" (argument `count`).
    pub without_key: &'static str,
    /// Text key of the link back to the list.
    pub back_key: &'static str,
    /// Text key of the record column's header (company, applicant).
    pub record_key: &'static str,
    /// Text key of the sheet name.
    pub sheet_key: &'static str,
    /// The download's file stem (`verteiler-unternehmen`).
    pub file: &'static str,
}

/// One line of a distribution list.
#[derive(Debug, Clone, Serialize)]
pub struct Recipient {
    /// The record (company name, applicant's name).
    pub record: String,
    /// Text key of the salutation, empty if none.
    pub salutation_key: String,
    /// First name of the person addressed.
    pub first_name: String,
    /// Last name of the person addressed.
    pub last_name: String,
    /// The address.
    pub email: String,
}

/// The recipients of the search in the list's order, how many records had no address and how
/// many records the search found.
async fn recipients<R: RowSource>(
    source: &R,
    ctx: &Ctx,
    params: &ListParams,
) -> WebResult<(Vec<Recipient>, u64, u64)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut without = 0;
    let mut found = 0;
    let mut batches = source.batches(ctx, params).await?;
    while let Some(batch) = batches.next(ctx).await? {
        for r in source.view().recipients(ctx, batch).await? {
            found += 1;
            let Some(r) = r.filter(|r| !r.email.trim().is_empty()) else {
                without += 1;
                continue;
            };
            if seen.insert(r.email.trim().to_lowercase()) {
                out.push(r);
            }
        }
    }
    Ok((out, without, found))
}

/// The distribution-list page of a search.
pub(crate) async fn page<R: RowSource>(
    source: &R,
    ctx: &Ctx,
    query: &[(String, String)],
) -> WebResult {
    let spec = source.view();
    let Some(d) = spec.distribution() else {
        return Err(WebError(AppError::NotFound));
    };
    let params = params_of(spec, ctx, query).await?;
    let (list, without, found) = recipients(source, ctx, &params).await?;
    // The table pages like every list (its pager links stay on this page); the copy field
    // and the downloads hold every address.
    let mut pages = params.clone();
    pages.path = format!("{}/verteiler", <R::View as ListView>::INFO.path);
    let total = list.len() as u64;
    let (offset, limit) = pages.window(total);
    let shown: Vec<&Recipient> = list
        .iter()
        .skip(offset as usize)
        .take(limit.map_or(usize::MAX, |l| l as usize))
        .collect();
    let addresses: Vec<&str> = list.iter().map(|r| r.email.as_str()).collect();
    ctx.log_access(
        AccessAction::Search,
        <R::View as ListView>::INFO.entity,
        None,
        serde_json::json!({ "list": "distribution", "filter": params.filters }),
        Some(list.len() as i64),
    )
    .await;
    ctx.render(
        "platform/distribution.html",
        context! {
            d => context! {
                title_key => d.title_key,
                intro_key => d.intro_key,
                without_key => d.without_key,
                back_key => d.back_key,
                record_key => d.record_key,
            },
            path => <R::View as ListView>::INFO.path,
            count => list.len(),
            without => without,
            found => found,
            mailto => (list.len() <= MAILTO_MAX && !list.is_empty())
                .then(|| format!("mailto:?bcc={}", addresses.join(","))),
            addresses => (list.len() <= SHOWN_MAX).then(|| addresses.join(", ")),
            shown => Serde(shown),
            list => pages.view(total, &[]),
            filter_query => params.filter_query(),
            mailto_max => MAILTO_MAX,
        },
    )
    .await
}

/// CSV or XLSX of the distribution list (`verteiler.csv`, `verteiler.xlsx`).
pub(crate) async fn file<R: RowSource>(
    source: &R,
    ctx: &Ctx,
    query: &[(String, String)],
    file: &str,
) -> WebResult {
    let spec = source.view();
    let (format, d) = download_of(file, "verteiler.", spec.distribution())?;
    let params = params_of(spec, ctx, query).await?;
    let (list, _, _) = recipients(source, ctx, &params).await?;
    let header: Vec<String> = [
        d.record_key,
        "list-distribution-salutation",
        "list-distribution-first-name",
        "list-distribution-last-name",
        "list-distribution-email",
    ]
    .iter()
    .map(|k| ctx.t(k))
    .collect();
    let mut out = ExportWriter::new(ctx, format, &ctx.t(d.sheet_key), &header)?;
    for r in list {
        let salutation = if r.salutation_key.is_empty() {
            String::new()
        } else {
            ctx.t(&r.salutation_key)
        };
        out.push(&[
            Cell::Text(r.record),
            Cell::Text(salutation),
            Cell::Text(r.first_name),
            Cell::Text(r.last_name),
            Cell::Text(r.email),
        ])?;
    }
    out.respond(
        ctx,
        d.file,
        <R::View as ListView>::INFO.entity,
        serde_json::json!({ "list": "distribution", "file": file, "filter": params.filters }),
    )
    .await
}

//! Distribution list (Verteiler, R-EXP-4) from any company search: the e-mail addresses of
//! exactly the companies the list's search finds (in the caller's scope), as a page with
//! copyable addresses and a `mailto:` link (addresses in BCC), and as CSV/XLSX. The contact
//! person's address is used, else the company's; companies without any address are left
//! out and counted; an address used by several companies appears once.

use std::collections::HashSet;

use futures::TryStreamExt;
use hih_db::access::AccessAction;
use hih_kernel::AppError;
use hih_web::export::{Cell, ExportFormat, ExportWriter};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, ListParams, WebError, WebResult};
use poem::handler;
use poem::web::{Path, Query};
use sea_orm::QuerySelect;
use serde::Serialize;

use super::list::{COLUMNS, FILTERS, filtered};
use crate::entities::company;
use crate::service::SALUTATIONS;

/// Beyond this many addresses the page offers no `mailto:` link (mail programs truncate
/// long links) and no list to copy, only the downloads.
const MAILTO_MAX: usize = 100;
/// Beyond this many addresses the page shows no list to copy.
const SHOWN_MAX: usize = 2000;

#[derive(sea_orm::FromQueryResult)]
struct Contact {
    name: String,
    email: String,
    contact_salutation: String,
    contact_first_name: String,
    contact_last_name: String,
    contact_email: String,
}

/// One line of the distribution list.
#[derive(Serialize)]
struct Recipient {
    company: String,
    salutation_key: String,
    first_name: String,
    last_name: String,
    email: String,
}

/// The recipients of the search, in the list's order, and how many companies had no address.
async fn recipients(ctx: &Ctx, params: &ListParams) -> WebResult<(Vec<Recipient>, u64)> {
    let mut rows = filtered(ctx, params)
        .select_only()
        .columns([
            company::Column::Name,
            company::Column::Email,
            company::Column::ContactSalutation,
            company::Column::ContactFirstName,
            company::Column::ContactLastName,
            company::Column::ContactEmail,
        ])
        .into_model::<Contact>()
        .stream(&ctx.services().db)
        .await?;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut without = 0;
    while let Some(c) = rows.try_next().await? {
        let email = [c.contact_email.trim(), c.email.trim()]
            .into_iter()
            .find(|e| !e.is_empty())
            .map(str::to_string);
        let Some(email) = email else {
            without += 1;
            continue;
        };
        if !seen.insert(email.to_lowercase()) {
            continue;
        }
        out.push(Recipient {
            company: c.name,
            salutation_key: SALUTATIONS
                .iter()
                .find(|(v, _)| *v == c.contact_salutation)
                .map(|(_, k)| k.to_string())
                .unwrap_or_default(),
            first_name: c.contact_first_name,
            last_name: c.contact_last_name,
            email,
        });
    }
    Ok((out, without))
}

fn params(ctx: &Ctx, query: &[(String, String)]) -> ListParams {
    ListParams::parse(ctx, "companies-distribution", query, &FILTERS, &COLUMNS)
}

/// The distribution-list page of a search.
#[handler]
pub async fn page(ctx: Ctx, Query(query): Query<Vec<(String, String)>>) -> WebResult {
    let params = params(&ctx, &query);
    let (list, without) = recipients(&ctx, &params).await?;
    let addresses: Vec<&str> = list.iter().map(|r| r.email.as_str()).collect();
    ctx.log_access(
        AccessAction::Search,
        "company",
        None,
        serde_json::json!({ "list": "distribution", "filter": params.filters }),
        Some(list.len() as i64),
    )
    .await;
    let filter_query = params.filter_query();
    ctx.render(
        "companies/distribution.html",
        context! {
            count => list.len(),
            without => without,
            mailto => (list.len() <= MAILTO_MAX && !list.is_empty())
                .then(|| format!("mailto:?bcc={}", addresses.join(","))),
            addresses => (list.len() <= SHOWN_MAX).then(|| addresses.join(", ")),
            shown => Serde(list.iter().take(SHOWN_MAX).collect::<Vec<_>>()),
            filter_query => filter_query,
            mailto_max => MAILTO_MAX,
        },
    )
    .await
}

/// CSV or XLSX of the distribution list (`verteiler.csv`, `verteiler.xlsx`).
#[handler]
pub async fn download_file(
    ctx: Ctx,
    Path(file): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> WebResult {
    let Some(format) =
        ExportFormat::from_file_name(&file).filter(|_| file.starts_with("verteiler."))
    else {
        return Err(WebError(AppError::NotFound));
    };
    let params = params(&ctx, &query);
    let (list, _) = recipients(&ctx, &params).await?;
    let header: Vec<String> = [
        "companies-field-name",
        "users-field-salutation",
        "users-field-first-name",
        "users-field-last-name",
        "users-field-email",
    ]
    .iter()
    .map(|k| ctx.t(k))
    .collect();
    let mut out = ExportWriter::new(format, &ctx.t("companies-distribution-sheet"), &header)?;
    for r in &list {
        out.push(&[
            Cell::Text(r.company.clone()),
            Cell::Text(if r.salutation_key.is_empty() {
                String::new()
            } else {
                ctx.t(&r.salutation_key)
            }),
            Cell::Text(r.first_name.clone()),
            Cell::Text(r.last_name.clone()),
            Cell::Text(r.email.clone()),
        ])?;
    }
    out.respond(
        &ctx,
        "verteiler-unternehmen",
        "company",
        serde_json::json!({ "list": "distribution", "file": file, "filter": params.filters }),
    )
    .await
}

//! HTML pages of the contact history: the tab pages `/unternehmen/:id/kontakte` and
//! `/bewerber/:id/kontakte` (list, new entry), the overall list `/kontakte`, and one entry
//! under `/kontakte/:id` (view, edit with confirmation, delete with confirmation).

pub mod entry;
pub mod list;
pub mod named;

use hih_web::{Ctx, WebResult};
use serde::Serialize;

/// The record a tab page belongs to.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// `company` or `applicant`.
    pub kind: &'static str,
    /// Record id.
    pub id: i64,
    /// Heading: company name, or applicant name with Bewerberkennung.
    pub title: String,
    /// The record's page (`/unternehmen/7`).
    pub href: String,
}

impl Record {
    /// The record's contact-history page.
    pub fn contacts_href(&self) -> String {
        format!("{}/kontakte", self.href)
    }
}

/// A company in the caller's scope as a [`Record`], else 404 (logged).
pub async fn company_record(ctx: &Ctx, id: i64) -> WebResult<Record> {
    let c = hih_companies::load_company(ctx, id).await?;
    Ok(Record {
        kind: "company",
        id,
        title: c.name,
        href: format!("/unternehmen/{id}"),
    })
}

/// An applicant in the caller's scope as a [`Record`], else 404 (logged).
pub async fn applicant_record(ctx: &Ctx, id: i64) -> WebResult<Record> {
    let a = hih_applicants::load_applicant(ctx, id).await?;
    Ok(Record {
        kind: "applicant",
        id,
        title: format!(
            "{} {} ({})",
            a.first_names,
            a.last_name,
            a.applicant_id.unwrap_or_default()
        ),
        href: format!("/bewerber/{id}"),
    })
}

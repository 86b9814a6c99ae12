//! The deletion at the programme's end (R-GEN-3, R-RET-1): every company and applicant is
//! deleted physically together with what hangs on them — status histories, contact entries,
//! matches, IHK districts' access to applicants — and so are the self-registration invitations
//! and their pending data, the generated files (reports and partner exports, with their
//! download links) and the notifications that lead to such records or files.
//!
//! Everything happens in one unit of work (the audit chain's lock keeps every other write out
//! meanwhile): companies and applicants are folded into the anonymous statistics counters
//! first (R-RET-3) and deleted in bounded batches by [`hih_db::retention::fold_and_delete`],
//! the same path the retention purges take; counselling's conversations and staff exchange
//! go with them ([`hih_counselling::programme_end`]); one `programme-end` audit event
//! holds the counts per kind. A second run finds nothing and records nothing more.
//!
//! Kept: the monthly counts (1A, R-COM-4). They are anonymous aggregates per IHK district and
//! month — no data about a company or a person — and the statistics read the programme's 1A
//! targets from them, which R-RET-3 requires to stay the same after deletion. Likewise
//! counselling's anonymous counters and first-response times.

use chrono::NaiveDate;
use hih_applicants::entities::{
    applicant, applicant_access, applicant_status_change, invitation, pending_registration,
};
use hih_companies::entities::{company, company_status_change, monthly_count};
use hih_contact_history::entities::contact_entry;
use hih_counselling::programme_end::Part;
use hih_db::UnitOfWork;
use hih_db::retention::fold_and_delete;
use hih_kernel::{Actor, AppError, Services};
use hih_matching::entities::placement;
use hih_notify::entity as notification;
use hih_reports::entities::{download_link, generated_file};
use hih_reports::files::KIND_PARTNER;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Map, Value};

use super::{ACTION_DELETED, AUDIT_ENTITY, ended, today};

/// What is deleted, in the order it is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Companies (1B).
    Companies,
    /// Status history of companies.
    CompanyStatusChanges,
    /// Applicants (2).
    Applicants,
    /// Status history of applicants.
    ApplicantStatusChanges,
    /// Contact-history entries.
    ContactEntries,
    /// Matches.
    Matches,
    /// IHK districts' access to applicants.
    ApplicantAccess,
    /// Self-registrations not yet approved or rejected.
    PendingRegistrations,
    /// Self-registration invitations.
    Invitations,
    /// Generated report files.
    ReportFiles,
    /// Generated partner exports.
    PartnerExports,
    /// Download links of generated files.
    DownloadLinks,
    /// Notifications leading to companies, applicants or reports.
    Notifications,
    /// A part of counselling: conversations with everything in them, guests, the staff
    /// exchange ([`hih_counselling::programme_end`]).
    Counselling(Part),
}

impl Kind {
    /// Every kind in listing order.
    pub const ALL: [Kind; 21] = [
        Kind::Companies,
        Kind::CompanyStatusChanges,
        Kind::Applicants,
        Kind::ApplicantStatusChanges,
        Kind::ContactEntries,
        Kind::Matches,
        Kind::ApplicantAccess,
        Kind::PendingRegistrations,
        Kind::Invitations,
        Kind::ReportFiles,
        Kind::PartnerExports,
        Kind::DownloadLinks,
        Kind::Notifications,
        Kind::Counselling(Part::Conversations),
        Kind::Counselling(Part::Messages),
        Kind::Counselling(Part::Attachments),
        Kind::Counselling(Part::Appointments),
        Kind::Counselling(Part::Guests),
        Kind::Counselling(Part::ForumTopics),
        Kind::Counselling(Part::ForumPosts),
        Kind::Counselling(Part::Materials),
    ];

    /// Stable code (the key in the audit event's counts).
    pub fn code(self) -> &'static str {
        match self {
            Kind::Companies => "companies",
            Kind::CompanyStatusChanges => "company_status_changes",
            Kind::Applicants => "applicants",
            Kind::ApplicantStatusChanges => "applicant_status_changes",
            Kind::ContactEntries => "contact_entries",
            Kind::Matches => "matches",
            Kind::ApplicantAccess => "applicant_access",
            Kind::PendingRegistrations => "pending_registrations",
            Kind::Invitations => "invitations",
            Kind::ReportFiles => "report_files",
            Kind::PartnerExports => "partner_exports",
            Kind::DownloadLinks => "download_links",
            Kind::Notifications => "notifications",
            Kind::Counselling(part) => part.code(),
        }
    }

    /// Text key of the kind's label (takes `count`).
    pub fn label_key(self) -> &'static str {
        match self {
            Kind::Companies => "protocol-programme-end-kind-companies",
            Kind::CompanyStatusChanges => "protocol-programme-end-kind-company-status",
            Kind::Applicants => "protocol-programme-end-kind-applicants",
            Kind::ApplicantStatusChanges => "protocol-programme-end-kind-applicant-status",
            Kind::ContactEntries => "protocol-programme-end-kind-contacts",
            Kind::Matches => "protocol-programme-end-kind-matches",
            Kind::ApplicantAccess => "protocol-programme-end-kind-access",
            Kind::PendingRegistrations => "protocol-programme-end-kind-registrations",
            Kind::Invitations => "protocol-programme-end-kind-invitations",
            Kind::ReportFiles => "protocol-programme-end-kind-reports",
            Kind::PartnerExports => "protocol-programme-end-kind-partner-exports",
            Kind::DownloadLinks => "protocol-programme-end-kind-links",
            Kind::Notifications => "protocol-programme-end-kind-notifications",
            Kind::Counselling(part) => part.label_key(),
        }
    }
}

/// Rows per kind, in [`Kind::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts(pub Vec<(Kind, u64)>);

impl Counts {
    /// The count of one kind.
    pub fn get(&self, kind: Kind) -> u64 {
        self.0
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, n)| *n)
    }

    /// All rows together.
    pub fn total(&self) -> u64 {
        self.0.iter().map(|(_, n)| n).sum()
    }

    /// `{code: count}` for the audit event.
    pub fn to_json(&self) -> Value {
        let mut out = Map::new();
        for (k, n) in &self.0 {
            out.insert(k.code().to_string(), Value::from(*n));
        }
        Value::Object(out)
    }
}

/// Notifications that lead to a company, an applicant (also their matches and
/// self-registrations) or a generated report: they name what is deleted.
fn notifications_about_records() -> Condition {
    Condition::any()
        .add(notification::Column::Href.like("/unternehmen/%"))
        .add(notification::Column::Href.like("/bewerber/%"))
        .add(notification::Column::Href.like("/berichte/%"))
}

async fn count<C: ConnectionTrait>(db: &C, kind: Kind) -> Result<u64, AppError> {
    Ok(match kind {
        Kind::Companies => company::Entity::find().count(db).await?,
        Kind::CompanyStatusChanges => company_status_change::Entity::find().count(db).await?,
        Kind::Applicants => applicant::Entity::find().count(db).await?,
        Kind::ApplicantStatusChanges => applicant_status_change::Entity::find().count(db).await?,
        Kind::ContactEntries => contact_entry::Entity::find().count(db).await?,
        Kind::Matches => placement::Entity::find().count(db).await?,
        Kind::ApplicantAccess => applicant_access::Entity::find().count(db).await?,
        Kind::PendingRegistrations => pending_registration::Entity::find().count(db).await?,
        Kind::Invitations => invitation::Entity::find().count(db).await?,
        Kind::ReportFiles => {
            generated_file::Entity::find()
                .filter(generated_file::Column::Kind.ne(KIND_PARTNER))
                .count(db)
                .await?
        }
        Kind::PartnerExports => {
            generated_file::Entity::find()
                .filter(generated_file::Column::Kind.eq(KIND_PARTNER))
                .count(db)
                .await?
        }
        Kind::DownloadLinks => download_link::Entity::find().count(db).await?,
        Kind::Notifications => {
            notification::Entity::find()
                .filter(notifications_about_records())
                .count(db)
                .await?
        }
        Kind::Counselling(part) => hih_counselling::programme_end::count(db, part).await?,
    })
}

/// What the deletion would remove now, per kind (the dry run; also the deletion's own
/// counts, taken under the audit lock just before it deletes).
pub async fn plan<C: ConnectionTrait>(db: &C) -> Result<Counts, AppError> {
    let mut out = Vec::with_capacity(Kind::ALL.len());
    for kind in Kind::ALL {
        out.push((kind, count(db, kind).await?));
    }
    Ok(Counts(out))
}

/// Monthly counts (1A) that stay: anonymous aggregates the statistics are built from.
pub async fn kept_monthly_counts<C: ConnectionTrait>(db: &C) -> Result<u64, AppError> {
    Ok(monthly_count::Entity::find().count(db).await?)
}

/// What a deletion run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The programme's end date.
    pub end: NaiveDate,
    /// Rows deleted per kind.
    pub counts: Counts,
    /// Whether the `programme-end` audit event was written (first run, or rows were found).
    pub recorded: bool,
}

/// Deletes everything listed in [`Kind`] (see the module documentation), if the end date is
/// set and reached; refuses otherwise (`AppError::Refused`). Idempotent.
pub async fn run_deletion(services: &Services, actor: &Actor) -> Result<Outcome, AppError> {
    let Some(end) = services.settings.programme_end_date else {
        return Err(AppError::Refused(
            "protocol-programme-end-no-date".to_string(),
        ));
    };
    if today(services) < end {
        return Err(AppError::Refused(
            "protocol-programme-end-not-reached".to_string(),
        ));
    }
    let mut uow = UnitOfWork::begin(services, actor).await?;
    let counts = plan(uow.txn()).await?;
    notification::Entity::delete_many()
        .filter(notifications_about_records())
        .exec(uow.txn())
        .await?;
    pending_registration::Entity::delete_many()
        .exec(uow.txn())
        .await?;
    invitation::Entity::delete_many().exec(uow.txn()).await?;
    download_link::Entity::delete_many().exec(uow.txn()).await?;
    generated_file::Entity::delete_many()
        .exec(uow.txn())
        .await?;
    // Companies first: their fold also folds all their matches, which the database deletes
    // with them; the applicants' fold then finds the rest (each match is folded once).
    fold_and_delete::<company::Entity>(&mut uow, "company", company::Column::Id, Condition::all())
        .await?;
    fold_and_delete::<applicant::Entity>(
        &mut uow,
        "applicant",
        applicant::Column::Id,
        Condition::all(),
    )
    .await?;
    // The foreign keys removed the dependent rows; anything left (entries about neither a
    // company nor an applicant) goes now.
    contact_entry::Entity::delete_many().exec(uow.txn()).await?;
    placement::Entity::delete_many().exec(uow.txn()).await?;
    applicant_access::Entity::delete_many()
        .exec(uow.txn())
        .await?;
    company_status_change::Entity::delete_many()
        .exec(uow.txn())
        .await?;
    applicant_status_change::Entity::delete_many()
        .exec(uow.txn())
        .await?;
    hih_counselling::programme_end::delete_all(uow.txn()).await?;
    let left = plan(uow.txn()).await?;
    if left.total() != 0 {
        return Err(AppError::Internal(format!(
            "programme end deletion left rows: {}",
            left.to_json()
        )));
    }
    let recorded = counts.total() > 0 || ended(uow.txn()).await?.is_none();
    if recorded {
        uow.event(
            AUDIT_ENTITY,
            &end.to_string(),
            ACTION_DELETED,
            serde_json::json!({ "end_date": end.to_string(), "deleted": counts.to_json() }),
        );
    }
    uow.commit().await?;
    Ok(Outcome {
        end,
        counts,
        recorded,
    })
}

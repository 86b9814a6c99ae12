//! The person a data-subject request is about: an applicant, or a company with its contact
//! person (R-RET-2). Loaded without the staff scopes — the permission `DATA_SUBJECT` covers
//! every record, deactivated ones included, because they still hold data.

use hih_applicants::entities::{applicant, invitation};
use hih_companies::entities::company;
use hih_kernel::AppError;
use hih_notify::entity as notification;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

/// Which kind of record a request is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An applicant (category 2).
    Applicant,
    /// A company and its contact person (category 1B).
    Company,
}

impl Kind {
    /// The URL segment under `/auskunft` and of the business pages.
    pub fn segment(self) -> &'static str {
        match self {
            Kind::Applicant => "bewerber",
            Kind::Company => "unternehmen",
        }
    }

    /// The audit and access-log entity name.
    pub fn entity(self) -> &'static str {
        match self {
            Kind::Applicant => "applicant",
            Kind::Company => "company",
        }
    }

    /// The report page of record `id`.
    pub fn href(self, id: i64) -> String {
        format!("/auskunft/{}/{id}", self.segment())
    }

    /// The record's own business page (`/bewerber/7`), the prefix of notification links.
    pub fn business_href(self, id: i64) -> String {
        format!("/{}/{id}", self.segment())
    }
}

/// The stored record of a person.
#[derive(Debug, Clone)]
pub enum Record {
    /// An applicant row.
    Applicant(applicant::Model),
    /// A company row.
    Company(company::Model),
}

/// One person with a heading for pages and files.
#[derive(Debug, Clone)]
pub struct Person {
    /// Record kind.
    pub kind: Kind,
    /// Record id.
    pub id: i64,
    /// Heading: applicant name with Bewerberkennung, or company name with contact person.
    pub title: String,
    /// The stored row.
    pub record: Record,
}

/// The applicant's heading: names and Bewerberkennung.
pub fn applicant_title(a: &applicant::Model) -> String {
    format!(
        "{} {} ({})",
        a.first_names,
        a.last_name,
        a.applicant_id.clone().unwrap_or_default()
    )
}

/// The company's heading: name and contact person, if any.
pub fn company_title(c: &company::Model) -> String {
    let contact = format!("{} {}", c.contact_first_name, c.contact_last_name);
    let contact = contact.trim();
    if contact.is_empty() {
        c.name.clone()
    } else {
        format!("{} ({contact})", c.name)
    }
}

/// The person `id` of `kind`, active or deactivated; `None` when there is no such record.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    kind: Kind,
    id: i64,
) -> Result<Option<Person>, AppError> {
    Ok(match kind {
        Kind::Applicant => applicant::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|a| Person {
                kind,
                id,
                title: applicant_title(&a),
                record: Record::Applicant(a),
            }),
        Kind::Company => company::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|c| Person {
                kind,
                id,
                title: company_title(&c),
                record: Record::Company(c),
            }),
    })
}

/// Invitations to self-registration that concern the applicant: the one that became this
/// applicant (`applicant_id`) and any sent to the applicant's e-mail address.
pub async fn invitations_of<C: ConnectionTrait>(
    db: &C,
    a: &applicant::Model,
) -> Result<Vec<invitation::Model>, AppError> {
    let mut which = Condition::any().add(invitation::Column::ApplicantId.eq(a.id));
    let email = a.email.trim().to_lowercase();
    if !email.is_empty() {
        which = which.add(Expr::expr(Func::lower(Expr::col(invitation::Column::Email))).eq(email));
    }
    Ok(invitation::Entity::find()
        .filter(which)
        .order_by_asc(invitation::Column::Id)
        .all(db)
        .await?)
}

/// Notifications that name the person: those linking to the record's pages, and (applicants)
/// those about its self-registrations.
pub fn notifications_about(kind: Kind, id: i64, registrations: &[i64]) -> Condition {
    let base = kind.business_href(id);
    let mut c = Condition::any()
        .add(notification::Column::Href.eq(base.clone()))
        .add(notification::Column::Href.like(format!("{base}/%")));
    for p in registrations {
        c = c.add(notification::Column::Href.eq(format!("/bewerber/registrierungen/{p}")));
    }
    c
}

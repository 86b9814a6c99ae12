//! Writing contact-history entries (R-CH-2/3): checks, create, update, delete — all in the
//! caller's unit of work.

use std::collections::HashMap;

use chrono::NaiveDate;
use hih_applicants::entities::applicant;
use hih_applicants::scope::visible_applicants;
use hih_db::UnitOfWork;
use hih_db::fold::fold_fields;
use hih_kernel::{Actor, AppError, FieldErrors, Services};
use sea_orm::{ActiveValue::NotSet, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use crate::entities::contact_entry;
use hih_reference::entities::reference_item;

/// The entry form as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct EntryForm {
    /// Date of the contact (`YYYY-MM-DD`).
    pub contact_date: String,
    /// Contact type code.
    pub contact_type: String,
    /// Topic code.
    pub topic: String,
    /// Entry text.
    pub remarks: String,
    /// Optional Bewerberkennung of an applicant the entry also concerns (entries written on a
    /// company, e.g. an interview).
    pub applicant_code: String,
}

impl EntryForm {
    /// Reads the form fields from posted pairs.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        hih_web::flow::read_fields(pairs)
    }

    /// The form of a stored entry.
    pub fn from_model(m: &contact_entry::Model) -> Self {
        EntryForm {
            contact_date: m.contact_date.to_string(),
            contact_type: m.contact_type.clone(),
            topic: m.topic.clone(),
            remarks: m.remarks.clone(),
            applicant_code: String::new(),
        }
    }
}

/// A checked entry.
#[derive(Debug, Clone)]
pub struct ValidEntry {
    /// Date of the contact.
    pub contact_date: NaiveDate,
    /// Contact type code.
    pub contact_type: String,
    /// Topic code.
    pub topic: String,
    /// Entry text (trimmed).
    pub remarks: String,
    /// The applicant named by the optional Bewerberkennung.
    pub applicant_id: Option<i64>,
}

async fn codes(services: &Services, kind: &str) -> Vec<String> {
    hih_reference::lists::options(services, kind, hih_i18n::Locale::De)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// Checks an entry (R-CH-2). A typed Bewerberkennung must name an applicant the actor may
/// see; contacts cannot be written in the future.
pub async fn validate(
    services: &Services,
    actor: &Actor,
    f: &EntryForm,
) -> Result<ValidEntry, FieldErrors> {
    let mut e = FieldErrors::new();
    e.check_texts(f, &["remarks"]);
    let today = services.clock.now().date_naive();
    let date = NaiveDate::parse_from_str(f.contact_date.trim(), "%Y-%m-%d").ok();
    match date {
        None => e.add("contact_date", "contacts-error-date"),
        Some(d) if d > today => e.add("contact_date", "contacts-error-date-future"),
        Some(_) => {}
    }
    if !codes(services, "contact_type")
        .await
        .contains(&f.contact_type)
    {
        e.add("contact_type", "contacts-error-type");
    }
    if !codes(services, "contact_topic").await.contains(&f.topic) {
        e.add("topic", "contacts-error-topic");
    }
    if f.remarks.trim().is_empty() {
        e.add("remarks", "contacts-error-remarks");
    }
    let mut applicant_id = None;
    let code = f.applicant_code.trim().to_uppercase();
    if !code.is_empty() {
        let found = applicant::Entity::find()
            .filter(applicant::Column::ApplicantId.eq(code))
            .filter(visible_applicants(actor))
            .one(&services.db)
            .await
            .ok()
            .flatten();
        match found {
            Some(a) => applicant_id = Some(a.id),
            None => e.add("applicant_code", "contacts-error-applicant"),
        }
    }
    match (date, e.is_empty()) {
        (Some(contact_date), true) => Ok(ValidEntry {
            contact_date,
            contact_type: f.contact_type.clone(),
            topic: f.topic.clone(),
            remarks: f.remarks.trim().to_string(),
            applicant_id,
        }),
        _ => Err(e),
    }
}

/// The German and English labels of each `(kind, code)` of the contact types and topics.
pub(crate) async fn label_words(
    db: &impl sea_orm::ConnectionTrait,
) -> Result<HashMap<(String, String), (String, String)>, AppError> {
    Ok(reference_item::Entity::find()
        .filter(reference_item::Column::Kind.is_in(["contact_type", "contact_topic"]))
        .all(db)
        .await?
        .into_iter()
        .map(|i| ((i.kind, i.code), (i.label_de, i.label_en)))
        .collect())
}

/// The folded search text of an entry: author, type and topic (codes and their German and
/// English labels, so "persönlich" or "E-Mail" find entries) and the entry text.
pub(crate) fn search_text_with(
    labels: &HashMap<(String, String), (String, String)>,
    author: &str,
    contact_type: &str,
    topic: &str,
    remarks: &str,
) -> String {
    let none = (String::new(), String::new());
    let label = |kind: &str, code: &str| {
        labels
            .get(&(kind.to_string(), code.to_string()))
            .unwrap_or(&none)
            .clone()
    };
    let (type_de, type_en) = label("contact_type", contact_type);
    let (topic_de, topic_en) = label("contact_topic", topic);
    fold_fields([
        author,
        contact_type,
        type_de.as_str(),
        type_en.as_str(),
        topic,
        topic_de.as_str(),
        topic_en.as_str(),
        remarks,
    ])
}

async fn search_text(
    db: &impl sea_orm::ConnectionTrait,
    author: &str,
    v: &ValidEntry,
) -> Result<String, AppError> {
    let labels = label_words(db).await?;
    Ok(search_text_with(
        &labels,
        author,
        &v.contact_type,
        &v.topic,
        &v.remarks,
    ))
}

/// Creates an entry about `company` and/or `applicant`, written by the unit of work's actor.
pub async fn create(
    uow: &mut UnitOfWork,
    company: Option<i64>,
    applicant: Option<i64>,
    v: ValidEntry,
) -> Result<contact_entry::Model, AppError> {
    let applicant = applicant.or(v.applicant_id);
    if company.is_none() && applicant.is_none() {
        return Err(AppError::Internal(
            "a contact entry needs a company or an applicant".into(),
        ));
    }
    let now = uow.now();
    let author = uow.actor().display_name();
    let search_text = search_text(uow.txn(), &author, &v).await?;
    uow.insert(contact_entry::ActiveModel {
        id: NotSet,
        company_id: Set(company),
        applicant_id: Set(applicant),
        author_id: Set(uow.actor().user_id()),
        author_name: Set(author.clone()),
        contact_date: Set(v.contact_date),
        contact_type: Set(v.contact_type.clone()),
        topic: Set(v.topic.clone()),
        remarks: Set(v.remarks.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        search_text: Set(search_text),
    })
    .await
}

/// Updates date, type, topic and text of an entry; author and attachments stay.
pub async fn update(
    uow: &mut UnitOfWork,
    before: &contact_entry::Model,
    v: ValidEntry,
) -> Result<contact_entry::Model, AppError> {
    let mut am = before.clone().into_active_model();
    am.search_text = Set(search_text(uow.txn(), &before.author_name, &v).await?);
    am.contact_date = Set(v.contact_date);
    am.contact_type = Set(v.contact_type);
    am.topic = Set(v.topic);
    am.remarks = Set(v.remarks);
    am.updated_at = Set(uow.now());
    uow.update(before, am).await
}

/// Deletes an entry.
pub async fn delete(uow: &mut UnitOfWork, entry: contact_entry::Model) -> Result<(), AppError> {
    uow.delete::<contact_entry::ActiveModel>(entry).await
}

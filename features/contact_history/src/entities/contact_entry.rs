//! One contact-history entry (R-CH): about a company, an applicant, or both.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One contact with a company and/or an applicant.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "contact_entry")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The company the entry concerns, if any.
    pub company_id: Option<i64>,
    /// The applicant the entry concerns, if any (at least one of the two is set).
    pub applicant_id: Option<i64>,
    /// The author's account (edits and deletions: author and admins).
    pub author_id: Option<i64>,
    /// The author's name when the entry was written (kept if the account goes).
    pub author_name: String,
    /// Date of the contact.
    pub contact_date: Date,
    /// Contact type: code of the reference list `contact_type`.
    pub contact_type: String,
    /// Topic: code of the reference list `contact_topic`.
    pub topic: String,
    /// The entry text.
    pub remarks: String,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Updated.
    pub updated_at: DateTimeUtc,
    /// Folded author, type, topic and remarks (free-text search).
    pub search_text: String,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

hih_db::audited_by_id!("contact_entry");

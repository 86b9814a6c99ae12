//! A self-registration in progress or awaiting review (R-REG-2/3): the wizard's state per
//! step (`data`, the applicant form as JSON), the accepted consent and, once submitted, the
//! submission time. Not yet an applicant; deleted at approval or rejection.
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One pending registration (one per invitation).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "pending_registration")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The invitation.
    pub invitation_id: i64,
    /// Registration country (from the invitation).
    pub country: String,
    /// The entered fields: [`crate::form::ApplicantForm`] as JSON.
    pub data: String,
    /// Version of the consent text accepted (hash of the text shown).
    pub consent_version: String,
    /// When the consent was accepted.
    pub consent_at: DateTimeUtc,
    /// Language the guest used.
    pub locale: String,
    /// Submitted for review (`None`: the guest is still filling the steps).
    pub submitted_at: Option<DateTimeUtc>,
    /// Last change.
    pub updated_at: DateTimeUtc,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

// The entered data stay out of the audit log: a rejected registration's data must be gone for
// good (R-REG-3); an approved one is audited as the applicant it becomes.
hih_db::audited_by_id!("pending_registration", redacted: ["data"]);

//! Which IHK district sees which contact entry (issue 16): derived rows, kept by database
//! triggers in the writing transaction (migration `contact_history_visibility`), never written
//! by the application.
use sea_orm::entity::prelude::*;

/// One district that sees one entry: the entry's company is an active company of the
/// district, or its applicant is active and opened to the district.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contact_visibility")]
pub struct Model {
    /// The IHK district (institution id).
    #[sea_orm(primary_key, auto_increment = false)]
    pub district_id: i64,
    /// The entry it sees.
    #[sea_orm(primary_key, auto_increment = false)]
    pub entry_id: i64,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

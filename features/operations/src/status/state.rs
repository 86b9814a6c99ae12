//! The degraded state last reported, kept in `ops_state` under [`KEY`] (migration
//! `operations`): which findings the operator has already been told about, so a degraded
//! state is reported once and not every minute.
//!
//! This is bookkeeping, not a record: the row is written directly, but always in the same
//! transaction as the notifications it stands for (so "told" and "stored" cannot part), and
//! every report or recovery is an audit event of its own.

use chrono::{DateTime, Utc};
use hih_kernel::AppError;
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use serde::{Deserialize, Serialize};

/// One operational fact by key.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "ops_state")]
pub struct Model {
    /// The fact's name (`status.degraded`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// Its value (JSON).
    pub value: String,
    /// When it was written.
    pub updated_at: DateTimeUtc,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The key of the degraded state last reported.
pub const KEY: &str = "status.degraded";

/// One finding as remembered: which check, which message, how bad.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Seen {
    /// The check's key (`backup`).
    pub check: String,
    /// The message's text key (which kind of trouble).
    pub text_key: String,
    /// `problem` or `warning`.
    pub level: String,
}

/// The degraded state as last reported: its findings (sorted, without their changing numbers)
/// and since when the system has been in it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Degradation {
    /// The findings (empty: all good).
    pub findings: Vec<Seen>,
    /// When the state last changed.
    pub since: Option<DateTime<Utc>>,
}

impl Degradation {
    /// Whether everything was fine.
    pub fn is_ok(&self) -> bool {
        self.findings.is_empty()
    }

    /// How many findings are problems.
    pub fn problems(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.level == "problem")
            .count()
    }

    /// Findings of `self` that `before` did not have.
    pub fn new_since<'a>(&'a self, before: &'a Degradation) -> impl Iterator<Item = &'a Seen> {
        self.findings
            .iter()
            .filter(move |f| !before.findings.contains(f))
    }
}

/// The degraded state last reported (all good if none was stored or the value is unreadable).
pub async fn load<C: ConnectionTrait>(db: &C) -> Result<Degradation, AppError> {
    let row = Entity::find_by_id(KEY.to_string()).one(db).await?;
    Ok(row
        .and_then(|r| serde_json::from_str(&r.value).ok())
        .unwrap_or_default())
}

/// Stores the degraded state (insert or replace).
pub async fn save<C: ConnectionTrait>(
    db: &C,
    state: &Degradation,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let value =
        serde_json::to_string(state).map_err(|e| AppError::Internal(format!("ops_state: {e}")))?;
    Entity::insert(ActiveModel {
        key: Set(KEY.to_string()),
        value: Set(value),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(Column::Key)
            .update_columns([Column::Value, Column::UpdatedAt])
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

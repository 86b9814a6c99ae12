//! An anonymous first-response time: country, topic and seconds, nothing that names a
//! conversation (kept when conversations are deleted).
use sea_orm::entity::prelude::*;
use serde::Serialize;

/// One first-response time.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "counselling_response_time")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Country code.
    pub country: String,
    /// Topic code.
    pub topic: String,
    /// Seconds from opening the conversation to the first staff answer.
    pub seconds: i64,
}

/// No relations declared.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Keeps the first-response time of `c` answered at `now` (in the caller's transaction, as
/// the anonymous counters are).
pub async fn record(
    db: &impl ConnectionTrait,
    c: &crate::entities::conversation::Model,
    now: DateTimeUtc,
) -> Result<(), hih_kernel::AppError> {
    Entity::insert(ActiveModel {
        id: sea_orm::ActiveValue::NotSet,
        country: sea_orm::Set(c.country.clone()),
        topic: sea_orm::Set(c.topic.clone()),
        seconds: sea_orm::Set((now - c.created_at).num_seconds().max(0)),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

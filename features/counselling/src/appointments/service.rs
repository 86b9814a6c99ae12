//! Appointments' writes and reads: staff propose a time in an open conversation (a new random
//! room each time), the guest accepts or declines a proposal once; the pages show them with
//! the room's link once accepted and while a server is configured.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use hih_db::UnitOfWork;
use hih_kernel::{AppError, FieldErrors, Services};
use sea_orm::{
    ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use super::entity::{self as appointment, ACCEPTED, DECLINED, PROPOSED};
use super::jitsi;
use crate::entities::conversation;

/// Reads a proposed start: a date (`JJJJ-MM-TT`) and a time (`HH:MM`) in German time, later
/// than `now`.
pub fn check_start(
    date: &str,
    time: &str,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, FieldErrors> {
    let mut e = FieldErrors::new();
    let day = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok();
    let at = NaiveTime::parse_from_str(time.trim(), "%H:%M").ok();
    if day.is_none() {
        e.add("date", "counselling-appointment-error-date");
    }
    if at.is_none() {
        e.add("time", "counselling-appointment-error-time");
    }
    if let (Some(day), Some(at)) = (day, at) {
        match Berlin.from_local_datetime(&day.and_time(at)).earliest() {
            Some(local) if local.with_timezone(&Utc) > now => {
                return Ok(local.with_timezone(&Utc));
            }
            Some(_) => e.add("date", "counselling-appointment-error-past"),
            None => e.add("time", "counselling-appointment-error-time"),
        }
    }
    Err(e)
}

/// Proposes a video appointment in an open conversation.
pub async fn propose(
    uow: &mut UnitOfWork,
    c: &conversation::Model,
    starts_at: DateTime<Utc>,
) -> Result<appointment::Model, AppError> {
    if c.status != conversation::OPEN {
        return Err(AppError::Refused("counselling-error-closed".into()));
    }
    let now = uow.now();
    uow.insert(appointment::ActiveModel {
        id: NotSet,
        conversation_id: Set(c.id),
        starts_at: Set(starts_at),
        status: Set(PROPOSED.into()),
        room: Set(jitsi::new_room()),
        proposed_by: Set(uow.actor().user_id()),
        proposed_by_name: Set(uow.actor().display_name()),
        created_at: Set(now),
        answered_at: Set(None),
    })
    .await
}

/// The guest's answer to a proposal of their conversation; an appointment already answered
/// (or of another conversation) is not found.
pub async fn answer(
    uow: &mut UnitOfWork,
    conversation_id: i64,
    appointment_id: i64,
    accept: bool,
) -> Result<appointment::Model, AppError> {
    let a = appointment::Entity::find_by_id(appointment_id)
        .filter(appointment::Column::ConversationId.eq(conversation_id))
        .filter(appointment::Column::Status.eq(PROPOSED))
        .one(uow.txn())
        .await?
        .ok_or(AppError::NotFound)?;
    let now = uow.now();
    let mut am = a.clone().into_active_model();
    am.status = Set(if accept { ACCEPTED } else { DECLINED }.into());
    am.answered_at = Set(Some(now));
    uow.update(&a, am).await
}

/// An appointment as the pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    /// Id.
    pub id: i64,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// proposed, accepted or declined.
    pub status: String,
    /// Who proposed it.
    pub proposed_by_name: String,
    /// The room's link for the viewer (accepted appointments, while a server is configured).
    pub url: Option<String>,
}

/// The appointments of a conversation, earliest first, with room links for `viewer` (the
/// name the video call shows).
pub async fn shown(
    db: &impl ConnectionTrait,
    services: &Services,
    conversation_id: i64,
    viewer: &str,
) -> Result<Vec<Shown>, AppError> {
    let s = &services.settings.counselling;
    Ok(appointment::Entity::find()
        .filter(appointment::Column::ConversationId.eq(conversation_id))
        .order_by_asc(appointment::Column::StartsAt)
        .order_by_asc(appointment::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|a| Shown {
            url: (a.status == ACCEPTED && jitsi::enabled(s))
                .then(|| jitsi::room_url(s, &a.room, viewer, a.starts_at)),
            id: a.id,
            starts_at: a.starts_at,
            status: a.status,
            proposed_by_name: a.proposed_by_name,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_start_is_german_time_and_in_the_future() {
        let now = Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap();
        assert_eq!(
            check_start("2026-12-06", "10:30", now).unwrap(),
            Utc.with_ymd_and_hms(2026, 12, 6, 9, 30, 0).unwrap()
        );
        assert!(
            check_start("2026-12-05", "08:00", now)
                .unwrap_err()
                .has("date")
        );
        let e = check_start("6.12.2026", "25:00", now).unwrap_err();
        assert!(e.has("date") && e.has("time"));
    }
}

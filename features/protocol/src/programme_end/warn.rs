//! The warnings before the programme's end (R-GEN-3): 30 and 7 days before the date, every
//! active admin and data-protection officer gets a notification and a mail. Each warning is
//! sent once per end date: the unit of work takes the audit chain's lock first, then looks for
//! the warning's audit event; a second run (or a second instance) finds it and sends nothing.

use chrono::NaiveDate;
use hih_db::UnitOfWork;
use hih_db::entities::audit_log;
use hih_kernel::{Actor, AppError, Role, Services};
use hih_notify::Notice;
use hih_users::recipients::{Filter, active_with_roles};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::{AUDIT_ENTITY, date_de};

/// Notification kind of the warnings.
pub const NOTICE_KIND: &str = "protocol.programme-end-warning";

/// Which warning is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// 30 days before (sent from 30 down to 8 days before, if the job missed the day).
    ThirtyDays,
    /// 7 days before (sent from 7 down to 1 day before).
    SevenDays,
}

impl Warning {
    /// The warning due `days_left` days before the end date, if any.
    pub fn due(days_left: i64) -> Option<Self> {
        match days_left {
            8..=30 => Some(Warning::ThirtyDays),
            1..=7 => Some(Warning::SevenDays),
            _ => None,
        }
    }

    /// The audit action that records it.
    pub fn action(self) -> &'static str {
        match self {
            Warning::ThirtyDays => "warning-30",
            Warning::SevenDays => "warning-7",
        }
    }
}

/// Whether `warning` has been recorded for the end date `end`.
pub async fn was_sent<C: ConnectionTrait>(
    db: &C,
    end: NaiveDate,
    warning: Warning,
) -> Result<bool, AppError> {
    let n = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq(AUDIT_ENTITY))
        .filter(audit_log::Column::EntityId.eq(end.to_string()))
        .filter(audit_log::Column::Action.eq(warning.action()))
        .count(db)
        .await?;
    Ok(n > 0)
}

/// Sends `warning` for the end date `end` (`days_left` days ahead) to all active admins and
/// data-protection officers, unless it was sent before. Returns whether it was sent now.
pub async fn send(
    services: &Services,
    actor: &Actor,
    end: NaiveDate,
    warning: Warning,
    days_left: i64,
) -> Result<bool, AppError> {
    let mut uow = UnitOfWork::begin(services, actor).await?;
    if was_sent(uow.txn(), end, warning).await? {
        return Ok(false);
    }
    let to = active_with_roles(uow.txn(), &[Role::Admin, Role::Dpo], Filter::All).await?;
    let notice = Notice::new(NOTICE_KIND, "protocol-programme-end-notice")
        .arg("date", date_de(end))
        .arg("days", days_left)
        .arg("link", services.settings.absolute_url("/"))
        .mail(
            "protocol-programme-end-mail-subject",
            "protocol-programme-end-mail-body",
        );
    let sent = hih_notify::notify(&mut uow, &to, &notice).await?;
    uow.event(
        AUDIT_ENTITY,
        &end.to_string(),
        warning.action(),
        serde_json::json!({ "days_left": days_left, "recipients": sent }),
    );
    uow.commit().await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_are_due_30_and_7_days_before() {
        assert_eq!(Warning::due(31), None);
        assert_eq!(Warning::due(30), Some(Warning::ThirtyDays));
        assert_eq!(Warning::due(8), Some(Warning::ThirtyDays));
        assert_eq!(Warning::due(7), Some(Warning::SevenDays));
        assert_eq!(Warning::due(1), Some(Warning::SevenDays));
        assert_eq!(Warning::due(0), None);
        assert_eq!(Warning::due(-3), None);
    }
}

//! Start-page tiles of the users feature (R-NOT-2): password expiry warning; accounts waiting
//! for activation (for account managers).

use chrono::Duration;
use hih_kernel::{Actor, AppError, Services, Tile, TileProvider, TileTone};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::entities::user_account;
use crate::permissions::MANAGE_USERS;

/// Days until the password expires, if within the warning period.
pub fn password_days_left(services: &Services, user: &user_account::Model) -> Option<i64> {
    let p = &services.settings.password;
    if p.max_age_days <= 0 {
        return None;
    }
    let changed = user.password_changed_at?;
    let left = (changed + Duration::days(p.max_age_days) - services.clock.now()).num_days();
    (left <= p.warn_days).then_some(left.max(0))
}

/// The users feature's tiles.
pub struct UsersTiles;

#[async_trait::async_trait]
impl TileProvider for UsersTiles {
    async fn tiles(&self, services: &Services, actor: &Actor) -> Result<Vec<Tile>, AppError> {
        let mut out = Vec::new();
        let Some(id) = actor.user_id() else {
            return Ok(out);
        };
        if let Some(user) = user_account::Entity::find_by_id(id)
            .one(&services.db)
            .await?
            && let Some(days) = password_days_left(services, &user)
        {
            out.push(Tile {
                text_key: "users-tile-password-expiry".into(),
                args: vec![("days".into(), days.to_string())],
                href: Some("/passwort/aendern".into()),
                tone: TileTone::Warning,
            });
        }
        if MANAGE_USERS.allows(actor) {
            let waiting = user_account::Entity::find()
                .filter(user_account::Column::Active.eq(false))
                .filter(user_account::Column::ActivatedAt.is_null())
                .count(&services.db)
                .await?;
            if waiting > 0 {
                out.push(Tile {
                    text_key: "users-tile-waiting".into(),
                    args: vec![("count".into(), waiting.to_string())],
                    href: Some("/benutzer?status=inactive".into()),
                    tone: TileTone::Info,
                });
            }
        }
        Ok(out)
    }
}

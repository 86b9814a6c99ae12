//! The start-page tile of the misuse detection: open (unacknowledged) alerts, for admins and
//! data-protection officers.

use hih_kernel::{Actor, AppError, Services, Tile, TileProvider, TileTone};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::entity as misuse_alert;
use crate::permissions::ALERTS;

/// The tile provider.
pub struct AlertTile;

/// The number of open (unacknowledged) alerts.
pub async fn open_count<C: sea_orm::ConnectionTrait>(db: &C) -> Result<u64, AppError> {
    Ok(misuse_alert::Entity::find()
        .filter(misuse_alert::Column::AcknowledgedAt.is_null())
        .count(db)
        .await?)
}

#[async_trait::async_trait]
impl TileProvider for AlertTile {
    async fn tiles(&self, services: &Services, actor: &Actor) -> Result<Vec<Tile>, AppError> {
        if !ALERTS.allows(actor) {
            return Ok(Vec::new());
        }
        let open = open_count(&services.db).await?;
        if open == 0 {
            return Ok(Vec::new());
        }
        Ok(vec![Tile {
            text_key: "protocol-alerts-tile".into(),
            args: vec![("count".into(), open.to_string())],
            href: Some("/protokoll/auffaelligkeiten?status=open".into()),
            tone: TileTone::Danger,
        }])
    }
}

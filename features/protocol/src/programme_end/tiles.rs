//! Start-page tiles of the programme's end (R-GEN-3, R-NOT-2): from 30 days before the date,
//! admins and the data-protection officer see when everything will be deleted; once the
//! deletion has run, every logged-in user sees that the programme has ended.

use hih_kernel::{Actor, AppError, Services, Tile, TileProvider, TileTone};

use super::{date_de, days_left, ended};
use crate::permissions::RETENTION_STATUS;

/// Days before the end date from which admins and the officer see the tile.
pub const WARN_DAYS: i64 = 30;

/// The tiles of the programme's end.
pub struct ProgrammeEndTiles;

#[async_trait::async_trait]
impl TileProvider for ProgrammeEndTiles {
    async fn tiles(&self, services: &Services, actor: &Actor) -> Result<Vec<Tile>, AppError> {
        if actor.user_id().is_none() {
            return Ok(Vec::new());
        }
        if let Some(end) = ended(&services.db).await? {
            return Ok(vec![Tile {
                text_key: "protocol-programme-end-tile-ended".into(),
                args: vec![("date".into(), date_de(end))],
                href: None,
                tone: TileTone::Info,
            }]);
        }
        let (Some(end), Some(left)) = (services.settings.programme_end_date, days_left(services))
        else {
            return Ok(Vec::new());
        };
        if !RETENTION_STATUS.allows(actor) || !(0..=WARN_DAYS).contains(&left) {
            return Ok(Vec::new());
        }
        Ok(vec![Tile {
            text_key: "protocol-programme-end-tile-warning".into(),
            args: vec![
                ("date".into(), date_de(end)),
                ("days".into(), left.to_string()),
            ],
            href: None,
            tone: TileTone::Warning,
        }])
    }
}

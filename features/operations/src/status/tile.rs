//! The start-page tile while the system is degraded (R-NOT-2), for admins and super
//! administrators: it shows the state the status job last found (`ops_state`), so the start
//! page runs no checks of its own.

use hih_kernel::{Actor, AppError, Services, Tile, TileProvider, TileTone};

use super::{PATH, state};
use crate::permissions::STATUS;

/// The tile provider.
pub struct DegradedTile;

#[async_trait::async_trait]
impl TileProvider for DegradedTile {
    async fn tiles(&self, services: &Services, actor: &Actor) -> Result<Vec<Tile>, AppError> {
        if !STATUS.allows(actor) {
            return Ok(Vec::new());
        }
        let degraded = state::load(&services.db).await?;
        if degraded.is_ok() {
            return Ok(Vec::new());
        }
        let problems = degraded.problems();
        let warnings = degraded.findings.len() - problems;
        Ok(vec![Tile {
            text_key: "operations-status-tile".into(),
            args: vec![
                ("problems".into(), problems.to_string()),
                ("warnings".into(), warnings.to_string()),
            ],
            href: Some(PATH.into()),
            tone: if problems > 0 {
                TileTone::Danger
            } else {
                TileTone::Warning
            },
        }])
    }
}

//! Start-page tile: postcode data missing (R-REF-1: checks fall back to five digits).

use hih_kernel::{Actor, AppError, Services, Tile, TileProvider, TileTone};

use crate::permissions::MANAGE_REFERENCE;

/// Tiles of the reference feature.
pub struct ReferenceTiles;

#[async_trait::async_trait]
impl TileProvider for ReferenceTiles {
    async fn tiles(&self, services: &Services, actor: &Actor) -> Result<Vec<Tile>, AppError> {
        if !MANAGE_REFERENCE.allows(actor) || crate::postcodes::count(services).await? > 0 {
            return Ok(Vec::new());
        }
        Ok(vec![Tile {
            text_key: "reference-tile-no-postcodes".into(),
            args: Vec::new(),
            href: Some("/referenzdaten".into()),
            tone: TileTone::Warning,
        }])
    }
}

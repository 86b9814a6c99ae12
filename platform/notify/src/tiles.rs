//! The start-page tile "N ungelesene Benachrichtigungen" (R-NOT-2).

use hih_kernel::{Actor, AppError, Services, Tile, TileProvider, TileTone};

/// Shows the unread count of the logged-in user, if any.
pub struct UnreadTile;

#[async_trait::async_trait]
impl TileProvider for UnreadTile {
    async fn tiles(&self, services: &Services, actor: &Actor) -> Result<Vec<Tile>, AppError> {
        let Some(id) = actor.user_id() else {
            return Ok(Vec::new());
        };
        let unread = crate::unread_count(&services.db, id).await?;
        if unread == 0 {
            return Ok(Vec::new());
        }
        Ok(vec![Tile {
            text_key: "notify-tile-unread".into(),
            args: vec![("count".into(), unread.to_string())],
            href: Some("/benachrichtigungen?filter=ungelesen".into()),
            tone: TileTone::Info,
        }])
    }
}

//! Start-page reminders for monthly counts (R-NOT-2): IHK staff see which month of their
//! district is missing (linking to the oldest one's form); admins how many entered months
//! wait to be closed.

use hih_kernel::{Actor, AppError, Role, Services, Tile, TileProvider, TileTone};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::overview::{self, Status};
use crate::entities::monthly_count;

/// Tiles of the monthly counts.
pub struct MonthlyTiles;

#[async_trait::async_trait]
impl TileProvider for MonthlyTiles {
    async fn tiles(&self, services: &Services, actor: &Actor) -> Result<Vec<Tile>, AppError> {
        match actor.role() {
            Some(Role::IhkStaff) => missing_tile(services, actor).await,
            Some(Role::Admin) => {
                let open = monthly_count::Entity::find()
                    .filter(monthly_count::Column::ClosedAt.is_null())
                    .count(&services.db)
                    .await?;
                Ok(if open > 0 {
                    vec![Tile {
                        text_key: "companies-monthly-tile-open".into(),
                        args: vec![("count".into(), open.to_string())],
                        href: Some("/monatszahlen?status=offen".into()),
                        tone: TileTone::Info,
                    }]
                } else {
                    Vec::new()
                })
            }
            _ => Ok(Vec::new()),
        }
    }
}

async fn missing_tile(services: &Services, actor: &Actor) -> Result<Vec<Tile>, AppError> {
    let districts = overview::districts(services, actor).await?;
    let missing: Vec<_> = overview::rows(services, &districts)
        .await?
        .into_iter()
        .filter(|r| r.status == Status::Missing)
        .collect();
    let Some(oldest) = missing.iter().min_by_key(|r| r.period) else {
        return Ok(Vec::new());
    };
    Ok(vec![Tile {
        text_key: "companies-monthly-tile-missing".into(),
        args: vec![
            ("count".into(), missing.len().to_string()),
            ("month".into(), oldest.period.month.to_string()),
            ("year".into(), oldest.period.year.to_string()),
        ],
        href: Some(format!(
            "/monatszahlen/{}/{}/bearbeiten",
            oldest.district_id,
            oldest.period.key()
        )),
        tone: TileTone::Warning,
    }])
}

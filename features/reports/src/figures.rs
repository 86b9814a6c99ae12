//! The start page's key figures (issue 17): the four programme targets — companies addressed,
//! SMEs addressed, applicants, placements — within the actor's statistics scope. The counts
//! come from the statistics engine's own queries with the same scope and no period, so they
//! are the figures of the statistics page's "Projektziele" (a test keeps them equal).

use std::sync::Arc;

use async_trait::async_trait;
use hih_db::version_cache::VersionCache;
use hih_kernel::{Actor, AppError, FigureProvider, KeyFigure, Registry, Services};

use crate::permissions::STATISTICS;
use crate::scope::{StatScope, stat_scope};
use crate::statistics::query::{Filter, Subject, addressed, measured};
use crate::statistics::{TARGET_ADDRESSED, TARGET_APPLICANTS, TARGET_KMU, TARGET_PLACEMENTS};

/// Where the figures are explained.
const STATISTICS_PAGE: &str = "/statistik";

/// The programme targets as start-page figures.
pub struct TargetFigures;

/// Registers the provider.
pub fn register(r: &mut Registry) {
    r.figures(Arc::new(TargetFigures));
}

/// How many records of `subject` the scope holds (live and folded).
async fn total(services: &Services, subject: Subject, filter: &Filter) -> Result<i64, AppError> {
    Ok(measured(services, subject, &[], &[], filter)
        .await?
        .values()
        .map(|v| v[0])
        .sum())
}

#[async_trait]
impl FigureProvider for TargetFigures {
    async fn figures(
        &self,
        services: &Services,
        actor: &Actor,
    ) -> Result<Vec<KeyFigure>, AppError> {
        let scope = stat_scope(actor);
        if !STATISTICS.allows(actor) || scope == StatScope::Nothing {
            return Ok(Vec::new());
        }
        // Kept until the data changes, like the statistics page (`hih_db::version_cache`):
        // the start page shows them on every visit.
        static KEPT: VersionCache<Vec<KeyFigure>> = VersionCache::new(32);
        KEPT.get_or_compute(&services.db, &format!("{scope:?}"), || {
            computed(services, scope.clone())
        })
        .await
    }
}

/// The four figures of `scope`, computed.
async fn computed(services: &Services, scope: StatScope) -> Result<Vec<KeyFigure>, AppError> {
    let filter = Filter::scoped(&scope, None);
    let one_a = addressed(services, &scope, None).await?;
    let addressed_total: i64 = one_a.values().map(|(a, _)| a).sum();
    let kmu: i64 = one_a.values().map(|(_, k)| k).sum();
    let applicants = total(services, Subject::Applicants, &filter).await?;
    let placements = total(services, Subject::Placements, &filter).await?;
    let figure = |label_key, value, target| KeyFigure {
        label_key,
        value,
        target: Some(target),
        href: Some(STATISTICS_PAGE),
    };
    Ok(vec![
        figure(
            "reports-stat-target-addressed",
            addressed_total,
            TARGET_ADDRESSED,
        ),
        figure("reports-stat-target-kmu", kmu, TARGET_KMU),
        figure(
            "reports-stat-target-applicants",
            applicants,
            TARGET_APPLICANTS,
        ),
        figure(
            "reports-stat-target-placements",
            placements,
            TARGET_PLACEMENTS,
        ),
    ])
}

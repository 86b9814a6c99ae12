//! The statistics page `/statistik` (R-STA-1, R-STA-3, R-STA-5): every topic with an
//! accessible SVG chart and its data table, in the caller's scope.

use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::handler;
use serde::Serialize;

use crate::scope::stat_scope;
use crate::statistics::chart::{number, svg};
use crate::statistics::labels::Labels;
use crate::statistics::{self, Topic};

#[derive(Serialize)]
struct RowView {
    label: String,
    values: Vec<String>,
    total: bool,
}

#[derive(Serialize)]
struct TopicView {
    slug: &'static str,
    title: String,
    description: String,
    notes: Vec<String>,
    row_header: String,
    columns: Vec<String>,
    rows: Vec<RowView>,
    svg: String,
}

fn view(ctx: &Ctx, t: &Topic) -> TopicView {
    let last = t.rows.len().saturating_sub(1);
    TopicView {
        slug: t.slug,
        title: t.title.clone(),
        description: t.description.clone(),
        notes: t.notes.clone(),
        row_header: t.row_header.clone(),
        columns: t.columns.clone(),
        rows: t
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| RowView {
                label: r.label.clone(),
                values: r
                    .values
                    .iter()
                    .map(|v| v.map_or_else(|| "–".to_string(), |v| number(v, ctx.locale)))
                    .collect(),
                total: t.total_row && i == last,
            })
            .collect(),
        svg: svg(t, ctx.locale, &ctx.t("reports-stat-chart-empty")),
    }
}

/// The statistics page. Anonymous aggregates only, so no access-log entry (exports of the
/// cross-tab are logged).
#[handler]
pub async fn page(ctx: Ctx) -> WebResult {
    let _slot = ctx.state.long_work().await?;
    let scope = stat_scope(&ctx.actor);
    let stats = statistics::compute(ctx.services(), &scope, None, ctx.locale).await?;
    let labels = Labels::load(ctx.services(), ctx.locale).await?;
    let topics: Vec<TopicView> = stats.topics.iter().map(|t| view(&ctx, t)).collect();
    ctx.render(
        "reports/statistics.html",
        context! {
            topics => Serde(topics),
            as_of => stats.as_of.to_rfc3339(),
            scope_text => super::scope_text(&ctx, &scope, &labels),
        },
    )
    .await
}

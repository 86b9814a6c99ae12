//! The statistics page `/statistik` (R-STA-1, R-STA-3, R-STA-5): the programme targets as
//! key figures at the top, then every topic with an accessible SVG chart (fixed size, its own
//! scrolling region) and its data table behind a disclosure, in the caller's scope; an
//! optional period (`?from=YYYY-MM&to=YYYY-MM`, a plain GET form) narrows the topics.

use hih_kernel::{FieldErrors, FigureProvider};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::handler;
use poem::web::Query;
use serde::Serialize;

use crate::figures::TargetFigures;
use crate::periodic::period::{PeriodForm, validate};

use crate::scope::stat_scope;
use crate::statistics::chart::{number, svg};
use crate::statistics::labels::Labels;
use crate::statistics::{self, Period, Topic};

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

/// The period of `form`, if one was asked for: `Ok(None)` without one, the field errors when
/// the months are invalid (the page then shows all months and the messages).
pub(crate) fn period_of(ctx: &Ctx, form: &PeriodForm) -> Result<Option<Period>, FieldErrors> {
    if form.from.trim().is_empty() && form.to.trim().is_empty() {
        return Ok(None);
    }
    let today = crate::codes::berlin_day(ctx.services().clock.now());
    let p = validate(form, today)?;
    Ok(Some(Period {
        from: p.from,
        to: p.to,
    }))
}

/// The statistics page. Anonymous aggregates only, so no access-log entry (exports of the
/// cross-tab are logged).
#[handler]
pub async fn page(ctx: Ctx, Query(form): Query<PeriodForm>) -> WebResult {
    let _slot = ctx.state.long_work().await?;
    let scope = stat_scope(&ctx.actor);
    let (period, errors) = match period_of(&ctx, &form) {
        Ok(p) => (p, FieldErrors::new()),
        Err(e) => (None, e),
    };
    let stats = statistics::current(ctx.services(), &scope, period, ctx.locale).await?;
    let labels = Labels::load(ctx.services(), ctx.locale).await?;
    let topics: Vec<TopicView> = stats.topics.iter().map(|t| view(&ctx, t)).collect();
    let figures: Vec<hih_web::figures::FigureView> = TargetFigures
        .figures(ctx.services(), &ctx.actor)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    ctx.render_form(
        "reports/statistics.html",
        &errors,
        context! {
            topics => Serde(topics),
            figures => Serde(figures),
            as_of => stats.as_of.to_rfc3339(),
            scope_text => super::scope_text(&ctx, &scope, &labels),
            f => Serde(&form),
            period => period.map(|p| context! {
                from => p.from.format("%m.%Y").to_string(),
                to => p.to.format("%m.%Y").to_string(),
            }),
        },
    )
    .await
}

//! Key figures as pages show them (ops/design.md): a count against its target with the share
//! reached and a progress bar. The start page shows every provider's figures, the statistics
//! page the programme targets; both render them with `platform/figures.html`.

use hih_kernel::KeyFigure;
use serde::Serialize;

use crate::Ctx;

/// A key figure ready for `platform/figures.html` → `figure_list`.
#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    label_key: &'static str,
    value: i64,
    target: Option<i64>,
    /// The share of the target reached, in whole percent (not capped: 120 % is news).
    percent: Option<i64>,
    /// The value for the progress bar (capped at the target, which is its maximum).
    bar: Option<i64>,
    href: Option<&'static str>,
}

impl From<KeyFigure> for FigureView {
    fn from(f: KeyFigure) -> Self {
        FigureView {
            label_key: f.label_key,
            value: f.value,
            target: f.target,
            percent: f.target.filter(|t| *t > 0).map(|t| f.value * 100 / t),
            bar: f.target.map(|t| f.value.min(t)),
            href: f.href,
        }
    }
}

/// The key figures of every registered provider for the caller; a failing provider is logged
/// and left out, so the page still shows.
pub async fn all(ctx: &Ctx) -> Vec<FigureView> {
    let mut out = Vec::new();
    for provider in &ctx.state.figures {
        match provider.figures(ctx.services(), &ctx.actor).await {
            Ok(list) => out.extend(list.into_iter().map(FigureView::from)),
            Err(error) => tracing::error!(%error, "figure provider failed"),
        }
    }
    out
}

//! The public page "Datenquellen und Lizenzen", linked from every page's footer: the
//! attribution the shipped postcode table needs (OpenStreetMap, ODbL 1.0) and the licences of
//! the software and data built into the binary.

use minijinja::context;
use poem::handler;

use crate::{Ctx, WebResult};

/// Where the page lives (public, no login).
pub const PATH: &str = "/lizenzen";

/// Renders the page.
#[handler]
pub async fn page(ctx: Ctx) -> WebResult {
    ctx.render("platform/legal.html", context! {}).await
}

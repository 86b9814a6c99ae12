//! Home feature: the start page. It shows the key figures (programme targets within the
//! actor's scope) and the tiles every registered feature provides for the current actor
//! (R-NOT-2), e.g. "Ihr Passwort läuft in 10 Tagen ab", and the results of the global search
//! box (R-LST-4) from the search providers every feature registers.

pub mod search;
#[cfg(feature = "testing")]
pub mod testing;

use hih_i18n::TextArg;
use hih_kernel::{Access, Registry};
use hih_web::minijinja::context;
use hih_web::minijinja::value::Serde;
use hih_web::{Ctx, WebResult};
use poem::{EndpointExt, get, handler};
use serde::Serialize;

hih_kernel::feature! {
    /// The feature value listed in `app/src/main.rs`.
    pub struct HomeFeature = "home", register;
}

#[derive(Serialize)]
struct TileView {
    text: String,
    href: Option<String>,
    tone: hih_kernel::TileTone,
}

/// The start page.
#[handler]
async fn start_page(ctx: Ctx) -> WebResult {
    let mut tiles = Vec::new();
    for provider in &ctx.state.tiles {
        match provider.tiles(ctx.services(), &ctx.actor).await {
            Ok(list) => tiles.extend(list),
            Err(error) => tracing::error!(%error, "tile provider failed"),
        }
    }
    let views: Vec<TileView> = tiles
        .into_iter()
        .map(|t| {
            let args: Vec<(&str, TextArg)> = t
                .args
                .iter()
                .map(|(k, v)| {
                    (
                        k.as_str(),
                        v.parse::<f64>()
                            .map(TextArg::Num)
                            .unwrap_or_else(|_| TextArg::Str(v.clone())),
                    )
                })
                .collect();
            TileView {
                text: ctx.services().texts.t(ctx.locale, &t.text_key, &args),
                href: t.href,
                tone: t.tone,
            }
        })
        .collect();
    let figures = hih_web::figures::all(&ctx).await;
    ctx.render(
        "home/index.html",
        context! { tiles => Serde(views), figures => Serde(figures) },
    )
    .await
}

/// Registers the feature's routes, templates, permissions and hooks (after its texts).
fn register(r: &mut Registry) {
    hih_kernel::templates!(r, "home/", "../templates/", ["index.html", "search.html"]);
    r.routes(
        Access::Authenticated,
        [
            ("/", get(start_page).boxed()),
            ("/suche", get(search::page).boxed()),
        ],
    );
    r.menu("home-nav", "/", None, hih_kernel::NavGroup::Start, 0);
}

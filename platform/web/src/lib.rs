//! The web platform every feature renders through.
//!
//! A request passes: request id + tracing span → security headers → session load → actor →
//! CSRF check (every non-GET/HEAD request) → route guard ([`hih_kernel::Access`]) → handler →
//! minijinja render with `t()` → session persist. Errors become German error pages.

pub mod api;
mod app;
mod assets;
mod branding;
mod ctx;
pub mod draft;
pub mod export;
pub mod figures;
pub mod flow;
pub mod legal;
pub mod list;
mod middleware;
mod notifications;
pub mod paging;
pub mod pwa;
pub use middleware::{RequestMeta, RequestMetrics, UNMATCHED_ROUTE, mask_path};
mod ratelimit;
mod session;
mod state;
pub mod tabs;
mod templates;
pub mod upload;

pub use app::{PLATFORM_TEMPLATES, assemble, build_app, platform_texts};
pub use assets::asset_url;
pub use branding::{Branding, CSS_ASSET, LOGO_ASSET, style_sheet};
pub use ctx::{Ctx, WebError, WebResult, form_errors, redirect};
pub use list::ListParams;
pub use paging::{fetch_first, fetch_page, fetch_page_counted};
pub use ratelimit::RateLimiter;
pub use session::{Flash, FlashTone, Session, SessionStage};
pub use state::{AppState, LongWork};
pub use templates::{Templates, iso};

/// Re-exported for `context!` in features.
pub use minijinja;
/// Re-exported so features need not depend on poem's minor details directly.
pub use poem;

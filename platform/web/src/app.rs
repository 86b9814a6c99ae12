//! Assembles the poem application from the registry: feature routes behind their guards,
//! platform routes (assets, health, language switch), and the pipeline around all of it.

use hih_i18n::Locale;
use std::sync::Arc;

use hih_i18n::Catalog;
use hih_kernel::{AppError, Clock, Feature, JobQueue, Registry, Services, Settings};
use poem::endpoint::BoxEndpoint;
use poem::http::StatusCode;
use poem::web::Form;
use poem::{EndpointExt, Response, Route, get, handler, post};
use sea_orm::DatabaseConnection;
use serde::Deserialize;

use crate::ctx::{Ctx, WebResult, redirect};
use crate::middleware::{guard, wrap};
use crate::{AppState, Templates};

/// The platform's own templates (layout, form macros, error page).
pub const PLATFORM_TEMPLATES: [(&str, &str); 16] = [
    (
        "platform/figures.html",
        include_str!("../templates/figures.html"),
    ),
    (
        "platform/record.html",
        include_str!("../templates/record.html"),
    ),
    (
        "platform/legal_parts.html",
        include_str!("../templates/legal_parts.html"),
    ),
    (
        "platform/legal_accessibility.html",
        include_str!("../templates/legal_accessibility.html"),
    ),
    (
        "platform/legal_imprint.html",
        include_str!("../templates/legal_imprint.html"),
    ),
    (
        "platform/legal_privacy.html",
        include_str!("../templates/legal_privacy.html"),
    ),
    (
        "platform/offline.html",
        include_str!("../templates/offline.html"),
    ),
    (
        "platform/distribution.html",
        include_str!("../templates/distribution.html"),
    ),
    (
        "platform/cancel.html",
        include_str!("../templates/cancel.html"),
    ),
    ("platform/list.html", include_str!("../templates/list.html")),
    (
        "platform/layout.html",
        include_str!("../templates/layout.html"),
    ),
    (
        "platform/forms.html",
        include_str!("../templates/forms.html"),
    ),
    (
        "platform/error.html",
        include_str!("../templates/error.html"),
    ),
    (
        "platform/notifications.html",
        include_str!("../templates/notifications.html"),
    ),
    (
        "platform/legal.html",
        include_str!("../templates/legal.html"),
    ),
    (
        "platform/lang_switch.html",
        include_str!("../templates/lang_switch.html"),
    ),
];

/// The platform's texts (`i18n/<locale>/platform.ftl`).
pub fn platform_texts() -> Vec<(String, Locale, &'static str)> {
    vec![
        (
            "platform".to_string(),
            Locale::De,
            include_str!("../../../i18n/de/platform.ftl"),
        ),
        (
            "platform".to_string(),
            Locale::En,
            include_str!("../../../i18n/en/platform.ftl"),
        ),
        // The guest languages translate the texts guest pages show (layout, forms, errors).
        (
            "platform".to_string(),
            Locale::Pt,
            include_str!("../../../i18n/pt/platform.ftl"),
        ),
        (
            "platform".to_string(),
            Locale::Vi,
            include_str!("../../../i18n/vi/platform.ftl"),
        ),
        (
            "platform_legal".to_string(),
            Locale::De,
            include_str!("../../../i18n/de/platform_legal.ftl"),
        ),
        (
            "platform_legal".to_string(),
            Locale::En,
            include_str!("../../../i18n/en/platform_legal.ftl"),
        ),
        (
            "platform_legal".to_string(),
            Locale::Pt,
            include_str!("../../../i18n/pt/platform_legal.ftl"),
        ),
        (
            "platform_legal".to_string(),
            Locale::Vi,
            include_str!("../../../i18n/vi/platform_legal.ftl"),
        ),
    ]
}

/// Liveness: the process answers.
#[handler]
fn healthz() -> &'static str {
    "ok"
}

/// Readiness: database reachable and migrations current.
#[handler]
async fn readyz(req: &poem::Request) -> Response {
    let Some(state) = req.extensions().get::<AppState>() else {
        return Response::builder()
            .status(StatusCode::SERVICE_UNAVAILABLE)
            .finish();
    };
    match hih_migrations::pending(&state.services.db).await {
        Ok(0) => match hih_db::maintenance::write_probe(&state.services.db).await {
            Ok(()) => Response::builder().content_type("text/plain").body("ready"),
            Err(e) => {
                tracing::error!(error = %e, "readiness: writes fail");
                Response::builder()
                    .status(StatusCode::SERVICE_UNAVAILABLE)
                    .body("database writes failing")
            }
        },
        Ok(n) => Response::builder()
            .status(StatusCode::SERVICE_UNAVAILABLE)
            .body(format!("{n} migrations pending")),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            Response::builder()
                .status(StatusCode::SERVICE_UNAVAILABLE)
                .body("database unavailable")
        }
    }
}

#[derive(Deserialize)]
struct LangForm {
    lang: String,
    next: Option<String>,
}

/// Switches the UI language and returns to the page (works for anonymous visitors too).
#[handler]
async fn switch_language(ctx: Ctx, Form(form): Form<LangForm>) -> WebResult {
    if let Some(locale) = Locale::parse(&form.lang) {
        ctx.session.set_locale(locale);
    }
    Ok(redirect(form.next.as_deref().unwrap_or("/")))
}

/// Builds the application endpoint and its state.
pub fn build_app(
    mut registry: Registry,
    services: Services,
) -> Result<(AppState, BoxEndpoint<'static>), AppError> {
    let mut sources: Vec<(String, &'static str)> = PLATFORM_TEMPLATES
        .iter()
        .map(|(n, s)| (n.to_string(), *s))
        .collect();
    sources.extend(std::mem::take(&mut registry.templates));
    let templates = Templates::new(&sources, services.texts.clone())
        .map_err(|e| AppError::Internal(format!("templates: {e:#}")))?;
    let branding = crate::Branding::load(&services.settings.branding)?;
    let state = AppState::new(services, templates, &mut registry, branding);
    let mut route = Route::new()
        .at("/static/:hash/:name", get(crate::assets::serve_asset))
        .at("/healthz", get(healthz))
        .at("/readyz", get(readyz))
        .at("/sprache", post(switch_language))
        .at(crate::pwa::MANIFEST, get(crate::pwa::manifest))
        .at(crate::pwa::WORKER, get(crate::pwa::worker))
        .at(crate::pwa::OFFLINE, get(crate::pwa::offline));
    for page in crate::legal::PAGES {
        route = route.at(page.path, get(crate::legal::page).data(page));
    }
    for spec in std::mem::take(&mut registry.routes) {
        route = route.at(spec.path, guard(spec.endpoint, spec.access));
    }
    let app = wrap(route.boxed(), state.clone());
    Ok((state, app))
}

/// Registers the platform's jobs and the features (in order), builds the text catalogue, the
/// services and the application. Used by `hih serve` and by the testkit alike.
pub fn assemble(
    features: &[&dyn Feature],
    db: DatabaseConnection,
    settings: Arc<Settings>,
    clock: Arc<dyn Clock>,
    jobs: Arc<dyn JobQueue>,
) -> Result<(AppState, BoxEndpoint<'static>), AppError> {
    let mut registry = Registry::new();
    registry.current_feature = "platform";
    hih_mail::register(&mut registry);
    hih_db::maintenance::register(&mut registry);
    hih_db::audit_check::register(&mut registry);
    hih_notify::register(&mut registry);
    crate::notifications::register(&mut registry);
    let features_registry = Registry::build(features);
    registry.merge(features_registry);
    let mut sources = platform_texts();
    sources.extend(std::mem::take(&mut registry.texts));
    let sources = sources.into_iter().map(|(f, l, s)| (f, l, s.to_string()));
    let texts = Catalog::new(sources).map_err(|e| AppError::Internal(format!("texts: {e}")))?;
    let services = Services {
        db,
        settings,
        clock,
        texts: Arc::new(texts),
        jobs,
        deletion_folds: hih_kernel::DeletionFolds(Arc::new(std::mem::take(
            &mut registry.deletion_folds,
        ))),
        activation_hooks: hih_kernel::ActivationHooks(Arc::new(std::mem::take(
            &mut registry.activation_hooks,
        ))),
        status_checks: hih_kernel::StatusChecks(Arc::new(std::mem::take(
            &mut registry.status_checks,
        ))),
    };
    build_app(registry, services)
}

use std::ops::Deref;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use hih_db::entities::text_override;
use hih_i18n::Locale;
use hih_kernel::{
    ActorResolver, AppError, CronSpec, JobSpec, NavEntry, Registry, SearchProvider, Services,
    TabProvider, TileProvider,
};
use sea_orm::EntityTrait;

use crate::{RateLimiter, Templates};

/// Everything a handler needs, shared by all requests (cheap to clone).
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

/// The shared parts.
pub struct Inner {
    /// Database, settings, clock, texts, job queue.
    pub services: Services,
    /// Compiled templates.
    pub templates: Templates,
    /// Navigation entries of all features, sorted.
    pub nav: Vec<NavEntry>,
    /// Start-page tile providers.
    pub tiles: Vec<Arc<dyn TileProvider>>,
    /// Start-page key-figure providers.
    pub figures: Vec<Arc<dyn hih_kernel::FigureProvider>>,
    /// Detail-page tab providers.
    pub tabs: Vec<Arc<dyn TabProvider>>,
    /// Global-search providers, in feature order.
    pub search_providers: Vec<Arc<dyn SearchProvider>>,
    /// Resolves session user ids to actors.
    pub actor_resolver: Option<Arc<dyn ActorResolver>>,
    /// Registered jobs (job dashboard).
    pub jobs: Vec<JobSpec>,
    /// Cron schedules (job dashboard).
    pub cron: Vec<CronSpec>,
    /// Feature names in start order.
    pub features: Vec<&'static str>,
    /// Every registered route pattern with its access rule (for the matrix test and docs).
    pub routes: Vec<(String, hih_kernel::Access)>,
    /// Every registered create/edit flow (for the shared flow tests).
    pub form_flows: Vec<hih_kernel::FlowInfo>,
    /// Every registered list (for the shared list tests).
    pub lists: Vec<hih_kernel::ListEntry>,
    /// Login/reset rate limiter.
    pub limiter: RateLimiter,
    /// The REST API's limiter per token (or per session user).
    pub api_limiter: RateLimiter,
    /// Product name, logo and colours of this instance (R-OPR-4).
    pub branding: crate::Branding,
    /// The slots of long requests (`long_work_slots`, [`AppState::long_work`]).
    long_work: Arc<tokio::sync::Semaphore>,
    /// The access log's group commit ([`AppState::record_access`]).
    access_log: hih_db::access_writer::AccessLogWriter,
    texts_checked_at: AtomicI64,
    texts_stamp: std::sync::Mutex<String>,
}

/// A slot for one long request, held until dropped ([`AppState::long_work`]).
pub struct LongWork {
    _slot: tokio::sync::OwnedSemaphorePermit,
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// The product name the instance shows (R-OPR-4): the configured one, else the (editable)
    /// text `app-name` in `locale`.
    pub fn product_name(&self, locale: Locale) -> String {
        self.branding
            .product_name
            .clone()
            .unwrap_or_else(|| self.services.texts.t(locale, "app-name", &[]))
    }

    /// Builds the state from the registry's non-route parts and the loaded branding.
    pub fn new(
        services: Services,
        templates: Templates,
        registry: &mut Registry,
        branding: crate::Branding,
    ) -> Self {
        let mut nav = std::mem::take(&mut registry.nav);
        nav.sort_by_key(|n| n.order);
        let limiter = RateLimiter::new(services.settings.security.rate_limit_per_minute);
        let api_limiter = RateLimiter::new(services.settings.api.rate_limit_per_minute);
        let slots = usize::try_from(services.settings.long_work_slots.max(1)).unwrap_or(1);
        let services_db = services.db.clone();
        AppState(Arc::new(Inner {
            services,
            templates,
            nav,
            tiles: std::mem::take(&mut registry.tiles),
            figures: std::mem::take(&mut registry.figures),
            tabs: std::mem::take(&mut registry.tabs),
            search_providers: std::mem::take(&mut registry.search_providers),
            actor_resolver: registry.actor_resolver.take(),
            jobs: std::mem::take(&mut registry.jobs),
            cron: std::mem::take(&mut registry.cron),
            features: registry.features.clone(),
            routes: registry
                .routes
                .iter()
                .map(|r| (r.path.clone(), r.access))
                .collect(),
            form_flows: registry.form_flows.clone(),
            lists: registry.lists.clone(),
            limiter,
            api_limiter,
            branding,
            long_work: Arc::new(tokio::sync::Semaphore::new(slots)),
            access_log: hih_db::access_writer::AccessLogWriter::new(services_db),
            texts_checked_at: AtomicI64::new(0),
            texts_stamp: std::sync::Mutex::new(String::new()),
        }))
    }

    /// Writes an access-log entry (R-AUD-2) and returns once it is committed: rows of
    /// concurrent requests share one transaction (group commit).
    pub async fn record_access(
        &self,
        actor: &hih_kernel::Actor,
        event: hih_db::access::AccessEvent<'_>,
    ) -> Result<(), AppError> {
        self.access_log
            .write(hih_db::access::row(&self.services, actor, event))
            .await
    }

    /// Waits for a slot for long work (an export, the statistics page, a cross-tab): at most
    /// `long_work_slots` run at once, the others queue, so interactive pages keep a core and
    /// connections.
    pub async fn long_work(&self) -> Result<LongWork, AppError> {
        self.long_work
            .clone()
            .acquire_owned()
            .await
            .map(|slot| LongWork { _slot: slot })
            .map_err(AppError::internal)
    }

    /// Reloads text overrides from the database if they changed (checked at most once per
    /// second per instance; `force` after a local edit).
    pub async fn refresh_texts(&self, force: bool) -> Result<(), AppError> {
        let now = self.services.clock.now().timestamp_millis();
        let last = self.texts_checked_at.load(Ordering::Relaxed);
        if !force && now - last < 1000 && last != 0 {
            return Ok(());
        }
        self.texts_checked_at.store(now, Ordering::Relaxed);
        let rows = text_override::Entity::find().all(&self.services.db).await?;
        let stamp = rows
            .iter()
            .map(|r| {
                format!(
                    "{}:{}:{}",
                    r.id,
                    r.updated_at.timestamp_micros(),
                    r.value.len()
                )
            })
            .collect::<Vec<_>>()
            .join(",");
        let changed = {
            let mut current = self
                .texts_stamp
                .lock()
                .map_err(|_| AppError::Internal("texts stamp poisoned".into()))?;
            if *current == stamp && !force {
                false
            } else {
                *current = stamp;
                true
            }
        };
        if changed {
            self.services.texts.set_overrides(
                rows.into_iter()
                    .filter_map(|r| Locale::parse(&r.locale).map(|l| (l, r.key, r.value))),
            );
        }
        Ok(())
    }
}

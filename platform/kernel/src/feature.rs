//! The plug-in API: a feature crate exports one value implementing [`Feature`]; its
//! `register` hands the host everything the feature brings through the [`Registry`].

use std::sync::Arc;

use hih_i18n::Locale;
use poem::endpoint::BoxEndpoint;
use serde::Serialize;

use crate::{Actor, AppError, Role, Services};

/// A feature crate's entry point (modelled on Bevy's `Plugin`).
pub trait Feature: Send + Sync {
    /// Short stable name (`users`, `companies`); also the name of its `.ftl` files.
    fn name(&self) -> &'static str;
    /// Registers routes, templates, texts, permissions, jobs, navigation, tiles and tabs.
    fn register(&self, r: &mut Registry);
}

/// A named permission: which roles may use a function. Features declare them as constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Permission {
    /// Stable key, e.g. `users.manage`.
    pub key: &'static str,
    /// Roles that hold it.
    pub roles: &'static [Role],
}

impl Permission {
    /// The permission `key` held by `roles` (for `const` items).
    pub const fn new(key: &'static str, roles: &'static [Role]) -> Self {
        Permission { key, roles }
    }

    /// Whether the actor holds this permission.
    pub fn allows(&self, actor: &Actor) -> bool {
        actor.has_any_role(self.roles)
    }

    /// `Ok` if allowed, else [`AppError::Forbidden`].
    pub fn require(&self, actor: &Actor) -> Result<(), AppError> {
        if self.allows(actor) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// Who may reach a route at all (finer checks happen in the handler and the scoping function).
#[derive(Debug, Clone, Copy)]
pub enum Access {
    /// No login needed (login, reset, self-registration, health). Keep this list short (R-ACT-3).
    Public,
    /// Any logged-in staff member.
    Authenticated,
    /// Only holders of this permission; others get 403.
    Permission(Permission),
    /// The REST API (`/api/…`): a personal API token (`Authorization: Bearer …`) or the browser
    /// session; refusals are problem details (401 without either, 403 for a read-only token's
    /// write). Which records and operations then follows the actor's role and scope, as in the UI.
    Api,
}

/// One HTML (or file) route a feature brings.
pub struct RouteSpec {
    /// Path pattern as poem understands it (`/users/:id`).
    pub path: String,
    /// Who may reach it.
    pub access: Access,
    /// The endpoint.
    pub endpoint: BoxEndpoint<'static>,
}

/// A create/edit flow a feature registered (its routes are registered with it).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FlowInfo {
    /// The flow's stable name.
    pub name: &'static str,
    /// The form page's path pattern.
    pub path: &'static str,
}

/// A list a feature registered (`hih_web::list::register`), for the shared list tests: its
/// page, the exports and distribution list derived from the same spec, and the global-search
/// kind that counts the same records.
#[derive(Debug, Clone, Serialize)]
pub struct ListEntry {
    /// The list's own key (page-size setting `list_page_sizes.<key>`, session memory).
    pub key: &'static str,
    /// The list page (`/unternehmen`).
    pub path: &'static str,
    /// Who may open it.
    #[serde(skip)]
    pub permission: Permission,
    /// Every sort key any role may use.
    pub sort_keys: Vec<&'static str>,
    /// The export's path without the file name (`/unternehmen/export`), if the list has one.
    pub export: Option<String>,
    /// The distribution list's page (`/unternehmen/verteiler`), if the list has one.
    pub distribution: Option<String>,
    /// The kind of the global-search provider derived from the list, if any.
    pub search_kind: Option<&'static str>,
}

/// The task a main-navigation entry belongs to: the layout groups the navigation by it
/// (ops/design.md), in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NavGroup {
    /// The start page: a plain link before the groups.
    Start,
    /// Recording data: companies, monthly counts, applicants, matches ("Erfassen").
    Record,
    /// Evaluating data: reports, statistics, exports, data-subject reports ("Auswerten").
    Evaluate,
    /// Administration: users, reference data, texts, logs, operations ("Verwaltung").
    Manage,
    /// The signed-in user's own pages: shown in the user menu, not in the navigation.
    Account,
}

impl NavGroup {
    /// Text key of the group's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Start => "layout-nav-group-start",
            Self::Record => "layout-nav-group-record",
            Self::Evaluate => "layout-nav-group-evaluate",
            Self::Manage => "layout-nav-group-manage",
            Self::Account => "layout-nav-group-account",
        }
    }
}

/// A main-navigation entry.
#[derive(Debug, Clone, Serialize)]
pub struct NavEntry {
    /// Text key of the label.
    pub label_key: &'static str,
    /// Target.
    pub href: &'static str,
    /// Shown only to holders of this permission (`None`: every logged-in user).
    #[serde(skip)]
    pub permission: Option<Permission>,
    /// The task group the entry is shown in.
    pub group: NavGroup,
    /// Sort order within the group (lower first).
    pub order: i32,
}

/// How a start-page tile looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TileTone {
    /// Neutral information.
    Info,
    /// Something to do soon.
    Warning,
    /// Something is wrong.
    Danger,
    /// All good.
    Success,
}

/// A start-page tile (R-NOT-2).
#[derive(Debug, Clone, Serialize)]
pub struct Tile {
    /// Text key of the message.
    pub text_key: String,
    /// Message arguments.
    pub args: Vec<(String, String)>,
    /// Optional link.
    pub href: Option<String>,
    /// Tone.
    pub tone: TileTone,
}

/// Provides the start-page tiles of one feature for an actor.
#[async_trait::async_trait]
pub trait TileProvider: Send + Sync {
    /// Tiles for this actor (empty if none apply).
    async fn tiles(&self, services: &Services, actor: &Actor) -> Result<Vec<Tile>, AppError>;
}

/// A key figure of the start page: a count within the actor's scope, against a target where
/// the programme sets one (e.g. "companies addressed: 412 of 1,000").
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigure {
    /// Text key of the figure's name.
    pub label_key: &'static str,
    /// The count.
    pub value: i64,
    /// The target, if any.
    pub target: Option<i64>,
    /// The page that explains the figure.
    pub href: Option<&'static str>,
}

/// Provides the start page's key figures of one feature for an actor.
#[async_trait::async_trait]
pub trait FigureProvider: Send + Sync {
    /// Figures for this actor (empty if none apply).
    async fn figures(&self, services: &Services, actor: &Actor)
    -> Result<Vec<KeyFigure>, AppError>;
}

/// A tab on another feature's detail page (e.g. "Kontakthistorie" on a company).
#[async_trait::async_trait]
pub trait TabProvider: Send + Sync {
    /// The record kind the tab attaches to (`company`, `applicant`).
    fn record_kind(&self) -> &'static str;
    /// Text key of the tab label.
    fn label_key(&self) -> &'static str;
    /// The tab's URL for a record, or `None` if this actor may not see it.
    fn href(&self, actor: &Actor, record_id: i64) -> Option<String>;
}

/// One record a global search found (R-LST-4).
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    /// The record's name as shown in its list.
    pub title: String,
    /// A short context line (address, user name), plain text.
    pub context: String,
    /// The record's detail page.
    pub href: String,
    /// Text key of a marker shown next to the title (e.g. "deaktiviert"), if any.
    pub badge_key: Option<&'static str>,
}

/// What one provider found: the total count and the first hits.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchHits {
    /// How many records match in the caller's scope (the entity list's count for the same
    /// query).
    pub total: u64,
    /// At most `limit` hits, in the entity list's default order.
    pub hits: Vec<SearchHit>,
    /// The entity list with this query (`/unternehmen?q=…`), for "show all".
    pub list_href: String,
}

/// Finds one kind of record for the global search box (R-LST-4). Implementations must
/// restrict results with the entity's own scoping function and return nothing for roles that
/// may not see the entity at all.
#[async_trait::async_trait]
pub trait SearchProvider: Send + Sync {
    /// Stable kind (`company`, `user`); also the access-log entity name.
    fn kind(&self) -> &'static str;
    /// Text key of the section heading; gets the argument `count`.
    fn label_key(&self) -> &'static str;
    /// Records matching every word of `query` (folded, AND) within the actor's scope.
    async fn search(
        &self,
        services: &Services,
        actor: &Actor,
        query: &str,
        limit: u64,
    ) -> Result<SearchHits, AppError>;
}

/// A personal API token that was accepted: its owner as the actor (exactly the owner's role
/// and scope) and what the token may do.
#[derive(Debug, Clone)]
pub struct ApiCredential {
    /// The token's owner.
    pub actor: Actor,
    /// The token's id (rate limits, logs); never the secret.
    pub token_id: i64,
    /// Read-only tokens may not use unsafe methods (POST, PUT, PATCH, DELETE).
    pub read_only: bool,
}

/// Turns a logged-in session's user id into an [`Actor`] (implemented by the users feature).
#[async_trait::async_trait]
pub trait ActorResolver: Send + Sync {
    /// The actor for an active account, `None` if the account is gone or inactive.
    async fn resolve(&self, services: &Services, user_id: i64) -> Result<Option<Actor>, AppError>;

    /// The credential of a personal API token's secret, `None` when the token is unknown,
    /// expired or revoked or its owner is deactivated (records the token's last use).
    async fn resolve_api_token(
        &self,
        _services: &Services,
        _secret: &str,
    ) -> Result<Option<ApiCredential>, AppError> {
        Ok(None)
    }
}

/// What a job sees when it runs.
#[derive(Clone, Debug)]
pub struct JobContext {
    /// Shared handles.
    pub services: Services,
    /// The job's name, also its audit actor `system:<name>`.
    pub job: String,
}

impl JobContext {
    /// The actor jobs write audit entries as.
    pub fn actor(&self) -> Actor {
        Actor::system(self.job.clone())
    }
}

/// Why a job run failed; the queue retries.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// Worth retrying (network, lock).
    #[error("transient: {0}")]
    Transient(String),
    /// Retrying cannot help (bad payload).
    #[error("permanent: {0}")]
    Permanent(String),
}

impl From<AppError> for JobError {
    fn from(e: AppError) -> Self {
        JobError::Transient(e.to_string())
    }
}

/// The code of a background job. Must be idempotent: it may run more than once.
#[async_trait::async_trait]
pub trait JobHandler: Send + Sync {
    /// Runs the job.
    async fn run(&self, ctx: &JobContext, payload: serde_json::Value) -> Result<(), JobError>;
}

/// A job type a feature brings.
#[derive(Clone)]
pub struct JobSpec {
    /// Stable name (`users.purge-tokens`): the queue dispatches by it; renaming orphans jobs.
    pub name: &'static str,
    /// Text key of its label on the job dashboard.
    pub label_key: &'static str,
    /// The code.
    pub handler: Arc<dyn JobHandler>,
}

/// A cron schedule for a job (`sec min hour day month weekday`, UTC).
#[derive(Debug, Clone)]
pub struct CronSpec {
    /// The job to enqueue.
    pub job: &'static str,
    /// Cron expression with seconds, e.g. `0 15 3 * * *` for 03:15 daily.
    pub schedule: &'static str,
}

/// Folds a record's contribution to the statistics into anonymous counters before the record
/// is deleted physically (R-RET-3). Registered for an audit entity name (`company`,
/// `applicant`); [`hih_db`'s unit of work](crate::Services::deletion_folds) runs every fold of
/// that entity inside the deleting transaction, so a deletion and its folding commit together.
#[async_trait::async_trait]
pub trait DeletionFold: Send + Sync {
    /// The audit entity name whose deletions this fold sees.
    fn entity(&self) -> &'static str;
    /// Folds the records `ids` (still present) in the transaction `txn`.
    async fn fold(&self, txn: &sea_orm::DatabaseTransaction, ids: &[i64]) -> Result<(), AppError>;
}

/// An audit entry a hook asks its unit of work to record for a write it made (the hook
/// writes through the transaction; the unit of work chains the entries like its own).
#[derive(Debug, Clone, PartialEq)]
pub struct HookEvent {
    /// Audit entity name of the written record (`applicant_access`).
    pub entity: String,
    /// Its id as the audit log shows it.
    pub entity_id: String,
    /// `create`, `update` or `delete`.
    pub action: String,
    /// `{field: [old, new]}`, as the unit of work's own entries.
    pub changes: serde_json::Value,
}

/// Keeps another feature's rows in step when a record of an entity is deactivated or
/// reactivated (its `active` field changes), inside the same transaction: e.g. matching closes
/// the IHK district's access to applicants when the only company that carried it is
/// deactivated, and opens it again on reactivation. [`hih_db`'s unit of work](crate::Services)
/// runs every hook of the entity on each such update, wherever it comes from.
#[async_trait::async_trait]
pub trait ActivationHook: Send + Sync {
    /// The audit entity name whose activation changes this hook sees (`company`).
    fn entity(&self) -> &'static str;
    /// Called after record `id` became `active` (true) or inactive (false); returns the audit
    /// entries of the writes it made.
    async fn changed(
        &self,
        txn: &sea_orm::DatabaseTransaction,
        id: i64,
        active: bool,
    ) -> Result<Vec<HookEvent>, AppError>;
}

/// How a status-page check came out (R-OPS-1), most severe first (so a sort puts problems
/// first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusLevel {
    /// Something does not work; the operator must act now.
    Problem,
    /// Something will fail soon or works only in part.
    Warning,
    /// All good.
    Ok,
}

/// What one status check found: its level and a message (text key with arguments) that says
/// precisely what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusFinding {
    /// Ok, warning or problem.
    pub level: StatusLevel,
    /// Text key of the message.
    pub text_key: String,
    /// Arguments of the message; numbers are numeric placeables.
    pub args: serde_json::Map<String, serde_json::Value>,
    /// A local page where the operator acts on it, if any.
    pub href: Option<String>,
}

impl StatusFinding {
    /// A finding without arguments or link.
    pub fn new(level: StatusLevel, text_key: &str) -> Self {
        StatusFinding {
            level,
            text_key: text_key.to_string(),
            args: serde_json::Map::new(),
            href: None,
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &str, value: impl Into<serde_json::Value>) -> Self {
        self.args.insert(name.to_string(), value.into());
        self
    }

    /// Sets the page where the operator acts on it.
    pub fn href(mut self, href: &str) -> Self {
        self.href = Some(href.to_string());
        self
    }
}

/// A check a feature contributes to the status page (R-OPS-1), e.g. "postcode data loaded".
/// It runs on every view of the page and every minute in the status job: keep it to a cheap
/// read.
#[async_trait::async_trait]
pub trait StatusCheck: Send + Sync {
    /// Stable key (`postcodes`): identifies the check in the reported degraded state.
    fn key(&self) -> &'static str;
    /// Text key of the check's name on the page.
    fn label_key(&self) -> &'static str;
    /// Runs the check.
    async fn check(&self, services: &Services) -> Result<StatusFinding, AppError>;
}

/// Everything the features registered, in feature order.
#[derive(Default)]
pub struct Registry {
    /// Name of the feature currently registering (set by the host).
    pub current_feature: &'static str,
    /// Feature names in order.
    pub features: Vec<&'static str>,
    /// HTML routes.
    pub routes: Vec<RouteSpec>,
    /// Templates: (name, source).
    pub templates: Vec<(String, &'static str)>,
    /// Texts: (feature, locale, Fluent source).
    pub texts: Vec<(String, Locale, &'static str)>,
    /// Declared permissions (for documentation and the matrix test).
    pub permissions: Vec<Permission>,
    /// Job types.
    pub jobs: Vec<JobSpec>,
    /// Cron schedules.
    pub cron: Vec<CronSpec>,
    /// Navigation entries.
    pub nav: Vec<NavEntry>,
    /// Start-page tile providers.
    pub tiles: Vec<Arc<dyn TileProvider>>,
    /// Start-page key-figure providers.
    pub figures: Vec<Arc<dyn FigureProvider>>,
    /// Detail-page tab providers.
    pub tabs: Vec<Arc<dyn TabProvider>>,
    /// Global-search providers, in feature order.
    pub search_providers: Vec<Arc<dyn SearchProvider>>,
    /// The actor resolver (exactly one feature provides it).
    pub actor_resolver: Option<Arc<dyn ActorResolver>>,
    /// Audit entity names the feature writes.
    pub audit_entities: Vec<&'static str>,
    /// Folds to run before physical deletions (R-RET-3).
    pub deletion_folds: Vec<Arc<dyn DeletionFold>>,
    /// Hooks to run when a record is deactivated or reactivated.
    pub activation_hooks: Vec<Arc<dyn ActivationHook>>,
    /// Checks features contribute to the status page.
    pub status_checks: Vec<Arc<dyn StatusCheck>>,
    /// The create/edit flows (`hih_web::flow`), for the shared flow tests.
    pub form_flows: Vec<FlowInfo>,
    /// The lists (`hih_web::list`), for the shared list tests.
    pub lists: Vec<ListEntry>,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers a page or form endpoint at `path`.
    pub fn route(&mut self, path: &str, access: Access, endpoint: BoxEndpoint<'static>) {
        self.routes.push(RouteSpec {
            path: path.to_string(),
            access,
            endpoint,
        });
    }

    /// Registers several endpoints behind the same access rule, in the given order:
    /// `r.routes(work, [("/x", get(x::list).boxed()), ("/x/:id", get(x::show).boxed())])`.
    pub fn routes<const N: usize>(
        &mut self,
        access: Access,
        routes: [(&str, BoxEndpoint<'static>); N],
    ) {
        for (path, endpoint) in routes {
            self.route(path, access, endpoint);
        }
    }

    /// Registers a template under `name` (prefix it with the feature name: `users/list.html`).
    pub fn template(&mut self, name: &str, source: &'static str) {
        self.templates.push((name.to_string(), source));
    }

    /// Registers a Fluent catalogue of the current feature for a locale.
    pub fn texts(&mut self, locale: Locale, source: &'static str) {
        self.texts
            .push((self.current_feature.to_string(), locale, source));
    }

    /// Declares a permission.
    pub fn permission(&mut self, p: Permission) {
        self.permissions.push(p);
    }

    /// Registers a fold that runs before records of its entity are deleted physically.
    pub fn deletion_fold(&mut self, fold: Arc<dyn DeletionFold>) {
        self.deletion_folds.push(fold);
    }

    /// Registers a hook that runs when records of its entity are deactivated or reactivated.
    pub fn activation_hook(&mut self, hook: Arc<dyn ActivationHook>) {
        self.activation_hooks.push(hook);
    }

    /// Registers a check of the status page.
    pub fn status_check(&mut self, check: Arc<dyn StatusCheck>) {
        self.status_checks.push(check);
    }

    /// Registers a job type.
    pub fn job(
        &mut self,
        name: &'static str,
        label_key: &'static str,
        handler: Arc<dyn JobHandler>,
    ) {
        self.jobs.push(JobSpec {
            name,
            label_key,
            handler,
        });
    }

    /// Schedules a registered job.
    pub fn cron(&mut self, job: &'static str, schedule: &'static str) {
        self.cron.push(CronSpec { job, schedule });
    }

    /// Adds a navigation entry.
    pub fn nav(&mut self, entry: NavEntry) {
        self.nav.push(entry);
    }

    /// Adds a navigation entry: label text key, target, the permission it needs (`None`: every
    /// logged-in user), the task group it is shown in and its sort order (lower first).
    pub fn menu(
        &mut self,
        label_key: &'static str,
        href: &'static str,
        permission: Option<Permission>,
        group: NavGroup,
        order: i32,
    ) {
        self.nav(NavEntry {
            label_key,
            href,
            permission,
            group,
            order,
        });
    }

    /// Adds a start-page tile provider.
    pub fn tiles(&mut self, provider: Arc<dyn TileProvider>) {
        self.tiles.push(provider);
    }

    /// Adds a provider of the start page's key figures.
    pub fn figures(&mut self, provider: Arc<dyn FigureProvider>) {
        self.figures.push(provider);
    }

    /// Adds a tab to another feature's detail page.
    pub fn tab(&mut self, provider: Arc<dyn TabProvider>) {
        self.tabs.push(provider);
    }

    /// Adds everything `from` registered after what this registry holds (the platform's own
    /// registrations, then the features').
    pub fn merge(&mut self, from: Registry) {
        // Destructured, so a new field cannot be forgotten here.
        let Registry {
            current_feature: _,
            features,
            routes,
            templates,
            texts,
            permissions,
            jobs,
            cron,
            nav,
            tiles,
            figures,
            tabs,
            search_providers,
            actor_resolver,
            audit_entities,
            deletion_folds,
            activation_hooks,
            status_checks,
            form_flows,
            lists,
        } = from;
        self.features.extend(features);
        self.routes.extend(routes);
        self.templates.extend(templates);
        self.texts.extend(texts);
        self.permissions.extend(permissions);
        self.jobs.extend(jobs);
        self.cron.extend(cron);
        self.nav.extend(nav);
        self.tiles.extend(tiles);
        self.figures.extend(figures);
        self.tabs.extend(tabs);
        self.search_providers.extend(search_providers);
        if actor_resolver.is_some() {
            self.actor_resolver = actor_resolver;
        }
        self.audit_entities.extend(audit_entities);
        self.deletion_folds.extend(deletion_folds);
        self.activation_hooks.extend(activation_hooks);
        self.status_checks.extend(status_checks);
        self.form_flows.extend(form_flows);
        self.lists.extend(lists);
    }

    /// Lists a list (called by `hih_web::list::register`).
    pub fn list(&mut self, list: ListEntry) {
        self.lists.push(list);
    }

    /// Lists a create/edit flow (called by `hih_web::flow::register`).
    pub fn form_flow(&mut self, flow: FlowInfo) {
        self.form_flows.push(flow);
    }

    /// Adds a provider to the global search.
    pub fn search_provider(&mut self, provider: Arc<dyn SearchProvider>) {
        self.search_providers.push(provider);
    }

    /// Sets the actor resolver.
    pub fn actor_resolver(&mut self, resolver: Arc<dyn ActorResolver>) {
        self.actor_resolver = Some(resolver);
    }

    /// Declares an audit entity name.
    pub fn audit_entity(&mut self, name: &'static str) {
        self.audit_entities.push(name);
    }

    /// Runs `register` of every feature in order.
    pub fn build(features: &[&dyn Feature]) -> Self {
        let mut r = Registry::new();
        for f in features {
            r.current_feature = f.name();
            r.features.push(f.name());
            f.register(&mut r);
        }
        r.current_feature = "";
        r
    }
}

/// Registers templates of a feature's folder, each under `prefix` + its path below `dir` (a
/// path relative to the calling file, as for `include_str!`):
/// `templates!(r, "companies/", "../templates/", ["list.html", "form.html"])` registers
/// `companies/list.html` with the source of `../templates/list.html`, and so on.
#[macro_export]
macro_rules! templates {
    ($r:expr, $prefix:literal, $dir:literal, [$($file:literal),* $(,)?]) => {
        $($r.template(concat!($prefix, $file), include_str!(concat!($dir, $file)));)*
    };
}

/// Declares a feature: the unit struct (with its attributes and doc comment) whose [`Feature`]
/// impl is named `name`, loads the feature's text catalogues `i18n/de/<name>.ftl` and
/// `i18n/en/<name>.ftl` (paths relative to the feature's `src/lib.rs`) and then calls the given
/// registration function with the registry:
/// `feature! { pub struct CompaniesFeature = "companies", register; }`.
/// A feature with guest pages adds `guest_texts` and also loads the guest languages'
/// catalogues `i18n/pt/<name>.ftl` and `i18n/vi/<name>.ftl` (the texts of its guest pages):
/// `feature! { pub struct ApplicantsFeature = "applicants", register, guest_texts; }`.
#[macro_export]
macro_rules! feature {
    ($(#[$meta:meta])* $vis:vis struct $ty:ident = $name:literal, $register:path $(;)?) => {
        $crate::feature!(@impl $(#[$meta])* $vis $ty, $name, $register, []);
    };
    ($(#[$meta:meta])* $vis:vis struct $ty:ident = $name:literal, $register:path, guest_texts $(;)?) => {
        $crate::feature!(@impl $(#[$meta])* $vis $ty, $name, $register, [
            ($crate::Locale::Pt, "pt"),
            ($crate::Locale::Vi, "vi"),
        ]);
    };
    (@impl $(#[$meta:meta])* $vis:vis $ty:ident, $name:literal, $register:path,
        [$(($locale:expr, $code:literal)),* $(,)?]) => {
        $(#[$meta])*
        $vis struct $ty;

        impl $crate::Feature for $ty {
            fn name(&self) -> &'static str {
                $name
            }

            fn register(&self, r: &mut $crate::Registry) {
                r.texts(
                    $crate::Locale::De,
                    include_str!(concat!("../../../i18n/de/", $name, ".ftl")),
                );
                r.texts(
                    $crate::Locale::En,
                    include_str!(concat!("../../../i18n/en/", $name, ".ftl")),
                );
                $(r.texts($locale, include_str!(concat!("../../../i18n/", $code, "/", $name, ".ftl")));)*
                $register(r);
            }
        }
    };
}

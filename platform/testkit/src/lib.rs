//! Test harness for every crate's integration tests.
//!
//! - [`TestApp::new`] assembles the app in process with any subset of features on a fresh
//!   database: a SQLite file in a temporary directory, or — when `HIH_TEST_DATABASE_URL`
//!   points at a PostgreSQL server — a new database per test, dropped afterwards.
//! - [`Agent`] behaves like a browser without JavaScript: keeps cookies, remembers the last
//!   CSRF token it saw, sends forms.
//! - The clock is a [`FixedClock`] that tests move (expiry without sleeping).
//! - [`matrix`] checks expected statuses per role and route.
//!
//! Test support only: a failed setup panics, because the panic is the test's failure report.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod agent;
pub mod flows;
pub mod matrix;
pub mod postcodes;
pub mod retention;
mod template;
mod workers;

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use hih_db::entities::{access_log, audit_log};
use hih_db::{Auditable, UnitOfWork};
use hih_kernel::{Actor, AppError, Feature, FixedClock, JobContext, Services, Settings};
use hih_web::AppState;
use poem::endpoint::BoxEndpoint;
use sea_orm::{
    ColumnTrait, ConnectionTrait, Database, DatabaseConnection, EntityTrait, IntoActiveModel,
    PrimaryKeyTrait, QueryFilter, QueryOrder,
};
use secrecy::SecretString;

pub use agent::{Agent, Page, csrf_in};
pub use workers::Workers;

/// The database backend of this test run.
pub fn backend_name() -> &'static str {
    if std::env::var("HIH_TEST_DATABASE_URL").is_ok_and(|v| !v.is_empty()) {
        "postgres"
    } else {
        "sqlite"
    }
}

struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        // Drop the per-test database on a helper thread with its own runtime.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                if let Ok(db) = Database::connect(&admin_url).await {
                    let _ = db
                        .execute_unprepared(&format!(
                            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                        ))
                        .await;
                }
            });
        })
        .join();
    }
}

/// The application under test.
pub struct TestApp {
    /// Shared state (services, templates, registries).
    pub state: AppState,
    /// The endpoint.
    pub app: Arc<BoxEndpoint<'static>>,
    /// The clock; move it with `advance`.
    pub clock: Arc<FixedClock>,
    /// Jobs (for dashboard queries).
    pub jobs: hih_jobs::JobSystem,
    _dir: tempfile::TempDir,
    _pg: Option<PgDatabase>,
}

fn replace_db_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let base = match base.rfind('/') {
        Some(i) if i > "postgres://".len() => &base[..i],
        _ => base,
    };
    format!("{base}/{name}{query}")
}

/// The named features of the product's list (pass `hih_app::features()`), in its order: what
/// a test app is assembled from.
pub fn features_of(
    all: Result<hih_kernel::FeatureSet, hih_kernel::FeatureSetError>,
    names: &[&str],
) -> Vec<&'static dyn Feature> {
    all.and_then(|all| all.only(names))
        .expect("features of the product")
        .to_vec()
}

/// [`features_of`] with the features every business feature's tests need as well: the start
/// page, accounts, reference data and the admin pages.
pub fn on_base_features(
    all: Result<hih_kernel::FeatureSet, hih_kernel::FeatureSetError>,
    names: &[&str],
) -> Vec<&'static dyn Feature> {
    let mut with_base = vec!["home", "users", "reference", "admin"];
    with_base.extend_from_slice(names);
    features_of(all, &with_base)
}

impl TestApp {
    /// Default test settings (fast hashing is already in the dev profile).
    pub fn settings() -> Settings {
        Settings::default()
    }

    /// Like [`TestApp::only`] with the features every business feature's tests need as well:
    /// the start page, accounts, reference data and the admin pages.
    pub async fn on_base(
        all: Result<hih_kernel::FeatureSet, hih_kernel::FeatureSetError>,
        names: &[&str],
    ) -> TestApp {
        Self::on_base_with(all, names, Self::settings()).await
    }

    /// [`TestApp::on_base`] with these settings.
    pub async fn on_base_with(
        all: Result<hih_kernel::FeatureSet, hih_kernel::FeatureSetError>,
        names: &[&str],
        settings: Settings,
    ) -> TestApp {
        Self::with_settings(&on_base_features(all, names), settings).await
    }

    /// The app with the named features of the product's list (pass `hih_app::features()`), on
    /// a fresh database: what a feature crate's integration tests start from.
    pub async fn only(
        all: Result<hih_kernel::FeatureSet, hih_kernel::FeatureSetError>,
        names: &[&str],
    ) -> TestApp {
        Self::new(&features_of(all, names)).await
    }

    /// An app with these features and default settings.
    pub async fn new(features: &[&dyn Feature]) -> TestApp {
        Self::with_settings(features, Self::settings()).await
    }

    /// An app with these features and settings, on a fresh database.
    pub async fn with_settings(features: &[&dyn Feature], mut settings: Settings) -> TestApp {
        // Logs of the app under test, filtered by RUST_LOG (default: errors), shown per test.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_default_env()
                    .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("error")),
            )
            .with_test_writer()
            .try_init();
        let dir = tempfile::tempdir().expect("temp dir");
        settings.data_dir = dir.path().display().to_string();
        let mut pg = None;
        if let Ok(admin_url) = std::env::var("HIH_TEST_DATABASE_URL")
            && !admin_url.is_empty()
        {
            let name = format!("hih_t_{}", ulid::Ulid::new().to_string().to_lowercase());
            let admin = Database::connect(&admin_url)
                .await
                .expect("connect to HIH_TEST_DATABASE_URL");
            // A copy of the migrated template, if there is one (template.rs).
            let create = match template::postgres(&admin, &admin_url).await {
                Some(t) => format!("CREATE DATABASE \"{name}\" TEMPLATE \"{t}\""),
                None => format!("CREATE DATABASE \"{name}\""),
            };
            template::retry_while_in_use(&admin, &create).await;
            drop(admin);
            settings.database.url = Some(SecretString::from(replace_db_name(&admin_url, &name)));
            settings.database.max_connections = 5;
            pg = Some(PgDatabase { admin_url, name });
        } else if settings.database_url()
            == format!("sqlite://{}/hih.db?mode=rwc", settings.data_dir)
        {
            template::sqlite_copy(&dir.path().join("hih.db")).await;
        }
        let db = hih_db::connect(&settings).await.expect("connect");
        hih_migrations::apply(&db).await.expect("migrate");
        let jobs = hih_jobs::JobSystem::setup(&db).await.expect("job tables");
        let clock = Arc::new(FixedClock::new(
            Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0)
                .single()
                .expect("date"),
        ));
        let (state, app) = hih_web::assemble(
            features,
            db,
            Arc::new(settings),
            clock.clone(),
            jobs.queue(),
        )
        .expect("assemble app");
        TestApp {
            state,
            app: Arc::new(app),
            clock,
            jobs,
            _dir: dir,
            _pg: pg,
        }
    }

    /// Shared services.
    pub fn services(&self) -> &Services {
        &self.state.services
    }

    /// The database.
    pub fn db(&self) -> &DatabaseConnection {
        &self.state.services.db
    }

    /// A new browser-like client without cookies.
    pub fn agent(&self) -> Agent {
        Agent::new(self.app.clone())
    }

    /// Runs a registered job directly (as the worker would).
    pub async fn run_job(
        &self,
        name: &str,
        payload: serde_json::Value,
    ) -> Result<(), hih_kernel::JobError> {
        let spec = self
            .state
            .jobs
            .iter()
            .find(|j| j.name == name)
            .ok_or_else(|| hih_kernel::JobError::Permanent(format!("no job {name}")))?;
        let ctx = JobContext {
            services: self.services().clone(),
            job: name.to_string(),
        };
        spec.handler.run(&ctx, payload).await
    }

    /// The record of entity `E` with this id, if there is one.
    pub async fn find<E>(
        &self,
        id: impl Into<<E::PrimaryKey as PrimaryKeyTrait>::ValueType>,
    ) -> Option<E::Model>
    where
        E: EntityTrait,
    {
        E::find_by_id(id).one(self.db()).await.unwrap()
    }

    /// The record of entity `E` with this id (panics if there is none).
    pub async fn record<E>(
        &self,
        id: impl Into<<E::PrimaryKey as PrimaryKeyTrait>::ValueType>,
    ) -> E::Model
    where
        E: EntityTrait,
    {
        self.find::<E>(id).await.expect("the record exists")
    }

    /// Runs `f` in a unit of work of the system actor `test` and commits it (writes as a job
    /// would, through the audited path).
    pub async fn as_system<F>(&self, f: F)
    where
        F: AsyncFnOnce(&mut UnitOfWork),
    {
        let mut uow = UnitOfWork::begin(self.services(), &Actor::system("test"))
            .await
            .unwrap();
        f(&mut uow).await;
        uow.commit().await.unwrap();
    }

    /// The audit entries of `entity` with `action`, in chain order.
    pub async fn audit_entries(&self, entity: &str, action: &str) -> Vec<audit_log::Model> {
        audit_log::Entity::find()
            .filter(audit_log::Column::Entity.eq(entity))
            .filter(audit_log::Column::Action.eq(action))
            .order_by_asc(audit_log::Column::Seq)
            .all(self.db())
            .await
            .unwrap()
    }

    /// The access-log entries of `entity` with `action`, oldest first.
    pub async fn access_entries(&self, entity: &str, action: &str) -> Vec<access_log::Model> {
        access_log::Entity::find()
            .filter(access_log::Column::Entity.eq(entity))
            .filter(access_log::Column::Action.eq(action))
            .order_by_asc(access_log::Column::Id)
            .all(self.db())
            .await
            .unwrap()
    }

    /// Counts rows of a table.
    pub async fn count(&self, table: &str) -> Result<i64, AppError> {
        let row = self
            .db()
            .query_one_raw(sea_orm::Statement::from_string(
                self.db().get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(row.try_get::<i64>("", "n")?)
    }
}

/// Deactivates record `id` of entity `E` as the system would: through the unit of work
/// (audited; the activation hooks run). `E` has the columns `active`, `deactivated_at` and
/// `updated_at` ([`hih_db::UnitOfWork::set_active`]).
pub async fn deactivate<E>(app: &TestApp, id: i64)
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel> + Auditable + Clone,
    E::ActiveModel: Send,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<i64>,
{
    let before = app.record::<E>(id).await;
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    uow.set_active::<E::ActiveModel>(&before, false)
        .await
        .unwrap();
    uow.commit().await.unwrap();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_names_are_replaced() {
        assert_eq!(
            replace_db_name("postgres://postgres@127.0.0.1:5432/test", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            replace_db_name("postgres://u@h/test?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
    }
}

//! The kernel of the HiH Projektdatenbank: what every feature and platform crate agrees on.
//!
//! - [`Feature`] and [`Registry`]: how a feature crate plugs into the host app; [`FeatureSet`]:
//!   the product's features in start order.
//! - [`Actor`] and [`Role`]: who is acting (a user, a job, or nobody).
//! - [`AppError`]: typed errors that map to German messages through text keys.
//! - [`Settings`]: every configurable value, with defaults.
//! - [`Clock`]: injectable time, so expiry rules are tested without sleeping.
//! - [`Services`]: the shared handles handed to handlers and jobs.

mod actor;
mod branding;
mod client_addr;
mod clock;
mod counselling;
mod error;
mod feature;
mod feature_set;
mod local_path;
mod services;
mod settings;
mod text_input;

pub use actor::{Actor, ActorKind, Role, UserActor};
pub use branding::{
    BrandingError, BrandingSettings, HexColour, LOGO_MAX_BYTES, LOGO_TYPES, logo_mime,
};
pub use client_addr::{TrustedProxy, client_addr};
pub use clock::{Clock, FixedClock, SystemClock};
pub use counselling::{CounsellingSettings, CounsellingSettingsError};
pub use error::{AppError, FieldError, FieldErrors};
pub use feature::{
    Access, ActivationHook, ActorResolver, ApiCredential, CronSpec, DeletionFold, Feature,
    FigureProvider, FlowInfo, HookEvent, JobContext, JobError, JobHandler, JobSpec, KeyFigure,
    ListEntry, NavEntry, NavGroup, Permission, Registry, RouteSpec, SearchHit, SearchHits,
    SearchProvider, StatusCheck, StatusFinding, StatusLevel, TabProvider, Tile, TileProvider,
    TileTone,
};
pub use feature_set::{FeatureSet, FeatureSetError};
/// The locale of a text catalogue (re-exported for [`feature!`]).
pub use hih_i18n::Locale;
pub use local_path::is_local_path;
pub use services::{ActivationHooks, DeletionFolds, JobQueue, Services, StatusChecks};
pub use settings::{
    ApiSettings, BackupSettings, DatabaseSettings, ExportSettings, LogFormat, LogSettings,
    MailMode, MailSettings, MetricsSettings, MisuseSettings, PasswordSettings, SecuritySettings,
    Settings, SettingsError, StatusSettings, parse_year_month, valid_id_prefix,
};
pub use text_input::{LINE_MAX, TEXT_MAX, text_problem};

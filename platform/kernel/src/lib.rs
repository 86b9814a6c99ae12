//! The kernel of the HiH Projektdatenbank: what every feature and platform crate agrees on.
//!
//! - [`Feature`] and [`Registry`]: how a feature crate plugs into the host app.
//! - [`Actor`] and [`Role`]: who is acting (a user, a job, or nobody).
//! - [`AppError`]: typed errors that map to German messages through text keys.
//! - [`Settings`]: every configurable value, with defaults.
//! - [`Clock`]: injectable time, so expiry rules are tested without sleeping.
//! - [`Services`]: the shared handles handed to handlers and jobs.

mod actor;
mod clock;
mod error;
mod feature;
mod services;
mod settings;

pub use actor::{Actor, ActorKind, Role, UserActor};
pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{AppError, FieldError, FieldErrors};
pub use feature::{
    Access, ActorResolver, CronSpec, DeletionFold, Feature, JobContext, JobError, JobHandler,
    JobSpec, NavEntry, Permission, Registry, RouteSpec, SearchHit, SearchHits, SearchProvider,
    TabProvider, Tile, TileProvider, TileTone,
};
pub use services::{DeletionFolds, JobQueue, Services};
pub use settings::{
    BackupSettings, DatabaseSettings, LogFormat, MailMode, MailSettings, PasswordSettings,
    SecuritySettings, Settings, SettingsError, parse_year_month,
};

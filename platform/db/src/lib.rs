//! Database platform: connecting (SQLite pragmas, PostgreSQL), the audited [`UnitOfWork`]
//! — the only write path for business tables —, the hash-chained audit trail and its
//! verification, the access log, kept record counts, and German search folding.

pub mod access;
pub mod access_writer;
pub mod audit;
pub mod audit_check;
mod connect;
pub mod counts;
pub mod entities;
pub mod fold;
pub mod maintenance;
pub mod plan;
pub mod retention;
pub mod search;
mod secrets;
mod uow;
pub mod version_cache;

pub use connect::{Backend, backend, connect};
pub use secrets::{app_secret, hash_token, new_token};
pub use uow::{Auditable, UnitOfWork};

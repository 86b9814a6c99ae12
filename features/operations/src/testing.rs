//! Helpers for tests (cargo feature `testing`): this feature's rows of the role × route matrix,
//! which the app's matrix test gathers, and what the backup tests here and in the app share.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers: a panic is the failure report

pub mod backup;
pub mod matrix;

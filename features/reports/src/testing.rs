//! Helpers for other crates' tests (cargo feature `testing`): this feature's rows of the role ×
//! route matrix, which the app's matrix test gathers.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers: a panic is the failure report

pub mod flows;
pub mod matrix;

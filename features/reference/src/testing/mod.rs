//! Test support of the reference feature (cargo feature `testing`): the fixtures of the shared
//! flow tests. Failures panic: the panic is the test's report.
#![allow(clippy::expect_used, clippy::unwrap_used)]

pub mod flows;
pub mod matrix;

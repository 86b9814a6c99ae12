//! Test support of the admin feature (cargo feature `testing`): the fixture of the shared flow
//! tests. Failures panic: the panic is the test's report.
#![allow(clippy::expect_used, clippy::unwrap_used)]

pub mod flows;
pub mod matrix;

//! Test support of the home feature (cargo feature `testing`): its rows of the role × route
//! matrix.

pub mod matrix;

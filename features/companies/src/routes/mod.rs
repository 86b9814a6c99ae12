//! HTTP handlers of the companies feature.

pub mod companies;
pub mod distribution;
pub mod monthly;

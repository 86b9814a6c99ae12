//! HTTP handlers of the companies feature.

pub mod reference;

//! HTTP handlers of the companies feature.

pub mod form;
pub mod list;
pub mod monthly;
pub mod monthly_list;
pub mod record;

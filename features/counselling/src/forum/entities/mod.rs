//! sea-orm entities of the staff exchange.

pub mod file;
pub mod material;
pub mod post;
pub mod topic;

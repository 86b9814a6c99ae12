//! HTTP handlers of the reference data feature (all under `/referenzdaten`, admins only).

pub mod districts;
pub mod lists;
pub mod overview;
pub mod postcodes;

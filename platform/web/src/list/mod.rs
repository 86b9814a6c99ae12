//! Lists (R-LST, R-EXP): the URL state of a list ([`ListParams`]) and the [`ListSpec`] from
//! which a list page, its CSV/XLSX export, its distribution list and its global-search provider
//! are all derived, so their counts agree by construction.

mod distribution;
mod endpoints;
mod params;
mod search;
mod spec;

pub use distribution::{Distribution, Recipient};
pub use endpoints::{fetch, register};
pub use params::{ListParams, PAGE_SIZES, pager_pages};
pub use search::SpecSearch;
pub use spec::{
    Export, ListInfo, ListSpec, TextColumn, active_unless_asked, filtered, search_with_inactive,
};

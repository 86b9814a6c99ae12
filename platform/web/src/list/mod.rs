//! Lists (R-LST, R-EXP): the URL state of a list ([`ListParams`]), what a list shows
//! ([`ListView`]) and where its rows come from — an entity's query ([`ListSpec`], from which
//! the list page, its CSV/XLSX export, its distribution list and its global-search provider
//! are all derived, so their counts agree by construction) or computed rows ([`MemoryList`],
//! the same page, export and distribution endpoints).

mod distribution;
pub(crate) mod endpoints;
pub(crate) mod memory;
mod params;
mod search;
pub(crate) mod source;
mod spec;

pub use distribution::{Distribution, Recipient};
pub use endpoints::{fetch, register, register_in_memory};
pub use memory::MemoryList;
pub use params::{ListParams, PAGE_SIZES, pager_pages};
pub use search::SpecSearch;
pub use spec::{
    Export, ListInfo, ListSpec, ListView, TextColumn, active_unless_asked, count_known, filtered,
    page_of, search_with_inactive,
};

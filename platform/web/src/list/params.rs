//! List state in the URL (R-LST-3): filters, sort column and direction, page and page size
//! (20, 40, 60 or all), with the page size remembered per list in the session.

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

use crate::Ctx;

/// Page sizes offered; 0 means "all".
pub const PAGE_SIZES: [u64; 4] = [20, 40, 60, 0];

/// Parsed list parameters.
#[derive(Debug, Clone)]
pub struct ListParams {
    /// Base path of the list (`/benutzer`).
    pub path: String,
    /// Filter fields as given (empty values dropped), in a stable order.
    pub filters: Vec<(String, String)>,
    /// Sort column key (one of the allowed ones).
    pub sort: String,
    /// Descending?
    pub desc: bool,
    /// 1-based page.
    pub page: u64,
    /// Page size; 0 = all.
    pub per: u64,
    /// Values a list worked out from typed filters before its query (e.g. the id of the
    /// company a name names, [`super::ListView::prepare`]); never written into links, which
    /// keep what the user typed.
    pub resolved: Vec<(String, String)>,
}

/// Pages on either side of the current one that get their own link.
const PAGE_NEIGHBOURS: u64 = 2;

#[derive(Serialize)]
struct PageLink {
    number: u64,
    href: String,
    current: bool,
    /// Pages left out before this one (shown as an ellipsis).
    gap_before: bool,
}

/// The page numbers the pager links: the first, the last and the current one with its
/// neighbours — a bounded number of links however long the list (100,000 rows at 20 a page
/// would otherwise render 5,000 links).
pub fn pager_pages(page: u64, pages: u64) -> Vec<u64> {
    let from = page.saturating_sub(PAGE_NEIGHBOURS).max(1);
    let to = (page + PAGE_NEIGHBOURS).min(pages);
    let mut out = Vec::with_capacity(2 * PAGE_NEIGHBOURS as usize + 3);
    if from > 1 {
        out.push(1);
    }
    out.extend(from..=to);
    if to < pages {
        out.push(pages);
    }
    out
}

/// The trimmed value of `name` in `query`.
fn get(query: &[(String, String)], name: &str) -> Option<String> {
    query
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.trim().to_string())
}

/// The list's default page size: its own setting, else the general one.
fn default_page_size(ctx: &Ctx, list_key: &str) -> u64 {
    let settings = &ctx.services().settings;
    u64::from(
        settings
            .list_page_sizes
            .get(list_key)
            .copied()
            .unwrap_or(settings.list_page_size),
    )
}

/// The `dir` value of a direction (always written, so a list whose default is descending can
/// be sorted ascending).
fn direction(desc: bool) -> &'static str {
    if desc { "desc" } else { "asc" }
}

fn encode(pairs: &[(String, String)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

impl ListParams {
    /// Reads the parameters from the query. `filter_names` are the search fields; `sortable`
    /// the allowed sort keys (the first is the default, ascending). The page size falls back
    /// to the user's last choice for `list_key`, then to the list's setting
    /// (`list_page_sizes.<list_key>`), then to `list_page_size`.
    pub fn parse(
        ctx: &Ctx,
        list_key: &str,
        query: &[(String, String)],
        filter_names: &[&str],
        sortable: &[&str],
    ) -> Self {
        Self::parse_sorted(ctx, list_key, query, filter_names, sortable, false)
    }

    /// [`Self::parse`] with the default sort's direction: `default_desc` applies when the
    /// query names no sort column (newest first).
    pub fn parse_sorted(
        ctx: &Ctx,
        list_key: &str,
        query: &[(String, String)],
        filter_names: &[&str],
        sortable: &[&str],
        default_desc: bool,
    ) -> Self {
        let session_key = format!("_list_per:{list_key}");
        let asked = get(query, "per")
            .and_then(|p| p.parse::<u64>().ok())
            .filter(|p| PAGE_SIZES.contains(p));
        let per = match asked {
            Some(p) => {
                // Remember the choice; write the session only when it changes.
                if ctx.session.get::<u64>(&session_key) != Some(p) {
                    ctx.session.set(&session_key, &p);
                }
                p
            }
            None => ctx
                .session
                .get::<u64>(&session_key)
                .unwrap_or_else(|| default_page_size(ctx, list_key)),
        };
        let mut params = Self::from_query(&ctx.path, query, filter_names, sortable, default_desc);
        params.per = per;
        params
    }

    /// The parameters of `query` without a session (the global search, tests): page size
    /// "all" unless the query names one.
    pub fn from_query(
        path: &str,
        query: &[(String, String)],
        filter_names: &[&str],
        sortable: &[&str],
        default_desc: bool,
    ) -> Self {
        let filters: Vec<(String, String)> = filter_names
            .iter()
            .filter_map(|n| {
                get(query, n)
                    .filter(|v| !v.is_empty())
                    .map(|v| (n.to_string(), v))
            })
            .collect();
        let asked_sort = get(query, "sort").filter(|s| sortable.contains(&s.as_str()));
        let desc = match &asked_sort {
            Some(_) => get(query, "dir").as_deref() == Some("desc"),
            None => match get(query, "dir").as_deref() {
                Some("desc") => true,
                Some("asc") => false,
                _ => default_desc,
            },
        };
        let sort = asked_sort
            .unwrap_or_else(|| sortable.first().map(|s| s.to_string()).unwrap_or_default());
        let per = get(query, "per")
            .and_then(|p| p.parse::<u64>().ok())
            .filter(|p| PAGE_SIZES.contains(p))
            .unwrap_or(0);
        let page = get(query, "page")
            .and_then(|p| p.parse::<u64>().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1);
        ListParams {
            path: path.to_string(),
            filters,
            sort,
            desc,
            page,
            per,
            resolved: Vec::new(),
        }
    }

    /// A filter value.
    pub fn filter(&self, name: &str) -> Option<&str> {
        self.filters
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every filter field of `names` with its value as given (`""` when absent), for the list
    /// page's search form: spread into the page's context (`context! { …, ..values }`), so
    /// the form shows what the list filtered by.
    pub fn filter_values(&self, names: &[&str]) -> Value {
        let map: std::collections::BTreeMap<&str, &str> = names
            .iter()
            .map(|n| (*n, self.filter(n).unwrap_or("")))
            .collect();
        Value::from(Serde(map))
    }

    /// A value worked out from the filter `name` ([`Self::resolve`]).
    pub fn resolved(&self, name: &str) -> Option<&str> {
        self.resolved
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Records `value` as worked out from the filter `name`.
    pub fn resolve(&mut self, name: &str, value: String) {
        self.resolved.retain(|(n, _)| n != name);
        self.resolved.push((name.to_string(), value));
    }

    /// `query` limited to the asked page: `OFFSET … LIMIT …`, or unchanged for "all" (an
    /// `OFFSET` without `LIMIT` is invalid SQL on SQLite). Every list that pages in the
    /// database goes through here or [`crate::paging::fetch_page`].
    pub fn paged<Q: sea_orm::QuerySelect>(&self, query: Q, total: u64) -> Q {
        match self.window(total) {
            (offset, Some(limit)) => query.offset(offset).limit(limit),
            (_, None) => query,
        }
    }

    /// The number of records up to the end of the asked page of a list of `total` records
    /// (`None` for "all"): how far a page walks through the list's order.
    pub fn page_end(&self, total: u64) -> Option<u64> {
        let (offset, limit) = self.window(total);
        limit.map(|l| offset.saturating_add(l))
    }

    /// `(offset, limit)` for the query; `limit` is `None` for "all". Any page number is
    /// accepted: the offset saturates and is capped at the largest one a database takes
    /// (`i64::MAX`), so an absurd page asked before the total is known reads nothing instead
    /// of overflowing.
    pub fn window(&self, total: u64) -> (u64, Option<u64>) {
        if self.per == 0 {
            return (0, None);
        }
        let pages = total.div_ceil(self.per).max(1);
        let page = self.page.clamp(1, pages);
        let offset = (page - 1).saturating_mul(self.per).min(i64::MAX as u64);
        (offset, Some(self.per))
    }

    fn href(&self, sort: &str, desc: bool, page: u64) -> String {
        let mut pairs = self.filters.clone();
        pairs.push(("sort".into(), sort.into()));
        pairs.push(("dir".into(), direction(desc).into()));
        pairs.push(("per".into(), self.per.to_string()));
        if page > 1 {
            pairs.push(("page".into(), page.to_string()));
        }
        format!("{}?{}", self.path, encode(&pairs))
    }

    /// The query string of the current filters (for export links).
    pub fn filter_query(&self) -> String {
        let mut pairs = self.filters.clone();
        pairs.push(("sort".into(), self.sort.clone()));
        pairs.push(("dir".into(), direction(self.desc).into()));
        encode(&pairs)
    }

    /// Template context: sort links per column, pages, page-size choice, counts.
    pub fn view(&self, total: u64, columns: &[&str]) -> Value {
        let mut sort_links = std::collections::BTreeMap::new();
        let mut sort_state = std::collections::BTreeMap::new();
        for c in columns {
            let active = self.sort == *c;
            let next_desc = active && !self.desc;
            sort_links.insert(c.to_string(), self.href(c, next_desc, 1));
            let state = match (active, self.desc) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            };
            sort_state.insert(c.to_string(), state);
        }
        let (pages, page) = if self.per == 0 {
            (1, 1)
        } else {
            let pages = total.div_ceil(self.per).max(1);
            (pages, self.page.min(pages))
        };
        let mut previous = 0;
        let links: Vec<PageLink> = pager_pages(page, pages)
            .into_iter()
            .map(|n| {
                let link = PageLink {
                    number: n,
                    href: self.href(&self.sort, self.desc, n),
                    current: n == page,
                    gap_before: n > previous + 1,
                };
                previous = n;
                link
            })
            .collect();
        let hidden: Vec<(String, String)> = {
            let mut h = self.filters.clone();
            h.push(("sort".into(), self.sort.clone()));
            h.push(("dir".into(), direction(self.desc).into()));
            h
        };
        context! {
            total => total,
            page => page,
            pages => pages,
            per => self.per,
            page_sizes => PAGE_SIZES.to_vec(),
            sort_links => Serde(sort_links),
            sort_state => Serde(sort_state),
            page_links => Serde(links),
            prev => (page > 1).then(|| self.href(&self.sort, self.desc, page - 1)),
            next => (page < pages).then(|| self.href(&self.sort, self.desc, page + 1)),
            hidden => Serde(hidden),
            path => self.path.clone(),
            export_query => self.filter_query(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ListParams, pager_pages};

    #[test]
    fn a_window_never_overflows_and_clamps_to_the_last_page() {
        let params = |page: u64, per: u64| ListParams {
            path: "/liste".into(),
            filters: Vec::new(),
            sort: "name".into(),
            desc: false,
            page,
            per,
            resolved: Vec::new(),
        };
        assert_eq!(params(3, 20).window(100), (40, Some(20)));
        assert_eq!(params(9, 20).window(100), (80, Some(20)), "the last page");
        assert_eq!(
            params(0, 20).window(100),
            (0, Some(20)),
            "page 0 is the first"
        );
        let far = params(13_072_261_276_992_016_384, 13_072_261_276_992_016_384);
        assert_eq!(far.window(5), (0, Some(far.per)));
        assert_eq!(far.window(u64::MAX), (i64::MAX as u64, Some(far.per)));
        assert_eq!(params(7, 0).window(100), (0, None), "all rows");
    }

    #[test]
    fn pager_links_a_window_around_the_current_page() {
        assert_eq!(pager_pages(1, 1), vec![1]);
        assert_eq!(pager_pages(1, 5000), vec![1, 2, 3, 5000]);
        assert_eq!(pager_pages(50, 5000), vec![1, 48, 49, 50, 51, 52, 5000]);
        assert_eq!(pager_pages(5000, 5000), vec![1, 4998, 4999, 5000]);
        assert_eq!(pager_pages(3, 5), vec![1, 2, 3, 4, 5]);
    }
}

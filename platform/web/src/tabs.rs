//! The tab bar of a record (a company, an applicant): its own data page and the tabs other
//! features add (contact history, matches, history), the same bar on every tab page with the
//! current tab marked (`aria-current="page"`). Rendered by `platform/tabs.html`.

use hih_kernel::{Actor, TabProvider};
use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

use crate::Ctx;

/// The record's own data page as the first tab (registered by the record's feature, so it
/// comes before the tabs of later features).
pub struct DataTab {
    /// The record kind (`company`).
    pub kind: &'static str,
    /// Text key of the tab (`companies-tab-data`).
    pub label_key: &'static str,
    /// The records' path (`/unternehmen`): the page is `<prefix>/<id>`.
    pub prefix: &'static str,
}

impl TabProvider for DataTab {
    fn record_kind(&self) -> &'static str {
        self.kind
    }

    fn label_key(&self) -> &'static str {
        self.label_key
    }

    fn href(&self, _actor: &Actor, record_id: i64) -> Option<String> {
        Some(format!("{}/{record_id}", self.prefix))
    }
}

/// One tab as the bar shows it.
#[derive(Debug, Clone, Serialize)]
struct TabView {
    label_key: &'static str,
    href: String,
    current: bool,
}

/// The tabs of record `id` of `kind` the caller may open, in feature order, the one of the
/// current page marked.
pub fn record_tabs(ctx: &Ctx, kind: &str, id: i64) -> Value {
    let tabs: Vec<TabView> = ctx
        .state
        .tabs
        .iter()
        .filter(|t| t.record_kind() == kind)
        .filter_map(|t| {
            t.href(&ctx.actor, id).map(|href| TabView {
                label_key: t.label_key(),
                current: href == ctx.path,
                href,
            })
        })
        .collect();
    Value::from(Serde(tabs))
}

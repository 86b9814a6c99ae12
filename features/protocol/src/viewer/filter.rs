//! What the three log pages share: list parameters with newest-first default, the period
//! filter (calendar days in Europe/Berlin), case-insensitive word matching on raw text columns,
//! German times and readable values.

use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, Utc};
use chrono_tz::Europe::Berlin;
use hih_db::access::AccessAction;
use hih_db::fold::like_escape;
use hih_kernel::FieldErrors;
use hih_web::{Ctx, ListParams};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, Order};
use serde_json::Value;

/// The list parameters of a log list. Without an explicit `sort` in the URL the list shows the
/// newest entries first.
pub(super) fn list_params(
    ctx: &Ctx,
    list_key: &str,
    query: &[(String, String)],
    filters: &[&str],
    columns: &[&str],
) -> ListParams {
    let mut params = ListParams::parse(ctx, list_key, query, filters, columns);
    if !query.iter().any(|(k, _)| k == "sort") {
        params.desc = true;
    }
    params
}

/// A period of whole calendar days in Europe/Berlin: from the start of `from` (inclusive) to
/// the start of the day after `to` (exclusive).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Period {
    /// First instant inside the period.
    pub from: Option<DateTime<Utc>>,
    /// First instant after the period.
    pub until: Option<DateTime<Utc>>,
}

/// The first instant of a calendar day in Berlin (midnight always exists there).
fn day_start(day: NaiveDate) -> Option<DateTime<Utc>> {
    day.and_time(NaiveTime::MIN)
        .and_local_timezone(Berlin)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

impl Period {
    /// Reads the filters `from` and `to` (`JJJJ-MM-TT`); a malformed date or an empty period is
    /// a field error.
    pub fn parse(params: &ListParams, errors: &mut FieldErrors) -> Period {
        let mut period = Period::default();
        if let Some(from) = params.filter("from") {
            match parse_day(from).and_then(day_start) {
                Some(t) => period.from = Some(t),
                None => errors.add("from", "protocol-viewer-error-date"),
            }
        }
        if let Some(to) = params.filter("to") {
            match parse_day(to).and_then(|d| d.succ_opt()).and_then(day_start) {
                Some(t) => period.until = Some(t),
                None => errors.add("to", "protocol-viewer-error-date"),
            }
        }
        if let (Some(from), Some(until)) = (period.from, period.until)
            && from >= until
        {
            errors.add("to", "protocol-viewer-error-period");
        }
        period
    }
}

/// An instant as the audit log stores it (RFC 3339, microseconds, `Z`): text comparison of
/// such values orders like time.
pub(super) fn audit_stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A condition no row fulfils (a list whose filter is invalid shows nothing rather than more).
pub(super) fn nothing() -> SimpleExpr {
    Expr::cust("1 = 0")
}

/// The columns a log list filters on: who acted (id and name), the exact-match filters by
/// field name, and the columns the free text `q` searches.
pub(super) struct LogColumns<C: 'static, const N: usize> {
    /// Actor id and name: the `actor` filter's words may occur in either.
    pub actor: [C; 2],
    /// Filter field name and the column it must equal (`action`, `entity`, `record`).
    pub exact: [(&'static str, C); N],
    /// Columns the `q` filter's words may occur in.
    pub text: &'static [C],
}

impl<C: ColumnTrait + 'static, const N: usize> LogColumns<C, N> {
    /// The list's condition: the shared filters and `period` AND-combined; with filter errors,
    /// nothing at all (a list whose filter is invalid shows nothing rather than more).
    pub fn condition(
        &self,
        params: &ListParams,
        errors: &FieldErrors,
        period: Condition,
    ) -> Condition {
        let mut cond = Condition::all();
        if let Some(actor) = params.filter("actor") {
            cond = cond.add(words_in(&self.actor, actor));
        }
        for (name, column) in &self.exact {
            if let Some(value) = params.filter(name) {
                cond = cond.add(column.eq(value));
            }
        }
        cond = cond.add(period);
        if let Some(q) = params.filter("q") {
            cond = cond.add(words_in(self.text, q));
        }
        if !errors.is_empty() {
            cond = cond.add(nothing());
        }
        cond
    }
}

/// The sort direction the list parameters ask for.
pub(super) fn direction(params: &ListParams) -> Order {
    if params.desc { Order::Desc } else { Order::Asc }
}

/// Access-logs a log list's search: its filters and how many entries they found.
pub(super) async fn log_search(ctx: &Ctx, entity: &str, params: &ListParams, total: u64) {
    ctx.log_access(
        AccessAction::Search,
        entity,
        None,
        serde_json::json!(params.filters),
        Some(total as i64),
    )
    .await;
}

/// Select options `(code, text key)` from a table of codes and their labels' keys.
pub(super) fn code_options(codes: &[(&str, &str)]) -> Vec<(String, String)> {
    codes
        .iter()
        .map(|(code, key)| (code.to_string(), key.to_string()))
        .collect()
}

/// `LOWER(column) LIKE '%word%'` for a lower-cased, escaped word.
fn lower_like(column: SimpleExpr, word: &str) -> SimpleExpr {
    let pattern = format!("%{}%", like_escape(word));
    Expr::expr(Func::lower(column)).like(LikeExpr::new(pattern).escape('\\'))
}

/// Rows where every word of `query` occurs (case-insensitive) in at least one of `columns`.
pub(super) fn words_in<C: ColumnTrait>(columns: &[C], query: &str) -> Condition {
    let lower = query.to_lowercase();
    let mut all = Condition::all();
    for word in lower.split_whitespace() {
        let mut any = Condition::any();
        for c in columns {
            any = any.add(lower_like(Expr::col(c.as_column_ref()), word));
        }
        all = all.add(any);
    }
    all
}

/// The words of a free-text query as `LIKE` patterns (lower case, escaped), for raw SQL.
pub(super) fn like_patterns(query: &str) -> Vec<String> {
    query
        .to_lowercase()
        .split_whitespace()
        .map(|w| format!("%{}%", like_escape(w)))
        .collect()
}

/// An instant in German form, Europe/Berlin: `TT.MM.JJJJ HH:MM:SS`.
pub(super) fn german_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Berlin)
        .format("%d.%m.%Y %H:%M:%S")
        .to_string()
}

/// A stored RFC 3339 instant in German form; other text unchanged.
pub(super) fn german_stamp(text: &str) -> String {
    match DateTime::parse_from_rfc3339(text) {
        Ok(t) => german_time(t.with_timezone(&Utc)),
        Err(_) => text.to_string(),
    }
}

/// A JSON value as people read it: text as it is, numbers plainly, yes/no, an empty mark for
/// nothing, lists and objects as compact JSON.
pub(super) fn readable(ctx: &Ctx, value: &Value) -> String {
    match value {
        Value::Null => ctx.t("protocol-viewer-value-empty"),
        Value::Bool(true) => ctx.t("protocol-viewer-value-yes"),
        Value::Bool(false) => ctx.t("protocol-viewer-value-no"),
        Value::String(s) if s.is_empty() => ctx.t("protocol-viewer-value-empty"),
        Value::String(s) => readable_text(s),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// A stored text as people read it: instants (RFC 3339) in German form and Berlin time,
/// calendar dates (`JJJJ-MM-TT`) as `TT.MM.JJJJ`, anything else unchanged.
fn readable_text(text: &str) -> String {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return german_time(t.with_timezone(&Utc));
    }
    match parse_day(text) {
        Some(day) if text.len() == 10 => day.format("%d.%m.%Y").to_string(),
        _ => text.to_string(),
    }
}

/// `(name, value)` pairs of a stored JSON detail: an object's fields, a list of `[name,
/// value]` pairs (list filters), or the whole value under an empty name.
pub(super) fn detail_pairs(ctx: &Ctx, text: &str) -> Vec<(String, String)> {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![(String::new(), text.to_string())]
        };
    };
    match &value {
        Value::Null => Vec::new(),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| (k.clone(), readable(ctx, v)))
            .collect(),
        Value::Array(items)
            if items.iter().all(|i| {
                i.as_array()
                    .is_some_and(|p| p.len() == 2 && p[0].is_string())
            }) =>
        {
            items
                .iter()
                .filter_map(|i| i.as_array())
                .map(|p| {
                    (
                        p[0].as_str().unwrap_or_default().to_string(),
                        readable(ctx, &p[1]),
                    )
                })
                .collect()
        }
        other => vec![(String::new(), readable(ctx, other))],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_start_at_midnight_in_berlin() {
        let winter = day_start(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default());
        assert_eq!(
            winter.map(|t| t.to_rfc3339()),
            Some("2026-11-01T23:00:00+00:00".to_string())
        );
        let summer = day_start(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap_or_default());
        assert_eq!(
            summer.map(|t| t.to_rfc3339()),
            Some("2026-06-30T22:00:00+00:00".to_string())
        );
    }

    #[test]
    fn stored_times_and_dates_read_in_german() {
        assert_eq!(
            readable_text("2026-12-03T14:50:51.131317Z"),
            "03.12.2026 15:50:51"
        );
        assert_eq!(readable_text("2026-07-01"), "01.07.2026");
        assert_eq!(readable_text("Grün"), "Grün");
        assert_eq!(readable_text("2026-07-01 Termin"), "2026-07-01 Termin");
    }

    #[test]
    fn like_patterns_are_lower_case_and_escaped() {
        assert_eq!(like_patterns("Müller 50%"), vec!["%müller%", "%50\\%%"]);
        assert!(like_patterns("  ").is_empty());
    }
}

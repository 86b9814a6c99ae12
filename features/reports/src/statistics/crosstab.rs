//! The cross-tabulation (R-STA-2): two **different** parameters of one subject, optional
//! filters and entry months; counts with row and column totals, live plus the anonymous
//! counters, in the caller's scope.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use hih_kernel::{AppError, FieldErrors, Services};
use serde::Deserialize;

use super::labels::Labels;
use super::query::{Dim, Filter, Key, Months, Subject, dims_of, grouped};
use crate::scope::StatScope;

/// Subjects as offered in the form: (code, text key).
pub const SUBJECTS: [(&str, &str); 3] = [
    ("companies", "reports-xtab-subject-companies"),
    ("applicants", "reports-xtab-subject-applicants"),
    ("placements", "reports-xtab-subject-placements"),
];

/// Parameters as offered in the form: (code, text key).
pub const PARAMETERS: [(&str, &str); 10] = [
    ("district", "reports-xtab-param-district"),
    ("industry", "reports-xtab-param-industry"),
    ("size", "reports-xtab-param-size"),
    ("status", "reports-xtab-param-status"),
    ("outreach", "reports-xtab-param-outreach"),
    ("country", "reports-xtab-param-country"),
    ("occupation", "reports-xtab-param-occupation"),
    ("level", "reports-xtab-param-level"),
    ("month", "reports-xtab-param-month"),
    ("year", "reports-xtab-param-year"),
];

/// The parameters the form offers in `scope`: all but those the scope may not break any
/// subject down by ([`crate::scope::hidden_dims`]).
pub fn offered_parameters(scope: &StatScope) -> Vec<(&'static str, &'static str)> {
    PARAMETERS
        .iter()
        .filter(|(code, _)| {
            dim_of(code).is_some_and(|d| {
                !crate::scope::hidden_dims(scope, Subject::Placements).contains(&d)
            })
        })
        .copied()
        .collect()
}

fn subject_of(code: &str) -> Option<Subject> {
    match code {
        "companies" => Some(Subject::Companies),
        "applicants" => Some(Subject::Applicants),
        "placements" => Some(Subject::Placements),
        _ => None,
    }
}

fn dim_of(code: &str) -> Option<Dim> {
    Some(match code {
        "district" => Dim::District,
        "industry" => Dim::Industry,
        "size" => Dim::SizeClass,
        "status" => Dim::Status,
        "outreach" => Dim::Outreach,
        "country" => Dim::Country,
        "occupation" => Dim::Occupation,
        "level" => Dim::GermanLevel,
        "month" => Dim::Month,
        "year" => Dim::Year,
        _ => return None,
    })
}

/// The form as submitted (GET, so the URL holds it).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(default)]
pub struct CrossQuery {
    /// Subject code.
    pub subject: String,
    /// Row parameter code.
    pub row: String,
    /// Column parameter code.
    pub col: String,
    /// First entry month `YYYY-MM` (optional).
    pub from: String,
    /// Last entry month `YYYY-MM` (optional).
    pub to: String,
    /// Filter: IHK district id (companies, matches).
    pub district: String,
    /// Filter: country code (applicants, matches).
    pub country: String,
    /// Filter: status code.
    pub status: String,
}

impl CrossQuery {
    /// Whether the user asked for a table at all (not the empty first visit).
    pub fn submitted(&self) -> bool {
        !self.subject.is_empty() || !self.row.is_empty() || !self.col.is_empty()
    }
}

/// A checked cross-tab request.
#[derive(Debug, Clone)]
pub struct CrossSpec {
    /// Subject.
    pub subject: Subject,
    /// Row parameter.
    pub row: Dim,
    /// Column parameter.
    pub col: Dim,
    /// Scope, months and filters.
    pub filter: Filter,
}

/// Open start of a month range.
const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
/// Open end of a month range.
const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(2999, 12, 1) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

fn month(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{}-01", s.trim()), "%Y-%m-%d").ok()
}

fn statuses(subject: Subject) -> &'static [(&'static str, &'static str)] {
    match subject {
        Subject::Companies => &hih_companies::service::STATUSES,
        Subject::Applicants => &hih_applicants::service::STATUSES,
        Subject::Placements => &hih_matching::service::STATUSES,
    }
}

/// Checks the request: a known subject, two parameters valid for it and different from each
/// other, months `YYYY-MM` in order, filters that fit the subject.
pub fn validate(q: &CrossQuery, scope: &StatScope) -> Result<CrossSpec, FieldErrors> {
    let mut e = FieldErrors::new();
    let subject = subject_of(&q.subject);
    if subject.is_none() {
        e.add("subject", "reports-xtab-error-subject");
    }
    let mut param = |field: &str, code: &str| -> Option<Dim> {
        let Some(dim) = dim_of(code) else {
            e.add(field, "reports-xtab-error-param");
            return None;
        };
        if let Some(s) = subject
            && !dims_of(s).contains(&dim)
        {
            e.add(field, "reports-xtab-error-param-subject");
            return None;
        }
        if let Some(s) = subject
            && crate::scope::hidden_dims(scope, s).contains(&dim)
        {
            e.add(field, "reports-xtab-error-param-scope");
            return None;
        }
        Some(dim)
    };
    let row = param("row", &q.row);
    let col = param("col", &q.col);
    if !q.row.is_empty() && q.row == q.col {
        e.add("col", "reports-xtab-error-same");
    }
    let from = if q.from.trim().is_empty() {
        None
    } else {
        let m = month(&q.from);
        if m.is_none() {
            e.add("from", "reports-xtab-error-month");
        }
        m
    };
    let to = if q.to.trim().is_empty() {
        None
    } else {
        let m = month(&q.to);
        if m.is_none() {
            e.add("to", "reports-xtab-error-month");
        }
        m
    };
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        e.add("to", "reports-xtab-error-range");
    }
    let mut filter = Filter::scoped(scope, None);
    if from.is_some() || to.is_some() {
        filter.months = Some(Months {
            from: from.unwrap_or(EARLIEST),
            to: to.unwrap_or(LATEST),
        });
    }
    if !q.district.is_empty() {
        match q.district.parse::<i64>() {
            Ok(_) if subject == Some(Subject::Applicants) => {
                e.add("district", "reports-xtab-error-filter-subject");
            }
            Ok(_)
                if subject.is_some_and(|s| {
                    crate::scope::hidden_dims(scope, s).contains(&Dim::District)
                }) =>
            {
                e.add("district", "reports-xtab-error-param-scope");
            }
            Ok(d) => filter.district = Some(d),
            Err(_) => e.add("district", "reports-xtab-error-filter"),
        }
    }
    if !q.country.is_empty() {
        if subject == Some(Subject::Companies) {
            e.add("country", "reports-xtab-error-filter-subject");
        } else {
            filter.country = Some(q.country.clone());
        }
    }
    if !q.status.is_empty() {
        match subject {
            Some(s) if statuses(s).iter().any(|(c, _)| *c == q.status) => {
                filter.status = Some(q.status.clone());
            }
            Some(_) => e.add("status", "reports-xtab-error-status"),
            None => {}
        }
    }
    match (subject, row, col, e.is_empty()) {
        (Some(subject), Some(row), Some(col), true) => Ok(CrossSpec {
            subject,
            row,
            col,
            filter,
        }),
        _ => Err(e),
    }
}

/// One row of the result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CrossRow {
    /// Row label.
    pub label: String,
    /// One count per column.
    pub cells: Vec<i64>,
    /// Row total.
    pub total: i64,
}

/// The result table.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CrossTable {
    /// Column labels.
    pub columns: Vec<String>,
    /// Rows.
    pub rows: Vec<CrossRow>,
    /// Column totals.
    pub column_totals: Vec<i64>,
    /// Grand total: the number of matching records.
    pub total: i64,
}

/// The natural place of a value among its dimension's values, where the dimension has one:
/// size classes by size, statuses in pipeline order, German levels A1 to C2. `None` for
/// dimensions ordered by label (and for codes the order does not know, which follow).
fn natural_rank(dim: Dim, subject: Subject, key: &Key) -> Option<usize> {
    let order: Vec<&str> = match dim {
        Dim::SizeClass => crate::codes::SIZE_CLASSES
            .iter()
            .map(|(c, _, _)| *c)
            .chain([crate::codes::SIZE_UNKNOWN])
            .collect(),
        Dim::Status => statuses(subject).iter().map(|(c, _)| *c).collect(),
        Dim::GermanLevel => hih_applicants::service::LEVELS
            .iter()
            .map(|(c, _)| *c)
            .collect(),
        _ => return None,
    };
    order.iter().position(|c| *c == key.text())
}

/// Keys in display order: months and years chronologically; size classes, statuses and German
/// levels in their natural order ([`natural_rank`]); others by label; unknown last.
fn ordered(keys: BTreeSet<Key>, dim: Dim, subject: Subject, labels: &Labels) -> Vec<(Key, String)> {
    let mut out: Vec<(Key, String)> = keys
        .into_iter()
        .map(|k| {
            let l = labels.of(subject, dim, &k);
            (k, l)
        })
        .collect();
    if !matches!(dim, Dim::Month | Dim::Year) {
        out.sort_by_cached_key(|(k, l)| {
            let unknown = *k == Key::Null;
            let rank = natural_rank(dim, subject, k).unwrap_or(usize::MAX);
            (unknown, rank, l.to_lowercase())
        });
    }
    out
}

/// The table of the current data for the pages and the API: [`compute`], kept until any
/// instance commits a write (`hih_db::version_cache`), per request and language.
pub async fn current(
    services: &Services,
    spec: &CrossSpec,
    labels: &Labels,
    locale: hih_i18n::Locale,
) -> Result<CrossTable, AppError> {
    static KEPT: hih_db::version_cache::VersionCache<CrossTable> =
        hih_db::version_cache::VersionCache::new(32);
    let key = format!("{spec:?}|{locale:?}");
    KEPT.get_or_compute(&services.db, &key, || compute(services, spec, labels))
        .await
}

/// Computes the table.
pub async fn compute(
    services: &Services,
    spec: &CrossSpec,
    labels: &Labels,
) -> Result<CrossTable, AppError> {
    let counts = grouped(services, spec.subject, &[spec.row, spec.col], &spec.filter).await?;
    let mut cells: BTreeMap<(Key, Key), i64> = BTreeMap::new();
    let (mut rk, mut ck) = (BTreeSet::new(), BTreeSet::new());
    for (k, n) in counts {
        rk.insert(k[0].clone());
        ck.insert(k[1].clone());
        *cells.entry((k[0].clone(), k[1].clone())).or_insert(0) += n;
    }
    let rows_k = ordered(rk, spec.row, spec.subject, labels);
    let cols_k = ordered(ck, spec.col, spec.subject, labels);
    let mut column_totals = vec![0; cols_k.len()];
    let mut rows = Vec::with_capacity(rows_k.len());
    for (r, label) in rows_k {
        let row_cells: Vec<i64> = cols_k
            .iter()
            .map(|(c, _)| cells.get(&(r.clone(), c.clone())).copied().unwrap_or(0))
            .collect();
        for (t, v) in column_totals.iter_mut().zip(&row_cells) {
            *t += v;
        }
        rows.push(CrossRow {
            label,
            total: row_cells.iter().sum(),
            cells: row_cells,
        });
    }
    Ok(CrossTable {
        columns: cols_k.into_iter().map(|(_, l)| l).collect(),
        total: column_totals.iter().sum(),
        rows,
        column_totals,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn q(subject: &str, row: &str, col: &str) -> CrossQuery {
        CrossQuery {
            subject: subject.into(),
            row: row.into(),
            col: col.into(),
            ..CrossQuery::default()
        }
    }

    #[test]
    fn natural_dimensions_rank_by_their_order_not_their_label() {
        let key = |s: &str| Key::Text(s.into());
        let ranks = |dim, subject, codes: &[&str]| {
            codes
                .iter()
                .map(|c| natural_rank(dim, subject, &key(c)))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ranks(
                Dim::SizeClass,
                Subject::Companies,
                &["1-9", "10-49", "50-249", "ab-250", "unbekannt"]
            ),
            vec![Some(0), Some(1), Some(2), Some(3), Some(4)]
        );
        assert_eq!(
            ranks(
                Dim::Status,
                Subject::Applicants,
                &[
                    "interessent",
                    "bewerber",
                    "zukuenftige_fachkraft",
                    "fachkraft",
                    "abbrecher"
                ]
            ),
            vec![Some(0), Some(1), Some(2), Some(3), Some(4)]
        );
        assert_eq!(
            ranks(Dim::Status, Subject::Placements, &["vermittelt", "beendet"]),
            vec![Some(0), Some(3)]
        );
        assert_eq!(
            natural_rank(Dim::Industry, Subject::Companies, &key("C")),
            None
        );
    }

    #[test]
    fn the_same_parameter_twice_is_refused() {
        let e = validate(&q("companies", "district", "district"), &StatScope::All).unwrap_err();
        assert!(e.has("col"));
    }

    #[test]
    fn parameters_must_fit_the_subject() {
        let e = validate(&q("companies", "country", "status"), &StatScope::All).unwrap_err();
        assert!(e.has("row") && !e.has("col"));
        assert!(validate(&q("applicants", "country", "status"), &StatScope::All).is_ok());
        let e = validate(&q("nix", "country", "status"), &StatScope::All).unwrap_err();
        assert!(e.has("subject"));
    }

    #[test]
    fn months_and_filters_are_checked() {
        let mut x = q("placements", "district", "status");
        x.from = "2026-05".into();
        x.to = "2026-01".into();
        x.status = "erfunden".into();
        let e = validate(&x, &StatScope::All).unwrap_err();
        assert!(e.has("to") && e.has("status"));
        x.to = "2026-13".into();
        assert!(validate(&x, &StatScope::All).unwrap_err().has("to"));
        let mut y = q("applicants", "country", "status");
        y.district = "3".into();
        assert!(validate(&y, &StatScope::All).unwrap_err().has("district"));
    }
}

//! The statistics engine (R-STA-1, R-STA-5): every figure of the statistics page from a few
//! grouped queries over live rows plus the anonymous counters (R-RET-3), scoped by
//! [`crate::scope`]. Used by the statistics page and the reports (one sheet per topic).

pub mod chart;
pub mod crosstab;
pub mod durations;
pub mod labels;
pub mod query;
pub mod sql;
mod topics;

use chrono::{DateTime, NaiveDate, Utc};
use hih_db::version_cache::VersionCache;
use hih_i18n::Locale;
use hih_kernel::{AppError, Services};

use crate::files::workbook::{Sheet, Value};
use crate::scope::StatScope;

/// Programme target: companies addressed (1A).
pub const TARGET_ADDRESSED: i64 = 1_000;
/// Programme target: SMEs addressed (1A).
pub const TARGET_KMU: i64 = 200;
/// Programme target: applicants.
pub const TARGET_APPLICANTS: i64 = 3_000;
/// Programme target: placements.
pub const TARGET_PLACEMENTS: i64 = 300;

/// A period by entry date, inclusive. The anonymous counters keep entry months, so a record
/// belongs to the period when its entry month lies between the months of `from` and `to`
/// (reports use whole months and years, where this is exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl Period {
    fn months(self) -> query::Months {
        query::Months {
            from: self.from,
            to: self.to,
        }
    }
}

/// How a topic's chart shows its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Horizontal bars of this column's values, scaled to the largest.
    Bars {
        /// Column index into [`TopicRow::values`].
        column: usize,
    },
    /// Horizontal bars of a percentage column (0–100, longer values capped).
    Percent {
        /// Column index into [`TopicRow::values`].
        column: usize,
    },
}

/// One row of a topic's table.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicRow {
    /// Row label.
    pub label: String,
    /// One value per column (`None`: not computable, e.g. a median of nothing).
    pub values: Vec<Option<f64>>,
}

/// One topic: a table with a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// Stable slug (`by-country`); also the HTML id stem.
    pub slug: &'static str,
    /// Heading.
    pub title: String,
    /// One sentence explaining the figures.
    pub description: String,
    /// Header of the first column (what the rows are).
    pub row_header: String,
    /// Value column headers.
    pub columns: Vec<String>,
    /// Rows; the last is the total when [`Topic::total_row`].
    pub rows: Vec<TopicRow>,
    /// Whether the last row is a total (not charted).
    pub total_row: bool,
    /// The chart.
    pub chart: ChartKind,
    /// Remarks on the figures shown under the description (e.g. what data is missing).
    pub notes: Vec<String>,
}

impl Topic {
    /// The rows the chart shows (without the total).
    pub fn chart_rows(&self) -> &[TopicRow] {
        if self.total_row && !self.rows.is_empty() {
            &self.rows[..self.rows.len() - 1]
        } else {
            &self.rows
        }
    }
}

/// All figures of the statistics page, as of `as_of`.
#[derive(Debug, Clone)]
pub struct Statistics {
    /// When computed.
    pub as_of: DateTime<Utc>,
    /// The period, if any.
    pub period: Option<Period>,
    /// The topics in page order.
    pub topics: Vec<Topic>,
}

impl Statistics {
    /// The topic with this slug.
    pub fn topic(&self, slug: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.slug == slug)
    }

    /// One sheet per topic: header row (row header + columns), then the rows.
    pub fn sheets(&self) -> Vec<Sheet> {
        self.topics
            .iter()
            .map(|t| {
                let mut header = vec![t.row_header.clone()];
                header.extend(t.columns.iter().cloned());
                Sheet {
                    name: t.title.clone(),
                    header,
                    rows: t
                        .rows
                        .iter()
                        .map(|r| {
                            let mut row = vec![Value::Text(r.label.clone())];
                            row.extend(
                                r.values
                                    .iter()
                                    .map(|v| v.map_or(Value::Empty, Value::Number)),
                            );
                            row
                        })
                        .collect(),
                }
            })
            .collect()
    }
}

/// Computes every figure for `scope` and `period` (`None`: everything up to now), labels in
/// `locale`.
pub async fn compute(
    services: &Services,
    scope: &StatScope,
    period: Option<Period>,
    locale: Locale,
) -> Result<Statistics, AppError> {
    let labels = labels::Labels::load(services, locale).await?;
    let months = period.map(Period::months);
    let topics = topics::all(services, scope, months.as_ref(), &labels).await?;
    Ok(Statistics {
        as_of: services.clock.now(),
        period,
        topics,
    })
}

/// The statistics of the current data for the pages and the API: [`compute`], kept until any
/// instance commits a write (`hih_db::version_cache`). At 100× scale the figures take
/// 200–450 ms to compute; unchanged data answers from memory.
pub async fn current(
    services: &Services,
    scope: &StatScope,
    period: Option<Period>,
    locale: Locale,
) -> Result<Statistics, AppError> {
    static KEPT: VersionCache<Statistics> = VersionCache::new(32);
    let key = format!("{scope:?}|{period:?}|{locale:?}");
    KEPT.get_or_compute(&services.db, &key, || {
        compute(services, scope, period, locale)
    })
    .await
}

/// Rounds to one decimal place (percentages, means).
pub fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// `part` of `whole` in percent (one decimal), `None` when `whole` is 0.
pub fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole != 0).then(|| round1(part as f64 * 100.0 / whole as f64))
}

//! Report periods (R-STA-4): the previous calendar month (monthly job on the 1st), the
//! previous calendar year (annual job on 1 January), or any run of whole months asked for on
//! demand. Whole months because the anonymous counters of deleted records keep the entry month
//! only (R-RET-3): a period cut inside a month could not be counted the same after deletion.

use chrono::{Datelike, NaiveDate};
use hih_kernel::FieldErrors;

/// The days a report covers, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportPeriod {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl ReportPeriod {
    /// The calendar month before the one `today` lies in.
    pub fn previous_month(today: NaiveDate) -> Option<Self> {
        let first_this = today.with_day(1)?;
        let to = first_this.pred_opt()?;
        Some(Self {
            from: to.with_day(1)?,
            to,
        })
    }

    /// The calendar year before the one `today` lies in.
    pub fn previous_year(today: NaiveDate) -> Option<Self> {
        let year = today.year() - 1;
        Some(Self {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// A neutral label: `2026-10` for a calendar month, `2026` for a calendar year, else
    /// `2026-01 – 2026-03`.
    pub fn label(&self) -> String {
        if self.is_calendar_year() {
            format!("{}", self.from.year())
        } else if self.is_calendar_month() {
            self.from.format("%Y-%m").to_string()
        } else {
            format!(
                "{} – {}",
                self.from.format("%Y-%m"),
                self.to.format("%Y-%m")
            )
        }
    }

    /// The download file name.
    pub fn file_name(&self) -> String {
        let stem = if self.is_calendar_year() || self.is_calendar_month() {
            self.label()
        } else {
            format!("{}_{}", self.from.format("%Y-%m"), self.to.format("%Y-%m"))
        };
        format!("hih-bericht-{stem}.xlsx")
    }

    fn is_calendar_month(&self) -> bool {
        self.from.day() == 1
            && self.from.year() == self.to.year()
            && self.from.month() == self.to.month()
            && self.to.succ_opt().is_some_and(|d| d.day() == 1)
    }

    fn is_calendar_year(&self) -> bool {
        self.from.month() == 1
            && self.from.day() == 1
            && self.to.month() == 12
            && self.to.day() == 31
            && self.from.year() == self.to.year()
    }
}

/// The on-demand form as typed: first and last month.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct PeriodForm {
    /// First month (`YYYY-MM` as a month field sends it, or `MM.JJJJ`).
    #[serde(default)]
    pub from: String,
    /// Last month.
    #[serde(default)]
    pub to: String,
}

/// The first day of the month typed as `YYYY-MM` or `MM.JJJJ` (also `M.JJJJ`, `MM/JJJJ`).
fn parse_month(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let (year, month) = if let Some((y, m)) = s.split_once('-') {
        (y, m)
    } else {
        let (m, y) = s.split_once(['.', '/'])?;
        (y, m)
    };
    if year.len() != 4 || month.is_empty() || month.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)
}

/// The last day of the month starting on `first`.
fn month_end(first: NaiveDate) -> Option<NaiveDate> {
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)?
    };
    next.pred_opt()
}

/// Checks the form: both months valid, the first not after the last, and the period not
/// ending after the current month (figures of the future do not exist yet; the current month
/// counts what is entered so far).
pub fn validate(form: &PeriodForm, today: NaiveDate) -> Result<ReportPeriod, FieldErrors> {
    let mut e = FieldErrors::new();
    let from = parse_month(&form.from);
    let to = parse_month(&form.to);
    if from.is_none() {
        e.add("from", "reports-report-error-month");
    }
    if to.is_none() {
        e.add("to", "reports-report-error-month");
    }
    if let (Some(from), Some(to)) = (from, to) {
        let this_month = today.with_day(1).unwrap_or(today);
        if from > to {
            e.add("to", "reports-report-error-order");
        } else if to > this_month {
            e.add("to", "reports-report-error-future");
        } else if let Some(last) = month_end(to) {
            return Ok(ReportPeriod { from, to: last });
        }
    }
    Err(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(e: &FieldErrors, field: &str) -> Vec<String> {
        e.0.iter()
            .filter(|x| x.field == field)
            .map(|x| x.key.clone())
            .collect()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn previous_month_and_year() {
        let p = ReportPeriod::previous_month(d(2026, 12, 1)).unwrap();
        assert_eq!((p.from, p.to), (d(2026, 11, 1), d(2026, 11, 30)));
        assert_eq!(p.label(), "2026-11");
        let p = ReportPeriod::previous_month(d(2027, 1, 1)).unwrap();
        assert_eq!((p.from, p.to), (d(2026, 12, 1), d(2026, 12, 31)));
        let p = ReportPeriod::previous_month(d(2028, 3, 1)).unwrap();
        assert_eq!(p.to, d(2028, 2, 29), "leap year");
        let y = ReportPeriod::previous_year(d(2027, 1, 1)).unwrap();
        assert_eq!((y.from, y.to), (d(2026, 1, 1), d(2026, 12, 31)));
        assert_eq!(y.label(), "2026");
        assert_eq!(y.file_name(), "hih-bericht-2026.xlsx");
    }

    #[test]
    fn custom_periods_are_labelled_by_their_months() {
        let p = ReportPeriod {
            from: d(2026, 1, 1),
            to: d(2026, 3, 31),
        };
        assert_eq!(p.label(), "2026-01 – 2026-03");
        assert_eq!(p.file_name(), "hih-bericht-2026-01_2026-03.xlsx");
    }

    #[test]
    fn the_form_takes_whole_months_and_refuses_bad_reversed_and_future_ones() {
        let today = d(2026, 11, 30);
        let form = |f: &str, t: &str| PeriodForm {
            from: f.into(),
            to: t.into(),
        };
        let ok = validate(&form("10.2026", "2026-10"), today).unwrap();
        assert_eq!((ok.from, ok.to), (d(2026, 10, 1), d(2026, 10, 31)));
        let ok = validate(&form("2/2024", "2024-02"), today).unwrap();
        assert_eq!(ok.to, d(2024, 2, 29), "leap year");
        let ok = validate(&form("2026-01", "2026-11"), today).unwrap();
        assert_eq!(ok.to, d(2026, 11, 30), "the current month so far");
        let e = validate(&form("13.2026", ""), today).unwrap_err();
        assert_eq!(keys(&e, "from"), vec!["reports-report-error-month"]);
        assert_eq!(keys(&e, "to"), vec!["reports-report-error-month"]);
        let e = validate(&form("2026-10", "2026-09"), today).unwrap_err();
        assert_eq!(keys(&e, "to"), vec!["reports-report-error-order"]);
        let e = validate(&form("2026-11", "2026-12"), today).unwrap_err();
        assert_eq!(keys(&e, "to"), vec!["reports-report-error-future"]);
    }
}

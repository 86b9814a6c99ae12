//! Report periods (R-STA-4): the previous calendar month (monthly job on the 1st), the
//! previous calendar year (annual job on 1 January), or any period asked for on demand.

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
    /// `2026-01-15 – 2026-03-31`.
    pub fn label(&self) -> String {
        if self.is_calendar_year() {
            format!("{}", self.from.year())
        } else if self.is_calendar_month() {
            self.from.format("%Y-%m").to_string()
        } else {
            format!("{} – {}", self.from, self.to)
        }
    }

    /// The download file name.
    pub fn file_name(&self) -> String {
        let stem = if self.is_calendar_year() || self.is_calendar_month() {
            self.label()
        } else {
            format!("{}_{}", self.from, self.to)
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

/// The on-demand form as typed.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct PeriodForm {
    /// First day (`YYYY-MM-DD` or `TT.MM.JJJJ`).
    #[serde(default)]
    pub from: String,
    /// Last day.
    #[serde(default)]
    pub to: String,
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .ok()
}

/// Checks the form: both dates valid, the first not after the last, and the period not ending
/// after `today` (figures of the future do not exist yet).
pub fn validate(form: &PeriodForm, today: NaiveDate) -> Result<ReportPeriod, FieldErrors> {
    let mut e = FieldErrors::new();
    let from = parse_date(&form.from);
    let to = parse_date(&form.to);
    if from.is_none() {
        e.add("from", "reports-report-error-date");
    }
    if to.is_none() {
        e.add("to", "reports-report-error-date");
    }
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            e.add("to", "reports-report-error-order");
        } else if to > today {
            e.add("to", "reports-report-error-future");
        } else if e.is_empty() {
            return Ok(ReportPeriod { from, to });
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
    fn custom_periods_are_labelled_by_their_days() {
        let p = ReportPeriod {
            from: d(2026, 1, 15),
            to: d(2026, 3, 31),
        };
        assert_eq!(p.label(), "2026-01-15 – 2026-03-31");
        assert_eq!(p.file_name(), "hih-bericht-2026-01-15_2026-03-31.xlsx");
    }

    #[test]
    fn the_form_refuses_bad_dates_reversed_and_future_periods() {
        let today = d(2026, 11, 30);
        let form = |f: &str, t: &str| PeriodForm {
            from: f.into(),
            to: t.into(),
        };
        let ok = validate(&form("01.10.2026", "2026-10-31"), today).unwrap();
        assert_eq!(ok.from, d(2026, 10, 1));
        let e = validate(&form("32.10.2026", ""), today).unwrap_err();
        assert_eq!(keys(&e, "from"), vec!["reports-report-error-date"]);
        assert_eq!(keys(&e, "to"), vec!["reports-report-error-date"]);
        let e = validate(&form("2026-10-31", "2026-10-01"), today).unwrap_err();
        assert_eq!(keys(&e, "to"), vec!["reports-report-error-order"]);
        let e = validate(&form("2026-11-01", "2026-12-31"), today).unwrap_err();
        assert_eq!(keys(&e, "to"), vec!["reports-report-error-future"]);
    }
}

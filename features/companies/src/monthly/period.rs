//! Calendar months as the monthly counts (R-COM-4) use them: `JJJJ-MM` in URLs and settings,
//! "now" in Europe/Berlin (R-GEN-4) from the injectable clock.

use chrono::{Datelike, NaiveDate};
use chrono_tz::Europe::Berlin;
use hih_kernel::Services;
use serde::{Deserialize, Serialize};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
}

impl Period {
    /// A month, if `month` is 1–12 and the year plausible (2000–2999).
    pub fn new(year: i32, month: u32) -> Option<Self> {
        ((2000..3000).contains(&year) && (1..=12).contains(&month))
            .then_some(Period { year, month })
    }

    /// Parses `JJJJ-MM`.
    pub fn parse(s: &str) -> Option<Self> {
        hih_kernel::parse_year_month(s).and_then(|(y, m)| Period::new(y, m))
    }

    /// The month a day lies in.
    pub fn of(date: NaiveDate) -> Self {
        Period {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The current month in Europe/Berlin, by the services' clock.
    pub fn current(services: &Services) -> Self {
        Period::of(services.clock.now().with_timezone(&Berlin).date_naive())
    }

    /// The following month.
    pub fn next(self) -> Self {
        if self.month == 12 {
            Period {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Period {
                month: self.month + 1,
                ..self
            }
        }
    }

    /// The previous month.
    pub fn prev(self) -> Self {
        if self.month == 1 {
            Period {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Period {
                month: self.month - 1,
                ..self
            }
        }
    }

    /// `JJJJ-MM`, as used in URLs.
    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// The month as stored (`i32` columns).
    pub fn month_i32(self) -> i32 {
        self.month as i32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_step_over_years() {
        let p = Period::parse("2026-12").unwrap();
        assert_eq!(p.next(), Period::new(2027, 1).unwrap());
        assert_eq!(p.next().prev(), p);
        assert_eq!(Period::new(2026, 1).unwrap().prev().key(), "2025-12");
        assert_eq!(Period::parse("2026-00"), None);
        assert_eq!(Period::parse("2026-1"), None);
        assert!(Period::new(2026, 3) < Period::new(2026, 10));
    }
}

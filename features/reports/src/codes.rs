//! Codes the statistics derive from records: size classes, months, durations. Shared by the
//! live queries' meaning and the anonymous counters (R-RET-3), so both agree.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};

/// Size classes by number of employees: (code, lower bound inclusive, upper bound exclusive).
pub const SIZE_CLASSES: [(&str, i32, i32); 4] = [
    ("1-9", 0, 10),
    ("10-49", 10, 50),
    ("50-249", 50, 250),
    ("ab-250", 250, i32::MAX),
];

/// Size class of a company whose employee count is not known.
pub const SIZE_UNKNOWN: &str = "unbekannt";

/// The size class code of an employee count.
pub fn size_class(employees: Option<i32>) -> &'static str {
    match employees {
        None => SIZE_UNKNOWN,
        Some(e) => SIZE_CLASSES
            .iter()
            .find(|(_, lo, hi)| e >= *lo && e < *hi)
            .map_or(SIZE_UNKNOWN, |(c, _, _)| c),
    }
}

/// Whether a company counts as KMU (fewer than 250 employees; unknown is not KMU, as in the
/// companies list filter).
pub fn is_kmu(employees: Option<i32>) -> bool {
    employees.is_some_and(|e| e < hih_companies::service::KMU_LIMIT)
}

/// `YYYY-MM` of a date.
pub fn month_of(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// The calendar day of an instant in Europe/Berlin: reports, file names and scheduled files
/// go by the German calendar, never UTC (just after midnight it is already tomorrow there).
pub fn berlin_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&chrono_tz::Europe::Berlin).date_naive()
}

/// An instant as `TT.MM.JJJJ HH:MM` in Europe/Berlin, for the contents of generated files.
pub fn berlin_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Berlin)
        .format("%d.%m.%Y %H:%M")
        .to_string()
}

/// `YYYY-MM` of an instant by the calendar in Europe/Berlin (an entry at 23:30 UTC on
/// 31 January is in February there), as the statistics' live queries bucket it.
pub fn month_of_instant(at: DateTime<Utc>) -> String {
    month_of(berlin_day(at))
}

/// The instant midnight starts `day` in Europe/Berlin (the clocks change at 02:00/03:00, so
/// midnight always exists exactly once).
pub fn berlin_midnight(day: NaiveDate) -> DateTime<Utc> {
    let local = day.and_time(chrono::NaiveTime::MIN);
    chrono_tz::Europe::Berlin
        .from_local_datetime(&local)
        .earliest()
        .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc))
}

/// Days from `from` to `to` when both are known.
pub fn days_between(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Option<i32> {
    match (from, to) {
        (Some(a), Some(b)) => i32::try_from((b - a).num_days()).ok(),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn size_classes_cover_all_counts() {
        assert_eq!(size_class(None), SIZE_UNKNOWN);
        assert_eq!(size_class(Some(0)), "1-9");
        assert_eq!(size_class(Some(9)), "1-9");
        assert_eq!(size_class(Some(10)), "10-49");
        assert_eq!(size_class(Some(249)), "50-249");
        assert_eq!(size_class(Some(250)), "ab-250");
        assert!(is_kmu(Some(249)) && !is_kmu(Some(250)) && !is_kmu(None));
    }

    #[test]
    fn months_and_durations() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap_or_default();
        assert_eq!(month_of(d), "2026-03");
        let e = NaiveDate::from_ymd_opt(2026, 4, 8).unwrap_or_default();
        assert_eq!(days_between(Some(d), Some(e)), Some(30));
        assert_eq!(days_between(None, Some(e)), None);
    }

    #[test]
    fn instants_fall_into_berlin_months() {
        let at = |s: &str| {
            chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
                .unwrap()
                .and_utc()
        };
        // Winter: UTC+1.
        assert_eq!(month_of_instant(at("2026-01-31 22:59")), "2026-01");
        assert_eq!(month_of_instant(at("2026-01-31 23:30")), "2026-02");
        // Summer: UTC+2.
        assert_eq!(month_of_instant(at("2026-06-30 21:59")), "2026-06");
        assert_eq!(month_of_instant(at("2026-06-30 22:30")), "2026-07");
        assert_eq!(
            berlin_midnight(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()),
            at("2026-06-30 22:00")
        );
        assert_eq!(
            berlin_midnight(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()),
            at("2026-01-31 23:00")
        );
    }

    /// The rule SQLite's month bucket relies on (`statistics::sql::berlin_shift`): a Berlin
    /// month starts at 22:00 UTC the day before when it is April to October, else at 23:00.
    #[test]
    fn sqlite_month_rule_matches_the_zone_database() {
        for year in 1996..=2099 {
            for month in 1..=12 {
                let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
                let start = berlin_midnight(first);
                let hour = if (4..=10).contains(&month) { 22 } else { 23 };
                assert_eq!(
                    start,
                    first
                        .pred_opt()
                        .unwrap()
                        .and_hms_opt(hour, 0, 0)
                        .unwrap()
                        .and_utc(),
                    "{year}-{month:02}"
                );
            }
        }
    }
}

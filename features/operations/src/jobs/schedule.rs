//! Cron schedules of registered jobs (`sec min hour day month weekday`, UTC, as apalis-cron
//! runs them): the next run after an instant, and the common shapes in words.

use std::str::FromStr;

use chrono::{DateTime, Utc};

/// The first instant after `after` at which `schedule` fires; `None` for an expression the
/// `cron` crate refuses (the job system skips those too) or one that never fires again.
pub fn next_run(schedule: &str, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    cron::Schedule::from_str(schedule)
        .ok()?
        .after(&after)
        .next()
}

/// The earliest next run of several schedules of one job.
pub fn next_of<'a>(
    schedules: impl IntoIterator<Item = &'a str>,
    after: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    schedules
        .into_iter()
        .filter_map(|s| next_run(s, after))
        .min()
}

/// A schedule in words: a text key and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// Text key (`operations-jobs-schedule-…`).
    pub key: &'static str,
    /// Arguments of the text.
    pub args: Vec<(&'static str, String)>,
}

fn number(field: &str, max: u32) -> Option<u32> {
    field.parse::<u32>().ok().filter(|n| *n <= max)
}

/// `HH:MM` (UTC).
fn time(hour: u32, minute: u32) -> String {
    format!("{hour:02}:{minute:02}")
}

/// The schedule in words when it has one of the shapes jobs use (every minute, every n
/// minutes, hourly, daily, monthly, yearly — at second 0, on any weekday); `None` otherwise,
/// and the page shows the expression alone.
pub fn describe(schedule: &str) -> Option<Words> {
    let fields: Vec<&str> = schedule.split_whitespace().collect();
    let [sec, min, hour, day, month, weekday, rest @ ..] = fields.as_slice() else {
        return None;
    };
    if *sec != "0" || *weekday != "*" || rest.iter().any(|year| *year != "*") {
        return None;
    }
    let words = |key, args: Vec<(&'static str, String)>| Some(Words { key, args });
    match (*min, *hour, *day, *month) {
        ("*", "*", "*", "*") => words("operations-jobs-schedule-every-minute", vec![]),
        (m, "*", "*", "*") if m.starts_with("*/") => {
            let n = number(m.trim_start_matches("*/"), 59).filter(|n| *n > 0)?;
            words(
                "operations-jobs-schedule-every-minutes",
                vec![("n", n.to_string())],
            )
        }
        (m, "*", "*", "*") => words(
            "operations-jobs-schedule-hourly",
            vec![("minute", number(m, 59)?.to_string())],
        ),
        (m, h, "*", "*") => words(
            "operations-jobs-schedule-daily",
            vec![("time", time(number(h, 23)?, number(m, 59)?))],
        ),
        (m, h, d, "*") => words(
            "operations-jobs-schedule-monthly",
            vec![
                ("day", number(d, 31)?.to_string()),
                ("time", time(number(h, 23)?, number(m, 59)?)),
            ],
        ),
        (m, h, d, mo) => words(
            "operations-jobs-schedule-yearly",
            vec![
                (
                    "date",
                    format!("{:02}.{:02}.", number(d, 31)?, number(mo, 12)?),
                ),
                ("time", time(number(h, 23)?, number(m, 59)?)),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).single().unwrap()
    }

    #[test]
    fn next_runs_are_in_utc() {
        let now = at(2026, 11, 2, 9, 0);
        assert_eq!(next_run("0 20 3 * * *", now), Some(at(2026, 11, 3, 3, 20)));
        assert_eq!(next_run("0 */5 * * * *", now), Some(at(2026, 11, 2, 9, 5)));
        assert_eq!(next_run("0 0 5 1 * *", now), Some(at(2026, 12, 1, 5, 0)));
        assert_eq!(next_run("0 30 5 1 1 *", now), Some(at(2027, 1, 1, 5, 30)));
        assert_eq!(next_run("kein cron", now), None);
        assert_eq!(
            next_of(["0 0 5 1 * *", "0 20 3 * * *"], now),
            Some(at(2026, 11, 3, 3, 20))
        );
        assert_eq!(next_of([], now), None);
    }

    #[test]
    fn common_shapes_in_words() {
        let key = |s: &str| describe(s).map(|w| (w.key, w.args));
        assert_eq!(
            key("0 * * * * *"),
            Some(("operations-jobs-schedule-every-minute", vec![]))
        );
        assert_eq!(
            key("0 */15 * * * *"),
            Some((
                "operations-jobs-schedule-every-minutes",
                vec![("n", "15".into())]
            ))
        );
        assert_eq!(
            key("0 7 * * * *"),
            Some((
                "operations-jobs-schedule-hourly",
                vec![("minute", "7".into())]
            ))
        );
        assert_eq!(
            key("0 20 3 * * *"),
            Some((
                "operations-jobs-schedule-daily",
                vec![("time", "03:20".into())]
            ))
        );
        assert_eq!(
            key("0 0 5 1 * *"),
            Some((
                "operations-jobs-schedule-monthly",
                vec![("day", "1".into()), ("time", "05:00".into())]
            ))
        );
        assert_eq!(
            key("0 30 5 1 1 *"),
            Some((
                "operations-jobs-schedule-yearly",
                vec![("date", "01.01.".into()), ("time", "05:30".into())]
            ))
        );
        // Shapes without words: the expression is shown as it is.
        assert_eq!(key("0 0 9 * * Mon"), None);
        assert_eq!(key("30 * * * * *"), None);
        assert_eq!(key("0 0 */2 * * *"), None);
        assert_eq!(key("0 0"), None);
    }
}

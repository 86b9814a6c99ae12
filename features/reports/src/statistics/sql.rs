//! A small SQL text builder for the grouped statistics queries: placeholders in the style of
//! the backend (`?` on SQLite, `$n` on PostgreSQL) and the few expressions that differ between
//! the two (month of an instant, day differences).

use sea_orm::{DbBackend, Statement, Value};

/// SQL text with its bound values.
pub struct Sql {
    /// The backend the text is written for.
    pub backend: DbBackend,
    text: String,
    values: Vec<Value>,
}

impl Sql {
    /// Empty text for `backend`.
    pub fn new(backend: DbBackend) -> Self {
        Sql {
            backend,
            text: String::new(),
            values: Vec::new(),
        }
    }

    /// Appends literal SQL (never user input).
    pub fn push(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self
    }

    /// Appends a placeholder bound to `v`.
    pub fn bind(&mut self, v: impl Into<Value>) -> &mut Self {
        self.values.push(v.into());
        match self.backend {
            DbBackend::Postgres => {
                let n = self.values.len();
                self.text.push_str(&format!("${n}"));
            }
            _ => self.text.push('?'),
        }
        self
    }

    /// The statement.
    pub fn build(self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.text, self.values)
    }

    /// `YYYY-MM` (`len` 7) or `YYYY` (`len` 4) of a timestamp (`instant`) or date column.
    /// Instants are bucketed by the calendar in Europe/Berlin, as every figure is: PostgreSQL
    /// converts with its zone database; SQLite has none, so the instant is shifted by
    /// [`berlin_shift`]'s offset, which is exact for months and years (see there).
    pub fn period_of(&self, column: &str, instant: bool, len: usize) -> String {
        match self.backend {
            DbBackend::Postgres => {
                let fmt = if len == 4 { "YYYY" } else { "YYYY-MM" };
                if instant {
                    format!("to_char({column} AT TIME ZONE 'Europe/Berlin', '{fmt}')")
                } else {
                    format!("to_char({column}, '{fmt}')")
                }
            }
            _ if instant => {
                let fmt = if len == 4 { "%Y" } else { "%Y-%m" };
                format!("strftime('{fmt}', {column}, {})", berlin_shift(column))
            }
            _ => format!("substr({column}, 1, {len})"),
        }
    }

    /// Whole days from date column `from` to date column `to` (NULL if either is NULL).
    pub fn days(&self, from: &str, to: &str) -> String {
        match self.backend {
            DbBackend::Postgres => format!("({to} - {from})"),
            _ => format!("(julianday({to}) - julianday({from}))"),
        }
    }
}

/// SQLite: the modifier that shifts a UTC instant in `column` to Berlin wall time *as far as
/// the month is concerned*. Under the EU rule (since 1996: summer time from the last Sunday of
/// March to the last Sunday of October, changing at 01:00 UTC) the first of a month begins at
/// 22:00 UTC the day before when that month is April to October, else at 23:00 UTC — so an
/// instant is in the month that "+2 hours" reaches when that month is April to October, else
/// in the month "+1 hours" reaches. Inside a month the offset does not change the month.
/// `codes::tests::sqlite_month_rule_matches_the_zone_database` checks the rule against the
/// zone database for every month from 1996 to 2099 (where chrono-tz's table ends).
fn berlin_shift(column: &str) -> String {
    format!(
        "CASE WHEN strftime('%m', {column}, '+2 hours') BETWEEN '04' AND '10' \
         THEN '+2 hours' ELSE '+1 hours' END"
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_follow_the_backend() {
        let mut s = Sql::new(DbBackend::Postgres);
        s.push("a = ").bind(1_i64).push(" AND b = ").bind("x");
        assert_eq!(s.build().sql, "a = $1 AND b = $2");
        let mut s = Sql::new(DbBackend::Sqlite);
        s.push("a = ").bind(1_i64);
        assert_eq!(s.build().sql, "a = ?");
    }

    #[test]
    fn backend_expressions() {
        let pg = Sql::new(DbBackend::Postgres);
        assert_eq!(
            pg.period_of("c.created_at", true, 7),
            "to_char(c.created_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM')"
        );
        let lite = Sql::new(DbBackend::Sqlite);
        assert_eq!(
            lite.period_of("p.placed_on", false, 4),
            "substr(p.placed_on, 1, 4)"
        );
        assert_eq!(lite.days("a", "b"), "(julianday(b) - julianday(a))");
    }
}

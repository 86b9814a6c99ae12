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
    pub fn period_of(&self, column: &str, instant: bool, len: usize) -> String {
        match self.backend {
            DbBackend::Postgres => {
                let fmt = if len == 4 { "YYYY" } else { "YYYY-MM" };
                if instant {
                    format!("to_char({column} AT TIME ZONE 'UTC', '{fmt}')")
                } else {
                    format!("to_char({column}, '{fmt}')")
                }
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
            "to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM')"
        );
        let lite = Sql::new(DbBackend::Sqlite);
        assert_eq!(
            lite.period_of("p.placed_on", false, 4),
            "substr(p.placed_on, 1, 4)"
        );
        assert_eq!(lite.days("a", "b"), "(julianday(b) - julianday(a))");
    }
}

//! Grouped counts over live rows plus the anonymous counters: one `GROUP BY` per source, the
//! two merged in Rust (cost: the number of groups, never the number of records).

use std::collections::HashMap;

use chrono::NaiveDate;
use hih_kernel::{AppError, Services};
use sea_orm::ConnectionTrait;

use super::sql::Sql;
use crate::scope::{self, Source, StatScope};

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Subject {
    /// Companies (category 1B).
    Companies,
    /// Applicants (category 2).
    Applicants,
    /// Matches.
    Placements,
}

/// A dimension records are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dim {
    /// IHK district id (companies; matches: the company's).
    District,
    /// Industry code (companies; matches: the company's).
    Industry,
    /// Size class code (companies).
    SizeClass,
    /// 1 if KMU (companies).
    Kmu,
    /// Status code.
    Status,
    /// Outreach format code (companies).
    Outreach,
    /// Country of registration (applicants; matches: the applicant's).
    Country,
    /// Target occupation code (applicants; matches: the applicant's).
    Occupation,
    /// German level (applicants).
    GermanLevel,
    /// Entry month `YYYY-MM`.
    Month,
    /// Entry year `YYYY`.
    Year,
    /// 1 if a language course started (applicants).
    CourseStarted,
    /// 1 if the started course was dropped (applicants).
    CourseDropped,
    /// 1 if work started (applicants).
    WorkStarted,
    /// Employed after 6 months: `ja`, `nein`, empty (applicants).
    Employed6,
    /// Employed after 12 months (applicants).
    Employed12,
    /// Days course start → certificate (applicants).
    DaysCertificate,
    /// Days recognition applied → decided (applicants).
    DaysRecognition,
    /// Days visa applied → granted (applicants).
    DaysVisa,
}

/// One value of a dimension.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// Not known.
    Null,
    /// A number (ids, flags, days).
    Int(i64),
    /// A code or month.
    Text(String),
}

impl Key {
    /// The number, if any.
    pub fn int(&self) -> Option<i64> {
        match self {
            Key::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The text ("" for anything else).
    pub fn text(&self) -> &str {
        match self {
            Key::Text(t) => t,
            _ => "",
        }
    }
}

/// Entry months a period covers, inclusive (`YYYY-MM`): a record belongs to the period when
/// its entry month lies in it — the anonymous counters keep months, not days, so live records
/// are counted the same way and figures stay the same after deletion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Months {
    /// First month.
    pub from: NaiveDate,
    /// Last month (any day in it).
    pub to: NaiveDate,
}

impl Months {
    fn first_day(d: NaiveDate) -> NaiveDate {
        d.with_day0(0).unwrap_or(d)
    }

    /// The first day after the last month.
    fn end(&self) -> NaiveDate {
        let first = Self::first_day(self.to);
        first
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(first)
    }
}

use chrono::Datelike;

/// What is counted besides the dimensions: scope, period and optional filters.
#[derive(Debug, Clone)]
pub struct Filter {
    /// The caller's scope.
    pub scope: StatScope,
    /// The period (entry months), `None` for everything.
    pub months: Option<Months>,
    /// Only this IHK district (companies, matches).
    pub district: Option<i64>,
    /// Only this country (applicants, matches).
    pub country: Option<String>,
    /// Only this status.
    pub status: Option<String>,
}

impl Filter {
    /// Everything in `scope` and `months`.
    pub fn scoped(scope: &StatScope, months: Option<Months>) -> Self {
        Filter {
            scope: scope.clone(),
            months,
            district: None,
            country: None,
            status: None,
        }
    }
}

/// Whether a dimension is read as a number.
fn is_int(d: Dim) -> bool {
    matches!(
        d,
        Dim::District
            | Dim::Kmu
            | Dim::CourseStarted
            | Dim::CourseDropped
            | Dim::WorkStarted
            | Dim::DaysCertificate
            | Dim::DaysRecognition
            | Dim::DaysVisa
    )
}

/// Which dimensions a subject has.
pub fn dims_of(subject: Subject) -> &'static [Dim] {
    match subject {
        Subject::Companies => &[
            Dim::District,
            Dim::Industry,
            Dim::SizeClass,
            Dim::Kmu,
            Dim::Status,
            Dim::Outreach,
            Dim::Month,
            Dim::Year,
        ],
        Subject::Applicants => &[
            Dim::Country,
            Dim::Status,
            Dim::Occupation,
            Dim::GermanLevel,
            Dim::Month,
            Dim::Year,
            Dim::CourseStarted,
            Dim::CourseDropped,
            Dim::WorkStarted,
            Dim::Employed6,
            Dim::Employed12,
            Dim::DaysCertificate,
            Dim::DaysRecognition,
            Dim::DaysVisa,
        ],
        Subject::Placements => &[
            Dim::District,
            Dim::Country,
            Dim::Occupation,
            Dim::Industry,
            Dim::Status,
            Dim::Month,
            Dim::Year,
        ],
    }
}

/// The SQL expression of a dimension (`None` if the subject lacks it).
fn expr(sql: &Sql, subject: Subject, source: Source, dim: Dim) -> Option<String> {
    use Dim::*;
    use Source::*;
    use Subject::*;
    let size_case = |col: &str| {
        let mut s = format!(
            "CASE WHEN {col} IS NULL THEN '{}'",
            crate::codes::SIZE_UNKNOWN
        );
        for (code, _, hi) in crate::codes::SIZE_CLASSES {
            if hi == i32::MAX {
                s.push_str(&format!(" ELSE '{code}' END"));
            } else {
                s.push_str(&format!(" WHEN {col} < {hi} THEN '{code}'"));
            }
        }
        s
    };
    let e = match (subject, source, dim) {
        (Companies, Live, District) | (Placements, Live, District) => "c.district_id".into(),
        (Companies, Live, Industry) | (Placements, Live, Industry) => "c.industry".into(),
        (Companies, Live, SizeClass) => size_case("c.employees"),
        (Companies, Live, Kmu) => format!(
            "CASE WHEN c.employees < {} THEN 1 ELSE 0 END",
            hih_companies::service::KMU_LIMIT
        ),
        (Companies, Live, Status) => "c.status".into(),
        (Companies, Live, Outreach) => "c.outreach_format".into(),
        (Companies, Live, Month) => sql.period_of("c.created_at", true, 7),
        (Companies, Live, Year) => sql.period_of("c.created_at", true, 4),
        (Companies, Residue, District) | (Placements, Residue, District) => "district_id".into(),
        (Companies, Residue, Industry) | (Placements, Residue, Industry) => "industry".into(),
        (Companies, Residue, SizeClass) => "size_class".into(),
        (Companies, Residue, Kmu) => "is_kmu".into(),
        (Companies, Residue, Outreach) => "outreach_format".into(),
        (_, Residue, Status) => "status".into(),
        (Applicants, Residue, Month) => "created_month".into(),
        (Companies, Residue, Month) => "created_month".into(),
        (Placements, Residue, Month) => "placed_month".into(),
        (Applicants, Residue, Year) | (Companies, Residue, Year) => {
            "substr(created_month, 1, 4)".into()
        }
        (Placements, Residue, Year) => "substr(placed_month, 1, 4)".into(),
        (Applicants, Live, Country) | (Placements, Live, Country) => "a.country".into(),
        (Applicants, Live, Occupation) | (Placements, Live, Occupation) => {
            "a.target_occupation".into()
        }
        (Applicants, Live, Status) => "a.status".into(),
        (Placements, Live, Status) => "p.status".into(),
        (Applicants, Live, GermanLevel) => "a.german_level".into(),
        (Applicants, Live, Month) => sql.period_of("a.created_at", true, 7),
        (Applicants, Live, Year) => sql.period_of("a.created_at", true, 4),
        (Placements, Live, Month) => sql.period_of("p.placed_on", false, 7),
        (Placements, Live, Year) => sql.period_of("p.placed_on", false, 4),
        (Applicants, Live, CourseStarted) => {
            "CASE WHEN a.course_start IS NOT NULL THEN 1 ELSE 0 END".into()
        }
        (Applicants, Live, CourseDropped) => {
            "CASE WHEN a.course_start IS NOT NULL AND a.course_dropout IS NOT NULL THEN 1 ELSE 0 END"
                .into()
        }
        (Applicants, Live, WorkStarted) => {
            "CASE WHEN a.work_start IS NOT NULL THEN 1 ELSE 0 END".into()
        }
        (Applicants, Live, Employed6) => "a.employed_6m".into(),
        (Applicants, Live, Employed12) => "a.employed_12m".into(),
        (Applicants, Live, DaysCertificate) => sql.days("a.course_start", "a.certificate_date"),
        (Applicants, Live, DaysRecognition) => {
            sql.days("a.recognition_applied", "a.recognition_decided")
        }
        (Applicants, Live, DaysVisa) => sql.days("a.visa_applied", "a.visa_granted"),
        (Applicants, Residue, Country) | (Placements, Residue, Country) => "country".into(),
        (Applicants, Residue, Occupation) => "target_occupation".into(),
        (Placements, Residue, Occupation) => "occupation".into(),
        (Applicants, Residue, GermanLevel) => "german_level".into(),
        (Applicants, Residue, CourseStarted) => "course_started".into(),
        (Applicants, Residue, CourseDropped) => "course_dropped".into(),
        (Applicants, Residue, WorkStarted) => "work_started".into(),
        (Applicants, Residue, Employed6) => "employed_6m".into(),
        (Applicants, Residue, Employed12) => "employed_12m".into(),
        (Applicants, Residue, DaysCertificate) => "days_certificate".into(),
        (Applicants, Residue, DaysRecognition) => "days_recognition".into(),
        (Applicants, Residue, DaysVisa) => "days_visa".into(),
        _ => return None,
    };
    Some(if is_int(dim) {
        format!("CAST({e} AS BIGINT)")
    } else {
        e
    })
}

fn from_clause(subject: Subject, source: Source, scope: &StatScope) -> &'static str {
    match (subject, source) {
        (Subject::Companies, Source::Live) => " FROM company c",
        (Subject::Applicants, Source::Live) => " FROM applicant a",
        (Subject::Placements, Source::Live) => {
            " FROM placement p JOIN company c ON c.id = p.company_id JOIN applicant a ON a.id = p.applicant_id"
        }
        (Subject::Companies, Source::Residue) => " FROM stat_company_residue",
        (Subject::Applicants, Source::Residue) => match scope::applicant_residue_table(scope) {
            "stat_applicant_district_residue" => " FROM stat_applicant_district_residue",
            _ => " FROM stat_applicant_residue",
        },
        (Subject::Placements, Source::Residue) => " FROM stat_placement_residue",
    }
}

fn period(sql: &mut Sql, subject: Subject, source: Source, months: &Months) {
    let start = Months::first_day(months.from);
    let end = months.end();
    match source {
        Source::Residue => {
            let col = if subject == Subject::Placements {
                "placed_month"
            } else {
                "created_month"
            };
            sql.push(&format!(" AND {col} >= "))
                .bind(crate::codes::month_of(start))
                .push(&format!(" AND {col} <= "))
                .bind(crate::codes::month_of(months.to));
        }
        Source::Live => match subject {
            Subject::Placements => {
                sql.push(" AND p.placed_on >= ")
                    .bind(start)
                    .push(" AND p.placed_on < ")
                    .bind(end);
            }
            _ => {
                let col = if subject == Subject::Companies {
                    "c.created_at"
                } else {
                    "a.created_at"
                };
                // Entry months are Berlin months: from midnight there, not in UTC.
                let at = crate::codes::berlin_midnight;
                sql.push(&format!(" AND {col} >= "))
                    .bind(at(start))
                    .push(&format!(" AND {col} < "))
                    .bind(at(end));
            }
        },
    }
}

fn filters(sql: &mut Sql, subject: Subject, source: Source, f: &Filter) {
    if let Some(d) = f.district {
        match (subject, source) {
            (Subject::Applicants, _) => {
                sql.push(" AND 1 = 0");
            }
            (_, Source::Live) => {
                sql.push(" AND c.district_id = ").bind(d);
            }
            (_, Source::Residue) => {
                sql.push(" AND district_id = ").bind(d);
            }
        }
    }
    if let Some(c) = &f.country {
        match (subject, source) {
            (Subject::Companies, _) => {
                sql.push(" AND 1 = 0");
            }
            (_, Source::Live) => {
                sql.push(" AND a.country = ").bind(c.clone());
            }
            (_, Source::Residue) => {
                sql.push(" AND country = ").bind(c.clone());
            }
        }
    }
    if let Some(s) = &f.status {
        let col = match (subject, source) {
            (_, Source::Residue) => "status",
            (Subject::Companies, _) => "c.status",
            (Subject::Applicants, _) => "a.status",
            (Subject::Placements, _) => "p.status",
        };
        sql.push(&format!(" AND {col} = ")).bind(s.clone());
    }
}

/// Counts of `subject` grouped by `dims` (live and folded), within `filter`. Keys are in the
/// order of `dims`. Errors if the subject lacks a dimension. Duration dimensions leave out
/// records without that duration.
pub async fn grouped(
    services: &Services,
    subject: Subject,
    dims: &[Dim],
    filter: &Filter,
) -> Result<HashMap<Vec<Key>, i64>, AppError> {
    Ok(measured(services, subject, dims, &[], filter)
        .await?
        .into_iter()
        .map(|(k, v)| (k, v[0]))
        .collect())
}

fn is_days(d: Dim) -> bool {
    matches!(
        d,
        Dim::DaysCertificate | Dim::DaysRecognition | Dim::DaysVisa
    )
}

/// Like [`grouped`], and per group the sums of the 0/1 `flags` (e.g. how many started a
/// course): `[count, flag sums…]`. Summing flags instead of grouping by them keeps the
/// `GROUP BY` in the order of the covering index, so SQLite streams it without sorting.
pub async fn measured(
    services: &Services,
    subject: Subject,
    dims: &[Dim],
    flags: &[Dim],
    filter: &Filter,
) -> Result<HashMap<Vec<Key>, Vec<i64>>, AppError> {
    let db = &services.db;
    let mut out: HashMap<Vec<Key>, Vec<i64>> = HashMap::new();
    for source in [Source::Live, Source::Residue] {
        let mut sql = Sql::new(db.get_database_backend());
        let mut select = Vec::with_capacity(dims.len() + 1);
        for (i, d) in dims.iter().enumerate() {
            let e = expr(&sql, subject, source, *d)
                .ok_or_else(|| AppError::Internal(format!("{subject:?} has no dimension {d:?}")))?;
            select.push(format!("{e} AS d{i}"));
        }
        let count = match source {
            Source::Live => "CAST(COUNT(*) AS BIGINT) AS n",
            Source::Residue => "CAST(SUM(n) AS BIGINT) AS n",
        };
        select.push(count.to_string());
        for (i, f) in flags.iter().enumerate() {
            let e = expr(&sql, subject, source, *f)
                .ok_or_else(|| AppError::Internal(format!("{subject:?} has no flag {f:?}")))?;
            select.push(match source {
                Source::Live => format!("CAST(SUM({e}) AS BIGINT) AS m{i}"),
                Source::Residue => format!("CAST(SUM(n * {e}) AS BIGINT) AS m{i}"),
            });
        }
        sql.push("SELECT ").push(&select.join(", "));
        sql.push(from_clause(subject, source, &filter.scope));
        sql.push(" WHERE 1 = 1");
        match subject {
            Subject::Companies => scope::companies(&mut sql, &filter.scope, source),
            Subject::Applicants => scope::applicants(&mut sql, &filter.scope, source),
            Subject::Placements => scope::placements(&mut sql, &filter.scope, source),
        }
        if let Some(m) = &filter.months {
            period(&mut sql, subject, source, m);
        }
        filters(&mut sql, subject, source, filter);
        for d in dims.iter().filter(|d| is_days(**d)) {
            let (start, end, folded) = match d {
                Dim::DaysCertificate => ("course_start", "certificate_date", "days_certificate"),
                Dim::DaysRecognition => (
                    "recognition_applied",
                    "recognition_decided",
                    "days_recognition",
                ),
                _ => ("visa_applied", "visa_granted", "days_visa"),
            };
            // On the plain columns, so the index leading with the end date serves a range.
            match source {
                Source::Live => sql.push(&format!(
                    " AND a.{end} IS NOT NULL AND a.{start} IS NOT NULL"
                )),
                Source::Residue => sql.push(&format!(" AND {folded} IS NOT NULL")),
            };
        }
        if !dims.is_empty() {
            let positions: Vec<String> = (1..=dims.len()).map(|i| i.to_string()).collect();
            sql.push(" GROUP BY ").push(&positions.join(", "));
        }
        let rows = db.query_all_raw(sql.build()).await?;
        for row in rows {
            let n: Option<i64> = row.try_get("", "n")?;
            let Some(n) = n.filter(|n| *n != 0) else {
                continue;
            };
            let mut key = Vec::with_capacity(dims.len());
            for (i, d) in dims.iter().enumerate() {
                let col = format!("d{i}");
                key.push(if is_int(*d) {
                    row.try_get::<Option<i64>>("", &col)?
                        .map_or(Key::Null, Key::Int)
                } else {
                    row.try_get::<Option<String>>("", &col)?
                        .map_or(Key::Null, Key::Text)
                });
            }
            let mut values = vec![n];
            for i in 0..flags.len() {
                let m: Option<i64> = row.try_get("", &format!("m{i}"))?;
                values.push(m.unwrap_or(0));
            }
            let slot = out.entry(key).or_insert_with(|| vec![0; flags.len() + 1]);
            for (s, v) in slot.iter_mut().zip(values) {
                *s += v;
            }
        }
    }
    Ok(out)
}

/// 1A sums per outreach format within scope and period: `format → (addressed, of which KMU)`.
pub async fn addressed(
    services: &Services,
    scope: &StatScope,
    months: Option<&Months>,
) -> Result<HashMap<String, (i64, i64)>, AppError> {
    let db = &services.db;
    let mut sql = Sql::new(db.get_database_backend());
    sql.push(
        "SELECT l.outreach AS outreach, CAST(SUM(l.addressed) AS BIGINT) AS addressed, \
         CAST(SUM(l.addressed_kmu) AS BIGINT) AS kmu FROM monthly_count m \
         JOIN monthly_count_line l ON l.monthly_count_id = m.id WHERE 1 = 1",
    );
    scope::monthly_counts(&mut sql, scope);
    if let Some(m) = months {
        let key = |d: NaiveDate| i64::from(d.year()) * 100 + i64::from(d.month());
        sql.push(" AND m.year * 100 + m.month >= ")
            .bind(key(m.from))
            .push(" AND m.year * 100 + m.month <= ")
            .bind(key(m.to));
    }
    sql.push(" GROUP BY l.outreach");
    let mut out = HashMap::new();
    for row in db.query_all_raw(sql.build()).await? {
        let code: String = row.try_get("", "outreach")?;
        let a: Option<i64> = row.try_get("", "addressed")?;
        let k: Option<i64> = row.try_get("", "kmu")?;
        out.insert(code, (a.unwrap_or(0), k.unwrap_or(0)));
    }
    Ok(out)
}

//! The topics of the statistics page (R-STA-1), each from the grouped counts.

use std::collections::{BTreeMap, HashMap};

use hih_kernel::{AppError, Services};

use super::durations::median_mean;
use super::labels::Labels;
use super::query::{Dim, Filter, Key, Months, Subject, addressed, grouped, measured};
use super::{
    ChartKind, TARGET_ADDRESSED, TARGET_APPLICANTS, TARGET_KMU, TARGET_PLACEMENTS, Topic, TopicRow,
    percent, round1,
};
use crate::scope::StatScope;

/// Group results: dimension values → `[count, flag sums…]`.
type Measured = HashMap<Vec<Key>, Vec<i64>>;

/// Sums measure `m` (0: the count, 1…: the flags) by the key at `pos`.
fn by(counts: &Measured, pos: usize, m: usize) -> BTreeMap<Key, i64> {
    let mut out = BTreeMap::new();
    for (k, v) in counts {
        *out.entry(k[pos].clone()).or_insert(0) += v[m];
    }
    out
}

/// The total of measure `m`.
fn sum(counts: &Measured, m: usize) -> i64 {
    counts.values().map(|v| v[m]).sum()
}

/// Rows `label: count` sorted by label (unknown last), plus a total row.
fn count_rows(
    labels: &Labels,
    subject: Subject,
    dim: Dim,
    counts: &BTreeMap<Key, i64>,
) -> Vec<TopicRow> {
    let mut rows: Vec<(bool, String, i64)> = counts
        .iter()
        .map(|(k, n)| (*k == Key::Null, labels.of(subject, dim, k), *n))
        .collect();
    rows.sort_by_key(|r| (r.0, r.1.to_lowercase()));
    let total: i64 = counts.values().sum();
    let mut out: Vec<TopicRow> = rows
        .into_iter()
        .map(|(_, label, n)| TopicRow {
            label,
            values: vec![Some(n as f64)],
        })
        .collect();
    out.push(total_row(labels, vec![Some(total as f64)]));
    out
}

fn total_row(labels: &Labels, values: Vec<Option<f64>>) -> TopicRow {
    TopicRow {
        label: labels.t("reports-stat-total"),
        values,
    }
}

/// A topic whose texts are `reports-stat-<slug>-title` / `-desc`.
fn topic(
    labels: &Labels,
    slug: &'static str,
    row_header: &str,
    columns: &[&str],
    rows: Vec<TopicRow>,
    total_row: bool,
    chart: ChartKind,
) -> Topic {
    Topic {
        slug,
        title: labels.t(&format!("reports-stat-{slug}-title")),
        description: labels.t(&format!("reports-stat-{slug}-desc")),
        row_header: labels.t(row_header),
        columns: columns.iter().map(|c| labels.t(c)).collect(),
        rows,
        total_row,
        chart,
        notes: Vec::new(),
    }
}

fn simple(labels: &Labels, slug: &'static str, row_header: &str, rows: Vec<TopicRow>) -> Topic {
    topic(
        labels,
        slug,
        row_header,
        &["reports-stat-col-count"],
        rows,
        true,
        ChartKind::Bars { column: 0 },
    )
}

/// Every topic in page order.
pub(super) async fn all(
    services: &Services,
    scope: &StatScope,
    months: Option<&Months>,
    labels: &Labels,
) -> Result<Vec<Topic>, AppError> {
    let filter = Filter::scoped(scope, months.cloned());
    // Dimensions in the order of the covering indexes (migration `reports_residue`).
    let companies = measured(
        services,
        Subject::Companies,
        &[Dim::District, Dim::Industry, Dim::Outreach],
        &[Dim::Kmu],
        &filter,
    )
    .await?;
    let applicants = measured(
        services,
        Subject::Applicants,
        &[Dim::Country, Dim::Status, Dim::Employed6, Dim::Employed12],
        &[Dim::CourseStarted, Dim::CourseDropped, Dim::WorkStarted],
        &filter,
    )
    .await?;
    let placements = measured(services, Subject::Placements, &[Dim::Status], &[], &filter).await?;
    let one_a = addressed(services, scope, months).await?;

    let applicant_total = sum(&applicants, 0);
    let placement_total = sum(&placements, 0);
    let addressed_total: i64 = one_a.values().map(|(a, _)| a).sum();
    let kmu_addressed: i64 = one_a.values().map(|(_, k)| k).sum();

    let mut topics = Vec::new();
    topics.push(simple(
        labels,
        "by-country",
        "reports-stat-col-country",
        count_rows(
            labels,
            Subject::Applicants,
            Dim::Country,
            &by(&applicants, 0, 0),
        ),
    ));
    topics.push(simple(
        labels,
        "companies-district",
        "reports-stat-col-district",
        count_rows(
            labels,
            Subject::Companies,
            Dim::District,
            &by(&companies, 0, 0),
        ),
    ));
    topics.push(simple(
        labels,
        "companies-industry",
        "reports-stat-col-industry",
        count_rows(
            labels,
            Subject::Companies,
            Dim::Industry,
            &by(&companies, 1, 0),
        ),
    ));
    topics.push(simple(
        labels,
        "kmu-district",
        "reports-stat-col-district",
        count_rows(
            labels,
            Subject::Companies,
            Dim::District,
            &by(&companies, 0, 1),
        ),
    ));
    topics.push(simple(
        labels,
        "matches",
        "reports-stat-col-status",
        count_rows(
            labels,
            Subject::Placements,
            Dim::Status,
            &by(&placements, 0, 0),
        ),
    ));
    topics.push(targets(
        labels,
        [
            addressed_total,
            kmu_addressed,
            applicant_total,
            placement_total,
        ],
    ));
    topics.push(funnel(labels, &by(&applicants, 1, 0), applicant_total));
    topics.push(durations(services, &filter, labels).await?);
    topics.push(dropout(labels, &applicants));
    topics.push(response(labels, &one_a, &by(&companies, 2, 0)));
    topics.push(employment(labels, &applicants));
    Ok(topics)
}

fn targets(labels: &Labels, actual: [i64; 4]) -> Topic {
    let goals = [
        ("reports-stat-target-addressed", TARGET_ADDRESSED),
        ("reports-stat-target-kmu", TARGET_KMU),
        ("reports-stat-target-applicants", TARGET_APPLICANTS),
        ("reports-stat-target-placements", TARGET_PLACEMENTS),
    ];
    let rows = goals
        .iter()
        .zip(actual)
        .map(|((key, goal), n)| TopicRow {
            label: labels.t(key),
            values: vec![Some(n as f64), Some(*goal as f64), percent(n, *goal)],
        })
        .collect();
    topic(
        labels,
        "targets",
        "reports-stat-col-target-name",
        &[
            "reports-stat-col-actual",
            "reports-stat-col-goal",
            "reports-stat-col-progress",
        ],
        rows,
        false,
        ChartKind::Percent { column: 2 },
    )
}

fn funnel(labels: &Labels, by_status: &BTreeMap<Key, i64>, total: i64) -> Topic {
    let mut rows: Vec<TopicRow> = hih_applicants::service::STATUSES
        .iter()
        .map(|(code, key)| {
            let n = by_status
                .get(&Key::Text((*code).to_string()))
                .copied()
                .unwrap_or(0);
            TopicRow {
                label: labels.t(key),
                values: vec![Some(n as f64), percent(n, total)],
            }
        })
        .collect();
    rows.push(total_row(
        labels,
        vec![Some(total as f64), percent(total, total)],
    ));
    topic(
        labels,
        "funnel",
        "reports-stat-col-status",
        &["reports-stat-col-count", "reports-stat-col-share"],
        rows,
        true,
        ChartKind::Bars { column: 0 },
    )
}

async fn durations(
    services: &Services,
    filter: &Filter,
    labels: &Labels,
) -> Result<Topic, AppError> {
    let mut rows = Vec::new();
    for (dim, key) in [
        (Dim::DaysCertificate, "reports-stat-duration-certificate"),
        (Dim::DaysRecognition, "reports-stat-duration-recognition"),
        (Dim::DaysVisa, "reports-stat-duration-visa"),
    ] {
        let counts = grouped(services, Subject::Applicants, &[dim], filter).await?;
        let histogram: Vec<(i64, i64)> = counts
            .iter()
            .filter_map(|(k, n)| k[0].int().map(|d| (d, *n)))
            .collect();
        let values = match median_mean(&histogram) {
            Some((median, mean, n)) => vec![Some(median), Some(round1(mean)), Some(n as f64)],
            None => vec![None, None, Some(0.0)],
        };
        rows.push(TopicRow {
            label: labels.t(key),
            values,
        });
    }
    Ok(topic(
        labels,
        "durations",
        "reports-stat-col-step",
        &[
            "reports-stat-col-median",
            "reports-stat-col-mean",
            "reports-stat-col-cases",
        ],
        rows,
        false,
        ChartKind::Bars { column: 0 },
    ))
}

fn dropout(labels: &Labels, applicants: &Measured) -> Topic {
    let started = sum(applicants, 1);
    let dropped = sum(applicants, 2);
    let rows = vec![TopicRow {
        label: labels.t("reports-stat-dropout-courses"),
        values: vec![
            Some(started as f64),
            Some(dropped as f64),
            percent(dropped, started),
        ],
    }];
    topic(
        labels,
        "dropout",
        "reports-stat-col-course",
        &[
            "reports-stat-col-started",
            "reports-stat-col-dropped",
            "reports-stat-col-rate",
        ],
        rows,
        false,
        ChartKind::Percent { column: 2 },
    )
}

fn response(
    labels: &Labels,
    one_a: &HashMap<String, (i64, i64)>,
    in_db: &BTreeMap<Key, i64>,
) -> Topic {
    let mut codes: Vec<String> = labels
        .list("outreach")
        .iter()
        .map(|(c, _)| c.clone())
        .collect();
    let seen: Vec<String> = one_a
        .keys()
        .cloned()
        .chain(in_db.keys().map(|k| k.text().to_string()))
        .collect();
    for c in seen {
        if !c.is_empty() && !codes.contains(&c) {
            codes.push(c);
        }
    }
    let mut rows = Vec::new();
    let (mut sum_a, mut sum_d) = (0, 0);
    // Formats with more companies in the database than the monthly counts report addressed:
    // the monthly counts are incomplete there, and a quota would exceed 100 %.
    let mut incomplete = Vec::new();
    for code in codes {
        let a = one_a.get(&code).map_or(0, |(a, _)| *a);
        let d = in_db.get(&Key::Text(code.clone())).copied().unwrap_or(0);
        if a == 0 && d == 0 {
            continue;
        }
        sum_a += a;
        sum_d += d;
        let label = labels.of(Subject::Companies, Dim::Outreach, &Key::Text(code));
        if d > a {
            incomplete.push(label.clone());
        }
        rows.push(TopicRow {
            label,
            values: vec![Some(a as f64), Some(d as f64), quota(d, a)],
        });
    }
    rows.push(total_row(
        labels,
        vec![Some(sum_a as f64), Some(sum_d as f64), quota(sum_d, sum_a)],
    ));
    let mut t = topic(
        labels,
        "response",
        "reports-stat-col-outreach",
        &[
            "reports-stat-col-addressed",
            "reports-stat-col-in-db",
            "reports-stat-col-rate",
        ],
        rows,
        true,
        ChartKind::Percent { column: 2 },
    );
    if !incomplete.is_empty() {
        t.notes.push(labels.t_with(
            "reports-stat-response-incomplete",
            "formats",
            incomplete.join(", "),
        ));
    }
    t
}

/// The response quota `in_db / addressed` in percent; none where more companies are in the
/// database than were addressed (the monthly counts lack months, so no quota above 100 %).
fn quota(in_db: i64, addressed: i64) -> Option<f64> {
    (in_db <= addressed)
        .then(|| percent(in_db, addressed))
        .flatten()
}

fn employment(labels: &Labels, applicants: &Measured) -> Topic {
    let mut rows = Vec::new();
    for (pos, key) in [
        (2, "reports-stat-employment-6m"),
        (3, "reports-stat-employment-12m"),
    ] {
        let answers = by(applicants, pos, 3);
        let get = |a: &str| answers.get(&Key::Text(a.to_string())).copied().unwrap_or(0);
        let (yes, no) = (get("ja"), get("nein"));
        let all: i64 = answers.values().sum();
        rows.push(TopicRow {
            label: labels.t(key),
            values: vec![
                Some(yes as f64),
                Some(no as f64),
                Some((all - yes - no) as f64),
                percent(yes, all),
            ],
        });
    }
    topic(
        labels,
        "employment",
        "reports-stat-col-when",
        &[
            "reports-stat-answer-ja",
            "reports-stat-answer-nein",
            "reports-stat-col-not-known",
            "reports-stat-col-rate-employed",
        ],
        rows,
        false,
        ChartKind::Percent { column: 3 },
    )
}

//! Entry months are months of the calendar in Europe/Berlin, on both databases, in the live
//! figures, in the period filter and in the anonymous counters of deleted records: an entry at
//! 23:30 UTC on 31 January is in February, one at 22:30 UTC on 30 September (summer time) in
//! October.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use hih_applicants::entities::applicant;
use hih_companies::entities::company;
use hih_db::UnitOfWork;
use hih_kernel::Actor;
use hih_reports::scope::StatScope;
use hih_reports::statistics::query::{self, Dim, Filter, Key, Months, Subject};
use hih_testkit::TestApp;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::app;

/// (UTC instant of entry, its month in Berlin): just before and after a winter boundary, a
/// summer (daylight saving) boundary and a year's end.
const CASES: [(&str, &str); 5] = [
    ("2026-01-31 22:30", "2026-01"),
    ("2026-01-31 23:30", "2026-02"),
    ("2026-09-30 21:30", "2026-09"),
    ("2026-09-30 22:30", "2026-10"),
    ("2026-12-31 23:30", "2027-01"),
];

/// Last names of the applicants (names take letters only).
const NAMES: [&str; 5] = ["Anders", "Becker", "Conrad", "Dietrich", "Ebert"];

fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
        .unwrap()
        .and_utc()
}

fn month(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").unwrap()
}

/// Counts per group, keys as text.
async fn counts(
    app: &TestApp,
    subject: Subject,
    dim: Dim,
    months: Option<Months>,
) -> HashMap<String, i64> {
    let filter = Filter::scoped(&StatScope::All, months);
    query::grouped(app.services(), subject, &[dim], &filter)
        .await
        .unwrap()
        .into_iter()
        .map(|(k, n)| {
            let key = match &k[0] {
                Key::Text(t) => t.clone(),
                other => format!("{other:?}"),
            };
            (key, n)
        })
        .collect()
}

fn expected(pairs: &[(&str, i64)]) -> HashMap<String, i64> {
    pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

/// Every figure that buckets by entry month, for one subject.
async fn check(app: &TestApp, subject: Subject, when: &str) {
    let by_month: Vec<(&str, i64)> = CASES.iter().map(|(_, m)| (*m, 1)).collect();
    assert_eq!(
        counts(app, subject, Dim::Month, None).await,
        expected(&by_month),
        "{subject:?} by month, {when}"
    );
    assert_eq!(
        counts(app, subject, Dim::Year, None).await,
        expected(&[("2026", 4), ("2027", 1)]),
        "{subject:?} by year, {when}"
    );
    for m in ["2026-02", "2026-10", "2027-01"] {
        let only = Months {
            from: month(m),
            to: month(m),
        };
        assert_eq!(
            counts(app, subject, Dim::Month, Some(only)).await,
            expected(&[(m, 1)]),
            "{subject:?} in the period {m}, {when}"
        );
    }
    let winter = Months {
        from: month("2026-01"),
        to: month("2026-01"),
    };
    assert_eq!(
        counts(app, subject, Dim::Month, Some(winter)).await,
        expected(&[("2026-01", 1)]),
        "{subject:?} in the period 2026-01, {when}"
    );
}

#[tokio::test]
async fn entries_count_in_their_berlin_month_live_and_after_deletion() {
    let app = app().await;
    let mut companies = Vec::new();
    let mut applicants = Vec::new();
    for (i, (instant, _)) in CASES.iter().enumerate() {
        let c =
            hih_companies::testing::company_in(&app, "IHK Erfurt", &format!("Grenzfall {i}")).await;
        company::Entity::update_many()
            .col_expr(company::Column::CreatedAt, Expr::value(at(instant)))
            .filter(company::Column::Id.eq(c))
            .exec(app.db())
            .await
            .unwrap();
        companies.push(c);
        let a = hih_applicants::testing::applicant_in(&app, "VN", NAMES[i])
            .await
            .id;
        applicant::Entity::update_many()
            .col_expr(applicant::Column::CreatedAt, Expr::value(at(instant)))
            .filter(applicant::Column::Id.eq(a))
            .exec(app.db())
            .await
            .unwrap();
        applicants.push(a);
    }
    check(&app, Subject::Companies, "live").await;
    check(&app, Subject::Applicants, "live").await;

    // Deleted physically, the records live on in the anonymous counters under the same months.
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test-admin"))
        .await
        .unwrap();
    for id in &companies {
        let c = company::Entity::find_by_id(*id)
            .one(uow.txn())
            .await
            .unwrap()
            .unwrap();
        uow.delete::<company::ActiveModel>(c).await.unwrap();
    }
    for id in &applicants {
        let a = applicant::Entity::find_by_id(*id)
            .one(uow.txn())
            .await
            .unwrap()
            .unwrap();
        uow.delete::<applicant::ActiveModel>(a).await.unwrap();
    }
    uow.commit().await.unwrap();
    assert_eq!(
        company::Entity::find().all(app.db()).await.unwrap().len(),
        0,
        "only the counters are left"
    );
    check(&app, Subject::Companies, "folded").await;
    check(&app, Subject::Applicants, "folded").await;
}

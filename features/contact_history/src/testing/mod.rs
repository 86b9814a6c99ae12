//! Test support of the contact history (cargo feature `testing`): the fixtures of the shared
//! flow tests. Failures panic: the panic is the test's report.
#![allow(clippy::expect_used, clippy::unwrap_used)]

pub mod flows;
pub mod matrix;

/// A contact entry (telephone, advice, 1 October 2026) about a company and/or an applicant,
/// saved through the service as a job would (so only admins may change it); returns its id.
pub async fn entry_with(
    app: &hih_testkit::TestApp,
    company: Option<i64>,
    applicant: Option<i64>,
    remarks: &str,
) -> i64 {
    let valid = crate::service::ValidEntry {
        contact_date: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).expect("date"),
        contact_type: "telefon".into(),
        topic: "beratung".into(),
        remarks: remarks.into(),
        applicant_id: None,
    };
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &hih_kernel::Actor::system("test"))
        .await
        .expect("unit of work");
    let e = crate::service::create(&mut uow, company, applicant, valid)
        .await
        .expect("create entry");
    uow.commit().await.expect("commit");
    e.id
}

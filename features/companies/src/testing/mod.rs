//! Test support of the companies feature (cargo feature `testing`): records in a district and
//! the fixtures of the shared flow tests. Failures panic: the panic is the test's report.
#![allow(clippy::expect_used, clippy::unwrap_used)]

pub mod flows;
pub mod matrix;

use hih_kernel::Actor;
use hih_testkit::TestApp;
use sea_orm::EntityTrait;

use crate::service::{self, CompanyForm};

/// The submitted pairs of a complete company form at an address.
pub fn company_pairs(name: &str, plz: &str, ort: &str) -> Vec<(String, String)> {
    [
        ("name", name),
        ("legal_form", "GmbH"),
        ("street", "Domplatz"),
        ("house_number", name),
        ("plz", plz),
        ("ort", ort),
        ("industry", "C"),
        ("employees", "42"),
        ("email", "info@example.de"),
        ("contact_salutation", "frau"),
        ("contact_first_name", "Anna"),
        ("contact_last_name", "Schäfer"),
        ("status", "interessiert"),
        ("outreach_format", "telefon"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// The id of the IHK district `ihk`.
pub async fn district_id(app: &TestApp, ihk: &str) -> i64 {
    hih_users::testing::institution_id(app, ihk).await
}

/// Creates a company of the IHK district `ihk` (as the system, with an address in Erfurt; the
/// test database maps no postcode to a district, so the district is the given one) and
/// returns its id.
pub async fn company_in(app: &TestApp, ihk: &str, name: &str) -> i64 {
    let district = district_id(app, ihk).await;
    let form = CompanyForm::from_pairs(&company_pairs(name, "99084", "Erfurt"));
    let valid = service::validate(app.services(), &form, Some(district), None)
        .await
        .map_err(|e| e.0)
        .expect("valid company");
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .expect("unit of work");
    let c = service::create(&mut uow, valid)
        .await
        .expect("create company");
    uow.commit().await.expect("commit");
    c.id
}

/// Creates a company of the IHK district `ihk` like [`company_in`] and deactivates it (as
/// the system); returns its id.
pub async fn deactivated_company_in(app: &TestApp, ihk: &str, name: &str) -> i64 {
    let id = company_in(app, ihk, name).await;
    hih_testkit::deactivate::<crate::entities::company::Entity>(app, id).await;
    id
}

/// Enters an open October 2026 of `district` with figures for the outreach format `format`, as
/// IHK staff would.
pub async fn month_with(app: &TestApp, district: i64, format: &str) {
    use crate::monthly::{self, Figures, Period, ValidMonth};
    let figures = ValidMonth(
        [(
            format.to_string(),
            Figures {
                addressed: 4,
                kmu: 2,
            },
        )]
        .into(),
    );
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .expect("unit of work");
    let october = Period::new(2026, 10).expect("period");
    monthly::save(&mut uow, district, october, &figures)
        .await
        .expect("save month");
    uow.commit().await.expect("commit");
}

/// Enters an open October 2026 (telephone outreach) for the company's district; returns the
/// district's id.
pub async fn month_of(app: &TestApp, company: i64) -> i64 {
    let district = crate::entities::company::Entity::find_by_id(company)
        .one(app.db())
        .await
        .expect("query company")
        .expect("company exists")
        .district_id
        .expect("company has a district");
    month_with(app, district, "telefon").await;
    district
}

//! Integration tests of the contact history: order and sorting, author-only changes with
//! confirmation, visibility through either attachment, full-text search of the remarks.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod history;

use hih_kernel::{Actor, Feature};
use hih_testkit::TestApp;

/// The features these tests need.
pub async fn app() -> TestApp {
    let features: [&dyn Feature; 6] = [
        &hih_home::HomeFeature,
        &hih_users::UsersFeature,
        &hih_companies::CompaniesFeature,
        &hih_applicants::ApplicantsFeature,
        &hih_contact_history::ContactHistoryFeature,
        &hih_admin::AdminFeature,
    ];
    TestApp::new(&features).await
}

fn pairs(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A Vietnamese applicant (`HIH-VN-0001` for the first).
pub async fn applicant(app: &TestApp, last_name: &str) -> i64 {
    use hih_applicants::service;
    let form = service::ApplicantForm::from_pairs(&pairs(&[
        ("last_name", last_name),
        ("first_names", "Lan"),
        ("birth_date", "1996-05-06"),
        ("country", "VN"),
        ("status", "bewerber"),
    ]));
    let valid = service::validate(app.services(), &form, None)
        .await
        .unwrap();
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let a = service::create(&mut uow, valid).await.unwrap();
    uow.commit().await.unwrap();
    a.id
}

/// A company in the district of the named IHK.
pub async fn company(app: &TestApp, ihk: &str, name: &str) -> i64 {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let district = hih_users::entities::institution::Entity::find()
        .filter(hih_users::entities::institution::Column::Name.eq(ihk))
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id;
    let form = hih_companies::service::CompanyForm::from_pairs(&pairs(&[
        ("name", name),
        ("street", "Kontaktweg"),
        ("house_number", name),
        ("plz", "99084"),
        ("ort", "Erfurt"),
        ("industry", "C"),
        ("status", "interessiert"),
        ("outreach_format", "telefon"),
    ]));
    let valid = hih_companies::service::validate(app.services(), &form, Some(district), None)
        .await
        .map_err(|e| e.0)
        .unwrap();
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let c = hih_companies::service::create(&mut uow, valid)
        .await
        .unwrap();
    uow.commit().await.unwrap();
    c.id
}

//! Test helpers (feature `testing`): records to match or to write contacts about, created as a
//! job would (through the services, in a unit of work).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers: a panic is the failure report

pub mod flows;
pub mod matrix;

use hih_kernel::Actor;
use hih_testkit::TestApp;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

fn pairs(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// An applicant (status Bewerber/in, target occupation Koch/Köchin) registered in `country`;
/// the first of a country gets `HIH-<country>-0001`. Returns the record id.
pub async fn applicant_in(app: &TestApp, country: &str, last_name: &str) -> i64 {
    hih_applicants::testing::create_applicant(
        app,
        &pairs(&[
            ("last_name", last_name),
            ("first_names", "Anh"),
            ("birth_date", "1995-03-04"),
            ("country", country),
            ("status", "bewerber"),
            ("target_occupation", "koch"),
        ]),
    )
    .await
    .id
}

/// A company in the district of the named IHK, at "Geheimgasse <name>, 99084 Erfurt" with the
/// e-mail `kontakt@geheim.example` (fields AHK staff must never see). Returns the record id.
pub async fn company_in(app: &TestApp, ihk: &str, name: &str) -> i64 {
    let district = hih_users::entities::institution::Entity::find()
        .filter(hih_users::entities::institution::Column::Name.eq(ihk))
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id;
    let form = hih_companies::service::CompanyForm::from_pairs(&pairs(&[
        ("name", name),
        ("street", "Geheimgasse"),
        ("house_number", name),
        ("plz", "99084"),
        ("ort", "Erfurt"),
        ("industry", "C"),
        ("email", "kontakt@geheim.example"),
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

/// Enters a match (placed 20 October 2026, status vermittelt) of the applicant with the code
/// `applicant_code` with `company`, as a job would; returns the match's id.
pub async fn match_with(
    app: &TestApp,
    company: i64,
    applicant_code: &str,
    remarks: &str,
    position: &str,
) -> i64 {
    let c = hih_companies::entities::company::Entity::find_by_id(company)
        .one(app.db())
        .await
        .expect("query company")
        .expect("company exists");
    let form = crate::service::MatchForm {
        applicant_code: applicant_code.into(),
        placed_on: "2026-10-20".into(),
        status: "vermittelt".into(),
        remarks: remarks.into(),
        position: position.into(),
    };
    let actor = Actor::system("test");
    let valid = crate::service::validate(app.services(), &actor, company, &form, None)
        .await
        .expect("valid match");
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &actor)
        .await
        .expect("unit of work");
    let p = crate::service::create(&mut uow, &c, valid)
        .await
        .expect("create match");
    uow.commit().await.expect("commit");
    p.id
}

/// Enters a match of the applicant record `applicant` with `company`; returns its id.
pub async fn match_of(app: &TestApp, company: i64, applicant: i64) -> i64 {
    let code = hih_applicants::entities::applicant::Entity::find_by_id(applicant)
        .one(app.db())
        .await
        .expect("query applicant")
        .expect("applicant exists")
        .applicant_id
        .expect("applicant has an ID");
    match_with(app, company, &code, "", "").await
}

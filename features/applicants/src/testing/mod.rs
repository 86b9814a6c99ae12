//! Test support of the applicants feature (cargo feature `testing`): applicants in a country
//! and the fixtures of the shared flow tests. Failures panic: the panic is the test's report.
#![allow(clippy::expect_used, clippy::unwrap_used)]

pub mod flows;
pub mod matrix;

use hih_kernel::Actor;
use hih_testkit::TestApp;

use crate::entities::applicant;
use crate::service::{self, ApplicantForm};

/// The submitted pairs of a complete, plausible applicant form.
pub fn applicant_pairs(first: &str, last: &str, country: &str) -> Vec<(String, String)> {
    [
        ("salutation", "frau"),
        ("first_names", first),
        ("last_name", last),
        ("birth_date", "1998-04-12"),
        ("nationality", "vietnamesisch"),
        ("country", country),
        ("residence", "Hà Nội"),
        ("email", "huong@example.org"),
        ("status", "bewerber"),
        ("target_occupation", "koch"),
        ("german_level", "B1"),
        ("consent_storage_date", "2026-01-05"),
        ("consent_storage_version", "v2"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// Creates an applicant from submitted pairs (as the system, as a job would) and returns it.
pub async fn create_applicant(app: &TestApp, pairs: &[(String, String)]) -> applicant::Model {
    let form = ApplicantForm::from_pairs(pairs);
    let valid = service::validate(app.services(), &form, None)
        .await
        .expect("valid applicant");
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .expect("unit of work");
    let a = service::create(&mut uow, valid)
        .await
        .expect("create applicant");
    uow.commit().await.expect("commit");
    a
}

/// Creates a complete applicant registered in `country` and returns it.
pub async fn applicant_in(app: &TestApp, country: &str, last: &str) -> applicant::Model {
    create_applicant(app, &applicant_pairs("Thị", last, country)).await
}

/// A prospect (status Interessent/in) registered in `country`, deactivated if asked; returns
/// the record id.
pub async fn prospect_in(app: &TestApp, country: &str, last_name: &str, deactivated: bool) -> i64 {
    let pairs: Vec<(String, String)> = [
        ("last_name", last_name),
        ("first_names", "Anh"),
        ("birth_date", "1995-03-04"),
        ("country", country),
        ("status", "interessent"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let a = create_applicant(app, &pairs).await;
    if !deactivated {
        return a.id;
    }
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .expect("unit of work");
    let a = service::deactivate(&mut uow, &a).await.expect("deactivate");
    uow.commit().await.expect("commit");
    a.id
}

/// How far a guest got with a self-registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Invited; the consent is not given yet.
    Invited,
    /// Consent given, the steps are being filled in.
    Filling,
    /// Submitted: the link is used up, the entry awaits review.
    Submitted,
}

/// A self-registration of `country` at `stage` with the guest's last name `last`: the token
/// and the pending entry's id (none while only invited).
pub async fn registration_of(
    app: &TestApp,
    country: &str,
    last: &str,
    stage: Stage,
) -> (String, Option<i64>) {
    use crate::registration::service as reg;
    let form = reg::InvitationForm {
        locale: "de".into(),
        country: country.into(),
        ..Default::default()
    };
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .expect("unit of work");
    let (inv, token) = reg::create_invitation(&mut uow, &form, None)
        .await
        .expect("invitation");
    let mut pending = None;
    if stage != Stage::Invited {
        let p = reg::accept_consent(&mut uow, &inv, "v1", "de")
            .await
            .expect("consent");
        let mut data = reg::form_of(&p);
        data.last_name = last.into();
        data.birth_date = "1996-02-03".into();
        let p = reg::save_form(&mut uow, &p, &data).await.expect("save");
        if stage == Stage::Submitted {
            reg::submit(&mut uow, &inv, &p).await.expect("submit");
        }
        pending = Some(p.id);
    }
    uow.commit().await.expect("commit");
    (token, pending)
}

/// A self-registration of `country` at `stage` by "Phạm" (see [`registration_of`]).
pub async fn registration_in(app: &TestApp, country: &str, stage: Stage) -> (String, Option<i64>) {
    registration_of(app, country, "Phạm", stage).await
}

/// A self-registration of `country`, consented, filled in and submitted (awaiting review);
/// returns the pending entry's id.
pub async fn submitted_registration(app: &TestApp, country: &str, last: &str) -> i64 {
    registration_of(app, country, last, Stage::Submitted)
        .await
        .1
        .expect("a submitted registration has an entry")
}

//! Fixtures of the shared flow tests (`hih_testkit::flows`) for the partner export profile
//! form. Profiles are admin-only with no narrower scope, so the flows have no foreign record.

use hih_db::UnitOfWork;
use hih_kernel::{Actor, Role};
use hih_testkit::TestApp;
use hih_testkit::flows::{CaseFuture, FlowCase, FlowFixture};
use hih_users::testing::agent_for;

use crate::partner::service::{self, ProfileForm};

/// This feature's flow fixtures.
pub fn fixtures() -> Vec<FlowFixture> {
    vec![
        FlowFixture {
            name: "partner-profile-new",
            case: new_profile,
        },
        FlowFixture {
            name: "partner-profile-edit",
            case: edit_profile,
        },
    ]
}

/// The submitted pairs of a complete applicant profile.
pub fn profile_pairs(name: &str) -> Vec<(String, String)> {
    [
        ("subject", "applicant"),
        ("name", name),
        ("partner_category", "ba"),
        ("fields", "last_name"),
        ("without_consent", "pseudonym"),
        ("format", "xlsx"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// A saved applicant profile; its id.
pub async fn profile(app: &TestApp, name: &str) -> i64 {
    let form = ProfileForm::from_pairs(&profile_pairs(name));
    let valid = service::validate(app.services(), &form)
        .await
        .expect("valid profile");
    let actor = Actor::system("test");
    let mut uow = UnitOfWork::begin(app.services(), &actor)
        .await
        .expect("uow");
    let p = service::create(&mut uow, valid).await.expect("create");
    uow.commit().await.expect("commit");
    p.id
}

/// An admin creates a profile.
fn new_profile(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::Admin, "flow-partner-new").await;
        FlowCase {
            agent,
            path: "/partnerexporte/neu".into(),
            valid: profile_pairs("Flussprofil"),
            marker: "Flussprofil".into(),
            invalid: profile_pairs(""),
            foreign: None,
        }
    })
}

/// An admin renames a profile.
fn edit_profile(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::Admin, "flow-partner-edit").await;
        let id = profile(app, "Altprofil").await;
        FlowCase {
            agent,
            path: format!("/partnerexporte/{id}/bearbeiten"),
            valid: profile_pairs("Wasserprofil"),
            marker: "Wasserprofil".into(),
            invalid: profile_pairs(""),
            foreign: None,
        }
    })
}

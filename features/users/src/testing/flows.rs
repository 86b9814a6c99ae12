//! Fixtures of the shared flow tests (`hih_testkit::flows`) for the account, profile and
//! institution forms. Accounts and institutions have no scope narrower than the permission
//! (managers see every account, institutions are reference data), so these flows have no
//! foreign record; the role boundary on accounts (403) has its own tests.

use hih_db::UnitOfWork;
use hih_kernel::{Actor, Role};
use hih_testkit::TestApp;
use hih_testkit::flows::{CaseFuture, FlowCase, FlowFixture};
use sea_orm::{NotSet, Set};

use super::{agent_for, create_user, institution_id};
use crate::entities::institution;

/// This feature's flow fixtures.
pub fn fixtures() -> Vec<FlowFixture> {
    vec![
        FlowFixture {
            name: "account-new",
            case: new_account,
        },
        FlowFixture {
            name: "account-edit",
            case: edit_account,
        },
        FlowFixture {
            name: "profile",
            case: edit_profile,
        },
        FlowFixture {
            name: "institution-new",
            case: new_institution,
        },
        FlowFixture {
            name: "institution-edit",
            case: edit_institution,
        },
        FlowFixture {
            name: "api-token-new",
            case: new_api_token,
        },
    ]
}

/// An IHK staff member creates a personal API token (their own only: no foreign record).
fn new_api_token(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::IhkStaff, "flow-api-token").await;
        let until =
            (app.services().clock.now().date_naive() + chrono::Duration::days(30)).to_string();
        FlowCase {
            agent,
            path: "/profil/api-tokens/neu".into(),
            valid: owned(&[("name", "Seerosenauswertung"), ("valid_until", &until)]),
            marker: "Seerosenauswertung".into(),
            invalid: owned(&[
                ("name", "Seerosenauswertung"),
                ("valid_until", "2099-01-01"),
            ]),
            foreign: None,
        }
    })
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The account form's fields for a person of IHK Erfurt.
fn account_pairs(
    institution: i64,
    last_name: &str,
    username: &str,
    role: &str,
) -> Vec<(String, String)> {
    let institution = institution.to_string();
    let email = format!("{username}@example.org");
    owned(&[
        ("salutation", "frau"),
        ("first_name", "Test"),
        ("last_name", last_name),
        ("institution_id", &institution),
        ("position", "Projektmitarbeit"),
        ("email", &email),
        ("username", username),
        ("phone", "+49 361 123456"),
        ("role", role),
    ])
}

/// An admin creates an IHK account.
fn new_account(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::Admin, "flow-account-new").await;
        let erfurt = institution_id(app, "IHK Erfurt").await;
        FlowCase {
            agent,
            path: "/benutzer/neu".into(),
            valid: account_pairs(erfurt, "Wasserlilie", "flow-neu", "ihk_staff"),
            marker: "Wasserlilie".into(),
            invalid: account_pairs(erfurt, "", "flow-neu", "ihk_staff"),
            foreign: None,
        }
    })
}

/// An admin edits an IHK account.
fn edit_account(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::Admin, "flow-account-admin").await;
        let user = create_user(app.services(), Role::IhkStaff, "flow-account-edit").await;
        let erfurt = institution_id(app, "IHK Erfurt").await;
        FlowCase {
            agent,
            path: format!("/benutzer/{}/bearbeiten", user.id),
            valid: account_pairs(erfurt, "Seerose", &user.username, "ihk_staff"),
            marker: "Seerose".into(),
            invalid: account_pairs(erfurt, "Seerose", "x", "ihk_staff"),
            foreign: None,
        }
    })
}

/// IHK staff edit their own profile.
fn edit_profile(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, user) = agent_for(app, Role::IhkStaff, "flow-profile").await;
        let erfurt = institution_id(app, "IHK Erfurt").await;
        FlowCase {
            agent,
            path: "/profil/bearbeiten".into(),
            valid: account_pairs(erfurt, "Teichrose", &user.username, "ihk_staff"),
            marker: "Teichrose".into(),
            invalid: account_pairs(erfurt, "", &user.username, "ihk_staff"),
            foreign: None,
        }
    })
}

fn institution_pairs(name: &str) -> Vec<(String, String)> {
    owned(&[
        ("name", name),
        ("kind", "team"),
        ("country_code", ""),
        ("active", "on"),
    ])
}

/// An admin creates an institution.
fn new_institution(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::Admin, "flow-institution-new").await;
        FlowCase {
            agent,
            path: "/institutionen/neu".into(),
            valid: institution_pairs("Flussinstitut"),
            marker: "Flussinstitut".into(),
            invalid: institution_pairs(""),
            foreign: None,
        }
    })
}

/// An admin renames an institution.
fn edit_institution(app: &TestApp) -> CaseFuture<'_> {
    Box::pin(async move {
        let (agent, _) = agent_for(app, Role::Admin, "flow-institution-edit").await;
        let actor = Actor::system("test");
        let mut uow = UnitOfWork::begin(app.services(), &actor)
            .await
            .expect("uow");
        let inst = uow
            .insert(institution::ActiveModel {
                id: NotSet,
                name: Set("Altes Institut".into()),
                sort_name: Set("altes institut".into()),
                kind: Set("team".into()),
                country_code: Set(None),
                active: Set(true),
            })
            .await
            .expect("insert institution");
        uow.commit().await.expect("commit");
        FlowCase {
            agent,
            path: format!("/institutionen/{}", inst.id),
            valid: institution_pairs("Wasserburg-Institut"),
            marker: "Wasserburg".into(),
            invalid: institution_pairs("IHK Erfurt"),
            foreign: None,
        }
    })
}

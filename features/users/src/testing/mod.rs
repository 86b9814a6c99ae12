//! Test helpers for every feature's tests: users of any role with a password and TOTP
//! enrolled, and a login that computes the current code from the test clock.
//! Test support only: failures panic, the panic is the test's failure report.
#![allow(clippy::expect_used, clippy::unwrap_used)]

pub mod flows;
pub mod matrix;

use chrono::Duration;
use hih_db::UnitOfWork;
use hih_kernel::{Actor, Role, Services};
use hih_testkit::{Agent, TestApp};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entities::{institution, user_account};
use crate::service::{self, AccountForm};

/// A password that satisfies the default policy.
pub const PASSWORD: &str = "Sicheres-Passwort-42";

/// A user created for a test.
#[derive(Debug, Clone)]
pub struct TestUser {
    /// Account id.
    pub id: i64,
    /// User name.
    pub username: String,
    /// Password.
    pub password: String,
    /// TOTP secret (base32).
    pub totp_secret: String,
    /// Role.
    pub role: Role,
}

/// The id of the institution (IHK district, AHK, …) with this name.
pub async fn institution_id(app: &TestApp, name: &str) -> i64 {
    institution::Entity::find()
        .filter(institution::Column::Name.eq(name))
        .one(app.db())
        .await
        .expect("query institution")
        .unwrap_or_else(|| panic!("institution {name:?} exists"))
        .id
}

/// The default institution of a role in tests.
pub fn default_institution(role: Role) -> &'static str {
    match role {
        Role::IhkStaff => "IHK Erfurt",
        Role::AhkStaff => "AHK Vietnam",
        Role::Admin | Role::Dpo => "HiH-Projektteam",
        Role::SuperAdmin => "Dienstleister",
    }
}

/// Creates an active user with password and TOTP in the given institution.
pub async fn create_user_in(
    services: &Services,
    role: Role,
    username: &str,
    institution_name: &str,
) -> TestUser {
    let inst = institution::Entity::find()
        .filter(institution::Column::Name.eq(institution_name))
        .one(&services.db)
        .await
        .expect("query institution")
        .expect("institution exists");
    let form = AccountForm {
        salutation: "frau".into(),
        first_name: "Test".into(),
        last_name: username.into(),
        institution_id: inst.id.to_string(),
        position: "Projektmitarbeit".into(),
        email: format!("{username}@example.org"),
        username: username.into(),
        phone: "+49 361 123456".into(),
        role: role.code().into(),
    };
    let valid = service::validate_account(
        services,
        &form,
        None,
        &hih_kernel::Actor::system("accounts"),
    )
    .await
    .expect("valid account");
    let mut uow = UnitOfWork::begin(services, &Actor::system("test"))
        .await
        .expect("uow");
    let user = service::create_account(&mut uow, valid, true)
        .await
        .expect("create");
    let user = service::set_password(&mut uow, &user, PASSWORD, false)
        .await
        .expect("password");
    let secret = crate::totp::new_secret();
    service::enrol_totp(&mut uow, &user, &secret, 0)
        .await
        .expect("totp");
    uow.commit().await.expect("commit");
    TestUser {
        id: user.id,
        username: username.into(),
        password: PASSWORD.into(),
        totp_secret: secret,
        role,
    }
}

/// Creates an active user of a role in its default institution.
pub async fn create_user(services: &Services, role: Role, username: &str) -> TestUser {
    create_user_in(services, role, username, default_institution(role)).await
}

/// The current TOTP code for a user; moves the clock on if this step was already used.
pub async fn fresh_code(app: &TestApp, user: &TestUser) -> String {
    let row = user_account::Entity::find_by_id(user.id)
        .one(app.db())
        .await
        .expect("query")
        .expect("user");
    let step = app.clock.as_ref().now_step();
    if row.totp_last_step.is_some_and(|last| last >= step) {
        app.clock.advance(Duration::seconds(30));
    }
    crate::totp::code_at(
        &user.totp_secret,
        hih_kernel::Clock::now(app.clock.as_ref()),
    )
    .expect("code")
}

trait Step {
    fn now_step(&self) -> i64;
}

impl Step for hih_kernel::FixedClock {
    fn now_step(&self) -> i64 {
        hih_kernel::Clock::now(self).timestamp() / 30
    }
}

/// The password step of the login; returns its answer (a redirect to the next step).
pub async fn password_step(agent: &Agent, username: &str, password: &str) -> hih_testkit::Page {
    agent
        .submit("/login", &[("username", username), ("password", password)])
        .await
}

/// Password step, then the second-factor step with the current code; returns the answer of
/// the code step.
pub async fn code_step(app: &TestApp, agent: &Agent, user: &TestUser) -> hih_testkit::Page {
    password_step(agent, &user.username, &user.password).await;
    agent.get("/login/code").await;
    let code = fresh_code(app, user).await;
    agent.post("/login/code", &[("code", &code)]).await
}

/// Logs a user in with password and TOTP; returns the page after the final redirect.
pub async fn login(app: &TestApp, agent: &Agent, user: &TestUser) -> hih_testkit::Page {
    let page = agent
        .submit(
            "/login",
            &[("username", &user.username), ("password", &user.password)],
        )
        .await;
    assert_eq!(
        page.location(),
        Some("/login/code"),
        "password step failed for {}",
        user.username
    );
    agent.get("/login/code").await;
    let code = fresh_code(app, user).await;
    let page = agent.post("/login/code", &[("code", &code)]).await;
    assert_eq!(
        page.status.as_u16(),
        303,
        "code step failed for {}",
        user.username
    );
    agent.follow(page).await
}

/// A logged-in agent for a new user of a role.
pub async fn agent_for(app: &TestApp, role: Role, username: &str) -> (Agent, TestUser) {
    let user = create_user(app.services(), role, username).await;
    let agent = app.agent();
    login(app, &agent, &user).await;
    (agent, user)
}

/// Creates a personal API token for `owner`, valid for 30 days from the test clock; returns
/// its id and its secret.
pub async fn api_token(app: &TestApp, owner: i64, read_only: bool) -> (i64, String) {
    let today = app.services().clock.now().date_naive();
    let new = crate::api_tokens::service::NewToken {
        name: format!("Test-Token {owner}"),
        valid_until: today + Duration::days(30),
        read_only,
    };
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .expect("begin");
    let created = crate::api_tokens::service::create(&mut uow, owner, new)
        .await
        .expect("create token");
    uow.commit().await.expect("commit");
    (created.token.id, created.secret)
}

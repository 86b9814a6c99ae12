//! Single-use secrets under concurrency: a recovery code, a password-reset link, an account
//! setup link, a self-registration's final submit and the approval of a registration, each
//! used by N clients at the same moment (every client has done all steps before the final
//! POST). Exactly one use succeeds — by the answers and by the database — and every other
//! client gets a refusal, never a server error.

use futures::future::join_all;
use hih_kernel::Role;
use hih_testkit::{Agent, Page, TestApp};
use hih_users::entities::user_account;
use hih_users::testing::{create_user, fresh_code, login, password_step};
use sea_orm::EntityTrait;

use super::{scalar, uow};
use crate::app;
use hih_applicants::testing::{Stage, registration_in};

/// Parallel clients per secret.
const N: usize = 6;

/// Status and target of each answer, for failure messages.
fn summary(pages: &[Page]) -> Vec<String> {
    pages
        .iter()
        .map(|p| format!("{} {:?}", p.status, p.location()))
        .collect()
}

/// No answer is a server error.
fn no_server_errors(what: &str, pages: &[Page]) {
    assert!(
        pages.iter().all(|p| !p.status.is_server_error()),
        "{what}: server errors: {:?}",
        summary(pages)
    );
}

/// The stored password hash of a user.
async fn password_hash(app: &TestApp, user_id: i64) -> Option<String> {
    app.record::<user_account::Entity>(user_id)
        .await
        .password_hash
}

/// How many of the candidate passwords the stored hash accepts.
async fn matching_passwords(app: &TestApp, user_id: i64, candidates: &[String]) -> usize {
    let Some(hash) = password_hash(app, user_id).await else {
        return 0;
    };
    candidates
        .iter()
        .filter(|c| hih_users::password::verify(c, &hash))
        .count()
}

/// What concurrent password submits on one link gave.
struct PasswordRace {
    /// The answers, one per client.
    pages: Vec<Page>,
    /// The password each client sent.
    passwords: Vec<String>,
    /// Answers that went on to `next`.
    accepted: usize,
    /// Answers that refused (409, 410).
    refused: usize,
}

/// Every client, each on the password form of `link`, sends its own password (`<prefix>-<i>-4711`)
/// at the same moment; an accepted submit goes on to `next`. No answer is a server error.
async fn race_passwords(agents: &[Agent], link: &str, prefix: &str, next: &str) -> PasswordRace {
    let passwords: Vec<String> = (0..agents.len())
        .map(|i| format!("{prefix}-{i}-4711"))
        .collect();
    let forms: Vec<[(&str, &str); 2]> = passwords
        .iter()
        .map(|pw| [("password", pw.as_str()), ("password_repeat", pw.as_str())])
        .collect();
    let pages = join_all(
        agents
            .iter()
            .zip(&forms)
            .map(|(a, form)| a.post(link, form)),
    )
    .await;
    no_server_errors(link, &pages);
    let accepted = pages.iter().filter(|p| p.location() == Some(next)).count();
    let refused = pages
        .iter()
        .filter(|p| matches!(p.status.as_u16(), 409 | 410))
        .count();
    PasswordRace {
        pages,
        passwords,
        accepted,
        refused,
    }
}

/// How many of a user's single-use links of `purpose` are used.
async fn used_tokens(app: &TestApp, user_id: i64, purpose: &str) -> i64 {
    scalar(
        app,
        &format!(
            "SELECT COUNT(*) AS n FROM user_token WHERE user_id = {user_id} AND purpose = '{purpose}' AND used_at IS NOT NULL"
        ),
    )
    .await
}

#[tokio::test]
async fn a_recovery_code_logs_in_exactly_one_of_several_concurrent_sessions() {
    let app = app().await;
    let user = create_user(app.services(), Role::Admin, "su-recovery").await;
    // Enrol again to learn the recovery codes (the service returns them once).
    let model = app.record::<user_account::Entity>(user.id).await;
    let mut u = uow(app.services()).await;
    let codes = hih_users::service::enrol_totp(&mut u, &model, &user.totp_secret, 0)
        .await
        .unwrap();
    u.commit().await.unwrap();
    let code = codes[0].clone();

    let agents: Vec<Agent> = (0..N).map(|_| app.agent()).collect();
    for a in &agents {
        let p = password_step(a, &user.username, &user.password).await;
        assert_eq!(p.location(), Some("/login/code"));
        assert_eq!(a.get("/login/code").await.status, 200);
    }
    let logins_before = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'user' AND entity_id = '{}' AND action = 'login'",
            user.id
        ),
    )
    .await;
    let form = [("code", code.as_str())];
    let pages = join_all(agents.iter().map(|a| a.post("/login/code", &form))).await;
    no_server_errors("recovery code", &pages);
    let accepted = pages.iter().filter(|p| p.location() == Some("/")).count();
    let mut logged_in = 0;
    for a in &agents {
        if a.get("/").await.status == 200 {
            logged_in += 1;
        }
    }
    let sessions = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) AS n FROM session WHERE user_id = {} AND stage = 'authenticated'",
            user.id
        ),
    )
    .await;
    let used = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) AS n FROM recovery_code WHERE user_id = {} AND used_at IS NOT NULL",
            user.id
        ),
    )
    .await;
    let logins = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'user' AND entity_id = '{}' AND action = 'login'",
            user.id
        ),
    )
    .await
        - logins_before;
    assert_eq!(
        (accepted, logged_in, sessions, logins),
        (1, 1, 1, 1),
        "one recovery code, {N} concurrent logins: accepted answers, logged-in agents, \
         authenticated sessions, login audit entries; answers {:?}",
        summary(&pages)
    );
    assert_eq!(used, 1, "exactly one recovery code used");
}

/// The reset link in the newest mail to `to`.
async fn reset_link_of(app: &TestApp, to: &str) -> String {
    use hih_db::entities::mail_outbox;
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    let mail = mail_outbox::Entity::find()
        .filter(mail_outbox::Column::ToAddr.eq(to))
        .order_by_desc(mail_outbox::Column::Id)
        .one(app.db())
        .await
        .unwrap()
        .expect("a reset mail");
    let marker = "/passwort/zuruecksetzen/";
    let start = mail.body.find(marker).expect("the link in the mail") + marker.len();
    let token: String = mail.body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    assert!(token.len() >= 16, "a token: {token:?}");
    format!("{marker}{token}")
}

#[tokio::test]
async fn a_password_reset_link_sets_the_password_exactly_once() {
    let app = app().await;
    let user = create_user(app.services(), Role::IhkStaff, "su-reset").await;
    let forgot = app.agent();
    forgot
        .submit("/passwort/vergessen", &[("email", "su-reset@example.org")])
        .await;
    let link = reset_link_of(&app, "su-reset@example.org").await;
    let agents: Vec<Agent> = (0..N).map(|_| app.agent()).collect();
    // Each client passes the second factor (its own code step) and sees the password form.
    for a in &agents {
        assert_eq!(a.get(&link).await.status, 200);
        let code = fresh_code(&app, &user).await;
        let p = a.post(&link, &[("step", "code"), ("code", &code)]).await;
        assert_eq!(p.location(), Some(link.as_str()), "code step");
        let form = a.get(&link).await;
        assert_eq!(form.status, 200);
        assert!(form.contains("name=\"password_repeat\""), "password form");
    }
    let history_before = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) AS n FROM password_history WHERE user_id = {}",
            user.id
        ),
    )
    .await;
    let PasswordRace {
        pages,
        passwords,
        accepted,
        refused,
    } = race_passwords(&agents, &link, "Zurueck-Gesetzt", "/login").await;
    let history = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) AS n FROM password_history WHERE user_id = {}",
            user.id
        ),
    )
    .await
        - history_before;
    let used = used_tokens(&app, user.id, "reset").await;
    assert_eq!(
        (accepted, refused, history, used),
        (1, N - 1, 1, 1),
        "one reset link, {N} concurrent submits: accepted, refused (409/410), passwords set, \
         tokens used; answers {:?}",
        summary(&pages)
    );
    assert_eq!(matching_passwords(&app, user.id, &passwords).await, 1);
    // The link is used up.
    assert_eq!(app.agent().get(&link).await.status, 410);
}

#[tokio::test]
async fn an_account_setup_link_sets_the_first_password_exactly_once() {
    let app = app().await;
    let inst = super::institution_id(&app, "IHK Erfurt").await;
    let form = hih_users::service::AccountForm {
        salutation: "frau".into(),
        first_name: "Erna".into(),
        last_name: "Neu".into(),
        institution_id: inst.to_string(),
        position: "Projektmitarbeit".into(),
        email: "su-setup@example.org".into(),
        username: "su-setup".into(),
        phone: "+49 361 123456".into(),
        role: "ihk_staff".into(),
    };
    let valid = hih_users::service::validate_account(
        app.services(),
        &form,
        None,
        &hih_kernel::Actor::system("accounts"),
    )
    .await
    .unwrap();
    let mut u = uow(app.services()).await;
    let user = hih_users::service::create_account(&mut u, valid, true)
        .await
        .unwrap();
    let token =
        hih_users::service::issue_token(&mut u, user.id, "setup", chrono::Duration::hours(72))
            .await
            .unwrap();
    u.commit().await.unwrap();
    assert!(password_hash(&app, user.id).await.is_none());
    let link = format!("/konto/einrichten/{token}");
    let agents: Vec<Agent> = (0..N).map(|_| app.agent()).collect();
    for a in &agents {
        let form = a.get(&link).await;
        assert_eq!(form.status, 200);
        assert!(form.contains("name=\"password_repeat\""), "setup form");
    }
    let PasswordRace {
        pages,
        passwords,
        accepted,
        refused,
    } = race_passwords(&agents, &link, "Erstes-Passwort", "/login/totp-einrichten").await;
    let history = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'user' AND entity_id = '{}' AND action = 'update' AND changes LIKE '%password_hash%'",
            user.id
        ),
    )
    .await;
    let used = used_tokens(&app, user.id, "setup").await;
    // Only the winner's session may continue to the TOTP enrolment.
    let mut enrolling = 0;
    for a in &agents {
        if a.get("/login/totp-einrichten").await.status == 200 {
            enrolling += 1;
        }
    }
    assert_eq!(
        (accepted, refused, history, used, enrolling),
        (1, N - 1, 1, 1, 1),
        "one setup link, {N} concurrent submits: accepted, refused (409/410), password changes, \
         tokens used, sessions at the TOTP enrolment; answers {:?}",
        summary(&pages)
    );
    assert_eq!(matching_passwords(&app, user.id, &passwords).await, 1);
    assert_eq!(app.agent().get(&link).await.status, 410);
}

#[tokio::test]
async fn a_self_registration_is_submitted_exactly_once() {
    let app = app().await;
    // AHK Vietnam staff are notified of each submission.
    create_user(app.services(), Role::AhkStaff, "su-ahk").await;
    let (token, pending) = registration_in(&app, "VN", Stage::Filling).await;
    let pending = pending.unwrap();
    let review = format!("/registrierung/{token}/pruefen");
    let agents: Vec<Agent> = (0..N).map(|_| app.agent()).collect();
    for a in &agents {
        let page = a.get(&review).await;
        assert_eq!(page.status, 200);
        assert!(page.contains("value=\"submit\""), "the review page");
    }
    let notifications_before = app.count("notification").await.unwrap();
    let mails_before = app.count("mail_outbox").await.unwrap();
    let form = [("action", "submit")];
    let pages = join_all(agents.iter().map(|a| a.post(&review, &form))).await;
    no_server_errors("self-registration", &pages);
    let accepted = pages
        .iter()
        .filter(|p| p.location() == Some("/registrierung/danke"))
        .count();
    let refused = pages
        .iter()
        .filter(|p| matches!(p.status.as_u16(), 409 | 410))
        .count();
    let notifications = app.count("notification").await.unwrap() - notifications_before;
    let mails = app.count("mail_outbox").await.unwrap() - mails_before;
    let submitted = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) AS n FROM pending_registration WHERE id = {pending} AND submitted_at IS NOT NULL"
        ),
    )
    .await;
    let submissions = scalar(
        &app,
        &format!(
            "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'pending_registration' AND entity_id = '{pending}' AND action = 'update' AND changes LIKE '%submitted_at%'"
        ),
    )
    .await;
    assert_eq!(
        (
            accepted,
            refused,
            notifications,
            mails,
            submitted,
            submissions
        ),
        (1, N - 1, 1, 1, 1, 1),
        "one invitation, {N} concurrent submits: accepted, refused (409/410), notifications, \
         mails, submitted entries, submit audit entries; answers {:?}",
        summary(&pages)
    );
    let base = format!("/registrierung/{token}");
    assert_eq!(app.agent().get(&base).await.status, 410);
}

#[tokio::test]
async fn a_registration_is_approved_into_exactly_one_applicant() {
    let app = app().await;
    let (_, pending) = registration_in(&app, "VN", Stage::Submitted).await;
    let pending = pending.unwrap();
    let admin = create_user(app.services(), Role::Admin, "su-approver").await;
    let agents: Vec<Agent> = (0..N).map(|_| app.agent()).collect();
    let approve = format!("/bewerber/registrierungen/{pending}/freigeben");
    for a in &agents {
        login(&app, a, &admin).await;
        assert_eq!(a.get(&approve).await.status, 200);
    }
    let applicants_before = app.count("applicant").await.unwrap();
    let form = [("confirm_duplicate", "on")];
    let pages = join_all(agents.iter().map(|a| a.post(&approve, &form))).await;
    no_server_errors("approval", &pages);
    let accepted = pages
        .iter()
        .filter(|p| {
            p.status == 303
                && p.location()
                    .is_some_and(|l| l.starts_with("/bewerber/") && !l.contains("registrierungen"))
        })
        .count();
    let refused = pages
        .iter()
        .filter(|p| matches!(p.status.as_u16(), 404 | 409 | 410))
        .count();
    let created = app.count("applicant").await.unwrap() - applicants_before;
    let left = app.count("pending_registration").await.unwrap();
    assert_eq!(
        (accepted, refused, created, left),
        (1, N - 1, 1, 0),
        "one registration, {N} concurrent approvals: accepted, refused, applicants created, \
         pending entries left; answers {:?}",
        summary(&pages)
    );
}

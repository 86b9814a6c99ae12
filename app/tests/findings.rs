//! One regression test per finding of the penetration test (ops/security.md, "Findings"):
//! each failed before its fix and passes after, on SQLite and PostgreSQL. Findings 4, 5 and 9
//! are covered by the generic suite in `security/` (redirects, single-use secrets, formulas)
//! and by unit tests next to the code (`hih_kernel::is_local_path`, `hih_web::export`).

use hih_kernel::Role;
use hih_testkit::{Agent, Page, TestApp};
use hih_users::testing::{agent_for, create_user};
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::app;
use hih_applicants::testing::prospect_in as applicant_in;
use hih_companies::testing::company_in;
use hih_matching::testing::match_of;

/// Posts a two-step form (`review`, then `save` from the review page) and returns the page
/// the last step leads to.
async fn review_and_save(agent: &Agent, base: &str, fields: &[(&str, &str)]) -> Page {
    agent.get(base).await;
    let mut review = fields.to_vec();
    review.push(("action", "review"));
    let p = agent.post(base, &review).await;
    if p.location() != Some(format!("{base}/pruefen").as_str()) {
        return agent.follow(p).await;
    }
    agent.get(&format!("{base}/pruefen")).await;
    let mut save = fields.to_vec();
    save.push(("action", "save"));
    let p = agent.post(base, &save).await;
    agent.follow(p).await
}

/// The form fields of an account.
fn account(username: &str, role: &str, institution: i64) -> Vec<(String, String)> {
    [
        ("salutation", "frau"),
        ("first_name", "Eva"),
        ("last_name", username),
        ("position", "Referentin"),
        ("email", &format!("{username}@example.org")),
        ("username", username),
        ("phone", "+49 30 1234"),
        ("role", role),
        ("institution_id", &institution.to_string()),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// The text of the error message with this id (the message shown next to its field).
fn field_message(page: &Page, id: &str) -> String {
    let Some(start) = page.body.find(&format!("id=\"{id}\"")) else {
        return String::new();
    };
    let rest = &page.body[start..];
    rest[..rest.find("</p>").unwrap_or(rest.len())].to_string()
}

fn borrowed(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

async fn institution(app: &TestApp, name: &str) -> i64 {
    hih_users::entities::institution::Entity::find()
        .filter(hih_users::entities::institution::Column::Name.eq(name))
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn role_of(app: &TestApp, id: i64) -> String {
    app.record::<hih_users::entities::user_account::Entity>(id)
        .await
        .role
}

/// Finding 1 (high): the operator cannot make anybody — itself included — an administrator,
/// nor touch privileged accounts; admins can, and every role change is reported.
#[tokio::test]
async fn f01_the_operator_never_grants_or_changes_privileged_roles() {
    let app = app().await;
    let (op, op_user) = agent_for(&app, Role::SuperAdmin, "operator").await;
    let (admin, _) = agent_for(&app, Role::Admin, "chefin").await;
    let (_dpo_agent, dpo) = agent_for(&app, Role::Dpo, "dsb").await;
    let team = institution(&app, "HiH-Projektteam").await;
    let erfurt = institution(&app, "IHK Erfurt").await;

    // A new account with a privileged role: refused next to the role field, nothing saved.
    let before = app.count("user_account").await.unwrap();
    for role in ["admin", "dpo", "super_admin"] {
        let page = review_and_save(
            &op,
            "/benutzer/neu",
            &borrowed(&account(&format!("neu-{role}"), role, team)),
        )
        .await;
        assert_eq!(page.status, 422, "{role}");
        assert!(
            page.contains("Diese Rolle dürfen Sie nicht vergeben"),
            "{role}"
        );
    }
    assert_eq!(app.count("user_account").await.unwrap(), before);
    // The form offers the operator only the staff roles.
    let form = op.get("/benutzer/neu").await;
    assert!(form.contains("value=\"ihk_staff\"") && form.contains("value=\"ahk_staff\""));
    assert!(!form.contains("value=\"admin\"") && !form.contains("value=\"dpo\""));
    // A staff account is the operator's to create.
    let page = review_and_save(
        &op,
        "/benutzer/neu",
        &borrowed(&account("ihk-neu", "ihk_staff", erfurt)),
    )
    .await;
    assert_eq!(page.status, 200);
    assert_eq!(app.count("user_account").await.unwrap(), before + 1);

    // Editing its own account: role and institution stay.
    let own = format!("/benutzer/{}/bearbeiten", op_user.id);
    let mut me = account("operator", "admin", team);
    me[1].1 = "Olga".into();
    review_and_save(&op, &own, &borrowed(&me)).await;
    assert_eq!(role_of(&app, op_user.id).await, "super_admin");

    // Privileged accounts: readable, but every change is refused (403) and access-logged.
    let target_admin = create_user(app.services(), Role::Admin, "andere-admin").await;
    for path in [
        format!("/benutzer/{}/bearbeiten", target_admin.id),
        format!("/benutzer/{}/aktion/loeschen", target_admin.id),
        format!("/benutzer/{}/aktion/zuruecksetzen", target_admin.id),
        format!("/benutzer/{}/aktion/deaktivieren", target_admin.id),
    ] {
        assert_eq!(op.get(&path).await.status, 403, "{path}");
    }
    op.get(&format!("/benutzer/{}", target_admin.id)).await;
    let deleted = op
        .post(
            &format!("/benutzer/{}/aktion/loeschen", target_admin.id),
            &[],
        )
        .await;
    assert_eq!(deleted.status, 403);
    assert_eq!(role_of(&app, target_admin.id).await, "admin", "still there");
    let edit = op
        .post(
            &format!("/benutzer/{}/bearbeiten", target_admin.id),
            &[("action", "save"), ("role", "ihk_staff")],
        )
        .await;
    assert_eq!(edit.status, 403);
    let denied = hih_db::entities::access_log::Entity::find()
        .filter(hih_db::entities::access_log::Column::Action.eq("denied"))
        .filter(hih_db::entities::access_log::Column::EntityId.eq(target_admin.id.to_string()))
        .all(app.db())
        .await
        .unwrap();
    assert!(denied.len() >= 4, "denials are logged: {}", denied.len());
    // A staff account cannot be raised to admin by the operator either.
    let staff = create_user(app.services(), Role::IhkStaff, "ihk-alt").await;
    let raise = review_and_save(
        &op,
        &format!("/benutzer/{}/bearbeiten", staff.id),
        &borrowed(&account("ihk-alt", "admin", team)),
    )
    .await;
    assert!(raise.contains("Diese Rolle dürfen Sie nicht vergeben"));
    assert_eq!(role_of(&app, staff.id).await, "ihk_staff");

    // Admins grant any role; the change is audited and told to admins and the dpo.
    review_and_save(
        &admin,
        &format!("/benutzer/{}/bearbeiten", staff.id),
        &borrowed(&account("ihk-alt", "dpo", team)),
    )
    .await;
    assert_eq!(role_of(&app, staff.id).await, "dpo");
    let audit = hih_db::entities::audit_log::Entity::find()
        .filter(hih_db::entities::audit_log::Column::Entity.eq("user"))
        .filter(hih_db::entities::audit_log::Column::EntityId.eq(staff.id.to_string()))
        .all(app.db())
        .await
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.changes.contains("ihk_staff") && e.changes.contains("dpo")),
        "role change audited"
    );
    let told = hih_notify::entity::Entity::find()
        .filter(hih_notify::entity::Column::Kind.eq("security.role-grant"))
        .all(app.db())
        .await
        .unwrap();
    assert!(told.iter().any(|n| n.user_id == dpo.id), "the dpo is told");
    assert!(told.len() >= 2, "admins and the dpo: {}", told.len());
}

/// Finding 2 (medium): an applicant opened to IHK Erfurt by its own match does not reveal its
/// matches with other districts' companies — tab, list and export.
#[tokio::test]
async fn f02_ihk_staff_see_only_their_districts_matches() {
    let app = app().await;
    let own = company_in(&app, "IHK Erfurt", "Eigene GmbH").await;
    let foreign = company_in(&app, "IHK Düsseldorf", "Fremde AG").await;
    let a = applicant_in(&app, "VN", "Phạm", false).await;
    match_of(&app, own, a).await;
    match_of(&app, foreign, a).await;
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "ihk").await;
    let tab = ihk.get(&format!("/bewerber/{a}/vermittlungen")).await;
    assert_eq!(tab.status, 200);
    assert!(tab.contains("Eigene GmbH") && !tab.contains("Fremde AG"));
    let list = ihk.get("/vermittlungen?per=0").await;
    assert!(list.contains("Eigene GmbH") && !list.contains("Fremde AG"));
    for file in ["export.csv", "export.xlsx"] {
        let export = ihk.get(&format!("/vermittlungen/export/{file}")).await;
        assert_eq!(export.status, 200, "{file}");
        assert!(
            !String::from_utf8_lossy(&export.bytes).contains("Fremde"),
            "{file}"
        );
    }
    // The admin sees both.
    let (admin, _) = agent_for(&app, Role::Admin, "admin").await;
    let all = admin.get(&format!("/bewerber/{a}/vermittlungen")).await;
    assert!(all.contains("Eigene GmbH") && all.contains("Fremde AG"));
}

/// Finding 3 (medium): AHK staff cannot break their country's matches down by company
/// attributes, neither on the page nor in the export.
#[tokio::test]
async fn f03_ahk_staff_get_no_company_attributes_in_the_cross_tab() {
    let app = app().await;
    let c = company_in(&app, "IHK Erfurt", "Eigene GmbH").await;
    let a = applicant_in(&app, "VN", "Phạm", false).await;
    match_of(&app, c, a).await;
    let (ahk, _) = agent_for(&app, Role::AhkStaff, "ahk").await;
    for (row, col) in [
        ("district", "status"),
        ("industry", "month"),
        ("status", "district"),
    ] {
        let q = format!("subject=placements&row={row}&col={col}");
        let page = ahk.get(&format!("/statistik/kreuztabelle?{q}")).await;
        assert_eq!(page.status, 422, "{q}");
        assert!(
            page.contains("sehen AHK-Mitarbeitende nur den Namen"),
            "{q}"
        );
        assert!(!page.contains("IHK Erfurt"), "{q}");
        let export = ahk
            .get(&format!(
                "/statistik/kreuztabelle/export/kreuztabelle.csv?{q}"
            ))
            .await;
        assert_ne!(export.status, 200, "{q}");
        assert!(!export.body.contains("IHK Erfurt"), "{q}");
    }
    // The district filter is refused as well, and not offered.
    let filtered = ahk
        .get("/statistik/kreuztabelle?subject=placements&row=country&col=status&district=1")
        .await;
    assert_eq!(filtered.status, 422);
    let form = ahk.get("/statistik/kreuztabelle").await;
    assert!(!form.contains("name=\"district\"") && !form.contains("value=\"industry\""));
    // What is theirs still works.
    let ok = ahk
        .get("/statistik/kreuztabelle?subject=placements&row=country&col=status")
        .await;
    assert_eq!(ok.status, 200);
}

/// Finding 7 (low): every list takes every page size, "alle" included, on every registered
/// page — and a remembered "alle" keeps working.
#[tokio::test]
async fn f07_every_page_takes_every_page_size() {
    let app = app().await;
    let c = company_in(&app, "IHK Erfurt", "Eigene GmbH").await;
    let a = applicant_in(&app, "VN", "Phạm", false).await;
    match_of(&app, c, a).await;
    let mut checked = 0;
    for role in [Role::Admin, Role::IhkStaff, Role::AhkStaff] {
        let (agent, _) = agent_for(
            &app,
            role,
            &format!("per-{}", role.code().replace('_', "-")),
        )
        .await;
        for (pattern, _) in &app.state.routes {
            if pattern.contains(':') || pattern.ends_with("/abbrechen") {
                continue;
            }
            for per in ["0", "20", "40", "60", "abc", "-1", "99999999999999999999"] {
                let page = agent
                    .get(&format!(
                        "{pattern}?per={per}&page=999999&sort=zzz&dir=desc"
                    ))
                    .await;
                assert!(
                    page.status.as_u16() < 500,
                    "{role:?} {pattern}?per={per}: {}",
                    page.status
                );
                checked += 1;
            }
            // "alle" is remembered per list: the next visit without `per` still works.
            agent.get(&format!("{pattern}?per=0")).await;
            let again = agent.get(pattern).await;
            assert!(
                again.status.as_u16() < 500,
                "{role:?} {pattern} after per=0"
            );
        }
    }
    assert!(checked > 100, "pages checked: {checked}");
    let (admin, _) = agent_for(&app, Role::Admin, "per-check").await;
    let list = admin.get("/vermittlungen?per=0").await;
    assert_eq!(list.status, 200);
    assert!(list.contains("Eigene GmbH"));
}

/// Finding 8 (low): a deactivated company is for admins only — its matches disappear from
/// IHK and AHK staff's views, and the IHK district's access to the applicant sleeps; the
/// statistics keep counting until the purge; reactivation wakes the access again.
#[tokio::test]
async fn f08_deactivated_companies_open_nothing_to_staff() {
    let app = app().await;
    let c = company_in(&app, "IHK Erfurt", "Schlafende GmbH").await;
    let a = applicant_in(&app, "VN", "Phạm", false).await;
    match_of(&app, c, a).await;
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "ihk").await;
    let (ahk, _) = agent_for(&app, Role::AhkStaff, "ahk").await;
    assert_eq!(
        ihk.get(&format!("/bewerber/{a}")).await.status,
        200,
        "opened by the match"
    );
    assert!(
        ahk.get(&format!("/bewerber/{a}/vermittlungen"))
            .await
            .contains("Schlafende GmbH")
    );

    let set_active = |active: bool| {
        let app = &app;
        async move {
            let before = app
                .record::<hih_companies::entities::company::Entity>(c)
                .await;
            let mut am = before.clone().into_active_model();
            am.active = Set(active);
            let mut uow =
                hih_db::UnitOfWork::begin(app.services(), &hih_kernel::Actor::system("test"))
                    .await
                    .unwrap();
            uow.update(&before, am).await.unwrap();
            uow.commit().await.unwrap();
        }
    };
    set_active(false).await;
    assert_eq!(
        ihk.get(&format!("/bewerber/{a}")).await.status,
        404,
        "access sleeps"
    );
    assert_eq!(
        ihk.get(&format!("/bewerber/{a}/vermittlungen"))
            .await
            .status,
        404
    );
    assert!(
        !ihk.get("/vermittlungen?per=0")
            .await
            .contains("Schlafende GmbH")
    );
    let tab = ahk.get(&format!("/bewerber/{a}/vermittlungen")).await;
    assert_eq!(tab.status, 200);
    assert!(
        !tab.contains("Schlafende GmbH"),
        "AHK staff no longer see the name"
    );
    assert!(
        !ahk.get("/vermittlungen?per=0")
            .await
            .contains("Schlafende GmbH")
    );
    // The row stays (dormant), so the district's statistics do not move before the purge.
    let row = hih_applicants::entities::applicant_access::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(!row.active);
    let changes = hih_db::entities::audit_log::Entity::find()
        .filter(hih_db::entities::audit_log::Column::Entity.eq("applicant_access"))
        .all(app.db())
        .await
        .unwrap();
    assert!(
        changes.iter().any(|e| e.action == "update"),
        "the sleep is audited"
    );
    // Admins still see everything.
    let (admin, _) = agent_for(&app, Role::Admin, "admin").await;
    assert!(
        admin
            .get(&format!("/bewerber/{a}/vermittlungen"))
            .await
            .contains("Schlafende GmbH")
    );
    // Reactivation wakes the access.
    set_active(true).await;
    assert_eq!(ihk.get(&format!("/bewerber/{a}")).await.status, 200);
}

/// Finding 10 (low): every text field has a maximum and refuses control characters, with a
/// German message next to the field; NUL never reaches the database (PostgreSQL would fail).
#[tokio::test]
async fn f10_text_fields_have_limits_and_refuse_control_characters() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "admin").await;
    let team = institution(&app, "HiH-Projektteam").await;
    let mut fields = account("lang", "ihk_staff", team);
    fields[3].1 = "x".repeat(301); // position
    fields[2].1 = "Bell\u{7}mann".into(); // last_name
    let page = review_and_save(&admin, "/benutzer/neu", &borrowed(&fields)).await;
    assert_eq!(page.status, 422);
    assert!(page.contains("Bitte geben Sie höchstens 300 Zeichen ein."));
    assert!(page.contains("Steuerzeichen"));
    let next_to_field = field_message(&page, "position-error-1");
    assert!(
        next_to_field.contains("höchstens 300 Zeichen"),
        "{next_to_field}"
    );
    let control = field_message(&page, "last_name-error-1");
    assert!(control.contains("Steuerzeichen"), "{control}");

    // A 1 MB remark on a match: refused next to the field, nothing saved.
    let c = company_in(&app, "IHK Erfurt", "Eigene GmbH").await;
    applicant_in(&app, "VN", "Phạm", false).await;
    let base = format!("/unternehmen/{c}/vermittlungen/neu");
    let huge = "y".repeat(1_000_000);
    let page = review_and_save(
        &admin,
        &base,
        &[
            ("applicant_code", "HIH-VN-0001"),
            ("placed_on", "2026-11-02"),
            ("position", ""),
            ("status", "vermittelt"),
            ("remarks", &huge),
        ],
    )
    .await;
    assert_eq!(page.status, 422);
    assert!(page.contains("höchstens 10000 Zeichen"));
    assert_eq!(app.count("placement").await.unwrap(), 0);

    // NUL in a form body or a search: a clear refusal, never a 500, nothing written.
    let audit = app.count("audit_log").await.unwrap();
    let nul = admin
        .submit(
            &base,
            &[
                ("applicant_code", "HIH-VN-0001"),
                ("placed_on", "2026-11-02"),
                ("status", "vermittelt"),
                ("remarks", "a\u{0}b"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(nul.status, 409);
    assert!(nul.contains("Steuerzeichen"));
    for path in [
        "/unternehmen?q=a%00b",
        "/bewerber?q=%00",
        "/suche?q=x%00",
        "/vermittlungen?q=%00",
    ] {
        let p = admin.get(path).await;
        assert_eq!(p.status, 409, "{path}");
    }
    assert_eq!(app.count("audit_log").await.unwrap(), audit);
    assert_eq!(app.count("placement").await.unwrap(), 0);
}

/// Finding 12 (low): the data-protection officer reads logs, retention status and
/// data-subject reports, not programme statistics or reports (least privilege); the
/// navigation does not offer them either.
#[tokio::test]
async fn f12_the_dpo_gets_no_statistics_or_reports() {
    let app = app().await;
    let (dpo, _) = agent_for(&app, Role::Dpo, "dsb").await;
    for path in ["/statistik", "/statistik/kreuztabelle", "/berichte"] {
        assert_eq!(dpo.get(path).await.status, 403, "{path}");
    }
    let home = dpo.get("/").await;
    assert!(!home.contains("href=\"/statistik\"") && !home.contains("href=\"/berichte\""));
    assert_eq!(
        dpo.get("/auskunft").await.status,
        200,
        "data-subject requests stay"
    );
}

/// One wrong login attempt of `agent`; its status (429 when rate-limited).
async fn wrong_login(agent: &Agent) -> u16 {
    agent
        .submit("/login", &[("username", "niemand"), ("password", "falsch")])
        .await
        .status
        .as_u16()
}

/// Finding 11 (low): behind a trusted reverse proxy the rate limit keys on the forwarded
/// client address, so one attacker does not lock everybody out; a client that sends the
/// header itself (not through a trusted proxy) cannot choose its bucket.
#[tokio::test]
async fn f11_rate_limits_key_on_the_client_behind_a_trusted_proxy() {
    let mut settings = TestApp::settings();
    settings.security.rate_limit_per_minute = 3;
    settings.security.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    let app = TestApp::with_settings(&crate::all_features(), settings).await;
    let attacker = app.agent().from_address("127.0.0.1", Some("203.0.113.7"));
    for _ in 0..3 {
        assert_ne!(wrong_login(&attacker).await, 429);
    }
    assert_eq!(
        wrong_login(&attacker).await,
        429,
        "the attacker's bucket is full"
    );
    let colleague = app.agent().from_address("127.0.0.1", Some("198.51.100.9"));
    assert_ne!(
        wrong_login(&colleague).await,
        429,
        "another client behind the proxy"
    );
    // Not through the proxy: the forged header is ignored, the peer's own bucket counts.
    let forger = app.agent().from_address("192.0.2.50", Some("198.51.100.9"));
    for _ in 0..3 {
        assert_ne!(wrong_login(&forger).await, 429);
    }
    assert_eq!(wrong_login(&forger).await, 429);
    assert_ne!(
        wrong_login(&colleague).await,
        429,
        "the forger did not use up the colleague's bucket"
    );

    // Without trusted proxies (the default) everybody behind the proxy shares one bucket.
    let mut settings = TestApp::settings();
    settings.security.rate_limit_per_minute = 3;
    let app = TestApp::with_settings(&crate::all_features(), settings).await;
    let first = app.agent().from_address("127.0.0.1", Some("203.0.113.7"));
    for _ in 0..3 {
        wrong_login(&first).await;
    }
    let second = app.agent().from_address("127.0.0.1", Some("198.51.100.9"));
    assert_eq!(
        wrong_login(&second).await,
        429,
        "one shared bucket by default"
    );
}

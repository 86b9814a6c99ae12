//! Monthly counts, category 1A (R-COM-4, R-NOT-2): entry by IHK staff for their district only,
//! validation, closing and reopening, reminders, exports.

use chrono::{TimeZone, Utc};
use hih_companies::entities::{monthly_count, monthly_count_line};
use hih_db::entities::{access_log, audit_log};
use hih_kernel::{Actor, Role};
use hih_testkit::{Agent, Page, TestApp};
use hih_users::testing::{agent_for, login};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::app;

async fn district(app: &TestApp, name: &str) -> i64 {
    hih_users::testing::institution_id(app, name).await
}

/// Review, then save the figures of a month; returns the page after saving.
async fn enter(agent: &Agent, district: i64, period: &str, fields: &[(&str, &str)]) -> Page {
    let form = format!("/monatszahlen/{district}/{period}/bearbeiten");
    agent.get(&form).await;
    let mut review = fields.to_vec();
    review.push(("action", "review"));
    let p = agent.post(&form, &review).await;
    if p.location() != Some(format!("{form}/pruefen").as_str()) {
        return agent.follow(p).await;
    }
    let r = agent.get(&format!("{form}/pruefen")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let mut save = fields.to_vec();
    save.push(("action", "save"));
    agent.post(&form, &save).await
}

async fn counts(app: &TestApp) -> Vec<monthly_count::Model> {
    monthly_count::Entity::find().all(app.db()).await.unwrap()
}

async fn with_start(start: &str) -> TestApp {
    let mut settings = TestApp::settings();
    settings.monthly_counts_start = Some(start.into());
    TestApp::on_base_with(hih_app::features(), &["companies"], settings).await
}

#[tokio::test]
async fn ihk_staff_enter_their_district_and_get_404_for_another() {
    let app = app().await;
    let erfurt = district(&app, "IHK Erfurt").await;
    let ddorf = district(&app, "IHK Düsseldorf").await;
    let (staff, user) = agent_for(&app, Role::IhkStaff, "mc-erfurt").await;
    let saved = enter(
        &staff,
        erfurt,
        "2026-10",
        &[
            ("addressed_telefon", "12"),
            ("kmu_telefon", "7"),
            ("addressed_veranstaltung", "5"),
            ("kmu_veranstaltung", "5"),
            ("addressed_mailing", ""),
        ],
    )
    .await;
    assert_eq!(
        saved.location(),
        Some(format!("/monatszahlen/{erfurt}/2026-10").as_str())
    );
    let stored = counts(&app).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(
        (stored[0].district_id, stored[0].year, stored[0].month),
        (erfurt, 2026, 10)
    );
    let lines = monthly_count_line::Entity::find()
        .filter(monthly_count_line::Column::MonthlyCountId.eq(stored[0].id))
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(lines.len(), 5, "one line per active outreach format");
    let tel = lines.iter().find(|l| l.outreach == "telefon").unwrap();
    assert_eq!((tel.addressed, tel.addressed_kmu), (12, 7));
    let mail = lines.iter().find(|l| l.outreach == "mailing").unwrap();
    assert_eq!((mail.addressed, mail.addressed_kmu), (0, 0), "empty is 0");
    let detail = staff.get(&format!("/monatszahlen/{erfurt}/2026-10")).await;
    assert_eq!(detail.status, 200);
    assert!(detail.contains("Oktober 2026") && detail.contains("Telefonakquise"));
    assert_eq!(
        detail.element_text("month-status").as_deref(),
        Some("offen")
    );
    assert!(detail.contains("<td>17</td><td>12</td>"), "totals");
    // Audited: the month and its lines.
    for entity in ["monthly_count", "monthly_count_line"] {
        let n = audit_log::Entity::find()
            .filter(audit_log::Column::Entity.eq(entity))
            .filter(audit_log::Column::Action.eq("create"))
            .filter(audit_log::Column::Actor.eq(format!("user:{}", user.id)))
            .all(app.db())
            .await
            .unwrap()
            .len();
        assert_eq!(n, if entity == "monthly_count" { 1 } else { 5 });
    }

    // Another district: 404 for reading and writing, logged as denied.
    let other = format!("/monatszahlen/{ddorf}/2026-10");
    assert_eq!(staff.get(&other).await.status, 404);
    assert_eq!(staff.get(&format!("{other}/bearbeiten")).await.status, 404);
    let p = staff
        .post(
            &format!("{other}/bearbeiten"),
            &[("addressed_telefon", "1"), ("action", "save")],
        )
        .await;
    assert_eq!(p.status, 404);
    assert_eq!(counts(&app).await.len(), 1, "nothing saved for Düsseldorf");
    let denied = access_log::Entity::find()
        .filter(access_log::Column::Action.eq("denied"))
        .filter(access_log::Column::Entity.eq("monthly_count"))
        .filter(access_log::Column::Actor.eq(format!("user:{}", user.id)))
        .all(app.db())
        .await
        .unwrap();
    assert!(
        denied
            .iter()
            .any(|e| e.entity_id.as_deref() == Some(format!("{ddorf}/2026-10").as_str()))
    );
    let list = staff.get("/monatszahlen").await;
    assert!(list.contains("IHK Erfurt") && !list.contains("IHK Düsseldorf"));
    // Roles without 1A access.
    for role in [Role::AhkStaff, Role::Dpo, Role::SuperAdmin] {
        let (a, _) = agent_for(&app, role, &format!("mc-{}", role.code().replace('_', "-"))).await;
        assert_eq!(a.get("/monatszahlen").await.status, 403);
        assert_eq!(
            a.get(&format!("/monatszahlen/{erfurt}/2026-10"))
                .await
                .status,
            403
        );
    }
}

#[tokio::test]
async fn wrong_figures_are_refused_next_to_the_field_and_nothing_is_saved() {
    let app = app().await;
    let erfurt = district(&app, "IHK Erfurt").await;
    let (staff, _) = agent_for(&app, Role::IhkStaff, "mc-erfurt2").await;
    let page = enter(
        &staff,
        erfurt,
        "2026-10",
        &[
            ("addressed_telefon", "3"),
            ("kmu_telefon", "4"),
            ("addressed_online", "-1"),
            ("kmu_mailing", "zwei"),
        ],
    )
    .await;
    assert_eq!(page.status, 422, "{}", page.body);
    assert!(page.contains("Es können nicht mehr KMU angesprochen worden sein"));
    assert!(
        page.contains("id=\"kmu_telefon-error-1\""),
        "message at the field"
    );
    assert!(page.contains("Die Zahl darf nicht negativ sein."));
    assert!(page.contains("Bitte geben Sie eine ganze Zahl ab 0 ein."));
    assert!(page.contains("value=\"zwei\""), "input kept");
    // Saving directly (skipping the review) is checked the same way.
    let form = format!("/monatszahlen/{erfurt}/2026-10/bearbeiten");
    let p = staff
        .post(
            &form,
            &[
                ("addressed_telefon", "3"),
                ("kmu_telefon", "4"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(p.location(), Some(form.as_str()));
    assert!(counts(&app).await.is_empty(), "nothing half-saved");
    assert_eq!(app.count("monthly_count_line").await.unwrap(), 0);
}

#[tokio::test]
async fn future_months_are_refused() {
    let app = app().await;
    let erfurt = district(&app, "IHK Erfurt").await;
    let (staff, _) = agent_for(&app, Role::IhkStaff, "mc-erfurt3").await;
    let p = staff
        .submit("/monatszahlen/neu", &[("year", "2026"), ("month", "12")])
        .await;
    assert_eq!(p.location(), Some("/monatszahlen/neu"));
    let page = staff.follow(p).await;
    assert_eq!(page.status, 422);
    assert!(page.contains("Der Monat darf nicht in der Zukunft liegen."));
    // The current month may be entered.
    let p = staff
        .post("/monatszahlen/neu", &[("year", "2026"), ("month", "11")])
        .await;
    assert_eq!(
        p.location(),
        Some(format!("/monatszahlen/{erfurt}/2026-11/bearbeiten").as_str())
    );
    // A future month's form does not exist; nothing can be saved there.
    let future = format!("/monatszahlen/{erfurt}/2026-12/bearbeiten");
    assert_eq!(staff.get(&future).await.status, 404);
    let p = staff
        .post(&future, &[("addressed_telefon", "1"), ("action", "save")])
        .await;
    assert_eq!(p.status, 404);
    assert!(counts(&app).await.is_empty());
}

#[tokio::test]
async fn closed_months_are_read_only_for_ihk_staff_and_admins_can_reopen() {
    let app = app().await;
    let erfurt = district(&app, "IHK Erfurt").await;
    let (staff, _) = agent_for(&app, Role::IhkStaff, "mc-erfurt4").await;
    let (admin, admin_user) = agent_for(&app, Role::Admin, "mc-admin4").await;
    let base = format!("/monatszahlen/{erfurt}/2026-10");
    enter(
        &staff,
        erfurt,
        "2026-10",
        &[("addressed_telefon", "10"), ("kmu_telefon", "4")],
    )
    .await;
    // Only admins close.
    assert_eq!(
        staff
            .get(&format!("{base}/aktion/abschliessen"))
            .await
            .status,
        403
    );
    let confirm = admin.get(&format!("{base}/aktion/abschliessen")).await;
    assert!(confirm.contains("Ja, abschließen"));
    let p = admin
        .post(&format!("{base}/aktion/abschliessen"), &[])
        .await;
    assert_eq!(p.location(), Some(base.as_str()));
    let m = &counts(&app).await[0];
    assert!(m.closed_at.is_some());
    assert_eq!(m.closed_by, Some(admin_user.id));
    assert_eq!(
        admin
            .get(&base)
            .await
            .element_text("month-status")
            .as_deref(),
        Some("abgeschlossen")
    );
    // IHK staff: read-only.
    let p = staff
        .post(
            &format!("{base}/bearbeiten"),
            &[
                ("addressed_telefon", "99"),
                ("kmu_telefon", "4"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(p.status, 409);
    // Every route of the entry flow refuses a closed month with the reason.
    let refused = staff.get(&format!("{base}/bearbeiten")).await;
    assert_eq!(refused.status, 409);
    assert!(refused.contains("abgeschlossen"));
    assert!(
        staff
            .get(&base)
            .await
            .contains("Dieser Monat ist abgeschlossen.")
    );
    let tel = || async {
        monthly_count_line::Entity::find()
            .filter(monthly_count_line::Column::Outreach.eq("telefon"))
            .one(app.db())
            .await
            .unwrap()
            .unwrap()
            .addressed
    };
    assert_eq!(tel().await, 10, "unchanged");
    // Admins may still correct a closed month; it stays closed.
    enter(
        &admin,
        erfurt,
        "2026-10",
        &[("addressed_telefon", "11"), ("kmu_telefon", "4")],
    )
    .await;
    assert_eq!(tel().await, 11);
    assert!(counts(&app).await[0].closed_at.is_some());
    // Reopen: IHK staff can change it again.
    admin
        .submit(&format!("{base}/aktion/wieder-oeffnen"), &[])
        .await;
    assert!(counts(&app).await[0].closed_at.is_none());
    let p = enter(
        &staff,
        erfurt,
        "2026-10",
        &[("addressed_telefon", "12"), ("kmu_telefon", "4")],
    )
    .await;
    assert_eq!(p.location(), Some(base.as_str()));
    assert_eq!(tel().await, 12);
    // Reopening an open month does not exist.
    assert_eq!(
        admin
            .get(&format!("{base}/aktion/wieder-oeffnen"))
            .await
            .status,
        404
    );
    let closes = app.audit_entries("monthly_count", "update").await;
    assert!(
        closes
            .iter()
            .filter(|e| e.changes.contains("closed_at"))
            .count()
            >= 2
    );
}

#[tokio::test]
async fn the_reminder_appears_for_missing_months_and_disappears_once_entered() {
    let app = app().await;
    let erfurt = district(&app, "IHK Erfurt").await;
    let (staff, user) = agent_for(&app, Role::IhkStaff, "mc-erfurt5").await;
    assert!(
        !staff.get("/").await.contains("Monatszahlen für"),
        "fresh install: nothing due yet"
    );
    // The first company of the district (2 November) makes months due from November on.
    let form = hih_companies::service::CompanyForm::from_pairs(
        &[
            ("name", "Erste GmbH"),
            ("street", "Weg"),
            ("house_number", "1"),
            ("plz", "99084"),
            ("ort", "Erfurt"),
            ("industry", "C"),
            ("status", "interessiert"),
            ("outreach_format", "telefon"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let valid = hih_companies::service::validate(app.services(), &form, Some(erfurt), None)
        .await
        .map_err(|e| e.0)
        .unwrap();
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    hih_companies::service::create(&mut uow, valid)
        .await
        .unwrap();
    uow.commit().await.unwrap();
    assert!(
        !staff.get("/").await.contains("Monatszahlen für"),
        "November is still running"
    );

    app.clock
        .set(Utc.with_ymd_and_hms(2027, 1, 5, 9, 0, 0).single().unwrap());
    login(&app, &staff, &user).await;
    let home = staff.get("/").await;
    assert!(
        home.contains("Monatszahlen für 2 Monate fehlen, zuerst für November 2026."),
        "{}",
        home.body
    );
    let nov = format!("/monatszahlen/{erfurt}/2026-11/bearbeiten");
    assert!(
        home.contains(&format!("href=\"{}\"", nov.replace('/', "&#x2f;"))),
        "links to the oldest"
    );
    let list = staff.get("/monatszahlen?status=fehlt").await;
    assert!(list.contains("2 Einträge"));
    enter(
        &staff,
        erfurt,
        "2026-11",
        &[("addressed_telefon", "3"), ("kmu_telefon", "1")],
    )
    .await;
    assert!(
        staff
            .get("/")
            .await
            .contains("Monatszahlen für Dezember 2026 fehlen.")
    );
    enter(&staff, erfurt, "2026-12", &[("addressed_telefon", "0")]).await;
    assert!(
        !staff.get("/").await.contains("Monatszahlen für"),
        "all entered"
    );

    let (admin, _) = agent_for(&app, Role::Admin, "mc-admin5").await;
    let home = admin.get("/").await;
    assert!(
        home.contains("2 Monate mit Monatszahlen sind erfasst, aber noch nicht abgeschlossen.")
    );
    assert!(
        !home.contains("Monatszahlen für"),
        "admins get the count, not the reminder"
    );
}

#[tokio::test]
async fn the_start_setting_makes_months_due_and_exports_match_the_list() {
    let app = with_start("2026-07").await;
    let erfurt = district(&app, "IHK Erfurt").await;
    let (staff, _) = agent_for(&app, Role::IhkStaff, "mc-erfurt6").await;
    assert!(
        staff
            .get("/")
            .await
            .contains("Monatszahlen für 4 Monate fehlen, zuerst für Juli 2026.")
    );
    enter(
        &staff,
        erfurt,
        "2026-10",
        &[("addressed_telefon", "8"), ("kmu_telefon", "8")],
    )
    .await;
    let (admin, _) = agent_for(&app, Role::Admin, "mc-admin6").await;
    // Five IHKs × July–October.
    let all = admin.get("/monatszahlen?per=0").await;
    assert!(all.contains("20 Einträge"), "{}", all.body);
    let missing = admin.get("/monatszahlen?status=fehlt").await;
    assert!(missing.contains("19 Einträge"));
    let csv = admin.get("/monatszahlen/export/export.csv").await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.body.lines().count(), 1 + 20);
    assert!(
        csv.body
            .lines()
            .next()
            .unwrap()
            .contains("Telefonakquise: Angesprochen")
    );
    let csv = admin
        .get(&format!(
            "/monatszahlen/export/export.csv?status=offen&district={erfurt}"
        ))
        .await;
    assert_eq!(csv.body.lines().count(), 1 + 1);
    assert!(
        csv.body.contains("IHK Erfurt,2026,10,offen,8,8"),
        "{}",
        csv.body
    );
    let xlsx = admin
        .get("/monatszahlen/export/export.xlsx?status=fehlt")
        .await;
    let sheet = xlsx.xlsx_sheet();
    assert_eq!(sheet.matches("<row ").count(), 1 + 19);
    let exports = app.access_entries("monthly_count", "export").await;
    let mut rows: Vec<Option<i64>> = exports.iter().map(|e| e.result_count).collect();
    rows.sort();
    assert_eq!(rows, vec![Some(1), Some(19), Some(20)]);
    // IHK staff see and export only their own district.
    let own = staff.get("/monatszahlen/export/export.csv").await;
    assert_eq!(own.body.lines().count(), 1 + 4);
    assert!(!own.body.contains("Düsseldorf"));
}

//! Tests of the protocol feature's `programme_end` part (R-GEN-3, R-RET-1, R-RET-3): warnings
//! 30 and 7 days before the end date exactly once, the start-page tiles, and on the date the
//! deletion of everything — in batches, folded into the statistics first, audited with counts,
//! idempotent — with the dry run's counts equal to what the job deletes.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use hih_applicants::entities::{
    applicant, applicant_access, applicant_status_change, invitation, pending_registration,
};
use hih_companies::entities::{company, company_status_change, monthly_count, monthly_count_line};
use hih_contact_history::entities::contact_entry;
use hih_counselling::programme_end::Part;
use hih_db::UnitOfWork;
use hih_db::entities::{audit_log, mail_outbox};
use hih_i18n::Locale;
use hih_kernel::{Actor, AppError, Role, Settings};
use hih_matching::entities::placement;
use hih_notify::Notice;
use hih_protocol::programme_end::{
    self, ACTION_DELETED, AUDIT_ENTITY, JOB, JobRun, Kind, Warning, delete,
};
use hih_reports::entities::{download_link, generated_file};
use hih_reports::scope::StatScope;
use hih_reports::statistics;
use hih_testkit::TestApp;
use hih_users::testing::{TestUser, agent_for, create_user};
use sea_orm::{
    ActiveValue::NotSet, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::features;

/// The test clock's first day (`TestApp` starts at 2026-11-02 09:00 UTC).
fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

/// The app with the programme ending `days` days after the clock's start.
async fn ending_in(days: i64) -> TestApp {
    let settings = Settings {
        programme_end_date: Some(start() + Duration::days(days)),
        ..TestApp::settings()
    };
    TestApp::with_settings(&features(), settings).await
}

async fn job(app: &TestApp) {
    app.run_job(JOB, serde_json::Value::Null).await.unwrap();
}

async fn events(app: &TestApp, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq(AUDIT_ENTITY))
        .filter(audit_log::Column::Action.eq(action))
        .order_by_asc(audit_log::Column::Seq)
        .all(app.db())
        .await
        .unwrap()
}

async fn warnings_of(app: &TestApp, user: &TestUser) -> Vec<hih_notify::Notification> {
    hih_notify::entity::Entity::find()
        .filter(hih_notify::entity::Column::UserId.eq(user.id))
        .filter(hih_notify::entity::Column::Kind.eq(programme_end::warn::NOTICE_KIND))
        .all(app.db())
        .await
        .unwrap()
}

async fn mails_to(app: &TestApp, address: &str) -> Vec<mail_outbox::Model> {
    mail_outbox::Entity::find()
        .filter(mail_outbox::Column::ToAddr.eq(address))
        .filter(mail_outbox::Column::Subject.contains("Programmende"))
        .order_by_asc(mail_outbox::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

async fn email_of(app: &TestApp, user: &TestUser) -> String {
    app.record::<hih_users::entities::user_account::Entity>(user.id)
        .await
        .email
}

#[tokio::test]
async fn warnings_go_to_admins_and_the_dpo_30_and_7_days_before_exactly_once() {
    let app = ending_in(31).await;
    let admin = create_user(app.services(), Role::Admin, "pe-admin").await;
    let dpo = create_user(app.services(), Role::Dpo, "pe-dpo").await;
    let staff = create_user(app.services(), Role::IhkStaff, "pe-ihk").await;
    let admin_mail = email_of(&app, &admin).await;

    // 31 days before: nothing.
    job(&app).await;
    let end = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    assert!(!programme_end::announced(app.db(), end).await.unwrap());
    assert!(events(&app, "warning-30").await.is_empty());
    assert!(warnings_of(&app, &admin).await.is_empty());
    assert!(mails_to(&app, &admin_mail).await.is_empty());

    // 30 days before: one warning, however often the job runs.
    app.clock.advance(Duration::days(1));
    job(&app).await;
    job(&app).await;
    let run = programme_end::run_once(app.services(), &Actor::system(JOB))
        .await
        .unwrap();
    assert_eq!(
        run,
        JobRun::Warning(Warning::ThirtyDays, false),
        "already sent"
    );
    let thirty = events(&app, "warning-30").await;
    assert_eq!(thirty.len(), 1);
    assert!(
        programme_end::announced(app.db(), end).await.unwrap(),
        "the command line may delete on the date"
    );
    assert!(
        !programme_end::announced(app.db(), end.pred_opt().unwrap())
            .await
            .unwrap(),
        "another date was never announced"
    );
    assert_eq!(thirty[0].entity_id, "2026-12-03");
    assert_eq!(thirty[0].actor, format!("system:{JOB}"));
    assert!(thirty[0].changes.contains("\"days_left\":30"));
    for user in [&admin, &dpo] {
        let notes = warnings_of(&app, user).await;
        assert_eq!(notes.len(), 1, "{} warned once", user.username);
        let text = hih_notify::render(&app.services().texts, Locale::De, &notes[0]);
        assert!(
            text.contains("Das Programm endet am 03.12.2026 (in 30 Tagen)"),
            "{text}"
        );
    }
    assert!(warnings_of(&app, &staff).await.is_empty(), "IHK staff not");
    let mails = mails_to(&app, &admin_mail).await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].subject.contains("03.12.2026"));
    assert!(mails[0].body.contains("in 30 Tagen"), "{}", mails[0].body);
    let dpo_mail = email_of(&app, &dpo).await;
    assert_eq!(mails_to(&app, &dpo_mail).await.len(), 1);

    // The days in between send nothing more.
    app.clock.advance(Duration::days(1));
    job(&app).await;
    assert_eq!(warnings_of(&app, &admin).await.len(), 1);

    // 7 days before: the second warning, once.
    app.clock.advance(Duration::days(22));
    job(&app).await;
    job(&app).await;
    let seven = events(&app, "warning-7").await;
    assert_eq!(seven.len(), 1);
    assert!(seven[0].changes.contains("\"days_left\":7"));
    assert_eq!(events(&app, "warning-30").await.len(), 1);
    for user in [&admin, &dpo] {
        let notes = warnings_of(&app, user).await;
        assert_eq!(notes.len(), 2, "{} warned twice in all", user.username);
    }
    let mails = mails_to(&app, &admin_mail).await;
    assert_eq!(mails.len(), 2);
    assert!(mails[1].body.contains("in 7 Tagen"), "{}", mails[1].body);
    assert_eq!(mails_to(&app, &dpo_mail).await.len(), 2);

    // The last days before the date: nothing more, and nothing deleted yet.
    app.clock.advance(Duration::days(6));
    job(&app).await;
    assert_eq!(warnings_of(&app, &admin).await.len(), 2);
    assert!(events(&app, ACTION_DELETED).await.is_empty());
}

#[tokio::test]
async fn two_instances_at_once_send_one_warning_and_delete_once() {
    let app = ending_in(7).await;
    let admin = create_user(app.services(), Role::Admin, "pe-c-admin").await;
    let (a, b) = tokio::join!(
        app.run_job(JOB, serde_json::Value::Null),
        app.run_job(JOB, serde_json::Value::Null)
    );
    a.unwrap();
    b.unwrap();
    assert_eq!(events(&app, "warning-7").await.len(), 1);
    assert_eq!(warnings_of(&app, &admin).await.len(), 1);
    app.clock.advance(Duration::days(7));
    let (a, b) = tokio::join!(
        app.run_job(JOB, serde_json::Value::Null),
        app.run_job(JOB, serde_json::Value::Null)
    );
    a.unwrap();
    b.unwrap();
    assert_eq!(events(&app, ACTION_DELETED).await.len(), 1);
}

#[tokio::test]
async fn a_late_start_sends_only_the_warning_still_due_and_no_date_sends_nothing() {
    let app = ending_in(5).await;
    let admin = create_user(app.services(), Role::Admin, "pe-late").await;
    job(&app).await;
    assert!(events(&app, "warning-30").await.is_empty());
    assert_eq!(events(&app, "warning-7").await.len(), 1);
    assert_eq!(warnings_of(&app, &admin).await.len(), 1);

    let unset = crate::app().await;
    let admin = create_user(unset.services(), Role::Admin, "pe-unset").await;
    for _ in 0..3 {
        job(&unset).await;
        unset.clock.advance(Duration::days(200));
    }
    assert!(warnings_of(&unset, &admin).await.is_empty());
    assert_eq!(
        audit_log::Entity::find()
            .filter(audit_log::Column::Entity.eq(AUDIT_ENTITY))
            .count(unset.db())
            .await
            .unwrap(),
        0
    );
    let refused = programme_end::run_deletion(unset.services(), &Actor::system("test")).await;
    assert!(
        matches!(refused, Err(AppError::Refused(ref k)) if k == "protocol-programme-end-no-date")
    );
}

#[tokio::test]
async fn tiles_warn_admins_and_the_dpo_from_30_days_and_tell_everyone_when_it_has_ended() {
    let app = ending_in(31).await;
    let (admin, _) = agent_for(&app, Role::Admin, "pe-t-admin").await;
    let warning = "Das Programm endet am 03.12.2026";
    assert!(!admin.get("/").await.contains(warning), "not at 31 days");
    app.clock.advance(Duration::days(1));
    for role in [Role::Admin, Role::Dpo] {
        let (agent, _) = agent_for(&app, role, &format!("pe-t1-{}", role.code())).await;
        let page = agent.get("/").await;
        assert!(
            page.contains("Das Programm endet am 03.12.2026 (in 30 Tagen)"),
            "{role:?}: {}",
            page.body
        );
    }
    for role in [Role::IhkStaff, Role::AhkStaff, Role::SuperAdmin] {
        let (agent, _) = agent_for(&app, role, &format!("pe-t2-{}", role.code())).await;
        assert!(!agent.get("/").await.contains(warning), "{role:?}");
    }
    // On the date, before the job ran: "today".
    app.clock.advance(Duration::days(30));
    let (admin, _) = agent_for(&app, Role::Admin, "pe-t-admin2").await;
    assert!(
        admin
            .get("/")
            .await
            .contains("Das Programm endet heute (03.12.2026)")
    );
    job(&app).await;
    let ended = "Das Programm ist am 03.12.2026 beendet worden; die Daten wurden gelöscht.";
    for role in Role::ALL {
        let (agent, _) = agent_for(&app, role, &format!("pe-t3-{}", role.code())).await;
        let page = agent.get("/").await;
        assert!(page.contains(ended), "{role:?}: {}", page.body);
        assert!(!page.contains(warning), "{role:?}: no warning any more");
    }
    // Still shown when the setting is removed afterwards: the audit event is the record.
    let unset = hih_kernel::Services {
        settings: std::sync::Arc::new(Settings {
            programme_end_date: None,
            ..(*app.services().settings).clone()
        }),
        ..app.services().clone()
    };
    let reader = Actor::user(hih_kernel::UserActor {
        id: 1,
        username: "x".into(),
        display_name: "X".into(),
        role: Role::IhkStaff,
        institution_id: None,
        district_id: None,
        country: None,
    });
    let provider = programme_end::tiles::ProgrammeEndTiles;
    let tiles = hih_kernel::TileProvider::tiles(&provider, &unset, &reader)
        .await
        .unwrap();
    assert_eq!(tiles.len(), 1);
    assert_eq!(tiles[0].text_key, "protocol-programme-end-tile-ended");
    let job_tiles = hih_kernel::TileProvider::tiles(&provider, &unset, &Actor::system("x"))
        .await
        .unwrap();
    assert!(job_tiles.is_empty(), "no tiles for jobs");
}

// ---- the deletion ------------------------------------------------------------------------------

fn at(day: &str) -> chrono::DateTime<Utc> {
    let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    Utc.from_utc_datetime(&d.and_hms_opt(10, 0, 0).unwrap())
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

async fn district(app: &TestApp, name: &str) -> i64 {
    hih_users::testing::institution_id(app, name).await
}

fn company_row(n: usize, district: i64, industry: &str, employees: i32) -> company::ActiveModel {
    let created = if n.is_multiple_of(2) {
        "2026-03-05"
    } else {
        "2026-05-20"
    };
    let m = company::Model {
        id: 0,
        name: format!("Firma {n}"),
        legal_form: "GmbH".into(),
        street: "Hauptstraße".into(),
        house_number: n.to_string(),
        plz: "99084".into(),
        ort: "Erfurt".into(),
        kreis: Some("Erfurt".into()),
        district_id: Some(district),
        industry: industry.into(),
        employees: Some(employees),
        website: String::new(),
        phone: String::new(),
        email: format!("firma{n}@example.org"),
        contact_salutation: "frau".into(),
        contact_first_name: "Eva".into(),
        contact_last_name: format!("Kontakt {n}"),
        contact_function: String::new(),
        contact_phone: String::new(),
        contact_email: String::new(),
        status: if n.is_multiple_of(3) {
            "teilnehmend"
        } else {
            "interessiert"
        }
        .into(),
        status_since: day(created),
        target_occupations: String::new(),
        open_positions: None,
        outreach_format: if n.is_multiple_of(2) {
            "telefon"
        } else {
            "mailing"
        }
        .into(),
        consent_storage_date: None,
        consent_storage_version: String::new(),
        consent_partners: String::new(),
        remarks: String::new(),
        active: !n.is_multiple_of(7),
        deactivated_at: n.is_multiple_of(7).then(|| at("2026-10-01")),
        created_at: at(created),
        updated_at: at(created),
        search_text: format!("firma {n}"),
        sort_name: format!("firma {n}"),
        address_key: format!("99084|erfurt|hauptstrasse|{n}"),
    };
    let mut am = m.into_active_model();
    am.id = NotSet;
    am
}

/// Companies in two districts (more than one batch), applicants from the demo generator (more
/// than one batch), contact entries, matches with district access, status histories, an
/// invitation with its pending registration and a used one, monthly counts, a report and a
/// partner export with a download link, and notifications about records and about other things.
async fn fixture(app: &TestApp, admin: &TestUser) {
    let erfurt = district(app, "IHK Erfurt").await;
    let luebeck = district(app, "IHK zu Lübeck").await;
    let s = app.services();
    let uow = UnitOfWork::begin(s, &Actor::system("test")).await.unwrap();
    let rows: Vec<company::ActiveModel> = (0..620usize)
        .map(|n| {
            let (d, industry) = if n.is_multiple_of(4) {
                (luebeck, "G")
            } else {
                (erfurt, "C")
            };
            company_row(n, d, industry, (n as i32 % 9) * 40 + 3)
        })
        .collect();
    for chunk in rows.chunks(100) {
        company::Entity::insert_many(chunk.to_vec())
            .exec(uow.txn())
            .await
            .unwrap();
    }
    uow.commit().await.unwrap();
    hih_applicants::demo::generate(s, 640, 11, |_, _| {})
        .await
        .unwrap();
    hih_contact_history::demo::generate(s, 90, 12, |_, _| {})
        .await
        .unwrap();
    let companies: Vec<company::Model> = company::Entity::find()
        .order_by_asc(company::Column::Id)
        .all(app.db())
        .await
        .unwrap();
    let applicants: Vec<applicant::Model> = applicant::Entity::find()
        .order_by_asc(applicant::Column::Id)
        .all(app.db())
        .await
        .unwrap();
    let mut uow = UnitOfWork::begin(s, &Actor::system("test")).await.unwrap();
    for i in 0..12 {
        let c = &companies[i * 3];
        let a = &applicants[i * 5];
        let p = uow
            .insert(placement::ActiveModel {
                id: NotSet,
                company_id: Set(c.id),
                applicant_id: Set(a.id),
                placed_on: Set(day(if i % 2 == 0 {
                    "2026-06-01"
                } else {
                    "2026-08-15"
                })),
                position: Set("koch".into()),
                status: Set(["vermittelt", "vertrag", "arbeitsaufnahme"][i % 3].into()),
                remarks: Set(String::new()),
                created_by: Set(None),
                created_at: Set(at("2026-06-01")),
                updated_at: Set(at("2026-06-01")),
                search_text: Set(String::new()),
            })
            .await
            .unwrap();
        uow.insert(applicant_access::ActiveModel {
            applicant_id: Set(a.id),
            district_id: Set(c.district_id.unwrap()),
            reason: Set(format!("match:{}", p.id)),
            active: Set(true),
        })
        .await
        .unwrap();
        uow.insert(company_status_change::ActiveModel {
            id: NotSet,
            company_id: Set(c.id),
            status: Set("teilnehmend".into()),
            changed_on: Set(day("2026-06-01")),
        })
        .await
        .unwrap();
        uow.insert(applicant_status_change::ActiveModel {
            id: NotSet,
            applicant_id: Set(a.id),
            status: Set("bewerber".into()),
            dropout_reason: Set(String::new()),
            changed_on: Set(day("2026-06-01")),
        })
        .await
        .unwrap();
    }
    // A contact entry about both a company and an applicant.
    uow.insert(contact_entry::ActiveModel {
        id: NotSet,
        company_id: Set(Some(companies[1].id)),
        applicant_id: Set(Some(applicants[1].id)),
        author_id: Set(Some(admin.id)),
        author_name: Set("Admin".into()),
        contact_date: Set(day("2026-07-01")),
        contact_type: Set("telefon".into()),
        topic: Set("vermittlung".into()),
        remarks: Set("Gespräch".into()),
        created_at: Set(at("2026-07-01")),
        updated_at: Set(at("2026-07-01")),
        search_text: Set("gesprach".into()),
    })
    .await
    .unwrap();
    for (i, used) in [false, true].into_iter().enumerate() {
        let inv = uow
            .insert(invitation::ActiveModel {
                id: NotSet,
                token_hash: Set(format!("{i:064}")),
                country: Set("VN".into()),
                name: Set(format!("Eingeladen {i}")),
                email: Set(format!("eingeladen{i}@example.org")),
                locale: Set("vi".into()),
                created_by: Set(Some(admin.id)),
                created_at: Set(at("2026-10-20")),
                expires_at: Set(at("2026-11-20")),
                used_at: Set(used.then(|| at("2026-10-25"))),
                outcome: Set(String::new()),
                reject_reason: Set(String::new()),
                applicant_id: Set(None),
            })
            .await
            .unwrap();
        if used {
            uow.insert(pending_registration::ActiveModel {
                id: NotSet,
                invitation_id: Set(inv.id),
                country: Set("VN".into()),
                data: Set("{\"last_name\":\"Nguyen\"}".into()),
                consent_version: Set("1".into()),
                consent_at: Set(at("2026-10-25")),
                locale: Set("vi".into()),
                submitted_at: Set(Some(at("2026-10-25"))),
                updated_at: Set(at("2026-10-25")),
            })
            .await
            .unwrap();
        }
    }
    let m = uow
        .insert(monthly_count::ActiveModel {
            id: NotSet,
            district_id: Set(erfurt),
            year: Set(2026),
            month: Set(3),
            closed_at: Set(None),
            closed_by: Set(None),
            created_at: Set(at("2026-04-01")),
            updated_at: Set(at("2026-04-01")),
        })
        .await
        .unwrap();
    uow.insert(monthly_count_line::ActiveModel {
        id: NotSet,
        monthly_count_id: Set(m.id),
        outreach: Set("telefon".into()),
        addressed: Set(40),
        addressed_kmu: Set(30),
    })
    .await
    .unwrap();
    for (kind, title) in [
        (hih_reports::files::KIND_REPORT, "Monatsbericht 10/2026"),
        (hih_reports::files::KIND_PARTNER, "Partnerexport Visa"),
    ] {
        let f = uow
            .insert(generated_file::ActiveModel {
                id: NotSet,
                kind: Set(kind.into()),
                title: Set(title.into()),
                profile_id: Set(None),
                period_from: Set(None),
                period_to: Set(None),
                status: Set("done".into()),
                error: Set(String::new()),
                requested_by: Set(Some(admin.id)),
                requested_by_name: Set("Admin".into()),
                created_at: Set(at("2026-11-01")),
                finished_at: Set(Some(at("2026-11-01"))),
                file_name: Set("datei.xlsx".into()),
                content_type: Set("application/octet-stream".into()),
                content: Set(Some(b"Inhalt".to_vec())),
                size_bytes: Set(6),
                row_count: Set(1),
                sha256: Set(String::new()),
                content_purged_at: Set(None),
            })
            .await
            .unwrap();
        if kind == hih_reports::files::KIND_PARTNER {
            uow.insert(download_link::ActiveModel {
                id: NotSet,
                file_id: Set(f.id),
                token_hash: Set("a".repeat(64)),
                expires_at: Set(at("2026-12-31")),
                created_by: Set(Some(admin.id)),
                created_by_name: Set("Admin".into()),
                created_at: Set(at("2026-11-01")),
                mailed_to: Set("partner@example.org".into()),
                download_count: Set(0),
                last_download_at: Set(None),
            })
            .await
            .unwrap();
        }
    }
    let to = hih_users::recipients::active_with_role(
        uow.txn(),
        Role::Admin,
        hih_users::recipients::Filter::All,
    )
    .await
    .unwrap();
    for href in [
        format!("/bewerber/{}/vermittlungen", applicants[0].id),
        "/bewerber/registrierungen/1".to_string(),
        "/berichte/1".to_string(),
        "/benutzer".to_string(),
    ] {
        let notice = Notice::new("test.kind", "protocol-nav").href(&href);
        hih_notify::notify(&mut uow, &to, &notice).await.unwrap();
    }
    uow.commit().await.unwrap();
    // Counselling: conversations with a file and an appointment, the staff exchange.
    for (country, pseudonym) in [("VN", "Lan"), ("IN", "Ravi")] {
        let (id, _) = hih_counselling::testing::conversation_in(app, country, pseudonym).await;
        hih_counselling::testing::attachment_in(app, id).await;
        hih_counselling::testing::appointment_in(app, id).await;
    }
    hih_counselling::testing::forum::topic(app, "Visa-Fragen", "Erfahrungen?").await;
    hih_counselling::testing::forum::material(app, "Leitfaden", "Anerkennung").await;
}

/// The tables the deletion empties.
const EMPTIED: [&str; 21] = [
    "company",
    "company_status_change",
    "applicant",
    "applicant_status_change",
    "contact_entry",
    "placement",
    "applicant_access",
    "pending_registration",
    "invitation",
    "generated_file",
    "download_link",
    "counselling_conversation",
    "counselling_message",
    "counselling_attachment",
    "counselling_appointment",
    "counselling_guest",
    "counselling_guest_session",
    "counselling_forum_topic",
    "counselling_forum_post",
    "counselling_forum_material",
    "counselling_forum_file",
];

async fn all_statistics(app: &TestApp) -> Vec<String> {
    let erfurt = district(app, "IHK Erfurt").await;
    let mut out = Vec::new();
    for scope in [
        StatScope::All,
        StatScope::District(erfurt),
        StatScope::Country("VN".into()),
    ] {
        let s = statistics::compute(app.services(), &scope, None, Locale::De)
            .await
            .unwrap();
        out.push(format!("{scope:?} {:?}", s.topics));
    }
    out
}

/// Counselling's anonymous statistics (conversations and messages per country and topic).
async fn counselling_statistics(app: &TestApp) -> String {
    format!(
        "{:?}",
        hih_counselling::service::counts(app.db()).await.unwrap()
    )
}

#[tokio::test]
async fn on_the_date_everything_is_deleted_the_statistics_stay_and_a_second_run_deletes_nothing() {
    let app = ending_in(10).await;
    let admin = create_user(app.services(), Role::Admin, "pe-d-admin").await;
    fixture(&app, &admin).await;
    let residue_before = app.count("stat_applicant_residue").await.unwrap();
    assert_eq!(residue_before, 0);

    // Before the date: the deletion refuses, the job deletes nothing.
    let refused = programme_end::run_deletion(app.services(), &Actor::system("test")).await;
    assert!(
        matches!(refused, Err(AppError::Refused(ref k)) if k == "protocol-programme-end-not-reached")
    );
    job(&app).await;
    assert_eq!(app.count("company").await.unwrap(), 620);

    // The dry run, ten days before: every kind has rows.
    let early = programme_end::plan(app.db()).await.unwrap();
    for kind in Kind::ALL {
        assert!(early.get(kind) > 0, "{kind:?} has rows in the fixture");
    }
    assert_eq!(early.get(Kind::Companies), 620);
    assert_eq!(early.get(Kind::Applicants), 640);
    assert_eq!(early.get(Kind::Matches), 12);
    assert_eq!(early.get(Kind::ReportFiles), 1);
    assert_eq!(early.get(Kind::PartnerExports), 1);
    assert_eq!(
        early.get(Kind::Notifications),
        3,
        "not the one about /benutzer"
    );
    assert_eq!(early.get(Kind::PendingRegistrations), 1);
    assert_eq!(early.get(Kind::Invitations), 2);
    assert_eq!(early.get(Kind::Counselling(Part::Conversations)), 2);
    assert_eq!(early.get(Kind::Counselling(Part::Attachments)), 2);
    assert_eq!(early.get(Kind::Counselling(Part::Appointments)), 2);
    assert_eq!(early.get(Kind::Counselling(Part::Materials)), 1);

    // The end date in Berlin begins at 23:00 UTC the evening before.
    app.clock.set(
        Utc.with_ymd_and_hms(2026, 11, 11, 23, 30, 0)
            .single()
            .unwrap(),
    );
    assert_eq!(programme_end::days_left(app.services()), Some(0));
    let dry_run = programme_end::plan(app.db()).await.unwrap();
    assert_eq!(dry_run, early);
    let stats_before = all_statistics(&app).await;
    let counselling_before = counselling_statistics(&app).await;
    let monthly_before = app.count("monthly_count_line").await.unwrap();

    job(&app).await;

    for table in EMPTIED {
        assert_eq!(app.count(table).await.unwrap(), 0, "{table} emptied");
    }
    assert_eq!(
        programme_end::plan(app.db()).await.unwrap().total(),
        0,
        "nothing left to delete"
    );
    let notes = hih_notify::entity::Entity::find()
        .filter(hih_notify::entity::Column::Kind.eq("test.kind"))
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0].href.as_deref(),
        Some("/benutzer"),
        "unrelated kept"
    );
    assert_eq!(app.count("monthly_count").await.unwrap(), 1, "1A kept");
    assert_eq!(
        app.count("monthly_count_line").await.unwrap(),
        monthly_before
    );
    assert_eq!(
        all_statistics(&app).await,
        stats_before,
        "the statistics are the same after the deletion (R-RET-3)"
    );
    assert_eq!(
        counselling_statistics(&app).await,
        counselling_before,
        "counselling's anonymous counts stay"
    );
    assert!(
        app.count("stat_company_residue").await.unwrap() > 0,
        "folded"
    );
    assert!(
        app.count("stat_applicant_residue").await.unwrap() > 0,
        "folded"
    );
    assert!(
        app.count("stat_placement_residue").await.unwrap() > 0,
        "folded"
    );

    // One audit event with the counts per kind, equal to the dry run's.
    let done = events(&app, ACTION_DELETED).await;
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].entity_id, "2026-11-12");
    assert_eq!(done[0].actor, format!("system:{JOB}"));
    let changes: serde_json::Value = serde_json::from_str(&done[0].changes).unwrap();
    assert_eq!(changes["end_date"], "2026-11-12");
    for kind in Kind::ALL {
        assert_eq!(
            changes["deleted"][kind.code()].as_u64(),
            Some(dry_run.get(kind)),
            "{kind:?}"
        );
    }
    assert!(
        !done[0].changes.contains("Firma") && !done[0].changes.contains("Kontakt"),
        "counts only"
    );
    let deletes = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("delete"))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(deletes, 0, "no per-row entries with personal data");

    // A second run (the next day, or a second instance) deletes and records nothing.
    let again = programme_end::run_deletion(app.services(), &Actor::system(JOB))
        .await
        .unwrap();
    assert_eq!(again.counts.total(), 0);
    assert!(!again.recorded);
    app.clock.advance(Duration::days(1));
    job(&app).await;
    assert_eq!(events(&app, ACTION_DELETED).await.len(), 1);
    assert_eq!(all_statistics(&app).await, stats_before);
}

#[tokio::test]
async fn records_created_after_the_end_go_with_the_next_run_and_are_recorded() {
    let app = ending_in(1).await;
    let admin = create_user(app.services(), Role::Admin, "pe-r-admin").await;
    app.clock.advance(Duration::days(1));
    // The first run on an empty database still records that the programme ended.
    let first = programme_end::run_deletion(app.services(), &Actor::system(JOB))
        .await
        .unwrap();
    assert_eq!(first.counts.total(), 0);
    assert!(first.recorded);
    assert!(
        programme_end::announced(app.db(), first.end).await.unwrap(),
        "the deletion announces its date too"
    );
    assert_eq!(events(&app, ACTION_DELETED).await.len(), 1);
    fixture(&app, &admin).await;
    let plan = delete::plan(app.db()).await.unwrap();
    assert_eq!(plan.get(Kind::Companies), 620);
    job(&app).await;
    let done = events(&app, ACTION_DELETED).await;
    assert_eq!(done.len(), 2);
    assert!(done[1].changes.contains("\"companies\":620"));
    for table in EMPTIED {
        assert_eq!(app.count(table).await.unwrap(), 0, "{table} emptied");
    }
}

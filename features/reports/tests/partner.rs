//! Partner exports (R-EXP-3): the consent rule cell by cell, filters, deactivated records,
//! checksum and row count, an idempotent job, the monthly run, expiring links, the purge,
//! and the validation of the profile form.

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use hih_db::UnitOfWork;
use hih_db::entities::access_log;
use hih_kernel::{Actor, Role};
use hih_reports::entities::{download_link, generated_file, partner_profile};
use hih_reports::files;
use hih_reports::partner::jobs::{MONTHLY_JOB, PURGE_JOB};
use hih_reports::partner::service::{self, EXPORT_JOB, ProfileForm};
use hih_testkit::TestApp;
use hih_users::testing::agent_for;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{app, app_with};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// An applicant; `consent` is a comma-separated list of partner categories.
async fn applicant(
    app: &TestApp,
    country: &str,
    first: &str,
    last: &str,
    consent: &str,
    deactivated: bool,
) -> String {
    use hih_applicants::service;
    let mut p = vec![
        ("last_name", last),
        ("first_names", first),
        ("birth_date", "1995-03-04"),
        ("country", country),
        ("status", "bewerber"),
        ("email", "person@example.org"),
    ];
    for c in consent.split(',').filter(|c| !c.is_empty()) {
        p.push(("consent_partners", c));
    }
    let form = service::ApplicantForm::from_pairs(&pairs(&p));
    let valid = service::validate(app.services(), &form, None)
        .await
        .unwrap();
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let mut a = service::create(&mut uow, valid).await.unwrap();
    if deactivated {
        a = service::deactivate(&mut uow, &a).await.unwrap();
    }
    uow.commit().await.unwrap();
    a.applicant_id.unwrap()
}

/// A company in the district of `ihk`.
async fn company(app: &TestApp, ihk: &str, name: &str, status: &str, consent: &str) -> i64 {
    use hih_companies::service as cs;
    use hih_users::entities::institution;
    let district = institution::Entity::find()
        .filter(institution::Column::Name.eq(ihk))
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id;
    let contact = format!("Person{name}");
    let mut p = vec![
        ("name", name),
        ("street", "Anger"),
        ("house_number", name),
        ("plz", "99084"),
        ("ort", "Erfurt"),
        ("industry", "C"),
        ("status", status),
        ("outreach_format", "telefon"),
        ("contact_first_name", "Kontakt"),
        ("contact_last_name", &contact),
    ];
    for c in consent.split(',').filter(|c| !c.is_empty()) {
        p.push(("consent_partners", c));
    }
    let form = cs::CompanyForm::from_pairs(&pairs(&p));
    let valid = cs::validate(app.services(), &form, Some(district), None)
        .await
        .map_err(|e| e.0)
        .unwrap();
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let c = cs::create(&mut uow, valid).await.unwrap();
    uow.commit().await.unwrap();
    c.id
}

/// A profile saved through the service (as the confirmed form would).
async fn profile(app: &TestApp, form: &[(&str, &str)]) -> partner_profile::Model {
    let f = ProfileForm::from_pairs(&pairs(form));
    let valid = service::validate(app.services(), &f).await.unwrap();
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let p = service::create(&mut uow, valid).await.unwrap();
    uow.commit().await.unwrap();
    p
}

/// Requests a file of `p` and runs the job; returns the finished file.
async fn generate(app: &TestApp, p: &partner_profile::Model) -> generated_file::Model {
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let file = service::request_file(&mut uow, p, None).await.unwrap();
    uow.commit().await.unwrap();
    app.run_job(EXPORT_JOB, serde_json::json!({ "file_id": file.id }))
        .await
        .unwrap();
    files::find(app.services(), file.id).await.unwrap().unwrap()
}

/// All cells of the first sheet as text.
fn sheet(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

const LANGUAGE_PROFILE: &[(&str, &str)] = &[
    ("subject", "applicant"),
    ("name", "Sprachkurse Vietnam"),
    ("partner_category", "sprachkurs"),
    ("fields", "first_names"),
    ("fields", "last_name"),
    ("fields", "email"),
    ("fields", "country"),
    ("fields", "status"),
    ("filter_country", "VN"),
    ("without_consent", "pseudonym"),
    ("format", "xlsx"),
];

#[tokio::test]
async fn a_file_never_names_a_person_without_the_partner_categorys_consent() {
    let app = app().await;
    let yes = applicant(&app, "VN", "Lan", "Nguyễn", "ba,sprachkurs", false).await;
    let no = applicant(&app, "VN", "Minh", "Trần", "", false).await;
    let other = applicant(&app, "VN", "Hoa", "Lê", "ba", false).await;
    let gone = applicant(&app, "VN", "Tuấn", "Phạm", "sprachkurs", true).await;
    let elsewhere = applicant(&app, "IN", "Priya", "Sharma", "sprachkurs", false).await;

    let p = profile(&app, LANGUAGE_PROFILE).await;
    let file = generate(&app, &p).await;
    assert_eq!(file.status, "done");
    let content = file.content.clone().unwrap();
    let cells = sheet(&content);
    assert_eq!(
        cells[0],
        [
            "Bewerberkennung",
            "Vorname(n)",
            "Nachname",
            "E-Mail",
            "Land der Registrierung",
            "Status"
        ]
    );
    let rows = &cells[1..];
    let row = |id: &str| rows.iter().find(|r| r[0] == id).cloned();
    let consenting = row(&yes).expect("consenting applicant");
    assert_eq!(consenting[1], "Lan");
    assert_eq!(consenting[2], "Nguyễn");
    assert_eq!(consenting[3], "person@example.org");
    assert_eq!(consenting[5], "Bewerber/in");
    for id in [&no, &other] {
        let r = row(id).expect("pseudonymised row");
        assert_eq!(r[1..4], ["", "", ""], "{id}: personal fields empty");
        assert!(!r[4].is_empty(), "{id}: the country is not personal");
        assert_eq!(r[5], "Bewerber/in");
    }
    assert!(row(&gone).is_none(), "deactivated records never appear");
    assert!(row(&elsewhere).is_none(), "the country filter is honoured");
    assert_eq!(rows.len(), 3);
    for name in [
        "Minh", "Trần", "Hoa", "Lê", "Tuấn", "Phạm", "Sharma", "Priya",
    ] {
        assert!(
            cells.iter().flatten().all(|c| !c.contains(name)),
            "{name} appears in the file"
        );
    }
    // The record equals the file.
    assert_eq!(file.row_count, 3);
    assert_eq!(file.sha256, files::sha256_hex(&content));
    assert_eq!(file.size_bytes, content.len() as i64);
    assert_eq!(file.profile_id, Some(p.id));
    assert_eq!(file.requested_by_name, "system:test");

    // Omit mode: only the consenting person.
    let mut omit = LANGUAGE_PROFILE.to_vec();
    omit.retain(|(k, _)| *k != "without_consent");
    omit.push(("without_consent", "omit"));
    let p2 = profile(&app, &omit).await;
    let file2 = generate(&app, &p2).await;
    let cells2 = sheet(file2.content.as_deref().unwrap());
    assert_eq!(cells2.len(), 2);
    assert_eq!(cells2[1][0], yes);
    assert_eq!(file2.row_count, 1);
    for name in ["Minh", "Trần", "Hoa", "Lê"] {
        assert!(cells2.iter().flatten().all(|c| !c.contains(name)));
    }
}

#[tokio::test]
async fn a_second_run_of_the_job_changes_nothing() {
    let app = app().await;
    applicant(&app, "VN", "Lan", "Nguyễn", "sprachkurs", false).await;
    let p = profile(&app, LANGUAGE_PROFILE).await;
    let file = generate(&app, &p).await;
    let audits = || async {
        hih_db::entities::audit_log::Entity::find()
            .filter(hih_db::entities::audit_log::Column::Entity.eq("generated_file"))
            .filter(hih_db::entities::audit_log::Column::EntityId.eq(file.id.to_string()))
            .all(app.db())
            .await
            .unwrap()
            .len()
    };
    let before = audits().await;
    // New data after the file was built must not sneak in through a second delivery.
    applicant(&app, "VN", "Minh", "Trần", "sprachkurs", false).await;
    app.clock.advance(chrono::Duration::minutes(5));
    app.run_job(EXPORT_JOB, serde_json::json!({ "file_id": file.id }))
        .await
        .unwrap();
    let again = files::find(app.services(), file.id).await.unwrap().unwrap();
    assert_eq!(again, file);
    assert_eq!(audits().await, before);
}

#[tokio::test]
async fn company_files_use_the_record_number_as_pseudonym_and_honour_the_filter() {
    let app = app().await;
    let yes = company(
        &app,
        "IHK Erfurt",
        "Zustimmung GmbH",
        "teilnehmend",
        "evaluation",
    )
    .await;
    let no = company(&app, "IHK Erfurt", "Verweigerung AG", "teilnehmend", "ba").await;
    let other_status = company(
        &app,
        "IHK Erfurt",
        "Interesse KG",
        "interessiert",
        "evaluation",
    )
    .await;
    let other_district = company(
        &app,
        "IHK Düsseldorf",
        "Rhein GmbH",
        "teilnehmend",
        "evaluation",
    )
    .await;
    let erfurt = hih_users::entities::institution::Entity::find()
        .filter(hih_users::entities::institution::Column::Name.eq("IHK Erfurt"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let p = profile(
        &app,
        &[
            ("subject", "company"),
            ("name", "Evaluation Erfurt"),
            ("partner_category", "evaluation"),
            ("fields", "name"),
            ("fields", "contact_name"),
            ("fields", "district"),
            ("fields", "status"),
            ("filter_district", &erfurt),
            ("filter_status", "teilnehmend"),
            ("without_consent", "pseudonym"),
            ("format", "csv"),
        ],
    )
    .await;
    let file = generate(&app, &p).await;
    assert_eq!(file.content_type, hih_web::export::CSV);
    let content = file.content.clone().unwrap();
    let body = content
        .strip_prefix(hih_web::export::BOM)
        .expect("partner CSV files start with a BOM");
    let text = String::from_utf8(body.to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Unternehmens-Nr.,Firmenname,Ansprechperson,IHK-Bezirk,Status"
    );
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines.contains(
            &format!(
                "U-{yes:05},Zustimmung GmbH,Kontakt PersonZustimmung GmbH,IHK Erfurt,teilnehmend"
            )
            .as_str()
        ),
        "{text}"
    );
    assert!(
        lines.contains(&format!("U-{no:05},,,IHK Erfurt,teilnehmend").as_str()),
        "{text}"
    );
    assert!(!text.contains("Verweigerung"));
    assert!(!text.contains(&format!("U-{other_status:05}")));
    assert!(!text.contains(&format!("U-{other_district:05}")));
    assert_eq!(file.row_count, 2);
    assert_eq!(file.sha256, files::sha256_hex(&content));
}

#[tokio::test]
async fn csv_files_start_without_a_bom_when_the_setting_is_off() {
    let mut settings = TestApp::settings();
    settings.export.csv_bom = false;
    let app = app_with(settings).await;
    company(
        &app,
        "IHK Erfurt",
        "Ohne Bom GmbH",
        "teilnehmend",
        "evaluation",
    )
    .await;
    let p = profile(
        &app,
        &[
            ("subject", "company"),
            ("name", "Ohne BOM"),
            ("partner_category", "evaluation"),
            ("fields", "name"),
            ("without_consent", "pseudonym"),
            ("format", "csv"),
        ],
    )
    .await;
    let file = generate(&app, &p).await;
    let content = file.content.unwrap();
    assert!(
        content.starts_with(b"Unternehmens-Nr.,Firmenname\r\n"),
        "{content:?}"
    );
    // Downloads in a request follow the same setting.
    let (admin, _) = agent_for(&app, Role::Admin, "admin").await;
    let csv = admin.get("/unternehmen/export/export.csv").await;
    assert_eq!(csv.status, 200);
    assert!(!csv.bytes.starts_with(hih_web::export::BOM));
    assert!(csv.body.contains("Ohne Bom GmbH"), "{}", csv.body);
}

#[tokio::test]
async fn the_monthly_run_requests_one_file_per_monthly_profile_and_month() {
    let app = app().await;
    let mut monthly = LANGUAGE_PROFILE.to_vec();
    monthly.push(("monthly", "on"));
    let mut mailed = monthly.clone();
    mailed.push(("recipient_email", "monat@partner.example"));
    let a = profile(&app, &mailed).await;
    let b = profile(&app, &monthly).await;
    profile(&app, LANGUAGE_PROFILE).await; // on demand only
    let off = profile(&app, &monthly).await;
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    service::deactivate(&mut uow, &off).await.unwrap();
    uow.commit().await.unwrap();

    let partner_files = || async {
        generated_file::Entity::find()
            .filter(generated_file::Column::Kind.eq(files::KIND_PARTNER))
            .all(app.db())
            .await
            .unwrap()
    };
    app.run_job(MONTHLY_JOB, serde_json::json!({}))
        .await
        .unwrap();
    let first = partner_files().await;
    assert_eq!(first.len(), 2);
    let mut ids: Vec<i64> = first.iter().filter_map(|f| f.profile_id).collect();
    ids.sort();
    assert_eq!(ids, [a.id, b.id]);
    assert!(first.iter().all(
        |f| f.period_from == chrono::NaiveDate::from_ymd_opt(2026, 11, 1)
            && f.requested_by.is_none()
            && f.status == "queued"
    ));
    app.run_job(MONTHLY_JOB, serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(partner_files().await.len(), 2, "same month: nothing new");
    // The monthly file of a profile with a recipient is handed over by mail at once.
    for f in &first {
        app.run_job(EXPORT_JOB, serde_json::json!({ "file_id": f.id }))
            .await
            .unwrap();
    }
    let mails = hih_db::entities::mail_outbox::Entity::find()
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to_addr, "monat@partner.example");
    assert!(mails[0].body.contains("/download/"));
    assert_eq!(app.count("download_link").await.unwrap(), 1);
    app.clock.advance(chrono::Duration::days(30));
    app.run_job(MONTHLY_JOB, serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(partner_files().await.len(), 4, "next month: one file each");
}

#[tokio::test]
async fn a_link_downloads_without_login_until_it_expires_and_stores_no_token() {
    let app = app().await;
    applicant(&app, "VN", "Lan", "Nguyễn", "sprachkurs", false).await;
    let mut with_recipient = LANGUAGE_PROFILE.to_vec();
    with_recipient.push(("recipient_email", "kurse@partner.example"));
    let p = profile(&app, &with_recipient).await;
    let file = generate(&app, &p).await;
    let (admin, _) = agent_for(&app, Role::Admin, "p-admin").await;
    let page = admin
        .get(&format!("/partnerexporte/dateien/{}", file.id))
        .await;
    assert_eq!(page.status, 200);
    assert!(page.contains(&file.sha256));
    let created = admin
        .post(
            &format!("/partnerexporte/dateien/{}/link", file.id),
            &[("mail", "on")],
        )
        .await;
    assert_eq!(created.status, 303);
    let shown = admin.follow(created).await;
    assert_eq!(shown.status, 200);
    let after = &shown.body[shown.body.find("id=\"download-link\"").unwrap()..];
    let url = after.split("value=\"").nth(1).unwrap();
    let url = url[..url.find('"').unwrap()].replace("&#x2f;", "/");
    let url = url.as_str();
    let token = url.rsplit('/').next().unwrap().to_string();
    assert!(url.ends_with(&format!("/download/{token}")));
    assert!(token.len() >= 43, "256-bit token");
    // Shown once: a reload goes back to the file.
    let again = admin
        .get(&format!(
            "/partnerexporte/dateien/{}/link/erstellt",
            file.id
        ))
        .await;
    assert_eq!(again.status, 303);

    // Only the hash is stored; the mail carries the link.
    let link = download_link::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        link.token_hash,
        files::sha256_hex(token.as_bytes()),
        "{url}"
    );
    assert_eq!(link.mailed_to, "kurse@partner.example");
    let mails = hih_db::entities::mail_outbox::Entity::find()
        .all(app.db())
        .await
        .unwrap();
    assert!(
        mails
            .iter()
            .any(|m| m.to_addr == "kurse@partner.example" && m.body.contains(url))
    );

    // Anyone with the link gets the file; the access log has the export without the token.
    let anon = app.agent();
    let got = anon.get(&format!("/download/{token}")).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.bytes, file.content.clone().unwrap());
    let link = download_link::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(link.download_count, 1);
    let log = access_log::Entity::find()
        .filter(access_log::Column::Action.eq("export"))
        .filter(access_log::Column::Actor.eq("anonymous"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(log.entity_id.as_deref(), Some(file.id.to_string().as_str()));
    assert!(log.detail.contains(&format!("\"link\":{}", link.id)));
    assert_eq!(log.path, "/download/***");
    let everything = access_log::Entity::find().all(app.db()).await.unwrap();
    assert!(
        everything
            .iter()
            .all(|e| !e.path.contains(&token) && !e.detail.contains(&token))
    );
    let audits = hih_db::entities::audit_log::Entity::find()
        .all(app.db())
        .await
        .unwrap();
    assert!(audits.iter().all(|e| !e.changes.contains(&token)));

    // Unknown and expired links answer the neutral 410 page.
    assert_eq!(anon.get("/download/unbekannt").await.status, 410);
    app.clock
        .advance(chrono::Duration::days(service::LINK_DAYS));
    let expired = anon.get(&format!("/download/{token}")).await;
    assert_eq!(expired.status, 410);
    assert!(expired.contains("Download nicht verfügbar"));
}

#[tokio::test]
async fn old_file_contents_are_purged_and_their_links_answer_410() {
    let app = app().await;
    applicant(&app, "VN", "Lan", "Nguyễn", "sprachkurs", false).await;
    let p = profile(&app, LANGUAGE_PROFILE).await;
    let file = generate(&app, &p).await;
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let (_, token) = service::create_link(&mut uow, &file, None).await.unwrap();
    uow.commit().await.unwrap();
    let anon = app.agent();
    assert_eq!(anon.get(&format!("/download/{token}")).await.status, 200);
    app.clock
        .advance(chrono::Duration::days(service::KEEP_DAYS - 1));
    app.run_job(PURGE_JOB, serde_json::json!({})).await.unwrap();
    assert!(
        files::find(app.services(), file.id)
            .await
            .unwrap()
            .unwrap()
            .content
            .is_some()
    );
    app.clock.advance(chrono::Duration::days(2));
    // Still within the link's validity? No: renew it so only the purge decides.
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let (_, fresh) = service::create_link(&mut uow, &file, None).await.unwrap();
    uow.commit().await.unwrap();
    assert_eq!(anon.get(&format!("/download/{fresh}")).await.status, 200);
    app.run_job(PURGE_JOB, serde_json::json!({})).await.unwrap();
    let purged = files::find(app.services(), file.id).await.unwrap().unwrap();
    assert!(purged.content.is_none());
    assert!(purged.content_purged_at.is_some());
    assert_eq!(purged.sha256, file.sha256, "the record stays");
    assert_eq!(purged.row_count, 1);
    assert_eq!(anon.get(&format!("/download/{fresh}")).await.status, 410);
    let (admin, _) = agent_for(&app, Role::Admin, "p-admin").await;
    let page = admin
        .get(&format!("/partnerexporte/dateien/{}", file.id))
        .await;
    assert!(page.contains("purged-note"));
    assert_eq!(
        admin
            .get(&format!("/partnerexporte/dateien/{}/download", file.id))
            .await
            .status,
        410
    );
}

#[tokio::test]
async fn the_form_refuses_bad_input_in_german_and_saves_nothing() {
    let app = app().await;
    let (admin, user) = agent_for(&app, Role::Admin, "p-admin").await;
    assert_eq!(admin.get("/partnerexporte/neu").await.status, 200);
    let res = admin
        .post(
            "/partnerexporte/neu",
            &[
                ("subject", "applicant"),
                ("name", ""),
                ("partner_category", "gibt-es-nicht"),
                ("without_consent", "pseudonym"),
                ("format", "xlsx"),
                ("recipient_email", "kein-mail"),
                ("action", "review"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = admin.follow(res).await;
    assert_eq!(page.status, 422);
    for msg in [
        "Bitte geben Sie einen Namen für das Profil ein.",
        "Bitte wählen Sie eine aktive Partnerkategorie.",
        "Bitte wählen Sie mindestens ein Feld.",
        "Bitte geben Sie eine gültige E-Mail-Adresse ein",
    ] {
        assert!(page.contains(msg), "{msg}");
    }
    assert!(page.contains("id=\"fields-error-1\""));
    assert_eq!(app.count("partner_profile").await.unwrap(), 0);
    // A save that skips the review is checked just the same.
    admin
        .post(
            "/partnerexporte/neu",
            &[("subject", "applicant"), ("name", "X"), ("action", "save")],
        )
        .await;
    assert_eq!(app.count("partner_profile").await.unwrap(), 0);

    // Correct input: review page, confirm, profile page; generate; status page; download.
    let ok = [
        ("subject", "applicant"),
        ("name", "Anerkennung"),
        ("partner_category", "prorecognition"),
        ("fields", "last_name"),
        ("fields", "target_occupation"),
        ("without_consent", "omit"),
        ("format", "xlsx"),
        ("action", "review"),
    ];
    let review = admin
        .follow(admin.post("/partnerexporte/neu", &ok).await)
        .await;
    assert_eq!(review.status, 200);
    assert!(review.contains("Exportprofil prüfen"));
    assert_eq!(app.count("partner_profile").await.unwrap(), 0);
    let mut save = ok.to_vec();
    save.retain(|(k, _)| *k != "action");
    save.push(("action", "save"));
    let saved = admin.post("/partnerexporte/neu", &save).await;
    assert_eq!(saved.status, 303);
    let p = partner_profile::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.fields, "last_name,target_occupation");
    assert_eq!(
        saved.location(),
        Some(format!("/partnerexporte/{}", p.id).as_str())
    );
    let detail = admin.follow(saved).await;
    assert!(detail.contains("Jetzt erzeugen"));
    let requested = admin
        .post(&format!("/partnerexporte/{}/erzeugen", p.id), &[])
        .await;
    assert_eq!(requested.status, 303);
    let status = admin.follow(requested).await;
    assert!(status.contains("Status aktualisieren"));
    assert!(!status.contains("http-equiv"));
    let file = generated_file::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        file.requested_by,
        Some(user.id),
        "who requested it is recorded"
    );
    app.run_job(EXPORT_JOB, serde_json::json!({ "file_id": file.id }))
        .await
        .unwrap();
    let done = admin
        .get(&format!("/partnerexporte/dateien/{}", file.id))
        .await;
    assert!(!done.contains("Status aktualisieren"));
    let file = files::find(app.services(), file.id).await.unwrap().unwrap();
    assert!(done.contains(&file.sha256));
    let dl = admin
        .get(&format!("/partnerexporte/dateien/{}/download", file.id))
        .await;
    assert_eq!(dl.status, 200);
    assert_eq!(dl.bytes, file.content.unwrap());
    assert!(
        access_log::Entity::find()
            .filter(access_log::Column::Action.eq("export"))
            .filter(access_log::Column::Entity.eq("generated_file"))
            .one(app.db())
            .await
            .unwrap()
            .is_some()
    );
    // Deactivation with confirmation; the profile stays listed.
    assert_eq!(
        admin
            .get(&format!("/partnerexporte/{}/deaktivieren", p.id))
            .await
            .status,
        200
    );
    admin
        .post(&format!("/partnerexporte/{}/deaktivieren", p.id), &[])
        .await;
    let p = app.record::<partner_profile::Entity>(p.id).await;
    assert!(!p.active);
    assert!(admin.get("/partnerexporte").await.contains("Anerkennung"));
}

#[tokio::test]
async fn an_edit_is_confirmed_before_it_is_saved_and_keeps_the_subject() {
    let app = app().await;
    let p = profile(&app, LANGUAGE_PROFILE).await;
    let (admin, _) = agent_for(&app, Role::Admin, "p-admin").await;
    let form = admin
        .get(&format!("/partnerexporte/{}/bearbeiten", p.id))
        .await;
    assert_eq!(form.status, 200);
    assert!(form.contains("Sprachkurse Vietnam"));
    let change = [
        ("subject", "company"),
        ("name", "Sprachkurse alle Länder"),
        ("partner_category", "sprachkurs"),
        ("fields", "last_name"),
        ("fields", "german_level"),
        ("without_consent", "omit"),
        ("format", "csv"),
        ("monthly", "on"),
    ];
    let mut review = change.to_vec();
    review.push(("action", "review"));
    let page = admin
        .follow(
            admin
                .post(&format!("/partnerexporte/{}/bearbeiten", p.id), &review)
                .await,
        )
        .await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Exportprofil prüfen"));
    let unchanged = app.record::<partner_profile::Entity>(p.id).await;
    assert_eq!(unchanged, p, "nothing saved before the confirmation");
    let mut save = change.to_vec();
    save.push(("action", "save"));
    let res = admin
        .post(&format!("/partnerexporte/{}/bearbeiten", p.id), &save)
        .await;
    assert_eq!(res.status, 303);
    let changed = app.record::<partner_profile::Entity>(p.id).await;
    assert_eq!(changed.subject, "applicant", "the subject stays");
    assert_eq!(changed.name, "Sprachkurse alle Länder");
    assert_eq!(changed.fields, "last_name,german_level");
    assert_eq!(changed.filter_country, "");
    assert_eq!(changed.without_consent, "omit");
    assert_eq!(changed.format, "csv");
    assert!(changed.monthly);
    // The change is audited.
    let audits = hih_db::entities::audit_log::Entity::find()
        .filter(hih_db::entities::audit_log::Column::Entity.eq("partner_profile"))
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(audits.len(), 2, "create and update");
}

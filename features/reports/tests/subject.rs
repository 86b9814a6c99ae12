//! Data-subject report and erasure (R-RET-2): the report holds everything about one person and
//! nothing about anybody else, in the page, the XLSX and the JSON; searches, views and both
//! downloads are access-logged; the dpo reads but cannot erase; an admin's erasure removes the
//! person with all dependent rows in one audited unit of work and leaves others untouched.

use calamine::{Data, Reader, Xlsx};
use hih_applicants::entities::{applicant, applicant_access, applicant_status_change};
use hih_companies::entities::company;
use hih_contact_history::entities::contact_entry;
use hih_db::entities::{access_log, audit_log};
use hih_kernel::Role;
use hih_matching::entities::placement;
use hih_matching::testing::{applicant_in, company_in};
use hih_testkit::{Agent, TestApp};
use hih_users::testing::agent_for;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::app;

/// Writes a contact-history entry through the real form.
async fn contact(agent: &Agent, base: &str, remarks: &str) {
    let new = format!("{base}/kontakte/neu");
    let p = agent
        .submit(
            &new,
            &[
                ("contact_date", "2026-10-01"),
                ("contact_type", "telefon"),
                ("topic", "beratung"),
                ("remarks", remarks),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "contact saved");
}

/// Enters a match through the real form.
async fn match_with(agent: &Agent, company: i64, code: &str) {
    let new = format!("/unternehmen/{company}/vermittlungen/neu");
    let p = agent
        .submit(
            &new,
            &[
                ("applicant_code", code),
                ("placed_on", "2026-11-02"),
                ("status", "vermittelt"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "match saved");
}

/// Two applicants and two companies, each pair matched and with one contact entry; the
/// first applicant's record page was opened by the admin.
struct Fixture {
    app: TestApp,
    admin: Agent,
    a: i64,
    b: i64,
    c: i64,
    d: i64,
}

async fn fixture() -> Fixture {
    let app = app().await;
    let a = applicant_in(&app, "VN", "Nguyễn").await;
    let b = applicant_in(&app, "VN", "Trần").await;
    let c = company_in(&app, "IHK Erfurt", "Bäckerei Sonnenschein").await;
    let d = company_in(&app, "IHK Erfurt", "Andere AG").await;
    let (admin, _) = agent_for(&app, Role::Admin, "s-admin").await;
    // An AHK Vietnam user, so that matches notify somebody.
    agent_for(&app, Role::AhkStaff, "s-ahk").await;
    contact(&admin, &format!("/bewerber/{a}"), "Gespräch über das Visum").await;
    contact(
        &admin,
        &format!("/bewerber/{b}"),
        "Geheime Notiz zu Zweitperson",
    )
    .await;
    contact(
        &admin,
        &format!("/unternehmen/{c}"),
        "Anruf bei der Bäckerei",
    )
    .await;
    contact(&admin, &format!("/unternehmen/{d}"), "Anruf bei Andere").await;
    match_with(&admin, c, "HIH-VN-0001").await;
    match_with(&admin, d, "HIH-VN-0002").await;
    assert_eq!(admin.get(&format!("/bewerber/{a}")).await.status, 200);
    Fixture {
        app,
        admin,
        a,
        b,
        c,
        d,
    }
}

fn cells(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let rows = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Data::Empty => String::new(),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect();
        out.push((name, rows));
    }
    out
}

async fn access(app: &TestApp, action: &str) -> Vec<access_log::Model> {
    access_log::Entity::find()
        .filter(access_log::Column::Action.eq(action))
        .order_by_asc(access_log::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

#[tokio::test]
async fn the_report_holds_everything_about_the_person_and_nothing_about_others() {
    let f = fixture().await;
    let (dpo, _) = agent_for(&f.app, Role::Dpo, "s-dpo").await;
    let a = f.a;

    // Search: applicants and companies listed separately, the search logged with its count.
    let hits = dpo.get("/auskunft?q=nguyen").await;
    assert_eq!(hits.status, 200);
    assert!(hits.contains("HIH-VN-0001"));
    assert!(!hits.contains("HIH-VN-0002"));
    assert!(hits.contains("Anh Nguyễn (HIH-VN-0001)"));
    assert!(hits.contains(&format!("&#x2f;auskunft&#x2f;bewerber&#x2f;{a}\"")));
    let company_hits = dpo.get("/auskunft?q=B%C3%A4ckerei").await;
    assert!(company_hits.contains(&format!("&#x2f;auskunft&#x2f;unternehmen&#x2f;{}\"", f.c)));
    assert!(!company_hits.contains("Andere AG"));
    let searches = access(&f.app, "search").await;
    let s = searches
        .iter()
        .find(|e| e.entity == "data_subject" && e.detail.contains("nguyen"))
        .expect("search logged");
    assert_eq!(s.result_count, Some(1));
    assert!(s.actor_name.contains("s-dpo") || s.actor.starts_with("user:"));

    // The page: record, contact entry, match with the company's name, logs.
    let page = dpo.get(&format!("/auskunft/bewerber/{a}")).await;
    assert_eq!(page.status, 200);
    for expected in [
        "HIH-VN-0001",
        "Nguyễn",
        "Gespräch über das Visum",
        "Bäckerei Sonnenschein",
        "Änderungsprotokoll",
        "Zugriffsprotokoll",
    ] {
        assert!(page.contains(expected), "page shows {expected}");
    }
    for foreign in ["HIH-VN-0002", "Trần", "Geheime Notiz", "Andere AG"] {
        assert!(!page.contains(foreign), "page must not show {foreign}");
    }
    assert!(
        !page.contains("loeschen"),
        "the dpo is not offered the erasure"
    );

    // XLSX: one sheet per section, the person's rows only.
    let xlsx = dpo
        .get(&format!("/auskunft/bewerber/{a}/auskunft.xlsx"))
        .await;
    assert_eq!(xlsx.status, 200);
    let sheets = cells(&xlsx.bytes);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    for section in [
        "Stammdaten",
        "Statusverlauf",
        "Kontakthistorie",
        "Vermittlungen",
        "Freigaben für IHK-Bezirke",
        "Änderungsprotokoll",
        "Zugriffsprotokoll",
    ] {
        assert!(names.contains(&section), "sheet {section} in {names:?}");
    }
    let sheet = |name: &str| &sheets.iter().find(|(n, _)| n == name).unwrap().1;
    let record = sheet("Stammdaten");
    assert!(
        record
            .iter()
            .any(|r| r[0] == "Bewerberkennung" && r[1] == "HIH-VN-0001")
    );
    // Intelligible (Art. 12): labels and readable values, never raw column names or codes.
    assert!(
        record
            .iter()
            .any(|r| r[0] == "Nachname" && r[1] == "Nguyễn")
    );
    assert!(
        record
            .iter()
            .any(|r| r[0] == "Land der Registrierung" && r[1] == "Vietnam")
    );
    assert!(record.iter().any(|r| r[0] == "Aktiv" && r[1] == "ja"));
    let contacts = sheet("Kontakthistorie");
    assert_eq!(contacts.len(), 2, "header and the one entry");
    assert!(contacts[1].iter().any(|c| c == "Gespräch über das Visum"));
    let matches = sheet("Vermittlungen");
    assert_eq!(matches.len(), 2);
    assert!(matches[1].iter().any(|c| c == "Bäckerei Sonnenschein"));
    let audit_sheet = sheet("Änderungsprotokoll");
    assert!(audit_sheet.iter().any(|r| {
        r.iter().any(|c| c == "Bewerberin oder Bewerber") && r.iter().any(|c| c == "angelegt")
    }));
    assert!(
        audit_sheet
            .iter()
            .any(|r| r.iter().any(|c| c == "Kontakteintrag"))
    );
    assert!(
        audit_sheet
            .iter()
            .any(|r| r.iter().any(|c| c == "Vermittlung"))
    );
    // Field changes are spelled out with labels: "Nachname: → Nguyễn".
    assert!(audit_sheet.iter().any(|r| {
        r.iter()
            .any(|c| c.contains("Nachname: ") && c.contains("→ Nguyễn"))
    }));
    let access_sheet = sheet("Zugriffsprotokoll");
    assert!(access_sheet.iter().any(|r| {
        r.iter().any(|c| c == "angesehen") && r.iter().any(|c| c.contains("s-admin"))
    }));
    let raw = [
        "applicant_id",
        "first_names",
        "last_name",
        "adaptation_end",
        "birth_date",
        "consent_partners",
        "created_at",
        "entity_id",
        "contact_entry",
        "true",
        "false",
        "herr",
        "frau",
        "interessent",
        "bewerber",
    ];
    for (name, rows) in &sheets {
        for c in rows.iter().flatten() {
            assert!(
                !raw.contains(&c.as_str()),
                "sheet {name} shows a raw name: {c}"
            );
        }
    }
    for word in [
        "adaptation_end",
        "first_names",
        "consent_storage_date",
        ">true<",
        ">herr<",
    ] {
        assert!(!page.contains(word), "the page shows {word}");
    }
    for (name, rows) in &sheets {
        for r in rows {
            for c in r {
                assert!(
                    !c.contains("Trần") && !c.contains("HIH-VN-0002") && !c.contains("Andere"),
                    "sheet {name} names another person: {c}"
                );
            }
        }
    }

    // JSON: structured and complete.
    let json = dpo
        .get(&format!("/auskunft/bewerber/{a}/auskunft.json"))
        .await;
    assert_eq!(json.status, 200);
    assert!(
        json.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let doc: serde_json::Value = serde_json::from_slice(&json.bytes).unwrap();
    assert_eq!(doc["subject"]["kind"], "applicant");
    assert_eq!(doc["subject"]["id"], a);
    let s = &doc["sections"];
    assert_eq!(s["record"]["applicant_id"], "HIH-VN-0001");
    assert_eq!(s["record"]["last_name"], "Nguyễn");
    assert_eq!(
        doc["labels"]["last_name"], "Nachname",
        "machine keys with labels"
    );
    assert!(s["record"].get("search_text").is_none(), "internal column");
    assert_eq!(s["contact_entries"].as_array().unwrap().len(), 1);
    assert_eq!(
        s["contact_entries"][0]["remarks"],
        "Gespräch über das Visum"
    );
    assert_eq!(s["matches"][0]["company_name"], "Bäckerei Sonnenschein");
    assert_eq!(s["access"].as_array().unwrap().len(), 1, "IHK Erfurt");
    assert!(!s["status_history"].as_array().unwrap().is_empty());
    let audit = s["audit"].as_array().unwrap();
    assert!(
        audit.iter().any(|e| e["entity"] == "applicant"
            && e["action"] == "create"
            && e["changes"]["last_name"][1] == "Nguyễn"),
        "audit changes embedded as JSON"
    );
    assert!(audit.iter().any(|e| e["entity"] == "contact_entry"));
    assert!(audit.iter().any(|e| e["entity"] == "placement"));
    assert!(audit.iter().any(|e| e["entity"] == "applicant_access"));
    let logged = s["access_log"].as_array().unwrap();
    assert!(
        logged
            .iter()
            .any(|e| e["action"] == "view" && e["path"] == format!("/bewerber/{a}"))
    );
    assert!(
        !s["notifications"].as_array().unwrap().is_empty(),
        "the AHK staff's match notice names the applicant"
    );
    let text = String::from_utf8(json.bytes.clone()).unwrap();
    for foreign in ["HIH-VN-0002", "Trần", "Geheime Notiz", "Andere AG"] {
        assert!(!text.contains(foreign), "JSON must not contain {foreign}");
    }

    // The company's report: its contact entry and match with the applicant's ID and name.
    let company_page = dpo.get(&format!("/auskunft/unternehmen/{}", f.c)).await;
    assert_eq!(company_page.status, 200);
    assert!(company_page.contains("Anruf bei der Bäckerei"));
    assert!(company_page.contains("HIH-VN-0001"));
    assert!(!company_page.contains("Anruf bei Andere"));
    assert!(!company_page.contains("HIH-VN-0002"));

    // Views and both exports are in the access log.
    let views = access(&f.app, "view").await;
    assert!(views.iter().any(|e| e.entity == "applicant"
        && e.entity_id.as_deref() == Some(&a.to_string())
        && e.path == format!("/auskunft/bewerber/{a}")));
    let exports = access(&f.app, "export").await;
    for file in ["auskunft.xlsx", "auskunft.json"] {
        let e = exports
            .iter()
            .find(|e| e.detail.contains(file))
            .unwrap_or_else(|| panic!("{file} logged"));
        assert_eq!(e.entity, "applicant");
        assert_eq!(e.entity_id.as_deref(), Some(a.to_string().as_str()));
        assert!(e.result_count.unwrap() > 5);
    }
    // Unknown records answer 404.
    assert_eq!(dpo.get("/auskunft/bewerber/999999").await.status, 404);
    assert_eq!(
        dpo.get("/auskunft/unternehmen/999999/auskunft.json")
            .await
            .status,
        404
    );
    let _ = (f.admin, f.b, f.d);
}

#[tokio::test]
async fn only_admins_and_the_dpo_reach_the_pages_and_only_admins_erase() {
    let f = fixture().await;
    let (dpo, _) = agent_for(&f.app, Role::Dpo, "s-dpo").await;
    let erase = format!("/auskunft/bewerber/{}/loeschen", f.a);
    assert_eq!(dpo.get(&erase).await.status, 403);
    dpo.get("/auskunft").await;
    assert_eq!(dpo.post(&erase, &[("reason", "Antrag")]).await.status, 403);
    assert_eq!(f.app.count("applicant").await.unwrap(), 2);
    for role in [Role::SuperAdmin, Role::IhkStaff, Role::AhkStaff] {
        let (agent, _) = agent_for(
            &f.app,
            role,
            &format!("s-{}", role.code().replace('_', "-")),
        )
        .await;
        assert_eq!(agent.get("/auskunft").await.status, 403, "{role:?}");
        assert_eq!(
            agent
                .get(&format!("/auskunft/bewerber/{}", f.a))
                .await
                .status,
            403,
            "{role:?}"
        );
    }
}

async fn count_where<E: EntityTrait>(app: &TestApp, c: E::Column, id: i64) -> u64
where
    E::Model: Sync,
    E::Column: ColumnTrait,
{
    E::find().filter(c.eq(id)).count(app.db()).await.unwrap()
}

#[tokio::test]
async fn an_admin_erases_an_applicant_with_everything_about_it() {
    let f = fixture().await;
    let (a, b) = (f.a, f.b);
    let erase = format!("/auskunft/bewerber/{a}/loeschen");
    let confirm = f.admin.get(&erase).await;
    assert_eq!(confirm.status, 200);
    assert!(confirm.contains("Kontakthistorie"));
    assert!(confirm.contains("Grund der Löschung"));

    // Without a reason: the message next to the field, nothing deleted.
    let refused = f.admin.post(&erase, &[("reason", "  ")]).await;
    assert_eq!(refused.location(), Some(erase.as_str()));
    let again = f.admin.get(&erase).await;
    assert_eq!(again.status, 422);
    assert!(again.contains("Bitte geben Sie den Grund der Löschung an."));
    assert!(again.contains("aria-invalid=\"true\""));
    assert_eq!(f.app.count("applicant").await.unwrap(), 2);

    let done = f
        .admin
        .post(&erase, &[("reason", "Antrag vom 12.11.2026")])
        .await;
    assert_eq!(done.location(), Some("/auskunft"));
    let after = f.admin.get("/auskunft").await;
    assert!(after.contains("endgültig gelöscht"));

    // The applicant and all dependent rows are gone.
    assert!(
        applicant::Entity::find_by_id(a)
            .one(f.app.db())
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        count_where::<contact_entry::Entity>(&f.app, contact_entry::Column::ApplicantId, a).await,
        0
    );
    assert_eq!(
        count_where::<placement::Entity>(&f.app, placement::Column::ApplicantId, a).await,
        0
    );
    assert_eq!(
        count_where::<applicant_access::Entity>(&f.app, applicant_access::Column::ApplicantId, a)
            .await,
        0
    );
    assert_eq!(
        count_where::<applicant_status_change::Entity>(
            &f.app,
            applicant_status_change::Column::ApplicantId,
            a
        )
        .await,
        0
    );
    let notes = hih_notify::entity::Entity::find()
        .all(f.app.db())
        .await
        .unwrap();
    assert!(
        notes.iter().all(|n| !n
            .href
            .as_deref()
            .unwrap_or("")
            .starts_with(&format!("/bewerber/{a}/"))),
        "notices naming the person are gone"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.href.as_deref() == Some(&format!("/bewerber/{b}/vermittlungen"))),
        "the other person's notice stays"
    );

    // The other applicant and both companies are untouched.
    assert!(
        applicant::Entity::find_by_id(b)
            .one(f.app.db())
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(
        count_where::<contact_entry::Entity>(&f.app, contact_entry::Column::ApplicantId, b).await,
        1
    );
    assert_eq!(
        count_where::<placement::Entity>(&f.app, placement::Column::ApplicantId, b).await,
        1
    );
    assert_eq!(
        count_where::<applicant_access::Entity>(&f.app, applicant_access::Column::ApplicantId, b)
            .await,
        1
    );
    assert_eq!(f.app.count("company").await.unwrap(), 2);
    assert_eq!(
        count_where::<contact_entry::Entity>(&f.app, contact_entry::Column::CompanyId, f.c).await,
        1,
        "the company's own entry stays"
    );

    // Audit: one erase event with reason and counts; every removed row has a delete entry
    // without the erased values; the chain is intact.
    let entries = audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Seq)
        .all(f.app.db())
        .await
        .unwrap();
    let event = entries
        .iter()
        .find(|e| e.action == "erase")
        .expect("erase event");
    assert_eq!(event.entity, "applicant");
    assert_eq!(event.entity_id, a.to_string());
    let details: serde_json::Value = serde_json::from_str(&event.changes).unwrap();
    assert_eq!(details["reason"], "Antrag vom 12.11.2026");
    assert_eq!(details["counts"]["contact_entries"], 1);
    assert_eq!(details["counts"]["matches"], 1);
    assert_eq!(details["counts"]["access"], 1);
    assert_eq!(details["counts"]["record"], 1);
    let erasure: Vec<&audit_log::Model> = entries
        .iter()
        .filter(|e| e.seq >= event.seq - 20 && e.action == "delete")
        .collect();
    for entity in [
        "applicant",
        "contact_entry",
        "placement",
        "applicant_access",
    ] {
        let e = erasure
            .iter()
            .find(|e| e.entity == entity)
            .unwrap_or_else(|| panic!("delete entry for {entity}"));
        assert!(!e.changes.contains("Nguy"), "{entity}: {}", e.changes);
        assert!(!e.changes.contains("Visum"), "{entity}: {}", e.changes);
        assert!(e.changes.contains("***"));
    }
    assert!(matches!(
        hih_db::audit::verify(f.app.db()).await.unwrap(),
        hih_db::audit::Verification::Intact(_)
    ));
    // The record is gone for the report too.
    assert_eq!(
        f.admin.get(&format!("/auskunft/bewerber/{a}")).await.status,
        404
    );
}

#[tokio::test]
async fn an_admin_erases_a_company_and_its_contact_person() {
    let f = fixture().await;
    let c = f.c;
    let erase = format!("/auskunft/unternehmen/{c}/loeschen");
    assert_eq!(f.admin.get(&erase).await.status, 200);
    let done = f
        .admin
        .post(&erase, &[("reason", "Antrag der Ansprechperson")])
        .await;
    assert_eq!(done.location(), Some("/auskunft"));
    assert!(
        company::Entity::find_by_id(c)
            .one(f.app.db())
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        count_where::<contact_entry::Entity>(&f.app, contact_entry::Column::CompanyId, c).await,
        0
    );
    assert_eq!(
        count_where::<placement::Entity>(&f.app, placement::Column::CompanyId, c).await,
        0
    );
    // The other company, both applicants and the applicants' own entries stay.
    assert_eq!(f.app.count("company").await.unwrap(), 1);
    assert_eq!(f.app.count("applicant").await.unwrap(), 2);
    assert_eq!(
        count_where::<placement::Entity>(&f.app, placement::Column::CompanyId, f.d).await,
        1
    );
    assert_eq!(
        count_where::<contact_entry::Entity>(&f.app, contact_entry::Column::ApplicantId, f.a).await,
        1
    );
    let event = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("erase"))
        .one(f.app.db())
        .await
        .unwrap()
        .expect("erase event");
    assert_eq!(event.entity, "company");
    assert!(event.changes.contains("Antrag der Ansprechperson"));
    let deletes = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("delete"))
        .filter(audit_log::Column::Entity.eq("company"))
        .one(f.app.db())
        .await
        .unwrap()
        .expect("delete entry");
    assert!(!deletes.changes.contains("Bäckerei"));
    assert!(matches!(
        hih_db::audit::verify(f.app.db()).await.unwrap(),
        hih_db::audit::Verification::Intact(_)
    ));
}

/// What a statistics fold saw: entity, ids, and the dependent rows still present then.
type Seen = std::sync::Arc<std::sync::Mutex<Vec<(String, Vec<i64>, u64, u64)>>>;

/// A fold like the statistics' one, recording what it sees instead of counting.
struct ProbeFold {
    entity: &'static str,
    seen: Seen,
}

#[async_trait::async_trait]
impl hih_kernel::DeletionFold for ProbeFold {
    fn entity(&self) -> &'static str {
        self.entity
    }

    async fn fold(
        &self,
        txn: &sea_orm::DatabaseTransaction,
        ids: &[i64],
    ) -> Result<(), hih_kernel::AppError> {
        let (matches, contacts) = if self.entity == "applicant" {
            (
                placement::Entity::find()
                    .filter(placement::Column::ApplicantId.is_in(ids.iter().copied()))
                    .count(txn)
                    .await?,
                applicant_access::Entity::find()
                    .filter(applicant_access::Column::ApplicantId.is_in(ids.iter().copied()))
                    .count(txn)
                    .await?,
            )
        } else {
            (
                placement::Entity::find()
                    .filter(placement::Column::CompanyId.is_in(ids.iter().copied()))
                    .count(txn)
                    .await?,
                contact_entry::Entity::find()
                    .filter(contact_entry::Column::CompanyId.is_in(ids.iter().copied()))
                    .count(txn)
                    .await?,
            )
        };
        self.seen
            .lock()
            .unwrap()
            .push((self.entity.to_string(), ids.to_vec(), matches, contacts));
        Ok(())
    }
}

/// Registers the probe folds for applicants and companies.
struct Probe(Seen);

impl hih_kernel::Feature for Probe {
    fn name(&self) -> &'static str {
        "probe"
    }

    fn register(&self, r: &mut hih_kernel::Registry) {
        for entity in ["applicant", "company"] {
            r.deletion_fold(std::sync::Arc::new(ProbeFold {
                entity,
                seen: self.0.clone(),
            }));
        }
    }
}

#[tokio::test]
async fn the_statistics_folds_run_once_and_see_the_complete_record() {
    let seen = Seen::default();
    let probe = Probe(seen.clone());
    let mut features: Vec<&dyn hih_kernel::Feature> = crate::features();
    features.push(&probe);
    let app = TestApp::new(&features).await;
    let a = applicant_in(&app, "VN", "Nguyễn").await;
    let c = company_in(&app, "IHK Erfurt", "Bäckerei Sonnenschein").await;
    let (admin, _) = agent_for(&app, Role::Admin, "s-admin").await;
    contact(&admin, &format!("/unternehmen/{c}"), "Anruf").await;
    match_with(&admin, c, "HIH-VN-0001").await;

    let erase = format!("/auskunft/bewerber/{a}/loeschen");
    admin.submit(&erase, &[("reason", "Antrag")]).await;
    assert_eq!(
        *seen.lock().unwrap(),
        vec![("applicant".to_string(), vec![a], 1, 1)],
        "one fold, with the match and the district access still present"
    );
    // The match went with the applicant; the company's own entry is still there.
    let erase = format!("/auskunft/unternehmen/{c}/loeschen");
    admin.submit(&erase, &[("reason", "Antrag")]).await;
    assert_eq!(
        seen.lock().unwrap().last().cloned(),
        Some(("company".to_string(), vec![c], 0, 1))
    );
    assert_eq!(seen.lock().unwrap().len(), 2);
}

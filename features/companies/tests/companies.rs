use hih_companies::entities::{company, company_status_change};
use hih_db::entities::{access_log, audit_log};
use hih_kernel::{Actor, Role};
use hih_reference::postcodes;
use hih_testkit::retention::Retained;
use hih_testkit::{Agent, TestApp};
use hih_users::testing::{agent_for, create_user_in, login};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::{app, fixture_subset};

async fn with_postcodes() -> TestApp {
    let app = app().await;
    postcodes::import(
        app.services(),
        &Actor::system("test"),
        &fixture_subset(&["0", "3", "4", "9"]),
        false,
        |_, _| {},
    )
    .await
    .unwrap();
    app
}

fn form<'a>(
    name: &'a str,
    street: &'a str,
    plz: &'a str,
    ort: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("name", name),
        ("legal_form", "GmbH"),
        ("street", street),
        ("house_number", "5"),
        ("plz", plz),
        ("ort", ort),
        ("industry", "C"),
        ("employees", "42"),
        ("phone", "+49 361 123456"),
        ("email", "info@example.de"),
        ("contact_salutation", "frau"),
        ("contact_first_name", "Anna"),
        ("contact_last_name", "Schäfer"),
        ("status", "interessiert"),
        ("target_occupations", "mechatronik"),
        ("target_occupations", "koch"),
        ("open_positions", "3"),
        ("outreach_format", "veranstaltung"),
        ("consent_storage_date", "2026-10-01"),
        ("consent_storage_version", "v1"),
        ("consent_partners", "ba"),
        ("remarks", "Erstgespräch auf der Messe"),
    ]
}

/// Creates a company through the UI (review, then save); returns its id or the error page.
async fn create(agent: &Agent, fields: &[(&str, &str)]) -> Result<i64, hih_testkit::Page> {
    agent.get("/unternehmen/neu").await;
    let mut review = fields.to_vec();
    review.push(("action", "review"));
    let p = agent.post("/unternehmen/neu", &review).await;
    if p.location() != Some("/unternehmen/neu/pruefen") {
        return Err(agent.follow(p).await);
    }
    agent.get("/unternehmen/neu/pruefen").await;
    let mut save = fields.to_vec();
    save.push(("action", "save"));
    let p = agent.post("/unternehmen/neu", &save).await;
    Ok(p.location()
        .expect("redirect")
        .trim_start_matches("/unternehmen/")
        .parse()
        .expect("id"))
}

/// Deactivates company `id` through its confirmation page, as `agent`.
async fn deactivate(agent: &Agent, id: i64) {
    agent
        .submit(&format!("/unternehmen/{id}/aktion/deaktivieren"), &[])
        .await;
}

#[tokio::test]
async fn ihk_staff_create_in_their_district_only() {
    let app = with_postcodes().await;
    let (erfurt, _) = agent_for(&app, Role::IhkStaff, "c-erfurt").await;
    // 40210 Düsseldorf is not in IHK Erfurt.
    let page = create(
        &erfurt,
        &form("Rheinwerk GmbH", "Königsallee", "40210", "Düsseldorf"),
    )
    .await
    .unwrap_err();
    assert_eq!(page.status, 422);
    assert!(page.contains("Die Adresse liegt nicht in Ihrem IHK-Bezirk."));
    assert!(page.contains("value=\"Rheinwerk GmbH\""), "input kept");
    assert_eq!(app.count("company").await.unwrap(), 0, "nothing half-saved");
    // 06567 Bad Frankenhausen is.
    let id = create(
        &erfurt,
        &form(
            "Kyffhäuser Maschinenbau",
            "Hauptstraße",
            "06567",
            "Bad Frankenhausen",
        ),
    )
    .await
    .unwrap();
    let c = app.record::<company::Entity>(id).await;
    assert_eq!(c.kreis.as_deref(), Some("Kyffhäuserkreis"));
    assert_eq!(c.target_occupations, "mechatronik,koch");
    assert_eq!(c.consent_partners, "ba");
    let detail = erfurt.get(&format!("/unternehmen/{id}")).await;
    assert!(
        detail.contains("Kyffhäuser Maschinenbau") && detail.contains("Mechatroniker&#x2f;in"),
        "{} {}",
        detail.status,
        detail.body
    );
    let history = company_status_change::Entity::find()
        .filter(company_status_change::Column::CompanyId.eq(id))
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("company"))
        .filter(audit_log::Column::Action.eq("create"))
        .one(app.db())
        .await
        .unwrap();
    assert!(audited.is_some_and(|e| e.changes.contains("Kyffhäuser Maschinenbau")));
    // A second record at the same address (written differently) is refused with a link.
    let dup = create(
        &erfurt,
        &form("Andere Firma", "Hauptstr.", "06567", "BAD FRANKENHAUSEN"),
    )
    .await
    .unwrap_err();
    assert!(dup.contains("bereits ein Unternehmen erfasst"));
    assert!(
        dup.body.contains(&format!("href=\"/unternehmen/{id}\"")),
        "links to the first"
    );
}

#[tokio::test]
async fn foreign_district_records_answer_404_and_are_logged() {
    let app = with_postcodes().await;
    let (admin, _) = agent_for(&app, Role::Admin, "c-admin").await;
    let id = create(
        &admin,
        &form("Rhein AG", "Königsallee", "40210", "Düsseldorf"),
    )
    .await
    .unwrap();
    let (erfurt, staff) = agent_for(&app, Role::IhkStaff, "c-erfurt2").await;
    assert_eq!(erfurt.get(&format!("/unternehmen/{id}")).await.status, 404);
    assert_eq!(
        erfurt
            .get(&format!("/unternehmen/{id}/bearbeiten"))
            .await
            .status,
        404
    );
    assert!(!erfurt.get("/unternehmen").await.contains("Rhein AG"));
    let denied = access_log::Entity::find()
        .filter(access_log::Column::Action.eq("denied"))
        .filter(access_log::Column::Actor.eq(format!("user:{}", staff.id)))
        .all(app.db())
        .await
        .unwrap();
    assert!(
        denied
            .iter()
            .any(|e| e.entity == "company" && e.entity_id.as_deref() == Some(&id.to_string()))
    );
    // Düsseldorf staff see it.
    let ddorf_user =
        create_user_in(app.services(), Role::IhkStaff, "c-ddorf", "IHK Düsseldorf").await;
    let ddorf = app.agent();
    login(&app, &ddorf, &ddorf_user).await;
    assert_eq!(ddorf.get(&format!("/unternehmen/{id}")).await.status, 200);
    // AHK staff and the DPO see no company data at all.
    for role in [Role::AhkStaff, Role::Dpo, Role::SuperAdmin] {
        let (a, _) = agent_for(&app, role, &format!("c-{}", role.code().replace('_', "-"))).await;
        assert_eq!(a.get("/unternehmen").await.status, 403);
        assert_eq!(a.get(&format!("/unternehmen/{id}")).await.status, 403);
    }
}

#[tokio::test]
async fn search_folds_accents_sorts_german_and_exports_exactly_the_result() {
    let app = with_postcodes().await;
    let (admin, _) = agent_for(&app, Role::Admin, "c-admin2").await;
    for (name, street) in [
        ("Müller Metallbau", "Anger"),
        ("Zander Logistik", "Bahnhofstraße"),
        ("Ärger & Co", "Domplatz"),
        ("=HYPERLINK(\"x\")", "Fischmarkt"),
    ] {
        create(&admin, &form(name, street, "99084", "Erfurt"))
            .await
            .unwrap();
    }
    let p = admin.get("/unternehmen?q=MULLER").await;
    assert_eq!(p.status, 200, "{}", p.body);
    assert!(
        p.contains("Müller Metallbau") && !p.contains("Zander"),
        "accent-insensitive"
    );
    assert!(p.contains("1 Eintrag"));
    let p = admin.get("/unternehmen?q=schafer+messe").await;
    assert!(
        p.contains("4 Einträge"),
        "all words, any field (contact name, remarks)"
    );
    let p = admin.get("/unternehmen?sort=name").await;
    let pos = |n: &str| p.body.find(n).unwrap();
    assert!(
        pos("Ärger") < pos("Müller") && pos("Müller") < pos("Zander"),
        "Ä with A"
    );
    // Export: as many data rows as the search has results.
    let csv = admin.get("/unternehmen/export/export.csv?q=erfurt").await;
    assert_eq!(csv.body.lines().count(), 1 + 4);
    assert!(
        csv.body.contains("\"'=HYPERLINK(\"\"x\"\")\""),
        "formula neutralised: {}",
        csv.body
    );
    let filtered = admin.get("/unternehmen/export/export.csv?q=muller").await;
    assert_eq!(filtered.body.lines().count(), 1 + 1);
    let xlsx = admin.get("/unternehmen/export/export.xlsx?q=erfurt").await;
    let sheet = xlsx.xlsx_sheet();
    assert!(!sheet.contains("<f>"), "no formulas in the sheet");
    assert!(
        sheet.contains("autoFilter") && sheet.contains("pane"),
        "autofilter and frozen header"
    );
    assert_eq!(sheet.matches("<row ").count(), 1 + 4);
    let exports = access_log::Entity::find()
        .filter(access_log::Column::Action.eq("export"))
        .order_by_asc(access_log::Column::Id)
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(exports.len(), 3);
    assert_eq!(exports[0].result_count, Some(4));
}

#[tokio::test]
async fn deactivated_companies_are_seen_by_admins_only() {
    let app = with_postcodes().await;
    let (staff, _) = agent_for(&app, Role::IhkStaff, "c-erfurt3").await;
    let id = create(
        &staff,
        &form("Thüringer Backstube", "Marktstraße", "99084", "Erfurt"),
    )
    .await
    .unwrap();
    let p = staff
        .submit(&format!("/unternehmen/{id}/aktion/deaktivieren"), &[])
        .await;
    assert_eq!(p.location(), Some("/unternehmen"));
    assert_eq!(staff.get(&format!("/unternehmen/{id}")).await.status, 404);
    assert!(
        !staff
            .get("/unternehmen")
            .await
            .contains("Thüringer Backstube")
    );
    let (admin, _) = agent_for(&app, Role::Admin, "c-admin3").await;
    assert!(
        !admin
            .get("/unternehmen")
            .await
            .contains("Thüringer Backstube"),
        "not found by default"
    );
    let marked = admin.get("/unternehmen?inactive=on").await;
    assert!(marked.contains("Thüringer Backstube") && marked.contains("deaktiviert"));
    assert!(
        admin
            .get(&format!("/unternehmen/{id}"))
            .await
            .contains("wurde am")
    );
    // IHK staff may not delete physically; admins may.
    assert_eq!(
        staff
            .get(&format!("/unternehmen/{id}/aktion/loeschen"))
            .await
            .status,
        404
    );
    admin
        .submit(&format!("/unternehmen/{id}/aktion/loeschen"), &[])
        .await;
    assert!(app.find::<company::Entity>(id).await.is_none());
    assert_eq!(
        app.count("company_status_change").await.unwrap(),
        0,
        "history removed with it"
    );
}

#[tokio::test]
async fn the_retention_job_deletes_exactly_the_expired_companies() {
    let app = with_postcodes().await;
    let (admin, _) = agent_for(&app, Role::Admin, "c-admin4").await;
    let old = create(&admin, &form("Alt GmbH", "Anger", "99084", "Erfurt"))
        .await
        .unwrap();
    let newer = create(&admin, &form("Neuer GmbH", "Domplatz", "99084", "Erfurt"))
        .await
        .unwrap();
    let active = create(&admin, &form("Aktiv GmbH", "Fischmarkt", "99084", "Erfurt"))
        .await
        .unwrap();
    let companies = Retained {
        area: "/unternehmen",
        entity: "company",
        job: "companies.retention",
    };
    companies
        .check_expiry(&app, &admin, [old, newer, active], "Alt GmbH")
        .await;
}

#[tokio::test]
async fn demo_data_lands_in_the_districts_with_one_audit_event() {
    let app = app().await;
    let none = hih_companies::demo::generate(app.services(), 10, 1, |_, _| {}).await;
    assert!(
        matches!(none, Err(hih_kernel::AppError::Refused(ref k)) if k == "companies-demo-needs-postcodes")
    );
    postcodes::import(
        app.services(),
        &Actor::system("test"),
        &fixture_subset(&["0", "2", "3", "4", "7", "9"]),
        false,
        |_, _| {},
    )
    .await
    .unwrap();
    let n = hih_companies::demo::generate(app.services(), 1200, 7, |_, _| {})
        .await
        .unwrap();
    assert_eq!(n, 1200);
    let all = company::Entity::find().all(app.db()).await.unwrap();
    assert_eq!(all.len(), 1200);
    assert!(
        all.iter()
            .all(|c| c.district_id.is_some() && c.kreis.is_some()),
        "every company in an IHK district"
    );
    assert!(
        all.iter()
            .any(|c| c.name.contains('ü') || c.name.contains('ễ')),
        "diacritics"
    );
    let (admin, _) = agent_for(&app, Role::Admin, "c-demo").await;
    let p = admin.get("/unternehmen?q=muller").await;
    assert!(
        p.contains("Müller"),
        "demo data is searchable like real data"
    );
    let events = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("demo-data"))
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
    // A second run adds more without clashing.
    hih_companies::demo::generate(app.services(), 10, 8, |_, _| {})
        .await
        .unwrap();
    assert_eq!(app.count("company").await.unwrap(), 1210);
}

/// An export longer than one batch (500 records are read at a time) has every record of the
/// list exactly once and in the list's order, and its download states its length (the file is
/// streamed from disk, not held in memory).
#[tokio::test]
async fn an_export_of_several_batches_has_every_record_once_in_the_lists_order() {
    let app = with_postcodes().await;
    hih_companies::demo::generate(app.services(), 1_203, 11, |_, _| {})
        .await
        .unwrap();
    let (admin, _) = agent_for(&app, Role::Admin, "c-batches").await;
    let csv = admin
        .get("/unternehmen/export/export.csv?sort=employees&dir=desc")
        .await;
    assert_eq!(csv.status, 200);
    assert_eq!(
        csv.header("content-length"),
        Some(csv.bytes.len().to_string().as_str())
    );
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |label: &str| header.iter().position(|h| h == label).unwrap();
    let (name, employees) = (column("Firmenname"), column("Beschäftigtenzahl"));
    let rows: Vec<(String, i64)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[name].to_string(), r[employees].parse().unwrap())
        })
        .collect();
    assert_eq!(rows.len(), 1_203, "every record");
    assert!(
        rows.windows(2).all(|w| w[0].1 >= w[1].1),
        "in the list's order (employees, descending) across the batches"
    );
    let mut exported: Vec<String> = rows.into_iter().map(|(n, _)| n).collect();
    let mut stored: Vec<String> = company::Entity::find()
        .all(app.db())
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    exported.sort();
    stored.sort();
    assert_eq!(exported, stored, "each record once");
    let xlsx = admin
        .get("/unternehmen/export/export.xlsx?sort=employees&dir=desc")
        .await;
    assert_eq!(xlsx.status, 200);
    assert_eq!(&xlsx.bytes[..2], b"PK");
    assert_eq!(
        xlsx.header("content-length"),
        Some(xlsx.bytes.len().to_string().as_str())
    );
}

#[tokio::test]
async fn distribution_lists_come_from_the_search_in_scope() {
    let app = with_postcodes().await;
    let (staff, _) = agent_for(&app, Role::IhkStaff, "c-verteiler").await;
    let with_contact = |name: &'static str, street: &'static str, contact: &'static str| {
        let mut f = form(name, street, "99084", "Erfurt");
        f.retain(|(k, _)| *k != "email");
        f.push(("email", "zentrale@example.de"));
        f.push(("contact_email", contact));
        f
    };
    create(
        &staff,
        &with_contact("Alpha Bau", "Anger", "anna@alpha.example"),
    )
    .await
    .unwrap();
    // Same contact address as Alpha: appears once.
    create(
        &staff,
        &with_contact("Alpha Service", "Domplatz", "ANNA@alpha.example"),
    )
    .await
    .unwrap();
    let mut none = form("Beta Logistik", "Fischmarkt", "99084", "Erfurt");
    none.retain(|(k, _)| *k != "email");
    create(&staff, &none).await.unwrap();
    // Outside the search.
    create(
        &staff,
        &with_contact("Gamma Druck", "Krämerbrücke", "info@gamma.example"),
    )
    .await
    .unwrap();

    let list = staff.get("/unternehmen?q=alpha+beta").await;
    assert!(
        list.contains("/unternehmen/verteiler?q=alpha+beta"),
        "link keeps the search"
    );
    let page = staff.get("/unternehmen/verteiler?q=alpha").await;
    assert_eq!(page.status, 200);
    assert!(
        page.contains("1 Adresse aus den gefundenen Unternehmen"),
        "{}",
        page.body
    );
    assert!(page.contains("mailto:?bcc=anna@alpha.example"));
    assert!(!page.contains("gamma"));
    let csv = staff
        .get("/unternehmen/verteiler/verteiler.csv?q=beta")
        .await;
    assert_eq!(
        csv.body.lines().count(),
        1,
        "Beta has no address: header only"
    );
    let page = staff.get("/unternehmen/verteiler?q=beta").await;
    assert!(page.contains("1 gefundenes Unternehmen hat keine E-Mail-Adresse"));
    let csv = staff
        .get("/unternehmen/verteiler/verteiler.csv?q=erfurt")
        .await;
    assert_eq!(csv.body.lines().count(), 1 + 2, "{}", csv.body);
    assert!(csv.body.contains("Frau,Anna,Schäfer,anna@alpha.example"));
    let xlsx = staff
        .get("/unternehmen/verteiler/verteiler.xlsx?q=erfurt")
        .await;
    assert_eq!(&xlsx.bytes[..2], b"PK");
    assert_eq!(
        staff.get("/unternehmen/verteiler/other.csv").await.status,
        404
    );

    // Another district's IHK finds nothing; AHK staff may not ask at all.
    let other_user = create_user_in(
        app.services(),
        Role::IhkStaff,
        "c-verteiler-hl",
        "IHK zu Lübeck",
    )
    .await;
    let other = app.agent();
    login(&app, &other, &other_user).await;
    let csv = other
        .get("/unternehmen/verteiler/verteiler.csv?q=erfurt")
        .await;
    assert_eq!(csv.body.lines().count(), 1);
    let (ahk, _) = agent_for(&app, Role::AhkStaff, "c-verteiler-ahk").await;
    assert_eq!(ahk.get("/unternehmen/verteiler?q=alpha").await.status, 403);

    let logged = access_log::Entity::find()
        .filter(access_log::Column::Action.eq("export"))
        .filter(access_log::Column::Detail.contains("distribution"))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(logged, 4);
}

#[tokio::test]
async fn a_deactivated_companys_address_tells_ihk_staff_whom_to_ask_without_a_link() {
    let app = with_postcodes().await;
    let (staff, _) = agent_for(&app, Role::IhkStaff, "c-erfurt-dup").await;
    let id = create(&staff, &form("Alte Rösterei", "Anger", "99084", "Erfurt"))
        .await
        .unwrap();
    deactivate(&staff, id).await;
    // IHK staff cannot open the deactivated company: no link, but why and whom to ask.
    let dup = create(&staff, &form("Neue Rösterei", "Anger", "99084", "Erfurt"))
        .await
        .unwrap_err();
    assert_eq!(dup.status, 422);
    assert!(dup.contains("bereits ein Unternehmen erfasst"));
    assert!(
        dup.element_text("duplicate-hidden")
            .is_some_and(|t| t.contains("deaktivierten Unternehmen")
                && t.contains("Administratorin oder einen Administrator")),
        "{}",
        dup.body
    );
    assert!(!dup.body.contains(&format!("href=\"/unternehmen/{id}\"")));
    // Admins still get the link.
    let (admin, _) = agent_for(&app, Role::Admin, "c-admin-dup").await;
    let dup = create(&admin, &form("Neue Rösterei", "Anger", "99084", "Erfurt"))
        .await
        .unwrap_err();
    assert!(dup.body.contains(&format!("href=\"/unternehmen/{id}\"")));
    assert!(!dup.contains("deaktivierten Unternehmen, das Sie nicht"));
}

#[tokio::test]
async fn admins_reactivate_a_deactivated_company_during_retention() {
    let app = with_postcodes().await;
    let (staff, _) = agent_for(&app, Role::IhkStaff, "c-erfurt-re").await;
    let id = create(&staff, &form("Wiederkehr GmbH", "Anger", "99084", "Erfurt"))
        .await
        .unwrap();
    let action = format!("/unternehmen/{id}/aktion/reaktivieren");
    // Only deactivated companies can be reactivated.
    let (admin, _) = agent_for(&app, Role::Admin, "c-admin-re").await;
    assert_eq!(admin.get(&action).await.status, 404);
    assert!(
        !admin
            .get(&format!("/unternehmen/{id}"))
            .await
            .contains(&action)
    );
    deactivate(&staff, id).await;
    // IHK staff cannot open it, so cannot reactivate it either.
    assert_eq!(staff.get(&action).await.status, 404);
    staff.get("/unternehmen").await;
    assert_eq!(staff.post(&action, &[]).await.status, 404);
    // Admins see the button, a confirmation page, and after confirming the flash message.
    let detail = admin.get(&format!("/unternehmen/{id}")).await;
    assert!(
        detail.contains(&format!("href=\"{action}\"")),
        "{}",
        detail.body
    );
    let confirm = admin.get(&action).await;
    assert_eq!(confirm.status, 200);
    assert!(confirm.contains("Soll „Wiederkehr GmbH“ wieder aktiviert werden?"));
    let done = admin.post(&action, &[]).await;
    assert_eq!(done.location(), Some(format!("/unternehmen/{id}").as_str()));
    let page = admin.follow(done).await;
    assert!(page.contains("Das Unternehmen wurde reaktiviert."));
    assert!(!page.contains("deactivated-note"));
    let c = app.record::<company::Entity>(id).await;
    assert!(c.active && c.deactivated_at.is_none());
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("company"))
        .filter(audit_log::Column::EntityId.eq(id.to_string()))
        .filter(audit_log::Column::Action.eq("update"))
        .order_by_asc(audit_log::Column::Seq)
        .all(app.db())
        .await
        .unwrap();
    assert!(
        audited
            .last()
            .is_some_and(|e| e.changes.contains("active") && e.changes.contains("true")),
        "{audited:?}"
    );
    // In the lists again, for admins by default and for the IHK staff of its district.
    assert!(admin.get("/unternehmen").await.contains("Wiederkehr GmbH"));
    assert!(staff.get("/unternehmen").await.contains("Wiederkehr GmbH"));
    assert_eq!(staff.get(&format!("/unternehmen/{id}")).await.status, 200);
}

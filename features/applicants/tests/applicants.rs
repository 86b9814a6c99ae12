use hih_applicants::entities::{applicant, applicant_status_change};
use hih_db::entities::{access_log, audit_log};
use hih_kernel::Role;
use hih_users::testing::{agent_for, create_user_in, login};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{app, create, form, insert, parsed};

#[tokio::test]
async fn ahk_staff_create_in_their_country_and_get_the_first_id() {
    let app = app().await;
    let (vn, _) = agent_for(&app, Role::AhkStaff, "a-vn").await;
    // Another country is refused next to the field, nothing saved.
    let page = create(&vn, &form("Priya", "Sharma", "IN"))
        .await
        .unwrap_err();
    assert_eq!(page.status, 422);
    assert!(page.contains("Sie können nur Bewerber&#x2f;innen Ihres Landes erfassen."));
    assert!(page.contains("value=\"Sharma\""), "input kept");
    assert_eq!(
        app.count("applicant").await.unwrap(),
        0,
        "nothing half-saved"
    );
    let id = create(&vn, &form("Thị Hương", "Nguyễn", "VN"))
        .await
        .unwrap();
    let a = app.record::<applicant::Entity>(id).await;
    assert_eq!(a.applicant_id.as_deref(), Some("HIH-VN-0001"));
    assert_eq!(a.first_names, "Thị Hương");
    assert_eq!(a.consent_partners, "sprachkurs");
    let detail = vn.get(&format!("/bewerber/{id}")).await;
    assert_eq!(detail.status, 200);
    assert!(detail.contains("HIH-VN-0001") && detail.contains("Thị Hương Nguyễn"));
    assert!(detail.contains("Statusverlauf") && detail.contains("Bewerber&#x2f;in"));
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("applicant"))
        .filter(audit_log::Column::Action.eq("create"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(audited.changes.contains("HIH-VN-0001") && audited.changes.contains("Nguyễn"));
    // Edit: the status change gets its date and reason; the ID never changes.
    vn.get(&format!("/bewerber/{id}/bearbeiten")).await;
    let mut dropout = form("Thị Hương", "Nguyễn", "VN");
    dropout.retain(|(k, _)| *k != "status");
    dropout.push(("status", "abbrecher"));
    let base = format!("/bewerber/{id}/bearbeiten");
    let mut review = dropout.clone();
    review.push(("action", "review"));
    let p = vn.post(&base, &review).await;
    assert_eq!(p.location(), Some(base.as_str()), "reason missing");
    let p = vn.follow(p).await;
    assert_eq!(p.status, 422);
    assert!(p.contains("den Abbruchgrund an"));
    dropout.push(("dropout_reason", "Familiäre Gründe"));
    let mut save = dropout.clone();
    save.push(("action", "save"));
    let p = vn.post(&base, &save).await;
    assert_eq!(p.location(), Some(format!("/bewerber/{id}").as_str()));
    let history = applicant_status_change::Entity::find()
        .filter(applicant_status_change::Column::ApplicantId.eq(id))
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].status, "abbrecher");
    assert_eq!(history[1].dropout_reason, "Familiäre Gründe");
    let after = app.record::<applicant::Entity>(id).await;
    assert_eq!(after.applicant_id.as_deref(), Some("HIH-VN-0001"));
}

#[tokio::test]
async fn foreign_country_records_answer_404_and_are_logged() {
    let app = app().await;
    let own = insert(&app, &form("Văn Đức", "Trần", "VN")).await;
    let foreign = insert(&app, &form("Arjun", "Reddy", "IN")).await;
    let (vn, staff) = agent_for(&app, Role::AhkStaff, "a-vn2").await;
    assert_eq!(vn.get(&format!("/bewerber/{}", own.id)).await.status, 200);
    for suffix in ["", "/bearbeiten", "/aktion/deaktivieren"] {
        assert_eq!(
            vn.get(&format!("/bewerber/{}{suffix}", foreign.id))
                .await
                .status,
            404,
            "{suffix}"
        );
    }
    let list = vn.get("/bewerber").await;
    assert!(list.contains("Trần") && !list.contains("Reddy"));
    // A country filter in the URL cannot widen the scope.
    assert!(!vn.get("/bewerber?country=IN").await.contains("Reddy"));
    let denied = access_log::Entity::find()
        .filter(access_log::Column::Action.eq("denied"))
        .filter(access_log::Column::Actor.eq(format!("user:{}", staff.id)))
        .all(app.db())
        .await
        .unwrap();
    assert!(denied.iter().any(
        |e| e.entity == "applicant" && e.entity_id.as_deref() == Some(&foreign.id.to_string())
    ));
    // AHK India sees the Indian record; admins both.
    let india = create_user_in(app.services(), Role::AhkStaff, "a-in", "AHK Indien").await;
    let in_agent = app.agent();
    login(&app, &in_agent, &india).await;
    assert_eq!(
        in_agent
            .get(&format!("/bewerber/{}", foreign.id))
            .await
            .status,
        200
    );
    let (admin, _) = agent_for(&app, Role::Admin, "a-admin").await;
    let all = admin.get("/bewerber").await;
    assert!(all.contains("Trần") && all.contains("Reddy"));
    assert!(!admin.get("/bewerber?country=IN").await.contains("Trần"));
    // IHK staff may read applicants, but none is in their scope until a match opens it
    // (R-MAT-3): the list is empty, the record answers 404, the form stays closed.
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "a-ihk").await;
    let list = ihk.get("/bewerber").await;
    assert_eq!(list.status, 200);
    assert!(!list.contains("Trần") && !list.contains("Reddy"));
    assert!(!list.contains("/bewerber/neu"), "no create button");
    assert_eq!(ihk.get(&format!("/bewerber/{}", own.id)).await.status, 404);
    assert_eq!(
        ihk.get(&format!("/bewerber/{}/prozess", own.id))
            .await
            .status,
        404
    );
    assert_eq!(ihk.get("/bewerber/neu").await.status, 403);
    assert_eq!(
        ihk.get(&format!("/bewerber/{}/bearbeiten", own.id))
            .await
            .status,
        403
    );
    assert!(!ihk.get("/suche?q=tran").await.contains("Trần"));
    // The DPO and the operator see no applicants.
    for role in [Role::Dpo, Role::SuperAdmin] {
        let (a, _) = agent_for(&app, role, &format!("a-{}", role.code().replace('_', "-"))).await;
        assert_eq!(a.get("/bewerber").await.status, 403);
        assert_eq!(a.get(&format!("/bewerber/{}", own.id)).await.status, 403);
        let search = a.get("/suche?q=tran").await;
        assert!(
            !search.contains("Trần"),
            "{role:?}: nothing in the global search"
        );
    }
}

/// Changed fields, the field that gets the message, a part of the message.
type Case = (
    Vec<(&'static str, &'static str)>,
    &'static str,
    &'static str,
);

#[tokio::test]
async fn plausibility_messages_stand_next_to_their_fields() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "a-admin2").await;
    let cases: Vec<Case> = vec![
        (
            vec![("birth_date", "2012-01-01")],
            "birth_date",
            "zwischen 16 und 70 Jahren",
        ),
        (
            // 70 at entry is fine, 71 is not: born 1955, entry 2026.
            vec![("birth_date", "1955-01-01"), ("entry_date", "2026-10-01")],
            "birth_date",
            "zwischen 16 und 70 Jahren",
        ),
        (
            vec![
                ("visa_applied", "2026-08-01"),
                ("visa_granted", "2026-07-01"),
            ],
            "visa_granted",
            "nicht vor dem Antrag erteilt",
        ),
        (
            vec![
                ("recognition_applied", "2026-05-01"),
                ("recognition_decided", "2026-04-01"),
            ],
            "recognition_decided",
            "nicht vor dem Antrag entschieden",
        ),
        (
            vec![("course_start", "2026-05-01"), ("course_end", "2026-04-01")],
            "course_end",
            "Sprachkurses darf nicht vor seinem Beginn",
        ),
        (
            vec![
                ("adaptation_start", "2026-05-01"),
                ("adaptation_end", "2026-04-01"),
            ],
            "adaptation_end",
            "Anpassungsqualifizierung darf nicht",
        ),
        (vec![("phone", "0361 abc")], "phone", "Telefon"),
        (vec![("email", "huong@")], "email", "E-Mail"),
        (vec![("last_name", "Nguyen2")], "last_name", "keine Ziffern"),
        (
            vec![("birth_date", "31.02.1990")],
            "birth_date",
            "gültiges Datum",
        ),
    ];
    for (changes, field, message) in cases {
        let mut fields = form("Thị Hương", "Nguyễn", "VN");
        fields.retain(|(k, _)| !changes.iter().any(|(c, _)| c == k));
        fields.extend(changes.iter().cloned());
        let page = create(&admin, &fields).await.unwrap_err();
        assert_eq!(page.status, 422, "{field}");
        assert!(page.contains(message), "{field}: {message}\n{}", page.body);
        assert!(
            page.body.contains(&format!("id=\"{field}-error\""))
                || page.body.contains(&format!("{field}-error")),
            "message next to {field}"
        );
    }
    // 70 at entry is accepted (born 1956-01-01, entry 2026-10-01), as is 16 today.
    let mut edge = form("Thị Hương", "Nguyễn", "VN");
    edge.retain(|(k, _)| *k != "birth_date");
    edge.extend([("birth_date", "1956-01-01"), ("entry_date", "2026-10-01")]);
    create(&admin, &edge).await.unwrap();
    assert_eq!(app.count("applicant").await.unwrap(), 1);
}

#[tokio::test]
async fn a_possible_duplicate_needs_an_explicit_confirmation() {
    let app = app().await;
    let (vn, _) = agent_for(&app, Role::AhkStaff, "a-vn3").await;
    let first = create(&vn, &form("Thị Hương", "Nguyễn", "VN"))
        .await
        .unwrap();
    // The same person written differently: case, accents, spaces. The check refuses it with
    // the warning, a link to the record and the checkbox next to the form; nothing is saved.
    let again = form("THI  HUONG", "Nguyen", "VN");
    let mut review = again.clone();
    review.push(("action", "review"));
    let p = vn.post("/bewerber/neu", &review).await;
    assert_eq!(p.location(), Some("/bewerber/neu"));
    let page = vn.follow(p).await;
    assert_eq!(page.status, 422);
    assert!(page.contains("Es gibt bereits eine Person"));
    assert!(
        page.body.contains(&format!("href=\"/bewerber/{first}\"")),
        "links to it"
    );
    assert!(page.contains("Trotzdem anlegen"));
    assert!(page.contains("Bitte bestätigen Sie"));
    // Saving without the confirmation saves nothing either.
    let mut save = again.clone();
    save.push(("action", "save"));
    let p = vn.post("/bewerber/neu", &save).await;
    assert_eq!(p.location(), Some("/bewerber/neu"));
    assert_eq!(vn.follow(p).await.status, 422);
    assert_eq!(app.count("applicant").await.unwrap(), 1);
    // Confirmed, the review page opens and says so; then the second record is created with
    // the next ID.
    review.push(("confirm_duplicate", "on"));
    let p = vn.post("/bewerber/neu", &review).await;
    assert_eq!(p.location(), Some("/bewerber/neu/pruefen"));
    assert!(
        vn.get("/bewerber/neu/pruefen")
            .await
            .contains("Trotzdem anlegen")
    );
    save.push(("confirm_duplicate", "on"));
    let p = vn.post("/bewerber/neu", &save).await;
    let second: i64 = p
        .location()
        .unwrap()
        .trim_start_matches("/bewerber/")
        .parse()
        .unwrap();
    let a = app.record::<applicant::Entity>(second).await;
    assert_eq!(a.applicant_id.as_deref(), Some("HIH-VN-0002"));
    // Another birth date is no duplicate.
    let mut other = form("Thị Hương", "Nguyễn", "VN");
    other.retain(|(k, _)| *k != "birth_date");
    other.push(("birth_date", "1999-04-12"));
    create(&vn, &other).await.unwrap();
}

#[tokio::test]
async fn search_folds_diacritics_and_exports_exactly_the_result() {
    let app = app().await;
    for (first, last, country) in [
        ("Thị Hương", "Nguyễn", "VN"),
        ("Văn Đức", "Trần", "VN"),
        ("João", "Conceição", "BR"),
        ("Priya", "Sharma", "IN"),
        ("=HYPERLINK(\"x\")", "Lê", "VN"),
    ] {
        let mut f = form(first, last, country);
        if first.starts_with('=') {
            // Not a valid name: a formula as the place of residence, which is exported.
            f.retain(|(k, _)| *k != "first_names" && *k != "residence");
            f.extend([("first_names", "Thu Hà"), ("residence", first)]);
        }
        insert(&app, &f).await;
    }
    let (admin, _) = agent_for(&app, Role::Admin, "a-admin3").await;
    let p = admin.get("/bewerber?q=nguyen").await;
    assert!(
        p.contains("Nguyễn, Thị Hương") && !p.contains("Trần"),
        "nguyen finds Nguyễn"
    );
    assert!(p.contains("1 Eintrag"));
    assert!(
        admin
            .get("/bewerber?q=CONCEICAO")
            .await
            .contains("Conceição")
    );
    assert!(
        admin
            .get("/bewerber?q=hih-br-0001")
            .await
            .contains("Conceição"),
        "by ID"
    );
    let p = admin.get("/bewerber?sort=name").await;
    let pos = |n: &str| p.body.find(n).unwrap();
    assert!(
        pos("Conceição, João") < pos("Lê, Thu Hà")
            && pos("Lê, Thu Hà") < pos("Nguyễn, Thị Hương")
            && pos("Nguyễn, Thị Hương") < pos("Sharma, Priya")
    );
    let vn = admin.get("/bewerber?country=VN").await;
    assert!(vn.contains("3 Einträge"));
    let csv = admin.get("/bewerber/export/export.csv?country=VN").await;
    assert_eq!(csv.body.lines().count(), 1 + 3, "{}", csv.body);
    assert!(csv.body.starts_with("Bewerberkennung,Nachname"));
    let csv = admin.get("/bewerber/export/export.csv?q=hyperlink").await;
    assert_eq!(csv.body.lines().count(), 1 + 1);
    assert!(
        csv.body.contains("\"'=HYPERLINK(\"\"x\"\")\""),
        "formula neutralised: {}",
        csv.body
    );
    let xlsx = admin.get("/bewerber/export/export.xlsx?country=VN").await;
    let sheet = xlsx.xlsx_sheet();
    assert_eq!(sheet.matches("<row ").count(), 1 + 3);
    assert!(!sheet.contains("<f>"));
    // AHK Vietnam exports only their country, whatever the URL says.
    let (vn_staff, _) = agent_for(&app, Role::AhkStaff, "a-vn4").await;
    let csv = vn_staff.get("/bewerber/export/export.csv?country=IN").await;
    assert_eq!(csv.body.lines().count(), 1);
    let csv = vn_staff.get("/bewerber/export/export.csv").await;
    assert_eq!(csv.body.lines().count(), 1 + 3);
    // The global search finds applicants in scope.
    let s = vn_staff.get("/suche?q=nguyen").await;
    assert!(s.contains("Thị Hương Nguyễn"), "{}", s.body);
    assert!(!vn_staff.get("/suche?q=sharma").await.contains("Sharma"));
    let exports = app.access_entries("applicant", "export").await;
    assert_eq!(exports.len(), 5);
}

#[tokio::test]
async fn the_registration_country_is_fixed_once_the_id_exists_for_admins_too() {
    let app = app().await;
    let a = insert(&app, &form("Arjun", "Reddy", "IN")).await;
    assert_eq!(a.applicant_id.as_deref(), Some("HIH-IN-0001"));
    let (admin, _) = agent_for(&app, Role::Admin, "a-admin-country").await;
    let base = format!("/bewerber/{}/bearbeiten", a.id);
    // The form offers only the fixed country and says how a wrong one is corrected.
    let page = admin.get(&base).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("mit der Bewerberkennung festgelegt"), "hint");
    assert!(page.contains("value=\"IN\""));
    assert!(!page.contains("value=\"VN\""), "no other country offered");
    // A posted change is refused next to the field, nothing saved.
    let mut moved = form("Arjun", "Reddy", "VN");
    moved.push(("action", "review"));
    let p = admin.post(&base, &moved).await;
    let p = admin.follow(p).await;
    assert_eq!(p.status, 422);
    assert!(p.contains("kann nicht mehr geändert werden"), "{}", p.body);
    // The service refuses it as well (any caller, any role).
    let mut changed = parsed(&form("Arjun", "Reddy", "VN"));
    changed.status = a.status.clone();
    let valid = hih_applicants::service::validate(app.services(), &changed, None)
        .await
        .unwrap();
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &hih_kernel::Actor::system("test"))
        .await
        .unwrap();
    let refused = hih_applicants::service::update(&mut uow, &a, valid).await;
    assert!(matches!(refused, Err(hih_kernel::AppError::Validation(_))));
    drop(uow);
    let after = app.record::<applicant::Entity>(a.id).await;
    assert_eq!(after.country, "IN");
    assert_eq!(after.applicant_id.as_deref(), Some("HIH-IN-0001"));
    // Other fields still save.
    let mut save = form("Arjun", "Reddy", "IN");
    save.push(("action", "save"));
    let p = admin.post(&base, &save).await;
    assert_eq!(p.location(), Some(format!("/bewerber/{}", a.id).as_str()));
}

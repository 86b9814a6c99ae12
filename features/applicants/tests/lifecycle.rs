use hih_applicants::entities::applicant;
use hih_db::entities::audit_log;
use hih_kernel::Role;
use hih_testkit::retention::Retained;
use hih_users::testing::agent_for;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{app, form, insert};

#[tokio::test]
async fn deactivated_applicants_are_seen_by_admins_only_and_admins_delete() {
    let app = app().await;
    let a = insert(&app, &form("Thị Hương", "Nguyễn", "VN")).await;
    let (vn, _) = agent_for(&app, Role::AhkStaff, "l-vn").await;
    let p = vn
        .submit(&format!("/bewerber/{}/aktion/deaktivieren", a.id), &[])
        .await;
    assert_eq!(p.location(), Some("/bewerber"));
    assert_eq!(vn.get(&format!("/bewerber/{}", a.id)).await.status, 404);
    assert!(!vn.get("/bewerber").await.contains("Nguyễn, Thị Hương"));
    let (admin, _) = agent_for(&app, Role::Admin, "l-admin").await;
    assert!(
        !admin.get("/bewerber").await.contains("Nguyễn, Thị Hương"),
        "not by default"
    );
    let marked = admin.get("/bewerber?inactive=on").await;
    assert!(marked.contains("Nguyễn, Thị Hương") && marked.contains("deaktiviert"));
    assert!(
        admin
            .get(&format!("/bewerber/{}", a.id))
            .await
            .contains("wurde am")
    );
    // AHK staff may not delete physically; admins may, the history goes with it.
    let b = insert(&app, &form("Văn Đức", "Trần", "VN")).await;
    assert_eq!(
        vn.get(&format!("/bewerber/{}/aktion/loeschen", b.id))
            .await
            .status,
        403
    );
    admin
        .submit(&format!("/bewerber/{}/aktion/loeschen", b.id), &[])
        .await;
    assert!(app.find::<applicant::Entity>(b.id).await.is_none());
    let deleted = app.audit_entries("applicant", "delete").await;
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0].entity_id, b.id.to_string());
    assert_eq!(
        app.count("applicant_status_change").await.unwrap(),
        1,
        "only a's"
    );
}

#[tokio::test]
async fn the_retention_job_deletes_exactly_the_expired_applicants() {
    let app = app().await;
    let (admin, _) = agent_for(&app, Role::Admin, "l-admin2").await;
    let old = insert(&app, &form("Ana", "Souza", "BR")).await.id;
    let newer = insert(&app, &form("João", "Conceição", "BR")).await.id;
    let active = insert(&app, &form("Priya", "Sharma", "IN")).await.id;
    let applicants = Retained {
        area: "/bewerber",
        entity: "applicant",
        job: "applicants.retention",
    };
    applicants
        .check_expiry(&app, &admin, [old, newer, active], "Souza")
        .await;
}

#[tokio::test]
async fn demo_data_gets_ids_from_the_counter_and_is_searchable() {
    let app = app().await;
    // One applicant entered by hand first: demo data continues its country's numbering.
    insert(&app, &form("Thị Hương", "Nguyễn", "VN")).await;
    let n = hih_applicants::demo::generate(app.services(), 1200, 7, |_, _| {})
        .await
        .unwrap();
    assert_eq!(n, 1200);
    let all = applicant::Entity::find().all(app.db()).await.unwrap();
    assert_eq!(all.len(), 1201);
    for country in ["IN", "BR", "VN"] {
        let mut numbers: Vec<i64> = all
            .iter()
            .filter(|a| a.country == country)
            .map(|a| a.id_number.unwrap())
            .collect();
        numbers.sort_unstable();
        assert!(numbers.len() > 300, "{country}: {}", numbers.len());
        assert_eq!(
            numbers,
            (1..=numbers.len() as i64).collect::<Vec<_>>(),
            "{country}: consecutive"
        );
    }
    assert!(
        all.iter()
            .any(|a| a.last_name == "Nguyễn" && a.first_names.contains('ị'))
    );
    assert!(
        all.iter()
            .any(|a| a.last_name.contains('ç') || a.last_name.contains('ã'))
    );
    assert!(
        all.iter()
            .any(|a| a.last_name == "शर्मा" || a.last_name == "पटेल")
    );
    // Every demo record passes the plausibility checks it would get in the form.
    for a in all.iter().take(300) {
        let f = hih_applicants::form::ApplicantForm::from_model(a);
        hih_applicants::service::validate(app.services(), &f, None)
            .await
            .unwrap_or_else(|e| panic!("{:?}: {e:?}", a.applicant_id));
    }
    let (admin, _) = agent_for(&app, Role::Admin, "l-demo").await;
    let p = admin.get("/bewerber?q=conceicao").await;
    assert!(
        p.contains("Conceição, "),
        "demo data is searchable like real data"
    );
    let events = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("demo-data"))
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
}

#[tokio::test]
async fn admins_reactivate_a_deactivated_applicant_during_retention() {
    let app = app().await;
    let a = insert(&app, &form("Minh", "Phạm", "VN")).await;
    let (vn, _) = agent_for(&app, Role::AhkStaff, "a-vn-re").await;
    let (admin, _) = agent_for(&app, Role::Admin, "a-admin-re").await;
    let action = format!("/bewerber/{}/aktion/reaktivieren", a.id);
    assert_eq!(
        admin.get(&action).await.status,
        404,
        "active: nothing to do"
    );
    vn.submit(&format!("/bewerber/{}/aktion/deaktivieren", a.id), &[])
        .await;
    assert_eq!(vn.get(&action).await.status, 404, "staff cannot open it");
    let detail = admin.get(&format!("/bewerber/{}", a.id)).await;
    assert!(detail.contains(&format!("href=\"{action}\"")));
    let confirm = admin.get(&action).await;
    assert_eq!(confirm.status, 200);
    assert!(confirm.contains("wieder aktiviert werden?"));
    let done = admin.post(&action, &[]).await;
    assert_eq!(
        done.location(),
        Some(format!("/bewerber/{}", a.id).as_str())
    );
    assert!(
        admin
            .follow(done)
            .await
            .contains("Der Datensatz wurde reaktiviert.")
    );
    let after = app.record::<applicant::Entity>(a.id).await;
    assert!(after.active && after.deactivated_at.is_none());
    assert_eq!(after.applicant_id, a.applicant_id, "the ID stays");
    let last = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("applicant"))
        .filter(audit_log::Column::EntityId.eq(a.id.to_string()))
        .order_by_desc(audit_log::Column::Seq)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(last.action, "update");
    assert!(last.changes.contains("active"), "{}", last.changes);
    assert_eq!(vn.get(&format!("/bewerber/{}", a.id)).await.status, 200);
    assert!(vn.get("/bewerber").await.contains("Phạm"));
}

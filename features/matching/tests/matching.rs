use hih_db::entities::access_log;
use hih_kernel::Role;
use hih_users::testing::{agent_for, create_user_in, login};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{app, applicant_in, company_in, deactivate, enter_match};

#[tokio::test]
async fn a_match_opens_the_applicant_to_the_district_and_removing_it_closes_it() {
    let app = app().await;
    let company = company_in(&app, "IHK Erfurt", "Eigene GmbH").await;
    let a = applicant_in(&app, "VN", "Phạm").await;
    let (ihk, staff) = agent_for(&app, Role::IhkStaff, "ihk").await;
    let detail = format!("/bewerber/{a}");
    assert_eq!(ihk.get(&detail).await.status, 404, "before the match");
    assert!(!ihk.get("/bewerber").await.contains("Phạm"));
    // Typed in lower case with blanks: found all the same.
    enter_match(&ihk, company, "  hih-vn-0001 ").await.unwrap();
    let page = ihk.get(&detail).await;
    assert_eq!(page.status, 200, "after the match");
    assert!(page.contains("HIH-VN-0001"));
    assert!(ihk.get("/bewerber").await.contains("Phạm"));
    // The read is in the access log.
    let views = access_log::Entity::find()
        .filter(access_log::Column::Action.eq("view"))
        .filter(access_log::Column::Actor.eq(format!("user:{}", staff.id)))
        .filter(access_log::Column::Entity.eq("applicant"))
        .all(app.db())
        .await
        .unwrap();
    assert!(!views.is_empty());
    // Match and access are audited together.
    for entity in ["placement", "applicant_access"] {
        let n = app.audit_entries(entity, "create").await.len();
        assert_eq!(n, 1, "{entity}");
    }
    // The process fields are editable; the record itself is not.
    assert_eq!(ihk.get(&format!("{detail}/bearbeiten")).await.status, 403);
    assert_eq!(
        ihk.get(&format!("{detail}/aktion/deaktivieren"))
            .await
            .status,
        403
    );
    assert_eq!(ihk.get(&format!("{detail}/prozess")).await.status, 200);
    let p = ihk
        .post(
            &format!("{detail}/prozess"),
            &[
                ("entry_date", "2026-12-01"),
                ("work_start", "2026-11-20"),
                ("integration_measures", "Patenschaft im Betrieb"),
                ("employed_6m", ""),
                ("employed_12m", ""),
                ("action", "review"),
            ],
        )
        .await;
    let p = ihk.follow(p).await;
    assert_eq!(p.status, 422, "work start before entry");
    assert!(p.contains("Patenschaft im Betrieb"), "input kept");
    let process = [
        ("entry_date", "2026-12-01"),
        ("work_start", "2026-12-15"),
        ("integration_measures", "Patenschaft im Betrieb"),
        ("employed_6m", "ja"),
        ("employed_12m", ""),
    ];
    let mut review = process.to_vec();
    review.push(("action", "review"));
    let p = ihk.post(&format!("{detail}/prozess"), &review).await;
    assert_eq!(
        p.location(),
        Some(format!("{detail}/prozess/pruefen").as_str())
    );
    let confirm = ihk.get(&format!("{detail}/prozess/pruefen")).await;
    assert_eq!(confirm.status, 200);
    assert!(confirm.contains("Patenschaft im Betrieb"));
    let mut save = process.to_vec();
    save.push(("action", "save"));
    let p = ihk.post(&format!("{detail}/prozess"), &save).await;
    assert_eq!(p.location(), Some(detail.as_str()));
    let saved = app
        .record::<hih_applicants::entities::applicant::Entity>(a)
        .await;
    assert_eq!(saved.integration_measures, "Patenschaft im Betrieb");
    assert_eq!(saved.employed_6m, "ja");
    assert_eq!(saved.last_name, "Phạm", "other fields unchanged");
    // Remove with confirmation: the access goes with it.
    let list = ihk
        .get(&format!("/unternehmen/{company}/vermittlungen"))
        .await;
    assert!(list.contains("HIH-VN-0001"));
    let placement = hih_matching::entities::placement::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let remove = format!(
        "/unternehmen/{company}/vermittlungen/{}/entfernen",
        placement.id
    );
    assert_eq!(ihk.get(&remove).await.status, 200);
    let p = ihk.post(&remove, &[]).await;
    assert_eq!(p.status, 303);
    assert_eq!(ihk.get(&detail).await.status, 404, "after the removal");
    assert_eq!(app.count("applicant_access").await.unwrap(), 0);
    assert_eq!(app.count("placement").await.unwrap(), 0);
}

#[tokio::test]
async fn the_typed_id_is_checked_precisely() {
    let app = app().await;
    let company = company_in(&app, "IHK Erfurt", "Eigene GmbH").await;
    let foreign = company_in(&app, "IHK Düsseldorf", "Fremde AG").await;
    let first = applicant_in(&app, "VN", "Nguyễn").await;
    let gone = applicant_in(&app, "VN", "Trần").await;
    deactivate(&app, gone).await;
    // Admins see every applicant: they learn the precise reason.
    let (admin, _) = agent_for(&app, Role::Admin, "admin").await;
    let page = enter_match(&admin, company, "HIH-VN-9999")
        .await
        .unwrap_err();
    assert_eq!(page.status, 422);
    assert!(page.contains("keinen Datensatz"));
    assert!(page.contains("value=\"HIH-VN-9999\""), "input kept");
    let page = enter_match(&admin, company, "HIH-VN-0002")
        .await
        .unwrap_err();
    assert!(page.contains("ist deaktiviert"));
    // IHK staff do not see these applicants: one message for "unknown" and "deactivated", so
    // the form tells nothing about records they may not see (security finding 6).
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "ihk").await;
    let unknown = enter_match(&ihk, company, "HIH-VN-9999").await.unwrap_err();
    let deactivated = enter_match(&ihk, company, "HIH-VN-0002").await.unwrap_err();
    for page in [&unknown, &deactivated] {
        assert_eq!(page.status, 422);
        assert!(page.contains("keine Vermittlung möglich"));
        assert!(!page.contains("keinen Datensatz") && !page.contains("deaktiviert"));
    }
    enter_match(&ihk, company, "HIH-VN-0001").await.unwrap();
    let page = enter_match(&ihk, company, "hih-vn-0001").await.unwrap_err();
    assert!(page.contains("bereits an dieses Unternehmen vermittelt"));
    assert_eq!(
        app.count("placement").await.unwrap(),
        1,
        "nothing else saved"
    );
    // Saving directly (skipping the confirmation) is checked the same way.
    let p = ihk
        .post(
            &format!("/unternehmen/{company}/vermittlungen/neu"),
            &[
                ("applicant_code", "HIH-VN-0001"),
                ("placed_on", "2026-11-02"),
                ("status", "vermittelt"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(
        p.location(),
        Some(format!("/unternehmen/{company}/vermittlungen/neu").as_str())
    );
    assert_eq!(app.count("placement").await.unwrap(), 1);
    // Companies of another district answer 404.
    assert_eq!(
        ihk.get(&format!("/unternehmen/{foreign}/vermittlungen/neu"))
            .await
            .status,
        404
    );
    let _ = first;
}

#[tokio::test]
async fn ahk_staff_are_notified_and_see_the_company_name_only() {
    let app = app().await;
    let company = company_in(&app, "IHK Erfurt", "Bäckerei Sonnenschein").await;
    let a = applicant_in(&app, "VN", "Nguyễn").await;
    let (ahk, ahk_user) = agent_for(&app, Role::AhkStaff, "ahk-vn").await;
    let india = create_user_in(app.services(), Role::AhkStaff, "ahk-in", "AHK Indien").await;
    let (admin, _) = agent_for(&app, Role::Admin, "admin").await;
    enter_match(&admin, company, "HIH-VN-0001").await.unwrap();
    // Bell and mail for the AHK Vietnam, nothing for AHK India.
    let notes = hih_notify::entity::Entity::find()
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].user_id, ahk_user.id);
    assert_ne!(notes[0].user_id, india.id);
    assert!(app.count("mail_outbox").await.unwrap() >= 1);
    let bell = ahk.get("/benachrichtigungen").await;
    assert!(bell.contains("HIH-VN-0001") && bell.contains("Bäckerei Sonnenschein"));
    // The name, and no other company field, wherever AHK staff look.
    let secret = ["Geheimgasse", "99084", "geheim.example", "Erfurt"];
    for path in [
        format!("/bewerber/{a}/vermittlungen"),
        format!("/bewerber/{a}"),
        "/bewerber".to_string(),
        "/vermittlungen".to_string(),
        "/vermittlungen?q=sonnenschein".to_string(),
        "/vermittlungen/export/export.csv".to_string(),
        "/bewerber/export/export.csv".to_string(),
        "/suche?q=sonnenschein".to_string(),
        "/suche?q=nguyen".to_string(),
    ] {
        let p = ahk.get(&path).await;
        assert_eq!(p.status, 200, "{path}");
        for s in secret {
            assert!(!p.contains(s), "{path} shows {s}");
        }
    }
    assert!(
        ahk.get(&format!("/bewerber/{a}/vermittlungen"))
            .await
            .contains("Bäckerei Sonnenschein")
    );
    assert!(
        ahk.get("/vermittlungen/export/export.csv")
            .await
            .contains("Bäckerei Sonnenschein")
    );
    // The company pages stay closed to them.
    assert_eq!(
        ahk.get(&format!("/unternehmen/{company}")).await.status,
        403
    );
    assert_eq!(
        ahk.get(&format!("/unternehmen/{company}/vermittlungen"))
            .await
            .status,
        403
    );
    // AHK India sees neither the match nor the applicant.
    let other = app.agent();
    login(&app, &other, &india).await;
    assert!(
        !other
            .get("/vermittlungen")
            .await
            .contains("Bäckerei Sonnenschein")
    );
    assert_eq!(
        other
            .get(&format!("/bewerber/{a}/vermittlungen"))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn a_match_changes_status_after_a_confirmation() {
    let app = app().await;
    let company = company_in(&app, "IHK Erfurt", "Eigene GmbH").await;
    applicant_in(&app, "VN", "Lý").await;
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "ihk").await;
    enter_match(&ihk, company, "HIH-VN-0001").await.unwrap();
    let p = hih_matching::entities::placement::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let base = format!("/unternehmen/{company}/vermittlungen/{}/bearbeiten", p.id);
    assert_eq!(ihk.get(&base).await.status, 200);
    let fields = [
        ("placed_on", "2026-11-02"),
        ("position", "koch"),
        ("status", "vertrag"),
        ("remarks", "Vertrag unterschrieben"),
    ];
    let mut review = fields.to_vec();
    review.push(("action", "review"));
    let r = ihk.post(&base, &review).await;
    assert_eq!(r.location(), Some(format!("{base}/pruefen").as_str()));
    let confirm = ihk.get(&format!("{base}/pruefen")).await;
    assert!(confirm.contains("Arbeitsvertrag unterschrieben") && confirm.contains("HIH-VN-0001"));
    let unchanged = app
        .record::<hih_matching::entities::placement::Entity>(p.id)
        .await;
    assert_eq!(
        unchanged.status, "vermittelt",
        "nothing saved before the confirmation"
    );
    let mut save = fields.to_vec();
    save.push(("action", "save"));
    let r = ihk.post(&base, &save).await;
    assert_eq!(
        r.location(),
        Some(format!("/unternehmen/{company}/vermittlungen").as_str())
    );
    let changed = app
        .record::<hih_matching::entities::placement::Entity>(p.id)
        .await;
    assert_eq!(changed.status, "vertrag");
    assert_eq!(changed.applicant_id, p.applicant_id, "the applicant stays");
    let updates = app.audit_entries("placement", "update").await;
    assert_eq!(updates.len(), 1);
    // An unknown status is refused next to the field.
    let mut bad = fields.to_vec();
    bad[2] = ("status", "erfunden");
    bad.push(("action", "save"));
    let r = ihk.post(&base, &bad).await;
    let page = ihk.follow(r).await;
    assert_eq!(page.status, 422);
    assert!(page.contains("Bitte wählen Sie einen Status."));
}

#[tokio::test]
async fn access_ends_when_the_matched_company_is_deleted() {
    let app = app().await;
    let company = company_in(&app, "IHK Erfurt", "Bald weg GmbH").await;
    let a = applicant_in(&app, "VN", "Đỗ").await;
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "ihk").await;
    enter_match(&ihk, company, "HIH-VN-0001").await.unwrap();
    assert_eq!(ihk.get(&format!("/bewerber/{a}")).await.status, 200);
    // An admin deletes the company physically: the match goes with it (cascade) ...
    let (admin, _) = agent_for(&app, Role::Admin, "admin").await;
    let del = format!("/unternehmen/{company}/aktion/loeschen");
    assert_eq!(admin.submit(&del, &[]).await.status, 303);
    assert_eq!(app.count("placement").await.unwrap(), 0);
    // ... and the cleanup job closes the access it carried, audited.
    app.run_job(
        hih_matching::jobs::ACCESS_CLEANUP_JOB,
        serde_json::Value::Null,
    )
    .await
    .unwrap();
    assert_eq!(app.count("applicant_access").await.unwrap(), 0);
    assert_eq!(ihk.get(&format!("/bewerber/{a}")).await.status, 404);
    let closed = app.audit_entries("applicant_access", "delete").await;
    assert_eq!(closed.len(), 1);
    // A second run finds nothing.
    app.run_job(
        hih_matching::jobs::ACCESS_CLEANUP_JOB,
        serde_json::Value::Null,
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn the_confirmation_does_not_reveal_the_applicant_before_the_match() {
    let app = app().await;
    let company = company_in(&app, "IHK Erfurt", "Eigene GmbH").await;
    applicant_in(&app, "VN", "Hoàng").await;
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "ihk").await;
    let base = format!("/unternehmen/{company}/vermittlungen/neu");
    let p = ihk
        .submit(
            &base,
            &[
                ("applicant_code", "HIH-VN-0001"),
                ("placed_on", "2026-11-02"),
                ("status", "vermittelt"),
                ("action", "review"),
            ],
        )
        .await;
    assert_eq!(p.location(), Some(format!("{base}/pruefen").as_str()));
    let confirm = ihk.get(&format!("{base}/pruefen")).await;
    assert!(confirm.contains("HIH-VN-0001"));
    assert!(
        !confirm.contains("Hoàng"),
        "the name stays hidden until the match is saved"
    );
}

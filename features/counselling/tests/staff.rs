use hih_counselling::entities::{conversation, message};
use hih_kernel::Role;
use hih_users::testing::{agent_for, create_user_in, login};
use sea_orm::EntityTrait;

use crate::{app, conversations, guest_writes, open, signed_guest, staff_writes, vn_staff};

#[tokio::test]
async fn staff_see_only_their_country_and_every_read_is_logged() {
    let app = app().await;
    let vn = vn_staff(&app, "ahk-vn").await;
    let (id, link) = open(&vn, "Kranich").await;
    let g = signed_guest(&app, &link).await;
    guest_writes(&g, &link, "Frage zum Visum").await;

    // The inbox: unassigned first, with the unread count.
    let inbox = vn.get("/beratung").await;
    assert_eq!(inbox.status, 200);
    assert!(inbox.contains("Kranich"));
    // Reading marks the guest's message read and is access-logged.
    let before = app
        .access_entries("counselling_conversation", "view")
        .await
        .len();
    let page = vn.get(&format!("/beratung/{id}")).await;
    assert!(page.contains("Frage zum Visum"));
    let views = app.access_entries("counselling_conversation", "view").await;
    assert_eq!(views.len(), before + 1);
    assert_eq!(
        views.last().unwrap().entity_id.as_deref(),
        Some(id.to_string().as_str())
    );

    // Another country's AHK: 404, logged; its inbox does not list it.
    let india = create_user_in(app.services(), Role::AhkStaff, "ahk-in", "AHK Indien").await;
    let in_agent = app.agent();
    login(&app, &in_agent, &india).await;
    assert_eq!(in_agent.get(&format!("/beratung/{id}")).await.status, 404);
    let denied = app
        .access_entries("counselling_conversation", "denied")
        .await;
    assert_eq!(denied.len(), 1);
    assert!(
        !in_agent
            .get("/beratung?ansicht=alle")
            .await
            .contains("Kranich")
    );
    let p = in_agent
        .post(&format!("/beratung/{id}/antwort"), &[("body", "fremd")])
        .await;
    assert_eq!(p.status, 404);
    // IHK staff, the DPO and super admins never open the channel.
    for (role, name) in [
        (Role::IhkStaff, "ihk-c"),
        (Role::Dpo, "dpo-c"),
        (Role::SuperAdmin, "sa-c"),
    ] {
        let (a, _) = agent_for(&app, role, name).await;
        assert_eq!(a.get("/beratung").await.status, 403, "{role:?}");
        let p = a.get(&format!("/beratung/{id}")).await;
        assert_eq!(p.status, 403, "{role:?}");
        assert!(!p.contains("Frage zum Visum"));
    }
    // Admins see every country.
    let (admin, _) = agent_for(&app, Role::Admin, "admin-c").await;
    assert!(
        admin
            .get(&format!("/beratung/{id}"))
            .await
            .contains("Frage zum Visum")
    );

    // Assignment to a colleague of the country; another country's staff is refused.
    let (_, colleague) = agent_for(&app, Role::AhkStaff, "ahk-vn2").await;
    vn.get(&format!("/beratung/{id}")).await;
    let p = vn
        .post(
            &format!("/beratung/{id}/zuweisen"),
            &[("assignee", &india.id.to_string())],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.contains("Kollegin oder einen Kollegen"));
    let p = vn
        .post(
            &format!("/beratung/{id}/zuweisen"),
            &[("assignee", &colleague.id.to_string())],
        )
        .await;
    assert_eq!(p.status, 303);
    assert_eq!(conversations(&app).await[0].assignee_id, Some(colleague.id));
    assert!(
        !vn.get("/beratung").await.contains("Kranich"),
        "no longer unassigned"
    );
    assert!(vn.get("/beratung?ansicht=alle").await.contains("Kranich"));

    // The first answer is tracked; the audit log names the message but not its text.
    staff_writes(&vn, id, "reply", "Bitte Reisepass mitbringen").await;
    let c = app.record::<conversation::Entity>(id).await;
    assert!(c.first_response_at.is_some());
    let created = app.audit_entries("counselling_message", "create").await;
    assert_eq!(created.len(), 2);
    for e in &created {
        let all = format!("{e:?}");
        assert!(
            !all.contains("Reisepass") && !all.contains("Visum"),
            "{all}"
        );
    }
    // Bad input: a clear message, nothing saved.
    vn.get(&format!("/beratung/{id}")).await;
    let p = vn
        .post(&format!("/beratung/{id}/antwort"), &[("body", "   ")])
        .await;
    assert_eq!(p.status, 422);
    assert!(p.contains("Bitte geben Sie einen Text ein."));

    // Close and reopen; the closed view lists it.
    vn.post(&format!("/beratung/{id}/status"), &[("action", "close")])
        .await;
    assert!(
        vn.get("/beratung?ansicht=geschlossen")
            .await
            .contains("Kranich")
    );
    assert_eq!(
        app.record::<conversation::Entity>(id).await.status,
        conversation::CLOSED
    );
    vn.get(&format!("/beratung/{id}")).await;
    vn.post(&format!("/beratung/{id}/status"), &[("action", "reopen")])
        .await;
    assert_eq!(
        app.record::<conversation::Entity>(id).await.status,
        conversation::OPEN
    );
}

#[tokio::test]
async fn a_conversation_links_an_applicant_of_the_own_country_only() {
    let app = app().await;
    let vn = vn_staff(&app, "ahk-app").await;
    let own = hih_applicants::testing::applicant_in(&app, "VN", "Nguyen").await;
    let foreign = hih_applicants::testing::applicant_in(&app, "IN", "Patel").await;
    let code = |a: &hih_applicants::entities::applicant::Model| a.applicant_id.clone().unwrap();
    vn.get("/beratung/neu").await;
    let p = vn
        .post(
            "/beratung/neu",
            &[("topic", "visa"), ("applicant_code", &code(&foreign))],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.contains("keine Bewerberin"));
    let p = vn.post("/beratung/neu", &[("topic", "unbekannt")]).await;
    assert_eq!(p.status, 422);
    assert!(conversations(&app).await.is_empty());
    let p = vn
        .post(
            "/beratung/neu",
            &[
                ("topic", "visa"),
                ("applicant_code", &code(&own).to_lowercase()),
            ],
        )
        .await;
    assert_eq!(p.status, 303);
    let c = &conversations(&app).await[0];
    assert_eq!(c.applicant_id, Some(own.id));
    assert!(
        vn.get(&format!("/beratung/{}", c.id))
            .await
            .contains(&code(&own))
    );
}

#[tokio::test]
async fn staff_see_whether_the_guest_has_read_their_answers() {
    let app = app().await;
    let staff = vn_staff(&app, "ahk-receipt").await;
    let (id, link) = open(&staff, "Quittung").await;
    let g = signed_guest(&app, &link).await;
    guest_writes(&g, &link, "Eine Frage").await;
    staff_writes(&staff, id, "reply", "Eine Antwort").await;
    staff_writes(&staff, id, "note", "Eine Notiz").await;
    let page = staff.get(&format!("/beratung/{id}")).await;
    assert_eq!(
        page.body.matches("noch nicht gelesen").count(),
        1,
        "the answer only"
    );
    // The guest opens the page: the answer is read, with the time.
    g.get(&link).await;
    let page = staff.get(&format!("/beratung/{id}")).await;
    assert!(!page.contains("noch nicht gelesen"), "{}", page.body);
    assert!(page.contains("gelesen 02.11.2026"), "{}", page.body);
    let note = message::Entity::find()
        .all(app.db())
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.author_kind == message::NOTE)
        .unwrap();
    assert!(
        note.read_at.is_none(),
        "a note is never the guest's to read"
    );
}

#[tokio::test]
async fn an_answer_template_is_added_to_the_typed_reply_in_the_guests_language() {
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    let app = app().await;
    let vn = vn_staff(&app, "ahk-tpl").await;
    let (id, _) = open(&vn, "Sperling").await;
    let page = vn.get(&format!("/beratung/{id}")).await;
    assert!(page.contains("Antwortvorlage"));
    assert!(page.contains("formaction=\"/beratung/"));
    let messages_before = app.count("counselling_message").await.unwrap();

    // German while the guest's language is unknown, after what was typed, with the pseudonym.
    let p = vn
        .post(
            &format!("/beratung/{id}/vorlage"),
            &[("body", "Erster Satz."), ("template", "welcome")],
        )
        .await;
    assert_eq!(p.status, 200, "{}", p.body);
    assert!(
        p.contains("Erster Satz.\n\nGuten Tag Sperling, vielen Dank für Ihre Nachricht."),
        "{}",
        p.body
    );
    assert_eq!(
        app.count("counselling_message").await.unwrap(),
        messages_before,
        "nothing sent"
    );

    // A Vietnamese guest gets it in Vietnamese.
    let c = conversation::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let g = hih_counselling::entities::guest::Entity::find_by_id(c.guest_id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let mut am = g.into_active_model();
    am.locale = Set(Some("vi".into()));
    am.update(app.db()).await.unwrap();
    let p = vn
        .post(
            &format!("/beratung/{id}/vorlage"),
            &[("body", ""), ("template", "closing")],
        )
        .await;
    assert!(
        p.contains("Chúng tôi đóng cuộc trò chuyện này bây giờ."),
        "{}",
        p.body
    );

    // No template chosen: a message at the field, the typed text kept.
    let p = vn
        .post(
            &format!("/beratung/{id}/vorlage"),
            &[("body", "Mein Entwurf"), ("template", "")],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.contains("Bitte wählen Sie eine Vorlage."));
    assert!(p.contains("Mein Entwurf"));
    // Another country's staff cannot use it on this conversation.
    let india = create_user_in(app.services(), Role::AhkStaff, "ahk-in-tpl", "AHK Indien").await;
    let other = app.agent();
    login(&app, &other, &india).await;
    let p = other
        .post(
            &format!("/beratung/{id}/vorlage"),
            &[("body", ""), ("template", "welcome")],
        )
        .await;
    assert_eq!(p.status, 404);
}

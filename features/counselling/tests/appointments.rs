//! Video appointments: hidden without a configured Jitsi server; with one, staff propose a
//! time, the guest accepts (or declines) once, and both then see the room's link (with a
//! signed token when a secret is set).

use hih_counselling::appointments::entity as appointment;
use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_users::testing::{agent_for, create_user_in, login};
use sea_orm::EntityTrait;

use crate::{app, open, signed_guest, vn_staff};

async fn with_video() -> TestApp {
    let mut settings = TestApp::settings();
    settings.counselling.jitsi_url = "https://meet.example.org/".into();
    settings.counselling.jitsi_jwt_secret = Some(secrecy::SecretString::from("video-geheim"));
    settings.counselling.jitsi_app_id = "hih".into();
    TestApp::on_base_with(
        hih_app::features(),
        &["applicants", "counselling"],
        settings,
    )
    .await
}

#[tokio::test]
async fn without_a_video_server_the_option_is_hidden() {
    let app = app().await;
    let staff = vn_staff(&app, "video-off").await;
    let (id, link) = open(&staff, "Ohne Video").await;
    let page = staff.get(&format!("/beratung/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(!page.contains("Videotermin vorschlagen"));
    assert!(!page.contains(&format!("/beratung/{id}/termin")));
    assert_eq!(
        staff.get(&format!("/beratung/{id}/termin")).await.status,
        404
    );
    let p = staff
        .post(
            &format!("/beratung/{id}/termin"),
            &[("date", "2030-01-15"), ("time", "10:00")],
        )
        .await;
    assert_eq!(p.status, 404);
    let g = signed_guest(&app, &link).await;
    g.get(&link).await;
    let p = g
        .post(
            &format!("{link}/termin"),
            &[("appointment", "1"), ("action", "accept")],
        )
        .await;
    assert_eq!(p.status, 404);
    assert!(
        appointment::Entity::find()
            .all(app.db())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn staff_propose_the_guest_accepts_and_both_get_the_room() {
    let app = with_video().await;
    let staff = vn_staff(&app, "video-on").await;
    let (id, link) = open(&staff, "Mit Video").await;
    let page = staff.get(&format!("/beratung/{id}")).await;
    assert!(page.contains("Videotermin vorschlagen"));

    // Bad input: messages next to the fields, nothing saved.
    let form = format!("/beratung/{id}/termin");
    let p = staff
        .submit(&form, &[("date", "morgen"), ("time", "25:99")])
        .await;
    assert_eq!(p.status, 422);
    assert!(p.contains("Bitte geben Sie ein Datum"), "{}", p.body);
    assert!(p.contains("Bitte geben Sie eine Uhrzeit"));
    let p = staff
        .submit(&form, &[("date", "2020-01-15"), ("time", "10:00")])
        .await;
    assert_eq!(p.status, 422);
    assert!(p.contains("in der Zukunft"));
    // Another country's AHK does not reach the form (404, logged).
    let india = create_user_in(app.services(), Role::AhkStaff, "video-in", "AHK Indien").await;
    let other = app.agent();
    login(&app, &other, &india).await;
    assert_eq!(other.get(&form).await.status, 404);
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "video-ihk").await;
    assert_eq!(ihk.get(&form).await.status, 403);

    let p = staff
        .submit(&form, &[("date", "2030-01-15"), ("time", "10:00")])
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    let a = appointment::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a.status, appointment::PROPOSED);
    assert_eq!(a.room.len(), 32, "128 random bits");
    assert_eq!(
        a.starts_at.to_rfc3339(),
        "2030-01-15T09:00:00+00:00",
        "German time"
    );
    assert_eq!(
        app.audit_entries("counselling_appointment", "create")
            .await
            .len(),
        1
    );
    // As the pages write it (HTML-escaped slashes).
    let room = format!("https://meet.example.org/{}", a.room).replace('/', "&#x2f;");
    assert!(!staff.get(&format!("/beratung/{id}")).await.contains(&room));

    // The guest sees the proposal, accepts it once; both now see the room with a token.
    let g = signed_guest(&app, &link).await;
    let gp = g.get(&link).await;
    assert!(gp.contains("15.01.2030 10:00"), "{}", gp.body);
    assert!(gp.contains("Termin zusagen"));
    assert!(!gp.contains(&room));
    let aid = a.id.to_string();
    let p = g
        .post(
            &format!("{link}/termin"),
            &[("appointment", aid.as_str()), ("action", "accept")],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    let gp = g.get(&link).await;
    assert!(gp.contains(&format!("{room}?jwt=")), "{}", gp.body);
    assert!(!gp.contains("Termin zusagen"));
    let sp = staff.get(&format!("/beratung/{id}")).await;
    assert!(sp.contains(&format!("{room}?jwt=")));
    let p = g
        .post(
            &format!("{link}/termin"),
            &[("appointment", aid.as_str()), ("action", "decline")],
        )
        .await;
    assert_eq!(p.status, 404, "answered once");
    let a = appointment::Entity::find_by_id(a.id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a.status, appointment::ACCEPTED);

    // Without the guest's session nothing is answered.
    let stranger = app.agent();
    stranger.get(&link).await;
    let p = stranger
        .post(
            &format!("{link}/termin"),
            &[("appointment", aid.as_str()), ("action", "decline")],
        )
        .await;
    assert_eq!(p.status, 303);
    assert_eq!(p.location(), Some(link.as_str()));

    // The guest's copy (Art. 20) lists the appointment.
    let copy = g.get(&format!("{link}/export")).await.zip_entries();
    let doc: serde_json::Value = serde_json::from_slice(&copy["beratung.json"]).unwrap();
    assert_eq!(doc["appointments"][0]["status"], appointment::ACCEPTED);
    assert_eq!(doc["appointments"][0]["starts"], "2030-01-15T09:00:00Z");
    // Deleting the conversation deletes the appointment, in the audit log with its count.
    g.get(&format!("{link}/loeschen")).await;
    assert_eq!(g.post(&format!("{link}/loeschen"), &[]).await.status, 200);
    assert_eq!(app.count("counselling_appointment").await.unwrap(), 0);
    let gone = app
        .audit_entries("counselling_conversation", "appointments-deleted")
        .await;
    assert_eq!(gone.len(), 1);
    assert_eq!(gone[0].entity_id, id.to_string());
    assert!(
        gone[0].changes.contains("\"count\":1"),
        "{}",
        gone[0].changes
    );
}

#[tokio::test]
async fn a_declined_proposal_shows_no_room() {
    let app = with_video().await;
    let staff = vn_staff(&app, "video-no").await;
    let (id, link) = open(&staff, "Absage").await;
    staff
        .submit(
            &format!("/beratung/{id}/termin"),
            &[("date", "2030-02-01"), ("time", "08:15")],
        )
        .await;
    let a = appointment::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let g = signed_guest(&app, &link).await;
    g.get(&link).await;
    let aid = a.id.to_string();
    let p = g
        .post(
            &format!("{link}/termin"),
            &[("appointment", aid.as_str()), ("action", "decline")],
        )
        .await;
    assert_eq!(p.status, 303);
    let gp = g.get(&link).await;
    assert!(gp.contains("abgelehnt"));
    assert!(!gp.contains(&a.room));
}

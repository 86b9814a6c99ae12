//! The self-registration intake through the API (R-REG-4): a valid invitation token creates
//! the same pending entry the web form creates; the token is single use; expired, forged and
//! used tokens are refused with problem details (410) and logged; refused input leaves nothing.

use hih_applicants::entities::{invitation, pending_registration};
use hih_applicants::registration::service::{InvitationForm, create_invitation};
use hih_kernel::Actor;
use hih_testkit::{Agent, TestApp};
use poem::http::Method;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use super::{call, json, problem};
use crate::app;

/// A German-language invitation for Vietnam (as AHK staff would create it); the clear token.
async fn invite(app: &TestApp) -> String {
    let form = InvitationForm {
        locale: "de".into(),
        country: "VN".into(),
        ..Default::default()
    };
    let mut uow = hih_db::UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .unwrap();
    let (_, token) = create_invitation(&mut uow, &form, None).await.unwrap();
    uow.commit().await.unwrap();
    token
}

const PERSON: [(&str, &str); 11] = [
    ("salutation", "frau"),
    ("first_names", "Thị Hương"),
    ("last_name", "Nguyễn"),
    ("birth_date", "1998-04-12"),
    ("nationality", "vietnamesisch"),
    ("residence", "Hà Nội"),
    ("email", "huong@example.org"),
    ("phone", "+84 24 3826 1234"),
    ("target_occupation", "koch"),
    ("qualification", "Ausbildung als Köchin"),
    ("experience_years", "4"),
];

/// The guest registers through the web form's steps and submits.
async fn register_on_the_web(guest: &Agent, token: &str) {
    let base = format!("/registrierung/{token}");
    assert_eq!(guest.get(&base).await.status, 200);
    guest.post(&base, &[("consent", "on")]).await;
    let mut person: Vec<(&str, &str)> = PERSON[..8].to_vec();
    person.push(("action", "next"));
    guest.submit(&format!("{base}/person"), &person).await;
    let mut qualification: Vec<(&str, &str)> = PERSON[8..].to_vec();
    qualification.push(("action", "next"));
    guest
        .submit(&format!("{base}/qualifikation"), &qualification)
        .await;
    guest
        .submit(
            &format!("{base}/sprachen"),
            &[("german_level", "B1"), ("action", "next")],
        )
        .await;
    let p = guest
        .submit(&format!("{base}/pruefen"), &[("action", "submit")])
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
}

/// The API's body for the same person.
fn body(token: &str, version: &str, consent: bool) -> String {
    let mut v = serde_json::json!({
        "invitation_token": token,
        "consent": consent,
        "consent_version": version,
        "german_level": "B1",
    });
    for (k, val) in PERSON {
        v[k] = serde_json::Value::from(val);
    }
    v.to_string()
}

async fn post(app: &TestApp, body: String) -> hih_testkit::Page {
    call(
        &app.agent(),
        Method::POST,
        "/api/v1/registrations",
        None,
        Some(&body),
    )
    .await
}

async fn pending_of(app: &TestApp, token: &str) -> Option<pending_registration::Model> {
    let inv = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(hih_db::hash_token(token)))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    pending_registration::Entity::find()
        .filter(pending_registration::Column::InvitationId.eq(inv.id))
        .one(app.db())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_registration_through_the_api_equals_the_web_forms_and_is_single_use() {
    let app = app().await;
    let consent = app
        .agent()
        .get("/api/v1/registrations/consent?locale=de")
        .await;
    assert_eq!(consent.status, 200, "{}", consent.body);
    let consent = json(&consent);
    let version = consent["version"].as_str().unwrap().to_string();
    assert!(consent["text"].as_str().is_some_and(|t| !t.is_empty()));

    let web = invite(&app).await;
    register_on_the_web(&app.agent(), &web).await;
    let token = invite(&app).await;

    // Refused input: the form's messages, nothing stored, the link still open.
    let p = post(&app, body(&token, &version, false)).await;
    problem(&p, 422, "validation");
    let p = post(&app, body(&token, "0000000000000000", true)).await;
    assert_eq!(
        problem(&p, 422, "validation")["errors"][0]["field"],
        "consent_version"
    );
    let no_name = body(&token, &version, true).replace("Nguyễn", "");
    let p = post(&app, no_name).await;
    assert_eq!(
        problem(&p, 422, "validation")["errors"][0]["field"],
        "last_name"
    );
    assert!(
        pending_of(&app, &token).await.is_none(),
        "nothing left behind"
    );

    let p = post(&app, body(&token, &version, true)).await;
    assert_eq!(p.status, 201, "{}", p.body);
    let api = pending_of(&app, &token).await.expect("pending entry");
    assert_eq!(json(&p)["registration_id"], api.id);
    let form = pending_of(&app, &web)
        .await
        .expect("pending entry of the web form");
    assert_eq!(api.data, form.data, "the same stored form");
    assert_eq!(
        (&api.country, &api.consent_version, &api.locale),
        (&form.country, &form.consent_version, &form.locale)
    );
    assert!(api.submitted_at.is_some() && form.submitted_at.is_some());
    assert_eq!(
        app.audit_entries("invitation", "update")
            .await
            .iter()
            .filter(|e| e.actor == "system:self-registration")
            .count(),
        2,
        "both links used up by the guest"
    );

    // Single use: the same token again, a forged and an expired one — 410, logged.
    let before = app.access_entries("invitation", "denied").await.len();
    problem(&post(&app, body(&token, &version, true)).await, 410, "gone");
    problem(
        &post(&app, body("gefälscht", &version, true)).await,
        410,
        "gone",
    );
    let late = invite(&app).await;
    let inv = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(hih_db::hash_token(&late)))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let mut am = inv.clone().into_active_model();
    am.expires_at = Set(inv.created_at - chrono::Duration::days(1));
    am.update(app.db()).await.unwrap();
    problem(&post(&app, body(&late, &version, true)).await, 410, "gone");
    let denied = app.access_entries("invitation", "denied").await;
    assert_eq!(denied.len(), before + 3);
    assert!(
        denied.iter().all(|e| !e.detail.contains(&late)),
        "never the token"
    );
    assert_eq!(
        pending_registration::Entity::find()
            .all(app.db())
            .await
            .unwrap()
            .len(),
        2
    );
}

//! Invitations, self-registration and review (R-REG-1..3): single-use links (used twice,
//! expired), the wizard with back/next, notifications for the country's AHK only, approval
//! with the applicant ID, rejection, scoping of pending entries, no token in the logs.

use std::sync::{Arc, Mutex};

use hih_applicants::entities::{applicant, invitation, pending_registration};
use hih_db::entities::{access_log, audit_log, mail_outbox};
use hih_kernel::Role;
use hih_notify::entity as notification;
use hih_testkit::{Agent, TestApp};
use hih_users::testing::{agent_for, create_user_in, login};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::app;

/// Creates an invitation through the UI (review, then save); returns the token from the link
/// shown once.
async fn invite(staff: &Agent, fields: &[(&str, &str)]) -> String {
    staff.get("/bewerber/einladungen/neu").await;
    let mut review = fields.to_vec();
    review.push(("action", "review"));
    let p = staff.post("/bewerber/einladungen/neu", &review).await;
    assert_eq!(p.location(), Some("/bewerber/einladungen/neu/pruefen"));
    assert!(
        staff
            .get("/bewerber/einladungen/neu/pruefen")
            .await
            .contains("Einladung erstellen"),
        "the review page confirms the invitation"
    );
    let mut save = fields.to_vec();
    save.push(("action", "save"));
    let p = staff.post("/bewerber/einladungen/neu", &save).await;
    assert_eq!(p.location(), Some("/bewerber/einladungen/erstellt"));
    let shown = staff.get("/bewerber/einladungen/erstellt").await;
    assert_eq!(shown.status, 200);
    let body = shown.body.replace("&#x2f;", "/");
    let start = body.find("/registrierung/").expect("link shown") + "/registrierung/".len();
    let token: String = body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    assert!(token.len() >= 22, "at least 128 bits: {token}");
    token
}

const PERSON: [(&str, &str); 8] = [
    ("salutation", "frau"),
    ("first_names", "Thị Hương"),
    ("last_name", "Nguyễn"),
    ("birth_date", "1998-04-12"),
    ("nationality", "vietnamesisch"),
    ("residence", "Hà Nội"),
    ("email", "huong@example.org"),
    ("phone", "+84 24 3826 1234"),
];

/// The guest fills all steps and submits; returns the last page.
async fn register(guest: &Agent, token: &str, last_name: &str) -> hih_testkit::Page {
    let base = format!("/registrierung/{token}");
    assert_eq!(guest.get(&base).await.status, 200);
    let p = guest.post(&base, &[("consent", "on")]).await;
    assert_eq!(p.location(), Some(format!("{base}/person").as_str()));
    guest.get(&format!("{base}/person")).await;
    let mut person: Vec<(&str, &str)> = PERSON.to_vec();
    person[2] = ("last_name", last_name);
    person.push(("action", "next"));
    let p = guest.post(&format!("{base}/person"), &person).await;
    assert_eq!(p.location(), Some(format!("{base}/qualifikation").as_str()));
    let p = guest
        .submit(
            &format!("{base}/qualifikation"),
            &[
                ("target_occupation", "koch"),
                ("qualification", "Ausbildung als Köchin"),
                ("experience_years", "4"),
                ("action", "next"),
            ],
        )
        .await;
    assert_eq!(p.location(), Some(format!("{base}/sprachen").as_str()));
    let p = guest
        .submit(
            &format!("{base}/sprachen"),
            &[("german_level", "B1"), ("action", "next")],
        )
        .await;
    assert_eq!(p.location(), Some(format!("{base}/pruefen").as_str()));
    let review = guest.get(&format!("{base}/pruefen")).await;
    assert!(review.contains(last_name) && review.contains("Ausbildung als Köchin"));
    guest
        .post(&format!("{base}/pruefen"), &[("action", "submit")])
        .await
}

/// The oldest submitted entry.
async fn pending_id(app: &TestApp) -> i64 {
    pending_registration::Entity::find()
        .filter(pending_registration::Column::SubmittedAt.is_not_null())
        .order_by_asc(pending_registration::Column::Id)
        .one(app.db())
        .await
        .unwrap()
        .expect("submitted entry")
        .id
}

async fn approve(staff: &Agent, id: i64) -> i64 {
    let confirm = staff
        .get(&format!("/bewerber/registrierungen/{id}/freigeben"))
        .await;
    assert_eq!(confirm.status, 200);
    let p = staff
        .post(&format!("/bewerber/registrierungen/{id}/freigeben"), &[])
        .await;
    let to = p.location().expect("redirect to the applicant").to_string();
    to.trim_start_matches("/bewerber/").parse().expect("id")
}

#[tokio::test]
async fn an_invitation_is_shown_once_stored_hashed_and_mailed_on_request() {
    let app = app().await;
    let (vn, _) = agent_for(&app, Role::AhkStaff, "r-vn").await;
    let token = invite(
        &vn,
        &[
            ("name", "Nguyễn Thị Hương"),
            ("email", "huong@example.org"),
            ("locale", "en"),
            ("send_mail", "on"),
        ],
    )
    .await;
    let again = vn.get("/bewerber/einladungen/erstellt").await;
    assert_eq!(
        again.location(),
        Some("/bewerber/einladungen"),
        "shown once"
    );
    let inv = invitation::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(inv.country, "VN", "AHK staff invite for their country");
    assert_ne!(inv.token_hash, token);
    assert_eq!(inv.token_hash, hih_db::hash_token(&token));
    let days = (inv.expires_at - inv.created_at).num_days();
    assert_eq!(days, 14, "default validity");
    let mail = mail_outbox::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mail.to_addr, "huong@example.org");
    assert!(mail.body.contains(&format!("/registrierung/{token}")));
    assert!(
        mail.subject.contains("invitation"),
        "form language: English"
    );
    let guest = app.agent();
    let consent = guest.get(&format!("/registrierung/{token}")).await;
    assert!(
        consent.contains("Consent to data processing"),
        "the guest sees the invitation's form language"
    );
    let list = vn.get("/bewerber/einladungen").await;
    assert!(list.contains("Nguyễn Thị Hương") && list.contains("offen"));
    assert!(!list.contains(&token), "the list never shows the link");
    // No address, but mail asked for: a message next to the field, nothing saved.
    let p = vn
        .submit(
            "/bewerber/einladungen/neu",
            &[("locale", "de"), ("send_mail", "on"), ("action", "review")],
        )
        .await;
    assert_eq!(p.location(), Some("/bewerber/einladungen/neu"));
    let form = vn.follow(p).await;
    assert_eq!(form.status, 422);
    assert!(form.contains("E-Mail-Adresse benötigt"));
    assert_eq!(app.count("invitation").await.unwrap(), 1);
}

#[tokio::test]
async fn guests_register_with_back_and_next_and_the_ahk_of_the_country_is_notified() {
    let app = app().await;
    let (vn, vn_user) = agent_for(&app, Role::AhkStaff, "r-vn2").await;
    let in_user = create_user_in(app.services(), Role::AhkStaff, "r-in2", "AHK Indien").await;
    let token = invite(&vn, &[("locale", "de")]).await;
    let guest = app.agent();
    let base = format!("/registrierung/{token}");
    let consent = guest.get(&base).await;
    assert!(consent.contains("Einwilligung") && !consent.contains("site-nav"));
    // Without consent nothing starts.
    let p = guest.post(&base, &[]).await;
    assert_eq!(p.location(), Some(base.as_str()));
    assert_eq!(guest.follow(p).await.status, 422);
    assert_eq!(
        guest.get(&format!("{base}/person")).await.location(),
        Some(base.as_str())
    );
    guest.post(&base, &[("consent", "on")]).await;
    // A bad birth date gets a message next to the field; the entries stay.
    let p = guest
        .submit(
            &format!("{base}/person"),
            &[
                ("last_name", "Nguyễn"),
                ("birth_date", "2020-01-01"),
                ("action", "next"),
            ],
        )
        .await;
    assert_eq!(p.location(), Some(format!("{base}/person").as_str()));
    let again = guest.follow(p).await;
    assert_eq!(again.status, 422);
    assert!(again.contains("birth_date-error-1") && again.contains("Nguyễn"));
    // Back from the qualification step keeps what was typed there.
    let mut person = PERSON.to_vec();
    person.push(("action", "next"));
    guest.post(&format!("{base}/person"), &person).await;
    let p = guest
        .submit(
            &format!("{base}/qualifikation"),
            &[("qualification", "Köchin"), ("action", "back")],
        )
        .await;
    assert_eq!(p.location(), Some(format!("{base}/person").as_str()));
    assert!(
        guest
            .get(&format!("{base}/person"))
            .await
            .contains("Hà Nội")
    );
    assert!(
        guest
            .get(&format!("{base}/qualifikation"))
            .await
            .contains("Köchin")
    );
    // The language switch works for the guest.
    guest
        .post(
            "/sprache",
            &[("lang", "en"), ("next", &format!("{base}/qualifikation"))],
        )
        .await;
    assert!(
        guest
            .get(&format!("{base}/qualifikation"))
            .await
            .contains("Qualification")
    );
    let done = register(&guest, &token, "Nguyễn").await;
    assert_eq!(done.location(), Some("/registrierung/danke"));
    // A clean thank-you page in the guest's language, under the neutral guest header (no
    // internal product name, the privacy notice linked), nothing about the link.
    let thanks = guest.get("/registrierung/danke").await;
    assert_eq!(thanks.status, 200);
    assert!(thanks.contains("Thank you"));
    assert!(!thanks.contains("no longer"), "{}", thanks.body);
    assert!(!thanks.contains("HiH project database"), "{}", thanks.body);
    assert!(thanks.contains("Privacy notice"));
    let closed = guest.get(&base).await;
    assert_eq!(closed.status, 410, "the link shows the neutral page");
    // Notified: the Vietnamese AHK, not the Indian one.
    let notes = notification::Entity::find().all(app.db()).await.unwrap();
    let to: Vec<i64> = notes.iter().map(|n| n.user_id).collect();
    assert!(to.contains(&vn_user.id));
    assert!(!to.contains(&in_user.id));
    assert!(notes.iter().all(|n| n.kind == "applicants.registration"));
    let mails = mail_outbox::Entity::find().all(app.db()).await.unwrap();
    assert!(
        mails
            .iter()
            .any(|m| m.to_addr == format!("{}@example.org", vn_user.username))
    );
    assert!(
        !mails
            .iter()
            .any(|m| m.to_addr == format!("{}@example.org", in_user.username))
    );
    let pending = pending_registration::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(pending.consent_version.len(), 16);
    assert!(pending.submitted_at.is_some());
}

#[tokio::test]
async fn a_link_is_single_use_and_expires() {
    let app = app().await;
    let (vn, _) = agent_for(&app, Role::AhkStaff, "r-vn3").await;
    let token = invite(&vn, &[("locale", "de")]).await;
    let guest = app.agent();
    register(&guest, &token, "Nguyễn").await;
    // Used twice: refused, nothing changes.
    let base = format!("/registrierung/{token}");
    let second = app.agent();
    assert_eq!(second.get(&base).await.status, 410);
    assert_eq!(second.post(&base, &[("consent", "on")]).await.status, 410);
    let p = guest
        .post(&format!("{base}/pruefen"), &[("action", "submit")])
        .await;
    assert_eq!(p.status, 410);
    assert_eq!(app.count("pending_registration").await.unwrap(), 1);
    assert_eq!(app.count("notification").await.unwrap(), 1);
    // Expired (injected clock): 13 days fine, after 14 days refused.
    let late = invite(&vn, &[("locale", "de")]).await;
    let lb = format!("/registrierung/{late}");
    app.clock.advance(chrono::Duration::days(13));
    assert_eq!(app.agent().get(&lb).await.status, 200);
    let g = app.agent();
    g.submit(&lb, &[("consent", "on")]).await;
    app.clock.advance(chrono::Duration::days(1));
    assert_eq!(g.get(&format!("{lb}/person")).await.status, 410);
    let mut person = PERSON.to_vec();
    person.push(("action", "next"));
    assert_eq!(g.post(&format!("{lb}/person"), &person).await.status, 410);
    let (vn_later, _) = agent_for(&app, Role::AhkStaff, "r-vn3b").await;
    let list = vn_later.get("/bewerber/einladungen").await;
    assert!(list.contains("abgelaufen") && list.contains("eingereicht"));
    // Unknown tokens too.
    assert_eq!(
        app.agent().get("/registrierung/unbekannt").await.status,
        410
    );
}

#[tokio::test]
async fn approval_creates_the_applicant_with_the_next_id_and_deletes_the_pending_data() {
    let app = app().await;
    let (vn, _) = agent_for(&app, Role::AhkStaff, "r-vn4").await;
    for name in ["Nguyễn", "Trần"] {
        let token = invite(&vn, &[("locale", "de")]).await;
        register(&app.agent(), &token, name).await;
    }
    let list = vn.get("/bewerber/registrierungen").await;
    assert!(list.contains("Nguyễn, Thị Hương") && list.contains("Trần, Thị Hương"));
    let first = pending_id(&app).await;
    // Staff correct the entry (same plausibility as applicants), then approve.
    let detail = vn.get(&format!("/bewerber/registrierungen/{first}")).await;
    assert!(detail.contains("Hà Nội"));
    let mut fields: Vec<(&str, &str)> = PERSON.to_vec();
    fields.push(("german_level", "B2"));
    let mut bad = fields.clone();
    bad[7] = ("phone", "abc");
    bad.push(("action", "review"));
    let p = vn
        .post(&format!("/bewerber/registrierungen/{first}"), &bad)
        .await;
    let refused = vn.follow(p).await;
    assert_eq!(refused.status, 422, "bad phone refused");
    assert!(refused.contains("phone-error-1"));
    // Corrections are reviewed before they are saved.
    let detail = format!("/bewerber/registrierungen/{first}");
    let mut review = fields.clone();
    review.push(("action", "review"));
    let p = vn.post(&detail, &review).await;
    assert_eq!(p.location(), Some(format!("{detail}/pruefen").as_str()));
    assert!(vn.get(&format!("{detail}/pruefen")).await.contains("B2"));
    let mut save = fields.clone();
    save.push(("action", "save"));
    let p = vn.post(&detail, &save).await;
    assert_eq!(p.location(), Some(detail.as_str()));
    let a = approve(&vn, first).await;
    let created = app.record::<applicant::Entity>(a).await;
    assert_eq!(created.applicant_id.as_deref(), Some("HIH-VN-0001"));
    assert_eq!(created.status, "interessent");
    assert_eq!(created.german_level, "B2", "the correction counts");
    assert!(!created.consent_storage_version.is_empty());
    assert!(created.consent_storage_date.is_some());
    assert!(
        app.find::<pending_registration::Entity>(first)
            .await
            .is_none()
    );
    let second = pending_id(&app).await;
    let b = approve(&vn, second).await;
    let created = app.record::<applicant::Entity>(b).await;
    assert_eq!(created.applicant_id.as_deref(), Some("HIH-VN-0002"));
    assert_eq!(app.count("pending_registration").await.unwrap(), 0);
    let invs = invitation::Entity::find().all(app.db()).await.unwrap();
    assert!(
        invs.iter()
            .all(|i| i.outcome == "approved" && i.applicant_id.is_some())
    );
    // Approving again: the entry is gone.
    assert_eq!(
        vn.get(&format!("/bewerber/registrierungen/{second}/freigeben"))
            .await
            .status,
        404
    );
    // The same person registers again: the duplicate must be confirmed (R-APP-4).
    let token = invite(&vn, &[("locale", "de")]).await;
    register(&app.agent(), &token, "Nguyễn").await;
    let third = pending_id(&app).await;
    let path = format!("/bewerber/registrierungen/{third}/freigeben");
    assert!(vn.get(&path).await.contains("duplicate-note"));
    let p = vn.post(&path, &[]).await;
    assert_eq!(p.location(), Some(path.as_str()));
    assert_eq!(vn.follow(p).await.status, 422);
    assert_eq!(app.count("applicant").await.unwrap(), 2, "nothing created");
    let p = vn.post(&path, &[("confirm_duplicate", "on")]).await;
    let c: i64 = p
        .location()
        .unwrap()
        .trim_start_matches("/bewerber/")
        .parse()
        .unwrap();
    let created = app.record::<applicant::Entity>(c).await;
    assert_eq!(created.applicant_id.as_deref(), Some("HIH-VN-0003"));
}

#[tokio::test]
async fn abandoned_entries_of_expired_invitations_are_purged_submitted_ones_kept() {
    let app = app().await;
    let (vn, _) = agent_for(&app, Role::AhkStaff, "r-vn8").await;
    let submitted = invite(&vn, &[("locale", "de")]).await;
    register(&app.agent(), &submitted, "Nguyễn").await;
    let abandoned = invite(&vn, &[("locale", "de")]).await;
    let guest = app.agent();
    let base = format!("/registrierung/{abandoned}");
    guest.submit(&base, &[("consent", "on")]).await;
    assert_eq!(app.count("pending_registration").await.unwrap(), 2);
    app.run_job("applicants.registration_purge", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(
        app.count("pending_registration").await.unwrap(),
        2,
        "not expired yet"
    );
    app.clock.advance(chrono::Duration::days(15));
    app.run_job("applicants.registration_purge", serde_json::json!({}))
        .await
        .unwrap();
    let left = pending_registration::Entity::find()
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(left.len(), 1);
    assert!(
        left[0].submitted_at.is_some(),
        "submitted entries wait for review"
    );
}

#[tokio::test]
async fn rejection_needs_a_reason_and_deletes_the_pending_data() {
    let app = app().await;
    let (vn, _) = agent_for(&app, Role::AhkStaff, "r-vn5").await;
    let token = invite(&vn, &[("locale", "de")]).await;
    register(&app.agent(), &token, "Nguyễn").await;
    let id = pending_id(&app).await;
    let path = format!("/bewerber/registrierungen/{id}/ablehnen");
    let p = vn.submit(&path, &[("reason", "  ")]).await;
    assert_eq!(p.location(), Some(path.as_str()));
    assert_eq!(vn.follow(p).await.status, 422);
    assert_eq!(app.count("pending_registration").await.unwrap(), 1);
    let p = vn
        .post(&path, &[("reason", "Doppelte Registrierung")])
        .await;
    assert_eq!(p.location(), Some("/bewerber/registrierungen"));
    assert_eq!(app.count("pending_registration").await.unwrap(), 0);
    assert_eq!(app.count("applicant").await.unwrap(), 0);
    let inv = invitation::Entity::find()
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(inv.outcome, "rejected");
    assert_eq!(inv.reject_reason, "Doppelte Registrierung");
    assert!(vn.get("/bewerber/einladungen").await.contains("abgelehnt"));
    // Nothing of the person stays behind, not even in the audit log.
    let audit = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("pending_registration"))
        .all(app.db())
        .await
        .unwrap();
    assert!(audit.iter().any(|e| e.action == "delete"));
    assert!(audit.iter().all(|e| !e.changes.contains("Hà Nội")));
}

#[tokio::test]
async fn pending_entries_are_visible_to_the_country_and_admins_only() {
    let app = app().await;
    let (vn, _) = agent_for(&app, Role::AhkStaff, "r-vn6").await;
    let token = invite(&vn, &[("locale", "de")]).await;
    register(&app.agent(), &token, "Nguyễn").await;
    let id = pending_id(&app).await;
    let in_user = create_user_in(app.services(), Role::AhkStaff, "r-in6", "AHK Indien").await;
    let india = app.agent();
    login(&app, &india, &in_user).await;
    for suffix in ["", "/freigeben", "/ablehnen"] {
        let p = india
            .get(&format!("/bewerber/registrierungen/{id}{suffix}"))
            .await;
        assert_eq!(p.status, 404, "{suffix}");
    }
    assert_eq!(
        india
            .post(&format!("/bewerber/registrierungen/{id}/freigeben"), &[])
            .await
            .status,
        404
    );
    assert!(
        !india
            .get("/bewerber/registrierungen")
            .await
            .contains("Nguyễn")
    );
    assert!(!india.get("/bewerber/einladungen").await.contains("offen"));
    assert_eq!(app.count("applicant").await.unwrap(), 0);
    let denied = app.access_entries("pending_registration", "denied").await;
    assert!(!denied.is_empty());
    let (admin, _) = agent_for(&app, Role::Admin, "r-admin6").await;
    assert_eq!(
        admin
            .get(&format!("/bewerber/registrierungen/{id}"))
            .await
            .status,
        200
    );
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "r-ihk6").await;
    assert_eq!(
        ihk.get(&format!("/bewerber/registrierungen/{id}"))
            .await
            .status,
        403
    );
}

/// A writer into a shared buffer for the captured log.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_token_never_appears_in_logs_or_the_access_log() {
    let app = app().await;
    let (vn, _) = agent_for(&app, Role::AhkStaff, "r-vn7").await;
    let token = invite(&vn, &[("locale", "de")]).await;
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        // Only the web pipeline's spans and events: spans of the database driver move between
        // threads and must stay with the global subscriber.
        .with_env_filter("hih_web=trace")
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let guard = tracing::subscriber::set_default(subscriber);
    register(&app.agent(), &token, "Nguyễn").await;
    app.agent().get(&format!("/registrierung/{token}")).await;
    app.agent()
        .post_raw(&format!("/registrierung/{token}"), &[("consent", "on")])
        .await;
    drop(guard);
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.contains("/registrierung/***"),
        "requests are logged: {log}"
    );
    assert!(!log.contains(&token), "token in the log");
    let paths: Vec<String> = access_log::Entity::find()
        .all(app.db())
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.path)
        .collect();
    assert!(paths.iter().any(|p| p.starts_with("/registrierung/***")));
    assert!(paths.iter().all(|p| !p.contains(&token)));
}

/// The guest pages in the guest languages (R-TXT, issue 18): a guest invited in Portuguese or
/// Vietnamese walks the whole registration — the consent, every step with its messages, the
/// review, the thank-you page, the neutral page of a used link, an unknown page — and the
/// invitation mail: every text they see is their language's own, none falls back to English.
#[tokio::test]
async fn guests_see_every_registration_page_in_portuguese_and_vietnamese() {
    let app = app().await;
    let (vn, _) = agent_for(&app, Role::AhkStaff, "r-lang").await;
    for (code, consent_word) in [("pt", "Consentimento"), ("vi", "Đồng ý")] {
        let token = invite(
            &vn,
            &[
                ("email", "guest@example.org"),
                ("locale", code),
                ("send_mail", "on"),
            ],
        )
        .await;
        let guest = app.agent();
        let base = format!("/registrierung/{token}");
        let consent = guest.get(&base).await;
        assert!(consent.contains(&format!("<html lang=\"{code}\"")));
        assert!(consent.contains(consent_word), "{code}: {}", consent.body);
        // The switch offers every guest language in its own name.
        for name in ["Deutsch", "English", "Português", "Tiếng Việt"] {
            assert!(consent.contains(name), "{code}: switch offers {name}");
        }
        // Without consent: the message.
        let p = guest.post(&base, &[]).await;
        assert_eq!(guest.follow(p).await.status, 422);
        guest.post(&base, &[("consent", "on")]).await;
        // Every step once empty (its messages), once filled.
        let p = guest
            .submit(&format!("{base}/person"), &[("action", "next")])
            .await;
        assert_eq!(guest.follow(p).await.status, 422);
        let p = guest
            .submit(
                &format!("{base}/person"),
                &[
                    ("birth_date", "2020-01-01"),
                    ("email", "kein"),
                    ("phone", "x"),
                    ("action", "next"),
                ],
            )
            .await;
        assert_eq!(guest.follow(p).await.status, 422);
        let p = guest
            .submit(
                &format!("{base}/qualifikation"),
                &[("experience_years", "viele"), ("action", "next")],
            )
            .await;
        guest.follow(p).await;
        let done = register(&guest, &token, "Trần").await;
        let thanks = guest.follow(done).await;
        assert_eq!(thanks.status, 200, "the thank-you page");
        // The used link is gone.
        assert_eq!(guest.get(&base).await.status, 410);
        // An unknown link and an unknown page.
        assert_eq!(guest.get("/registrierung/falsch").await.status, 410);
        assert_eq!(guest.get("/gibt-es-nicht").await.status, 404);
    }
    let mails = mail_outbox::Entity::find().all(app.db()).await.unwrap();
    assert!(
        mails.iter().any(|m| m.subject.contains("convite")),
        "pt mail"
    );
    assert!(
        mails.iter().any(|m| m.subject.contains("Lời mời")),
        "vi mail"
    );
    let untranslated = app.services().texts.untranslated();
    assert!(
        untranslated.is_empty(),
        "shown in English instead of the guest's language:\n{}",
        untranslated
            .iter()
            .map(|(l, k)| format!("{l} {k}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

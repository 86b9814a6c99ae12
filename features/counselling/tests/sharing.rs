//! Sharing for integration (R-CNS-2): an IHK reads a conversation only when the AHK shared it
//! and a match opened the linked applicant to the IHK's district; read-only, without internal
//! notes or their files, every read logged, everything else 404 and logged.

use hih_counselling::entities::{attachment, conversation};
use hih_counselling::testing::attachment_in;
use hih_kernel::Role;
use hih_testkit::TestApp;
use hih_users::testing::{agent_for, create_user_in, login};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{guest_writes, open, signed_guest, staff_writes, vn_staff};

/// A Vietnamese applicant matched with a company of the IHK Erfurt (the test users' IHK):
/// the match opens the applicant to Erfurt's staff. Returns the applicant's id.
async fn applicant_matched_with_erfurt(app: &TestApp, last_name: &str) -> i64 {
    let company =
        hih_companies::testing::company_in(app, "IHK Erfurt", &format!("{last_name} GmbH")).await;
    let applicant = hih_applicants::testing::prospect_in(app, "VN", last_name, false).await;
    hih_matching::testing::match_of(app, company, applicant).await;
    applicant
}

async fn app() -> TestApp {
    TestApp::on_base(
        hih_app::features(),
        &["companies", "applicants", "matching", "counselling"],
    )
    .await
}

/// Opens a conversation as `staff` linked to the applicant with `code`; returns its id and
/// the guest's link.
async fn open_linked(staff: &hih_testkit::Agent, code: &str) -> (i64, String) {
    let p = staff
        .submit(
            "/beratung/neu",
            &[
                ("topic", "recognition"),
                ("pseudonym", "Reiher"),
                ("applicant_code", code),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    link_shown_once(staff, p.location().unwrap()).await
}

/// The conversation's id and the guest's link from the page `to` that shows it once.
async fn link_shown_once(staff: &hih_testkit::Agent, to: &str) -> (i64, String) {
    let id: i64 = to
        .trim_start_matches("/beratung/")
        .trim_end_matches("/link")
        .parse()
        .unwrap();
    let page = staff.get(to).await;
    let marker = "id=\"guest-link\" type=\"text\" readonly value=\"";
    let start = page.body.find(marker).expect("link shown") + marker.len();
    let url = page.body[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&#x2f;", "/");
    (id, url[url.find("/beratung/gast/").unwrap()..].to_string())
}

async fn shared_flag(app: &TestApp, id: i64) -> bool {
    conversation::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .shared_for_integration
}

#[tokio::test]
async fn an_ihk_reads_a_conversation_only_when_shared_and_matched() {
    let app = app().await;
    let applicant = applicant_matched_with_erfurt(&app, "Hoàng").await;
    let code = hih_applicants::entities::applicant::Entity::find_by_id(applicant)
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .applicant_id
        .unwrap();
    let ahk = vn_staff(&app, "ahk-share").await;
    let (id, link) = open_linked(&ahk, &code).await;
    let g = signed_guest(&app, &link).await;
    guest_writes(&g, &link, "Frage zur Anerkennung meines Abschlusses").await;
    staff_writes(&ahk, id, "reply", "Antwort der AHK zur Anerkennung").await;
    staff_writes(&ahk, id, "note", "Interne Notiz nur für die AHK").await;
    let guest_file = attachment_in(&app, id).await;
    ahk.get(&format!("/beratung/{id}")).await;
    let p = ahk
        .post_multipart(
            &format!("/beratung/{id}/antwort"),
            &[("body", "Vermerk mit Datei"), ("kind", "note")],
            (
                "file",
                "n.png",
                &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"[..],
            ),
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    let note_file = attachment::Entity::find()
        .filter(attachment::Column::ConversationId.eq(id))
        .order_by_desc(attachment::Column::Id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap()
        .id;
    assert_ne!(note_file, guest_file);

    // Not shared yet: the IHK whose company placed the applicant sees the tab, but nothing in
    // it, and the thread answers 404 (logged).
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "ihk-share").await;
    let tab = ihk.get(&format!("/bewerber/{applicant}/beratung")).await;
    assert_eq!(tab.status, 200);
    assert!(!tab.contains("Reiher"));
    let thread = format!("/bewerber/{applicant}/beratung/{id}");
    let denied = app
        .access_entries("counselling_conversation", "denied")
        .await
        .len();
    assert_eq!(ihk.get(&thread).await.status, 404);
    assert_eq!(
        app.access_entries("counselling_conversation", "denied")
            .await
            .len(),
        denied + 1
    );

    // The AHK shares it (an audited change).
    let page = ahk.get(&format!("/beratung/{id}")).await;
    assert!(page.contains("id=\"share-state\""));
    assert!(page.contains("Nicht geteilt"));
    let p = ahk
        .post(&format!("/beratung/{id}/teilen"), &[("action", "share")])
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    assert!(shared_flag(&app, id).await);
    let audit = app
        .audit_entries("counselling_conversation", "update")
        .await;
    assert!(
        audit
            .iter()
            .any(|e| e.entity_id == id.to_string() && e.changes.contains("shared_for_integration")),
        "{audit:?}"
    );

    // Now the IHK reads it: the exchange with the guest, never the notes or their files.
    let tab = ihk.get(&format!("/bewerber/{applicant}/beratung")).await;
    assert!(tab.contains("Reiher"));
    let views = app
        .access_entries("counselling_conversation", "view")
        .await
        .len();
    let page = ihk.get(&thread).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Frage zur Anerkennung meines Abschlusses"));
    assert!(page.contains("Antwort der AHK zur Anerkennung"));
    assert!(!page.contains("Interne Notiz"));
    assert!(!page.contains("Vermerk mit Datei"));
    assert!(!page.contains("/antwort"), "read-only: no reply form");
    assert_eq!(
        app.access_entries("counselling_conversation", "view")
            .await
            .len(),
        views + 1
    );
    let file = ihk.get(&format!("{thread}/anhang/{guest_file}")).await;
    assert_eq!(file.status, 200);
    assert!(
        file.header("content-disposition")
            .is_some_and(|d| d.starts_with("attachment"))
    );
    assert_eq!(
        ihk.get(&format!("{thread}/anhang/{note_file}"))
            .await
            .status,
        404
    );
    // Still no way into the inbox, the staff page or the sharing switch.
    assert_eq!(ihk.get(&format!("/beratung/{id}")).await.status, 403);
    assert_eq!(
        ihk.post(&format!("/beratung/{id}/teilen"), &[("action", "unshare")])
            .await
            .status,
        403
    );
    assert!(shared_flag(&app, id).await);

    // Another IHK (no match there): the applicant itself is out of scope.
    let other = create_user_in(app.services(), Role::IhkStaff, "ihk-dus", "IHK Düsseldorf").await;
    let dus = app.agent();
    login(&app, &dus, &other).await;
    assert_eq!(dus.get(&thread).await.status, 404);
    assert_eq!(
        dus.get(&format!("/bewerber/{applicant}/beratung"))
            .await
            .status,
        404
    );

    // The DPO and super admins never read it.
    for (role, name) in [(Role::Dpo, "dpo-share"), (Role::SuperAdmin, "sa-share")] {
        let (a, _) = agent_for(&app, role, name).await;
        let p = a.get(&thread).await;
        assert_eq!(p.status, 403, "{role:?}");
    }

    // Withdrawn: 404 again.
    ahk.get(&format!("/beratung/{id}")).await;
    let p = ahk
        .post(&format!("/beratung/{id}/teilen"), &[("action", "unshare")])
        .await;
    assert_eq!(p.status, 303);
    assert!(!shared_flag(&app, id).await);
    assert_eq!(ihk.get(&thread).await.status, 404);
    assert!(
        !ihk.get(&format!("/bewerber/{applicant}/beratung"))
            .await
            .contains("Reiher")
    );

    // The AHK sees its conversations on the applicant's tab, with the way to the inbox.
    let tab = ahk.get(&format!("/bewerber/{applicant}/beratung")).await;
    assert!(tab.contains("Reiher"));
    let page = ahk.get(&thread).await;
    assert!(page.contains(&format!("href=\"/beratung/{id}\"")));
    assert!(!page.contains("Interne Notiz"));
}

#[tokio::test]
async fn a_conversation_without_an_applicant_cannot_be_shared() {
    let app = app().await;
    let ahk = vn_staff(&app, "ahk-free").await;
    let (id, _) = open(&ahk, "Möwe").await;
    let page = ahk.get(&format!("/beratung/{id}")).await;
    assert!(!page.contains("id=\"share-state\""), "no switch offered");
    let p = ahk
        .post(&format!("/beratung/{id}/teilen"), &[("action", "share")])
        .await;
    assert_eq!(p.status, 422, "{}", p.body);
    assert!(
        p.contains("Nur ein Gespräch, das mit einer Bewerberin oder einem Bewerber verknüpft ist")
    );
    assert!(!shared_flag(&app, id).await);
}

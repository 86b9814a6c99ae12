//! The anonymous statistics: conversations, messages and the median first-response time by
//! country and topic, unchanged when conversations are deleted; AHK staff see their country.

use hih_kernel::Role;
use hih_users::testing::{agent_for, create_user_in, login};

use crate::{app, guest_writes, open, signed_guest, staff_writes, vn_staff};

/// The cells of the statistics table's body.
fn table(body: &str) -> String {
    let start = body.find("<tbody>").expect("table");
    let end = body[start..].find("</tbody>").unwrap() + start;
    body[start..end].to_string()
}

#[tokio::test]
async fn figures_are_anonymous_scoped_and_outlive_deletion() {
    let app = app().await;
    let staff = vn_staff(&app, "stat-vn").await;
    let (id, link) = open(&staff, "Statistik").await;
    let g = signed_guest(&app, &link).await;
    guest_writes(&g, &link, "Frage").await;
    staff_writes(&staff, id, "reply", "Antwort").await;
    staff_writes(&staff, id, "reply", "Zweite Antwort").await;
    staff_writes(&staff, id, "note", "Notiz zählt nicht").await;

    let page = staff.get("/beratung/statistik").await;
    assert_eq!(page.status, 200);
    let before = table(&page.body);
    assert!(before.contains("VN"), "{before}");
    assert!(before.contains("Anerkennung"), "{before}");
    assert!(before.contains(">1<"), "one conversation: {before}");
    assert!(
        before.contains(">3<"),
        "three messages, the note not counted: {before}"
    );
    assert!(before.contains("Min."), "a median response time: {before}");

    // The guest deletes the conversation: the figures stay.
    g.get(&format!("{link}/loeschen")).await;
    let p = g.post(&format!("{link}/loeschen"), &[]).await;
    assert!(
        p.status.is_success() || p.status.is_redirection(),
        "{}",
        p.status
    );
    assert_eq!(staff.get(&format!("/beratung/{id}")).await.status, 404);
    let after = table(&staff.get("/beratung/statistik").await.body);
    assert_eq!(after, before, "deletion changes no figure");

    // Another country's AHK sees none of it; admins see it; IHK staff have no access.
    let india = create_user_in(app.services(), Role::AhkStaff, "stat-in", "AHK Indien").await;
    let other = app.agent();
    login(&app, &other, &india).await;
    let theirs = table(&other.get("/beratung/statistik").await.body);
    assert!(!theirs.contains("VN"), "{theirs}");
    let (admin, _) = agent_for(&app, Role::Admin, "stat-admin").await;
    assert_eq!(table(&admin.get("/beratung/statistik").await.body), before);
    let (ihk, _) = agent_for(&app, Role::IhkStaff, "stat-ihk").await;
    assert_eq!(ihk.get("/beratung/statistik").await.status, 403);
}

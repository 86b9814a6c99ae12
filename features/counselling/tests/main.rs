//! Integration tests of the counselling channel: the guest's link and passphrase, anonymity,
//! staff scope and access logging, internal notes, encryption at rest, deletion, retention.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is the failure report

mod app_manifest;
mod appointments;
mod attachments;
mod demo;
mod forum;
mod guest;
mod languages;
mod live;
mod sharing;
mod staff;
mod start;
mod statistics;
mod storage;

use hih_counselling::entities::conversation;
use hih_kernel::Role;
use hih_testkit::{Agent, TestApp};
use hih_users::testing::agent_for;
use sea_orm::{EntityTrait, QueryOrder};

/// The passphrase guests set in these tests.
pub const PASSPHRASE: &str = "Sicheres-Kennwort-4711!";

/// The features these tests need.
pub async fn app() -> TestApp {
    TestApp::on_base(hih_app::features(), &["applicants", "counselling"]).await
}

/// A logged-in AHK Vietnam staff member.
pub async fn vn_staff(app: &TestApp, name: &str) -> Agent {
    agent_for(app, Role::AhkStaff, name).await.0
}

/// Opens a conversation as `staff` and returns its id and the link's local path.
pub async fn open(staff: &Agent, pseudonym: &str) -> (i64, String) {
    let p = staff
        .submit(
            "/beratung/neu",
            &[("topic", "recognition"), ("pseudonym", pseudonym)],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    let to = p.location().unwrap().to_string();
    let id: i64 = to
        .trim_start_matches("/beratung/")
        .trim_end_matches("/link")
        .parse()
        .unwrap();
    let page = staff.get(&to).await;
    assert_eq!(page.status, 200);
    let marker = "id=\"guest-link\" type=\"text\" readonly value=\"";
    let start = page.body.find(marker).expect("link shown") + marker.len();
    let url = page.body[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&#x2f;", "/");
    let path = url[url.find("/beratung/gast/").expect("guest path")..].to_string();
    (id, path)
}

/// A guest who opened `link` and set the passphrase (signed in).
pub async fn signed_guest(app: &TestApp, link: &str) -> Agent {
    let g = app.agent();
    let p = g.get(link).await;
    assert_eq!(p.status, 200);
    assert!(
        p.contains("id=\"repeat\""),
        "first use asks for a passphrase"
    );
    let p = g
        .post(
            &format!("{link}/einrichten"),
            &[("passphrase", PASSPHRASE), ("repeat", PASSPHRASE)],
        )
        .await;
    assert_eq!(p.location(), Some(link));
    g
}

/// Posts a guest message.
pub async fn guest_writes(g: &Agent, link: &str, text: &str) {
    g.get(link).await;
    let p = g
        .post(&format!("{link}/nachricht"), &[("body", text)])
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
}

/// Posts a staff reply (`kind` reply) or internal note (`note`).
pub async fn staff_writes(staff: &Agent, id: i64, kind: &str, text: &str) {
    staff.get(&format!("/beratung/{id}")).await;
    let p = staff
        .post(
            &format!("/beratung/{id}/antwort"),
            &[("body", text), ("kind", kind)],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
}

/// All conversations.
pub async fn conversations(app: &TestApp) -> Vec<conversation::Model> {
    conversation::Entity::find()
        .order_by_asc(conversation::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

//! Test support for other crates' tests: conversations to route to, and the matrix rows.
//! Test support only: failures panic, the panic is the test's failure report.
#![allow(clippy::expect_used)]

pub mod appointments;
pub mod flows;
pub mod forum;
pub mod matrix;

use hih_db::UnitOfWork;
use hih_kernel::Actor;
use hih_testkit::TestApp;

use crate::service::{self, NewConversation};

/// Opens a conversation in `country` (opened by a job actor); returns its id and the token of
/// the guest's link.
pub async fn conversation_in(app: &TestApp, country: &str, pseudonym: &str) -> (i64, String) {
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .expect("uow");
    let opened = service::open(
        &mut uow,
        NewConversation {
            country: country.into(),
            topic: "other".into(),
            pseudonym: pseudonym.into(),
            applicant_id: None,
        },
    )
    .await
    .expect("open");
    uow.commit().await.expect("commit");
    (opened.conversation.id, opened.token)
}

/// Opens a conversation in `country` linked to applicant record `applicant`, shared for
/// integration if `shared`; returns its id.
pub async fn linked_conversation(
    app: &TestApp,
    country: &str,
    applicant: i64,
    shared: bool,
) -> i64 {
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .expect("uow");
    let opened = service::open(
        &mut uow,
        NewConversation {
            country: country.into(),
            topic: "recognition".into(),
            pseudonym: format!("Verknüpft-{applicant}"),
            applicant_id: Some(applicant),
        },
    )
    .await
    .expect("open");
    service::set_shared(&mut uow, &opened.conversation, shared)
        .await
        .expect("share");
    uow.commit().await.expect("commit");
    opened.conversation.id
}

/// A Vietnamese applicant opened to the IHK Erfurt (the test users' IHK) as a match opens it:
/// the access row the matching feature writes (the features stand side by side, so this
/// crate writes the row itself; the integration test `sharing.rs` goes through a real match).
/// Returns the applicant's id.
pub async fn applicant_opened_to_erfurt(app: &TestApp, last_name: &str) -> i64 {
    use sea_orm::{ActiveModelTrait, Set};
    let applicant = hih_applicants::testing::prospect_in(app, "VN", last_name, false).await;
    let erfurt = hih_users::testing::institution_id(app, "IHK Erfurt").await;
    hih_applicants::entities::applicant_access::ActiveModel {
        applicant_id: Set(applicant),
        district_id: Set(erfurt),
        reason: Set("match:test".into()),
        active: Set(true),
    }
    .insert(app.db())
    .await
    .expect("open the applicant");
    applicant
}

/// Adds a guest message with a PNG attachment to conversation `id`; returns the attachment's
/// id.
pub async fn attachment_in(app: &TestApp, id: i64) -> i64 {
    use sea_orm::EntityTrait;
    let c = crate::entities::conversation::Entity::find_by_id(id)
        .one(&app.services().db)
        .await
        .expect("read")
        .expect("conversation");
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let kind = crate::attachments::sniff(png).expect("png");
    let mut uow = UnitOfWork::begin(app.services(), &service::guest_actor())
        .await
        .expect("uow");
    let m = service::post(&mut uow, &c, crate::entities::message::GUEST, "")
        .await
        .expect("message");
    let a = crate::attachments::store(&mut uow, c.id, m.id, kind, png)
        .await
        .expect("attachment");
    uow.commit().await.expect("commit");
    a.id
}

/// Proposes a video appointment in conversation `id`, a week after the clock's now; returns
/// its id.
pub async fn appointment_in(app: &TestApp, id: i64) -> i64 {
    use sea_orm::EntityTrait;
    let c = crate::entities::conversation::Entity::find_by_id(id)
        .one(&app.services().db)
        .await
        .expect("read")
        .expect("conversation");
    let mut uow = UnitOfWork::begin(app.services(), &Actor::system("test"))
        .await
        .expect("uow");
    let starts = uow.now() + chrono::Duration::days(7);
    let a = crate::appointments::service::propose(&mut uow, &c, starts)
        .await
        .expect("appointment");
    uow.commit().await.expect("commit");
    a.id
}

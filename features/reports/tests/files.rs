//! The generated-file store: request, start once, finish with checksum, download; a failed
//! run keeps its reason; content never enters the audit log.

use hih_db::UnitOfWork;
use hih_db::entities::audit_log;
use hih_kernel::Actor;
use hih_reports::files::{self, KIND_REPORT, Request, Status};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::app;

fn report_request() -> Request {
    Request {
        kind: KIND_REPORT,
        title: "Monatsbericht 2026-10".into(),
        profile_id: None,
        period: Some((
            chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        )),
        file_name: "bericht-2026-10.xlsx".into(),
        content_type: hih_web::export::XLSX,
    }
}

#[tokio::test]
async fn a_file_goes_from_queued_to_done_once_with_its_checksum() {
    let app = app().await;
    let job = Actor::system("reports.test");
    let mut uow = UnitOfWork::begin(app.services(), &job).await.unwrap();
    let file = files::request(&mut uow, report_request()).await.unwrap();
    uow.commit().await.unwrap();
    assert_eq!(Status::parse(&file.status), Some(Status::Queued));
    assert!(files::download(file.clone()).is_none(), "not ready yet");

    let running = files::start(app.services(), &job, file.id).await.unwrap();
    assert!(running.is_some());
    let done = files::finish(app.services(), &job, file.id, b"abc".to_vec(), 7)
        .await
        .unwrap();
    assert_eq!(done.status, "done");
    assert_eq!(done.row_count, 7);
    assert_eq!(done.size_bytes, 3);
    assert_eq!(
        done.sha256,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    // A second delivery of the job finds it finished and does nothing.
    assert!(
        files::start(app.services(), &job, file.id)
            .await
            .unwrap()
            .is_none()
    );
    let stored = files::find(app.services(), file.id).await.unwrap().unwrap();
    assert_eq!(stored.content.as_deref(), Some(&b"abc"[..]));
    assert!(files::download(stored).is_some());

    // The audit trail has the states and the checksum, never the content.
    let entries = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("generated_file"))
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(entries.len(), 3, "create, running, done");
    assert!(entries.iter().all(|e| !e.changes.contains("content\"")));
    assert!(entries.iter().any(|e| e.changes.contains(&done.sha256)));
}

#[tokio::test]
async fn a_failed_file_keeps_its_reason_and_offers_no_download() {
    let app = app().await;
    let job = Actor::system("reports.test");
    let mut uow = UnitOfWork::begin(app.services(), &job).await.unwrap();
    let file = files::request(&mut uow, report_request()).await.unwrap();
    uow.commit().await.unwrap();
    files::fail(app.services(), &job, file.id, "Datenbank nicht erreichbar")
        .await
        .unwrap();
    let stored = files::find(app.services(), file.id).await.unwrap().unwrap();
    assert_eq!(stored.status, "failed");
    assert_eq!(stored.error, "Datenbank nicht erreichbar");
    assert!(stored.finished_at.is_some());
    assert!(files::download(stored).is_none());
}
